/*
 * A collection run in the store: begin or resume, results, finish.
 */
#include "collect_book.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void collect_book_result(struct collect_book *k, const struct check_result *r)
{
	struct errmsg em = ERRMSG_INIT;

	if (store_result_put(k->st, k->run_id, r, 0, &em) && !k->store_err.code)
		k->store_err = em;
	briefs_add(&k->b, r);
}

/* A resumed run's summary covers the results it kept from before. */
static void add_prior(struct collect_book *k, const struct evidence_set *prior,
		      const struct azure_session *s)
{
	size_t i, j;

	for (i = 0; prior && i < prior->n; i++) {
		for (j = 0; j < s->nchecks && strcmp(s->checks[j]->id, prior->r[i].check_id); j++)
			;
		if (j == s->nchecks)
			briefs_add(&k->b, &prior->r[i]);
	}
}

void collect_book_release(struct collect_book *k)
{
	briefs_release(&k->b);
	memset(k, 0, sizeof(*k));
}

/* The run's scope as JSON text: {"checks": [...], "subscriptions": [...] or null}. */
static char *scope_json(const struct azure_session *s)
{
	cJSON *o = cJSON_CreateObject(), *a;
	char *p, *copy;
	size_t i;

	a = cJSON_AddArrayToObject(o, "checks");
	for (i = 0; i < s->nchecks; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(s->checks[i]->id));
	if (s->subs) {
		a = cJSON_AddArrayToObject(o, "subscriptions");
		for (i = 0; i < s->nsubs; i++)
			cJSON_AddItemToArray(a, cJSON_CreateString(s->subs[i]));
	} else {
		cJSON_AddNullToObject(o, "subscriptions");
	}
	p = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	copy = xstrdup(p);
	cJSON_free(p);
	return copy;
}

/* "a,b,c" from a JSON array of strings (heap), or NULL for null/absent. */
static char *join(const cJSON *arr)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	const cJSON *v;

	if (!cJSON_IsArray(arr))
		return NULL;
	cJSON_ArrayForEach(v, arr) {
		if (!cJSON_IsString(v))
			continue;
		if (b.len)
			buf_addch(&b, ',');
		buf_addstr(&b, v->valuestring);
	}
	return buf_detach(&b, NULL);
}

/* A check a resumed run should (re)collect: no result, or one cut short. */
static int unfinished(const struct evidence_set *done, const char *id)
{
	const struct check_result *r = evidence_find(done, id);

	return !r || (r->status == CHECK_NOT_ASSESSABLE &&
		      (r->cause == CAUSE_THROTTLED || r->cause == CAUSE_TIMEOUT ||
		       r->cause == CAUSE_NOT_COLLECTED));
}

enum az_err collect_resume_find(struct store *st, long long aid, struct collect_resume *rs,
				struct errmsg *em)
{
	struct evidence_run *runs = NULL;
	size_t n = 0, i;
	cJSON *scope = NULL;
	enum az_err rc;

	memset(rs, 0, sizeof(*rs));
	rc = store_runs_list(st, aid, &runs, &n, em);
	if (rc)
		return rc;
	for (i = 0; i < n && runs[i].status != RUN_INTERRUPTED; i++)
		;
	if (i == n) {
		rc = errmsg_set(em, AZ_ERR_NOTFOUND, "assessment %lld has no interrupted run to resume", aid);
		goto out;
	}
	rs->run_id = runs[i].id;
	scope = cJSON_Parse(runs[i].scope);
	rs->checks = join(cJSON_GetObjectItemCaseSensitive(scope, "checks"));
	rs->subs = join(cJSON_GetObjectItemCaseSensitive(scope, "subscriptions"));
	rc = store_evidence_run(st, rs->run_id, 0, &rs->done, em);
out:
	cJSON_Delete(scope);
	store_runs_free(runs, n);
	return rc;
}

void collect_resume_release(struct collect_resume *rs)
{
	free(rs->checks);
	free(rs->subs);
	evidence_release(&rs->done);
	memset(rs, 0, sizeof(*rs));
}

void collect_resume_keep(struct azure_session *s, const struct collect_resume *rs)
{
	size_t i, k = 0;

	for (i = 0; i < s->nchecks; i++)
		if (unfinished(&rs->done, s->checks[i]->id))
			s->checks[k++] = s->checks[i];
	s->nchecks = k;
}

size_t collect_resume_left(const struct collect_resume *rs)
{
	const char *p = rs->checks;
	char id[256];
	size_t n = 0;

	while (p && *p) {
		size_t len = strcspn(p, ",");
		if (len && len < sizeof(id)) {
			memcpy(id, p, len);
			id[len] = '\0';
			n += unfinished(&rs->done, id) ? 1 : 0;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	return n;
}

enum az_err collect_book_begin(struct collect_book *k, struct store *st, long long aid,
			       const struct azure_session *s, const struct collect_resume *rs,
			       struct errmsg *em)
{
	struct evidence_run r;
	enum az_err rc;

	memset(k, 0, sizeof(*k));
	k->st = st;
	if (rs && rs->run_id) {
		rc = store_run_resume(st, rs->run_id, em);
		if (rc)
			return rc;
		k->run_id = rs->run_id;
		add_prior(k, &rs->done, s);
		return AZ_OK;
	}
	evidence_run_init(&r);
	free(r.source);
	r.source = xstrdup("live");
	free(r.identity);
	r.identity = xstrdup(cred_identity(s->cred));
	free(r.cloud);
	r.cloud = xstrdup(s->cloud.name);
	free(r.endpoints);
	r.endpoints = cloud_endpoints_json(&s->cloud);
	free(r.scope);
	r.scope = scope_json(s);
	rc = store_run_begin(st, aid, &r, &k->run_id, em);
	evidence_run_release(&r);
	return rc;
}

enum run_status collect_book_status(const struct collect_book *k, int cancelled)
{
	if (cancelled)
		return RUN_INTERRUPTED;
	return briefs_partial(&k->b) ? RUN_PARTIAL : RUN_COMPLETE;
}

enum az_err collect_book_finish(struct collect_book *k, int cancelled, enum run_status *out,
				struct errmsg *em)
{
	enum run_status status = collect_book_status(k, cancelled);
	enum az_err rc;

	rc = store_run_finish(k->st, k->run_id, status,
			      status == RUN_INTERRUPTED ? "cancelled before the run finished" : NULL, em);
	if (!rc && out)
		*out = status;
	return rc;
}
