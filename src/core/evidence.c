#include "evidence.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const status_ids[] = {
#define X_ID(e, s) s,
	CHECK_STATUS_LIST(X_ID)
#undef X_ID
};

static const char *const cause_ids[] = {
#define X_ID(e, s, d) s,
	CHECK_CAUSE_LIST(X_ID)
#undef X_ID
};

static const char *const cause_texts[] = {
#define X_TEXT(e, s, d) d,
	CHECK_CAUSE_LIST(X_TEXT)
#undef X_TEXT
};

static const char *const run_ids[] = {
#define X_ID(e, s) s,
	RUN_STATUS_LIST(X_ID)
#undef X_ID
};

static int lookup(const char *const *table, int n, const char *s)
{
	int i;

	if (!s)
		return -1;
	for (i = 0; i < n; i++)
		if (!strcmp(table[i], s))
			return i;
	return -1;
}

const char *check_status_id(enum check_status s)
{
	return (unsigned)s < CHECK_STATUS__COUNT ? status_ids[s] : "?";
}

int check_status_parse(const char *s)
{
	return lookup(status_ids, CHECK_STATUS__COUNT, s);
}

const char *check_cause_id(enum check_cause c)
{
	return (unsigned)c < CHECK_CAUSE__COUNT ? cause_ids[c] : "?";
}

const char *check_cause_text(enum check_cause c)
{
	return (unsigned)c < CHECK_CAUSE__COUNT ? cause_texts[c] : "?";
}

int check_cause_parse(const char *s)
{
	return lookup(cause_ids, CHECK_CAUSE__COUNT, s);
}

const char *run_status_id(enum run_status s)
{
	return (unsigned)s < RUN_STATUS__COUNT ? run_ids[s] : "?";
}

int run_status_parse(const char *s)
{
	return lookup(run_ids, RUN_STATUS__COUNT, s);
}

void check_result_init(struct check_result *r, const char *check_id)
{
	memset(r, 0, sizeof(*r));
	r->check_id = xstrdup(check_id);
	r->status = CHECK_NOT_ASSESSABLE;
	r->cause = CAUSE_NOT_COLLECTED;
	r->summary = xstrdup("");
	r->collected_at = xstrdup("");
}

void check_result_release(struct check_result *r)
{
	size_t i;

	free(r->check_id);
	free(r->summary);
	free(r->collected_at);
	for (i = 0; i < r->noffenders; i++) {
		free(r->offenders[i].id);
		free(r->offenders[i].name);
		free(r->offenders[i].detail);
	}
	free(r->offenders);
	for (i = 0; i < r->nrequests; i++) {
		free(r->requests[i].method);
		free(r->requests[i].url);
	}
	free(r->requests);
	memset(r, 0, sizeof(*r));
}

void check_result_copy(struct check_result *dst, const struct check_result *src)
{
	size_t i;

	check_result_init(dst, src->check_id);
	dst->status = src->status;
	dst->cause = src->cause;
	dst->healthy = src->healthy;
	dst->total = src->total;
	check_result_set_summary(dst, src->summary);
	for (i = 0; i < src->noffenders; i++)
		check_result_add_offender(dst, src->offenders[i].id, src->offenders[i].name,
					  src->offenders[i].detail);
	dst->offending_total = src->offending_total;
	for (i = 0; i < src->nrequests; i++)
		check_result_add_request(dst, src->requests[i].method, src->requests[i].url,
					 src->requests[i].status);
	free(dst->collected_at);
	dst->collected_at = xstrdup(src->collected_at ? src->collected_at : "");
	dst->run_id = src->run_id;
}

void check_result_add_offender(struct check_result *r, const char *id, const char *name,
			       const char *detail)
{
	struct offender *o;

	ALLOC_GROW(r->offenders, r->noffenders, r->offenders_alloc);
	o = &r->offenders[r->noffenders++];
	o->id = xstrdup(id ? id : "");
	o->name = xstrdup(name ? name : "");
	o->detail = xstrdup(detail ? detail : "");
	if (r->offending_total < r->noffenders)
		r->offending_total = r->noffenders;
}

void check_result_add_request(struct check_result *r, const char *method, const char *url,
			      int status)
{
	struct check_request *q;

	ALLOC_GROW(r->requests, r->nrequests, r->requests_alloc);
	q = &r->requests[r->nrequests++];
	q->method = xstrdup(method ? method : "");
	q->url = xstrdup(url ? url : "");
	q->status = status;
}

void check_result_set_summary(struct check_result *r, const char *summary)
{
	free(r->summary);
	r->summary = xstrdup(summary ? summary : "");
}

double check_result_ratio(const struct check_result *r)
{
	switch (r->status) {
	case CHECK_PASS:
		return 1.0;
	case CHECK_FAIL:
		return 0.0;
	case CHECK_PARTIAL:
		return r->total ? (double)r->healthy / (double)r->total : 0.0;
	default:
		return -1.0;
	}
}

const struct check_result *evidence_find(const struct evidence_set *e, const char *check_id)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->r[i].check_id, check_id))
			return &e->r[i];
	return NULL;
}

void evidence_put(struct evidence_set *e, const struct check_result *r)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		if (!strcmp(e->r[i].check_id, r->check_id)) {
			struct check_result copy;
			check_result_copy(&copy, r);
			check_result_release(&e->r[i]);
			e->r[i] = copy;
			return;
		}
	}
	ALLOC_GROW(e->r, e->n, e->alloc);
	check_result_copy(&e->r[e->n++], r);
}

void evidence_release(struct evidence_set *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		check_result_release(&e->r[i]);
	free(e->r);
	e->r = NULL;
	e->n = e->alloc = 0;
}

void evidence_run_init(struct evidence_run *run)
{
	memset(run, 0, sizeof(*run));
	run->source = xstrdup("live");
	run->started_at = xstrdup("");
	run->finished_at = xstrdup("");
	run->status = RUN_RUNNING;
	run->identity = xstrdup("");
	run->cloud = xstrdup("");
	run->endpoints = xstrdup("");
	run->scope = xstrdup("");
	run->detail = xstrdup("");
}

void evidence_run_release(struct evidence_run *run)
{
	free(run->source);
	free(run->started_at);
	free(run->finished_at);
	free(run->identity);
	free(run->cloud);
	free(run->endpoints);
	free(run->scope);
	free(run->detail);
	memset(run, 0, sizeof(*run));
}
