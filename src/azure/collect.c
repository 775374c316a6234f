/*
 * The collector's jobs: one per check, walking its source's parts in order.
 *
 * A part is read in one of three ways: a single paged list (Resource Graph
 * batches, an ARM tenant list, a Graph list: PH_PAGING), a fan-out of one
 * request per subscription or per resource fed to the engine through its
 * pump as room frees up (PH_FANOUT), preceded for per-resource parts by the
 * Resource Graph list of the resources (PH_LISTING). A part is over when
 * its last request is answered; the job then starts the next part or hands
 * its verdict to the caller.
 */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "apierr.h"
#include "collect_int.h"
#include "log.h"
#include "page.h"
#include "timeutil.h"
#include "xalloc.h"

void strlist_add(struct strlist *l, const char *s)
{
	ALLOC_GROW(l->v, l->n, l->alloc);
	l->v[l->n++] = xstrdup(s);
}

void strlist_release(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int strlist_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return 1;
	return 0;
}

struct req *collect_req_new(struct collector *co, struct job *job, enum req_kind kind)
{
	struct req *rq = xcalloc(1, sizeof(*rq));

	rq->co = co;
	rq->job = job;
	rq->kind = kind;
	rq->part = job ? job->part : 0;
	return rq;
}

void collect_req_free(struct req *rq)
{
	free(rq->sub);
	free(rq->scope);
	free(rq);
}

static void on_done(void *ctx, struct http_response *resp);

void collect_submit(struct collector *co, struct req *rq, const char *method, const char *url,
		    const char *body, enum http_aud aud, unsigned flags)
{
	struct http_request r;

	memset(&r, 0, sizeof(r));
	r.method = method;
	r.url = url;
	r.body = body;
	r.aud = aud;
	r.flags = flags;
	r.done = on_done;
	r.ctx = rq;
	if (rq->job)
		rq->job->outstanding++;
	http_submit(co->http, &r);
}

static void progress(struct collector *co)
{
	struct collect_progress p;
	size_t i;

	if (!co->cfg->on_progress)
		return;
	memset(&p, 0, sizeof(p));
	p.checks = co->njobs;
	p.checks_done = co->done;
	http_get_stats(co->http, &p.http);
	for (i = 0; i < co->njobs; i++) {
		const struct job *j = &co->jobs[i];
		if (j->phase == PH_DONE || (j->phase == PH_IDLE && !j->outstanding))
			continue;
		if (p.ncurrent < COLLECT_CURRENT_MAX)
			p.current[p.ncurrent] = j->check->id;
		p.ncurrent++;
	}
	co->cfg->on_progress(co->cfg->ctx, &p);
}

/* ---- ending a job ------------------------------------------------------- */

static void job_fail(struct job *j, enum check_cause cause, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void job_fail(struct job *j, enum check_cause cause, const char *fmt, ...)
{
	va_list ap;

	if (j->failed != CAUSE_NONE || j->cancelled)
		return;
	j->failed = cause;
	va_start(ap, fmt);
	vsnprintf(j->detail, sizeof(j->detail), fmt, ap);
	va_end(ap);
}

static void job_finish(struct job *j)
{
	struct collector *co = j->co;
	char when[32], line[512];

	if (j->phase == PH_DONE)
		return;
	j->phase = PH_DONE;
	strlist_release(&j->ids);
	if (j->cancelled) {
		if (j->run_started)
			eval_run_abort(&j->run);
		co->sum->unfinished++;
		co->done++;
		return;
	}
	if (j->failed != CAUSE_NONE) {
		if (j->run_started)
			eval_run_abort(&j->run);
		j->result.status = CHECK_NOT_ASSESSABLE;
		j->result.cause = j->failed;
		char *clean;
		snprintf(line, sizeof(line), "not assessable: %s (%s)", check_cause_text(j->failed),
			 j->detail);
		clean = redact_dup(line); /* the detail may quote a URL */
		check_result_set_summary(&j->result, clean);
		free(clean);
	} else {
		eval_run_finish(&j->run, &j->result);
	}
	j->run_started = 0;
	if (j->unrecorded) {
		char more[64];
		snprintf(more, sizeof(more), "(%lu more requests)", j->unrecorded);
		check_result_add_request(&j->result, "-", more, 0);
	}
	time_format_iso(time_now(), when, sizeof(when));
	free(j->result.collected_at);
	j->result.collected_at = xstrdup(when);
	if (j->result.status == CHECK_NOT_ASSESSABLE)
		co->sum->not_assessable++;
	else
		co->sum->assessed++;
	co->done++;
	log_msg(LOG_INFO, "check %s: %s%s%s", j->check->id, check_status_id(j->result.status),
		j->result.cause ? " " : "", check_cause_id(j->result.cause));
	if (co->cfg->on_result)
		co->cfg->on_result(co->cfg->ctx, &j->result);
	check_result_release(&j->result);
	check_result_init(&j->result, j->check->id);
	progress(co);
}

/* ---- starting parts ------------------------------------------------------ */

static void start_part(struct job *j);

static void submit_arg(struct collector *co, struct job *j, enum req_kind kind, const char *q)
{
	const char *const *subs = co->cfg->subscriptions;
	size_t n = co->cfg->subscriptions ? co->cfg->nsubscriptions : 0, from = 0;
	struct buf url = BUF_INIT(4096);

	collect_arg_url(co, &url);
	do {
		struct req *rq = collect_req_new(co, j, kind);
		char *body;
		rq->arg_query = q;
		rq->arg_from = from;
		rq->arg_n = n - from < COLLECT_ARG_BATCH ? n - from : COLLECT_ARG_BATCH;
		body = collect_arg_body(q, subs ? subs + from : NULL, rq->arg_n, NULL);
		collect_submit(co, rq, "POST", url.data, body, HTTP_AUD_ARM, HTTP_F_ARG);
		free(body);
		from += rq->arg_n;
	} while (from < n);
	buf_release(&url);
}

/* One request of a fan-out: subscription or resource number i. */
static void submit_fanout(struct collector *co, struct job *j, size_t i)
{
	const struct source_part *sp = &j->src.parts[j->part];
	struct req *rq = collect_req_new(co, j, RK_DOCS);
	struct buf url = BUF_INIT(16384), scope = BUF_INIT(4096);

	if (sp->per == SOURCE_PER_SUBSCRIPTION) {
		rq->sub = xstrdup(co->subs.v[i]);
		buf_addf(&scope, "/subscriptions/%s", rq->sub);
		collect_arm_url(co, sp, rq->sub, NULL, &url);
	} else {
		buf_addstr(&scope, j->ids.v[i]);
		collect_arm_url(co, sp, NULL, j->ids.v[i], &url);
	}
	rq->scope = buf_detach(&scope, NULL);
	collect_submit(co, rq, "GET", url.data, NULL, HTTP_AUD_ARM,
		       sp->per == SOURCE_PER_RESOURCE ? HTTP_F_RESOURCE : 0);
	buf_release(&url);
}

static size_t fanout_size(const struct job *j)
{
	return j->src.parts[j->part].per == SOURCE_PER_SUBSCRIPTION ? j->co->subs.n : j->ids.n;
}

/* Is the job's current part over? Then move on. */
static void part_check_end(struct job *j)
{
	if (j->phase == PH_DONE || j->outstanding)
		return;
	if (j->failed != CAUSE_NONE || j->cancelled) {
		job_finish(j);
		return;
	}
	if (j->phase == PH_LISTING) {
		j->phase = PH_FANOUT;
		j->cursor = 0;
	}
	if (j->phase == PH_FANOUT && j->cursor < fanout_size(j))
		return; /* the pump feeds the rest */
	if (j->phase == PH_IDLE)
		return;
	if (j->part + 1 < j->src.nparts) {
		j->part++;
		start_part(j);
		return;
	}
	job_finish(j);
}

/* Licence known to be missing? Then the job ends before any request. */
static int licence_missing(struct job *j)
{
	return j->co->skus_state == PRE_DONE && collect_licence_missing(j->check->licence, &j->co->plans);
}

static void start_part(struct job *j)
{
	struct collector *co = j->co;
	const struct source_part *sp = &j->src.parts[j->part];
	struct buf url = BUF_INIT(16384);
	struct req *rq;

	if (j->part == 0 && j->check->licence && co->skus_state == PRE_PENDING) {
		j->phase = PH_IDLE;
		return;
	}
	if (j->part == 0 && licence_missing(j)) {
		job_fail(j, CAUSE_LICENCE, "the tenant has no '%s' licence in subscribedSkus",
			 j->check->licence);
		job_finish(j);
		return;
	}
	if (!j->run_started) {
		if (eval_run_begin(&j->run, j->check)) {
			job_fail(j, CAUSE_API_ERROR, "no evaluator '%s'", j->check->evaluator);
			job_finish(j);
			return;
		}
		j->run_started = 1;
	}
	switch (sp->api) {
	case SOURCE_ARG:
		j->phase = PH_PAGING;
		submit_arg(co, j, RK_DOCS, sp->query);
		break;
	case SOURCE_GRAPH:
		j->phase = PH_PAGING;
		collect_graph_url(co, sp, &url);
		rq = collect_req_new(co, j, RK_DOCS);
		collect_submit(co, rq, "GET", url.data, NULL, HTTP_AUD_GRAPH,
			       sp->eventual ? HTTP_F_EVENTUAL : 0);
		break;
	case SOURCE_ARM:
		if (sp->per == SOURCE_PER_TENANT) {
			j->phase = PH_PAGING;
			if (collect_arm_url(co, sp, NULL, NULL, &url)) {
				job_fail(j, CAUSE_API_ERROR, "the tenant id is not known");
				break;
			}
			rq = collect_req_new(co, j, RK_DOCS);
			collect_submit(co, rq, "GET", url.data, NULL, HTTP_AUD_ARM, 0);
		} else if (sp->per == SOURCE_PER_RESOURCE) {
			j->phase = PH_LISTING;
			strlist_release(&j->ids);
			submit_arg(co, j, RK_IDS, sp->resources);
		} else if (co->subs_state == PRE_PENDING) {
			j->phase = PH_IDLE;
		} else if (co->subs_state == PRE_FAILED) {
			j->phase = PH_FANOUT;
			job_fail(j, co->subs_cause, "cannot list subscriptions: %s", co->subs_detail);
		} else {
			j->phase = PH_FANOUT;
			j->cursor = 0;
		}
		break;
	}
	buf_release(&url);
	part_check_end(j);
}

void collect_wake(struct collector *co)
{
	size_t i;

	for (i = 0; i < co->njobs; i++)
		if (co->jobs[i].phase == PH_IDLE)
			start_part(&co->jobs[i]);
}

/* The engine's pump: feed fan-outs while the queue is short. */
static void pump(void *ctx)
{
	struct collector *co = ctx;
	size_t limit = 2 * (size_t)http_concurrency(co->http), i;

	for (i = 0; i < co->njobs && http_queued(co->http) < limit; i++) {
		struct job *j = &co->jobs[i];
		if (j->phase != PH_FANOUT || j->failed != CAUSE_NONE)
			continue;
		while (j->cursor < fanout_size(j) && http_queued(co->http) < limit)
			submit_fanout(co, j, j->cursor++);
		part_check_end(j);
	}
}

static void tick(void *ctx)
{
	progress(ctx);
}

/* ---- answers -------------------------------------------------------------- */

static void record(struct job *j, const struct http_response *resp)
{
	char *url;

	if (j->result.nrequests >= COLLECT_REQUESTS_MAX) {
		j->unrecorded++;
		return;
	}
	url = redact_dup(resp->url);
	check_result_add_request(&j->result, resp->method, url, (int)resp->status);
	free(url);
}

static enum check_cause outcome_cause(enum http_outcome o)
{
	switch (o) {
	case HTTP_ERR_TIMEOUT:
	case HTTP_ERR_DEADLINE:
		return CAUSE_TIMEOUT;
	case HTTP_ERR_AUTH:
		return CAUSE_PERMISSION;
	default:
		return CAUSE_API_ERROR;
	}
}

/* Documents of a page into the job's evaluator (or its id list). */
static void deliver(struct job *j, struct req *rq, const struct page *pg)
{
	struct eval_ctx ctx = { rq->part, rq->sub, rq->scope };
	const cJSON *d;

	if (rq->kind == RK_IDS) {
		cJSON_ArrayForEach(d, pg->docs) {
			const cJSON *id = cJSON_GetObjectItemCaseSensitive(d, "id");
			if (cJSON_IsString(id) && id->valuestring && id->valuestring[0] == '/')
				strlist_add(&j->ids, id->valuestring);
		}
		return;
	}
	if (pg->docs)
		eval_run_page(&j->run, pg->docs, &ctx);
	else
		eval_run_doc(&j->run, pg->one, &ctx);
}

/* Ask for the next page of the list rq belongs to; 0 when there is none. */
static int next_page(struct collector *co, struct req *rq, const struct http_response *resp,
		     const struct page *pg)
{
	struct req *nx;
	enum http_aud aud = rq->kind == RK_SKUS || (rq->job && rq->job->src.parts[rq->part].api ==
							SOURCE_GRAPH)
				    ? HTTP_AUD_GRAPH
				    : HTTP_AUD_ARM;

	if (!pg->next && !pg->skip_token)
		return 0;
	nx = collect_req_new(co, rq->job, rq->kind);
	nx->part = rq->part;
	nx->sub = xstrdup_or_null(rq->sub);
	nx->scope = xstrdup_or_null(rq->scope);
	nx->arg_query = rq->arg_query;
	nx->arg_from = rq->arg_from;
	nx->arg_n = rq->arg_n;
	if (pg->skip_token && rq->arg_query) {
		const char *const *subs = co->cfg->subscriptions;
		char *body = collect_arg_body(rq->arg_query, subs ? subs + rq->arg_from : NULL,
					      rq->arg_n, pg->skip_token);
		collect_submit(co, nx, "POST", resp->url, body, HTTP_AUD_ARM, HTTP_F_ARG | HTTP_F_URGENT);
		free(body);
	} else {
		collect_submit(co, nx, "GET", pg->next, NULL, aud,
			       (resp->flags & ~(unsigned)HTTP_F_ARG) | HTTP_F_URGENT);
	}
	return 1;
}

/* A 2xx answer: judge its page, follow its next link. */
static void answer_ok(struct collector *co, struct req *rq, struct http_response *resp)
{
	struct job *j = rq->job;
	struct errmsg em = ERRMSG_INIT;
	struct page pg;

	if (page_parse(resp->body.data, resp->body.len, &pg, &em)) {
		if (j)
			job_fail(j, CAUSE_API_ERROR, "%s from %s", errmsg_text(&em), resp->url);
		else
			collect_prereq_failed(co, rq, CAUSE_API_ERROR, errmsg_text(&em));
		return;
	}
	buf_release(&resp->body);
	if (pg.truncated && !pg.skip_token) {
		if (j)
			job_fail(j, CAUSE_API_ERROR, "Resource Graph truncated the result");
		else
			collect_prereq_failed(co, rq, CAUSE_API_ERROR, "Resource Graph truncated the result");
	} else if (j) {
		deliver(j, rq, &pg);
		if (j->failed == CAUSE_NONE)
			next_page(co, rq, resp, &pg);
	} else {
		collect_prereq_page(co, rq, pg.docs);
		if (!next_page(co, rq, resp, &pg))
			collect_prereq_done(co, rq);
	}
	page_release(&pg);
}

/* A non-2xx answer, after the engine's retries. */
static void answer_error(struct collector *co, struct req *rq, const struct http_response *resp)
{
	struct api_error e;
	enum api_verdict v;

	api_error_parse(resp->body.data, resp->body.len, &e);
	v = api_error_verdict(resp->status, &e, (resp->flags & HTTP_F_RESOURCE) != 0);
	if (!rq->job) {
		if (v == API_EMPTY)
			collect_prereq_done(co, rq);
		else
			collect_prereq_failed(co, rq, api_verdict_cause(v), e.code[0] ? e.code : "error");
		return;
	}
	if (v == API_EMPTY)
		rq->job->empty++;
	else if (v == API_SKIP)
		rq->job->skipped++;
	else
		job_fail(rq->job, api_verdict_cause(v), "HTTP %ld%s%s from %s", resp->status,
			 e.code[0] ? " " : "", e.code, resp->url);
}

static void on_done(void *ctx, struct http_response *resp)
{
	struct req *rq = ctx;
	struct collector *co = rq->co;
	struct job *j = rq->job;

	if (j) {
		j->outstanding--;
		record(j, resp);
	}
	if (resp->outcome == HTTP_ERR_CANCELLED) {
		if (j)
			j->cancelled = 1;
		else
			collect_prereq_failed(co, rq, CAUSE_NOT_COLLECTED, "cancelled");
	} else if (resp->outcome != HTTP_DONE) {
		if (j && j->failed == CAUSE_NONE)
			job_fail(j, outcome_cause(resp->outcome), "%s: %s", http_outcome_name(resp->outcome),
				 resp->detail);
		else if (!j)
			collect_prereq_failed(co, rq, outcome_cause(resp->outcome), resp->detail);
	} else if (j && j->failed != CAUSE_NONE) {
		/* the check already failed: nothing more to judge */
	} else if (resp->status >= 200 && resp->status < 300) {
		answer_ok(co, rq, resp);
	} else {
		answer_error(co, rq, resp);
	}
	if (j)
		part_check_end(j);
	collect_req_free(rq);
	progress(co);
}

/* ---- the run -------------------------------------------------------------- */

static void jobs_init(struct collector *co, const struct cat_check *const *checks, size_t n)
{
	size_t i;

	co->jobs = xcalloc(n ? n : 1, sizeof(*co->jobs));
	co->njobs = n;
	for (i = 0; i < n; i++) {
		struct job *j = &co->jobs[i];
		j->co = co;
		j->check = checks[i];
		j->phase = PH_IDLE;
		check_result_init(&j->result, checks[i]->id);
		if (source_parse(checks[i]->source, &j->src, NULL, NULL, NULL)) {
			j->src.nparts = 0;
			job_fail(j, CAUSE_API_ERROR, "the check's source is invalid");
		}
	}
}

static int needs_subscriptions(const struct collector *co)
{
	size_t i, k;

	for (i = 0; i < co->njobs; i++)
		for (k = 0; k < co->jobs[i].src.nparts; k++)
			if (co->jobs[i].src.parts[k].api == SOURCE_ARM &&
			    co->jobs[i].src.parts[k].per == SOURCE_PER_SUBSCRIPTION)
				return 1;
	return 0;
}

static int needs_licences(const struct collector *co)
{
	const char *plans[4];
	size_t i;

	for (i = 0; i < co->njobs; i++)
		if (co->jobs[i].check->licence &&
		    collect_licence_plans(co->jobs[i].check->licence, plans, 4))
			return 1;
	return 0;
}

void collect_http_config(const struct collect_config *cfg, struct http_auth *auth,
			 struct http_config *hc)
{
	memset(hc, 0, sizeof(*hc));
	cred_auth(cfg->cred, auth);
	hc->concurrency = cfg->concurrency;
	hc->timeout_ms = cfg->timeout_ms;
	hc->deadline_ms = cfg->deadline_ms;
	hc->ca_bundle = cfg->cloud->ca_bundle;
	hc->arm_origin = cfg->cloud->arm;
	hc->graph_origin = cfg->cloud->graph;
	hc->auth = auth;
	hc->cancel = cfg->cancel;
}

enum az_err collect_run(const struct collect_config *cfg, const struct cat_check *const *checks,
			size_t n, struct collect_summary *sum, struct errmsg *em)
{
	struct collector co;
	struct http_config hc;
	struct http_auth auth;
	enum az_err rc;
	size_t i;

	memset(sum, 0, sizeof(*sum));
	memset(&co, 0, sizeof(co));
	co.cfg = cfg;
	co.sum = sum;
	sum->checks = n;
	collect_http_config(cfg, &auth, &hc);
	hc.pump = pump;
	hc.tick = tick;
	hc.ctx = &co;
	co.http = http_engine_new(&hc);
	jobs_init(&co, checks, n);
	co.subs_state = needs_subscriptions(&co) ? PRE_PENDING : PRE_UNNEEDED;
	co.skus_state = needs_licences(&co) ? PRE_PENDING : PRE_UNNEEDED;
	collect_prereqs_start(&co);
	for (i = 0; i < n; i++) {
		if (co.jobs[i].failed != CAUSE_NONE)
			job_finish(&co.jobs[i]);
		else
			start_part(&co.jobs[i]);
	}
	rc = http_engine_run(co.http, em);
	for (i = 0; i < n; i++) {
		struct job *j = &co.jobs[i];
		if (j->phase == PH_DONE)
			continue;
		if (rc == AZ_ERR_CANCELLED)
			j->cancelled = 1;
		else
			job_fail(j, rc == AZ_ERR_TIMEOUT ? CAUSE_TIMEOUT : CAUSE_API_ERROR,
				 "the run ended before this check could finish");
		job_finish(j);
	}
	sum->subscriptions = co.subs.n;
	sum->cancelled = rc == AZ_ERR_CANCELLED;
	http_get_stats(co.http, &sum->http);
	for (i = 0; i < n; i++)
		check_result_release(&co.jobs[i].result);
	free(co.jobs);
	strlist_release(&co.subs);
	strlist_release(&co.plans);
	http_engine_free(&co.http);
	return rc == AZ_ERR_CANCELLED ? rc : AZ_OK;
}
