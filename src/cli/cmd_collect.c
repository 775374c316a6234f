/*
 * azmat collect ID: sign in, run the checks against the tenant, store each
 * result as it comes (a run of its own: earlier runs are never touched),
 * and summarise. --resume finishes the newest interrupted run.
 */
#include <cjson/cJSON.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_azure.h"
#include "cli_briefs.h"
#include "cli_progress.h"
#include "collect.h"
#include "compat.h"
#include "log.h"
#include "strutil.h"
#include "timeutil.h"
#include "xalloc.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_collect = {
	"collect", run, "Collect evidence from the tenant: run the checks and store the results",
	"collect ID [--auth KIND] [--cloud NAME] [--subscriptions ID,...] [--checks ID,...]\n"
	"       [--concurrency N] [--resume] [--json]"
};

struct collecting {
	struct cli *c;
	struct store *st;
	long long run_id;
	struct cli_progress bar;
	struct briefs b;
	struct errmsg store_err;
};

static void on_result(void *ctx, const struct check_result *r)
{
	struct collecting *k = ctx;
	struct errmsg em = ERRMSG_INIT;

	if (store_result_put(k->st, k->run_id, r, 0, &em) && !k->store_err.code)
		k->store_err = em;
	briefs_add(&k->b, r);
}

/* A resumed run's summary covers the results it kept from before. */
static void add_prior(struct collecting *k, const struct evidence_set *prior,
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

static void on_progress(void *ctx, const struct collect_progress *p)
{
	struct collecting *k = ctx;

	cli_progress_update(&k->bar, p);
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

struct resume {
	long long run_id;
	char *checks;
	char *subs;
	struct evidence_set done;
};

static int find_resume(struct cli *c, struct store *st, long long aid, struct resume *rs)
{
	struct errmsg em = ERRMSG_INIT;
	struct evidence_run *runs = NULL;
	size_t n = 0, i;
	cJSON *scope = NULL;
	int ret = EXIT_OK;

	if (store_runs_list(st, aid, &runs, &n, &em))
		return cli_fail_em(c, &em);
	for (i = 0; i < n && runs[i].status != RUN_INTERRUPTED; i++)
		;
	if (i == n) {
		ret = cli_fail(c, AZ_ERR_NOTFOUND, "assessment %lld has no interrupted run to resume", aid);
		goto out;
	}
	rs->run_id = runs[i].id;
	scope = cJSON_Parse(runs[i].scope);
	rs->checks = join(cJSON_GetObjectItemCaseSensitive(scope, "checks"));
	rs->subs = join(cJSON_GetObjectItemCaseSensitive(scope, "subscriptions"));
	if (store_evidence_run(st, rs->run_id, 0, &rs->done, &em))
		ret = cli_fail_em(c, &em);
out:
	cJSON_Delete(scope);
	store_runs_free(runs, n);
	return ret;
}

/* Keep only the checks a resumed run still needs. */
static void keep_unfinished(struct azure_session *s, const struct evidence_set *done)
{
	size_t i, k = 0;

	for (i = 0; i < s->nchecks; i++)
		if (unfinished(done, s->checks[i]->id))
			s->checks[k++] = s->checks[i];
	s->nchecks = k;
}

static enum run_status final_status(const struct collecting *k, const struct collect_summary *sum)
{
	if (sum->cancelled)
		return RUN_INTERRUPTED;
	return briefs_partial(&k->b) ? RUN_PARTIAL : RUN_COMPLETE;
}

static void print_text(struct cli *c, const struct collecting *k, const struct collect_summary *sum,
		       long long run_id, enum run_status status, int64_t ms)
{
	size_t counts[CHECK_STATUS__COUNT] = { 0 };

	briefs_print(c->out, &k->b, counts);
	fprintf(c->out,
		"run %lld %s: %zu checks, %zu pass, %zu fail, %zu partial, %zu not assessable%s; "
		"%lu requests (%lu retried, %lu throttled) in %.1f s\n",
		run_id, run_status_id(status), k->b.n + sum->unfinished, counts[CHECK_PASS], counts[CHECK_FAIL],
		counts[CHECK_PARTIAL], counts[CHECK_NOT_ASSESSABLE],
		sum->unfinished ? ", some not finished" : "", sum->http.completed, sum->http.retries,
		sum->http.throttled, (double)ms / 1000.0);
}

static int print_json(struct cli *c, const struct collecting *k, const struct collect_summary *sum,
		      long long run_id, enum run_status status, int64_t ms)
{
	cJSON *o = cJSON_CreateObject(), *arr;
	size_t i;

	cJSON_AddNumberToObject(o, "run", (double)run_id);
	cJSON_AddStringToObject(o, "status", run_status_id(status));
	cJSON_AddNumberToObject(o, "checks", (double)(k->b.n + sum->unfinished));
	cJSON_AddNumberToObject(o, "assessed", (double)sum->assessed);
	cJSON_AddNumberToObject(o, "not_assessable", (double)sum->not_assessable);
	cJSON_AddNumberToObject(o, "unfinished", (double)sum->unfinished);
	cJSON_AddNumberToObject(o, "requests", (double)sum->http.completed);
	cJSON_AddNumberToObject(o, "attempts", (double)sum->http.sent);
	cJSON_AddNumberToObject(o, "retries", (double)sum->http.retries);
	cJSON_AddNumberToObject(o, "throttled", (double)sum->http.throttled);
	cJSON_AddNumberToObject(o, "throttle_wait_seconds", (double)sum->http.throttle_wait_ms / 1000.0);
	cJSON_AddNumberToObject(o, "subscriptions", (double)sum->subscriptions);
	cJSON_AddNumberToObject(o, "seconds", (double)ms / 1000.0);
	arr = cJSON_AddArrayToObject(o, "results");
	for (i = 0; i < k->b.n; i++)
		cJSON_AddItemToArray(arr, brief_json(&k->b.v[i]));
	return cli_print_json(c, o);
}

static int begin_run(struct cli *c, struct store *st, long long aid, struct azure_session *s,
		     long long resume_id, long long *run_id)
{
	struct errmsg em = ERRMSG_INIT;
	struct evidence_run r;
	int ret = EXIT_OK;

	if (resume_id) {
		if (store_run_resume(st, resume_id, &em))
			return cli_fail_em(c, &em);
		*run_id = resume_id;
		return EXIT_OK;
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
	if (store_run_begin(st, aid, &r, run_id, &em))
		ret = cli_fail_em(c, &em);
	evidence_run_release(&r);
	return ret;
}

static int collect(struct cli *c, struct store *st, long long aid, struct azure_session *s,
		   const struct azure_opts *o, long deadline_s, const struct resume *rs,
		   volatile sig_atomic_t *cancel)
{
	struct collecting k;
	struct collect_config cfg;
	struct collect_summary sum;
	struct errmsg em = ERRMSG_INIT;
	enum run_status status;
	int64_t t0 = time_mono_ms();
	int ret;

	memset(&k, 0, sizeof(k));
	k.c = c;
	k.st = st;
	ret = begin_run(c, st, aid, s, rs->run_id, &k.run_id);
	if (ret)
		return ret;
	add_prior(&k, &rs->done, s);
	log_msg(LOG_INFO, "run %lld: %zu checks as %s", k.run_id, s->nchecks, cred_identity(s->cred));
	cli_progress_init(&k.bar, c->err, !o->json);
	memset(&cfg, 0, sizeof(cfg));
	cfg.cloud = &s->cloud;
	cfg.cred = s->cred;
	cfg.concurrency = s->concurrency;
	cfg.timeout_ms = s->timeout_ms;
	cfg.deadline_ms = deadline_s ? t0 + deadline_s * 1000 : 0;
	cfg.subscriptions = (const char *const *)s->subs;
	cfg.nsubscriptions = s->nsubs;
	cfg.cancel = cancel;
	cfg.on_result = on_result;
	cfg.on_progress = on_progress;
	cfg.ctx = &k;
	collect_run(&cfg, s->checks, s->nchecks, &sum, &em);
	cli_progress_clear(&k.bar);
	status = final_status(&k, &sum);
	if (store_run_finish(st, k.run_id, status,
			     status == RUN_INTERRUPTED ? "cancelled before the run finished" : NULL, &em))
		ret = cli_fail_em(c, &em);
	else if (k.store_err.code)
		ret = cli_fail_em(c, &k.store_err);
	else if (o->json)
		ret = print_json(c, &k, &sum, k.run_id, status, time_mono_ms() - t0);
	else
		print_text(c, &k, &sum, k.run_id, status, time_mono_ms() - t0);
	if (!ret)
		ret = status == RUN_COMPLETE ? EXIT_OK : status == RUN_PARTIAL ? EXIT_PARTIAL : EXIT_FAIL;
	briefs_release(&k.b);
	return ret;
}

static int run(struct cli *c, int argc, char **argv)
{
	static volatile sig_atomic_t cancel;
	struct azure_opts o;
	struct arg_opt opts[AZURE_NOPTS + 2];
	struct azure_session s;
	struct resume rs;
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	const char *deadline = NULL;
	struct assessment a;
	struct store *st;
	struct args pos;
	int resume = 0, ret;
	long deadline_s = 0;
	size_t n;

	memset(&o, 0, sizeof(o));
	memset(&s, 0, sizeof(s));
	memset(&rs, 0, sizeof(rs));
	memset(&a, 0, sizeof(a));
	n = azure_opts_table(&o, opts);
	opts[n++] = (struct arg_opt){ "resume", 0, ARG_FLAG, &resume, NULL,
				      "finish the newest interrupted run", NULL };
	opts[n++] = (struct arg_opt){ "deadline", 0, ARG_VALUE, NULL, &deadline,
				      "stop after this many seconds (unfinished checks: timeout)", "S" };
	ret = cli_parse(c, &cmd_collect, argc, argv, opts, n, &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 1)
		return cli_fail(c, AZ_ERR_USAGE, "'collect' takes one assessment id");
	if (deadline && str_to_long(deadline, 1, 7 * 24 * 3600, &deadline_s))
		return cli_fail(c, AZ_ERR_USAGE, "--deadline takes seconds");
	if (resume && (o.checks || o.subscriptions))
		return cli_fail(c, AZ_ERR_USAGE, "--resume keeps the run's checks and subscriptions");
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	ret = cli_open_assessment(c, pos.pos[0], &st, &a);
	if (ret)
		return ret;
	if (a.signed_off_at) {
		ret = cli_fail(c, AZ_ERR_READONLY, "assessment %lld is signed off", a.id);
		goto out;
	}
	if (store_runs_reap(st, a.id, &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	if (resume && (ret = find_resume(c, st, a.id, &rs)))
		goto out;
	if (resume) {
		o.checks = rs.checks;
		o.subscriptions = rs.subs;
	}
	ret = azure_select(c, &o, cat, &s);
	if (ret)
		goto out;
	if (resume)
		keep_unfinished(&s, &rs.done);
	azure_catch_signals(&cancel);
	ret = azure_sign_in(c, &o, a.tenant_id, &cancel, &s);
	if (!ret)
		ret = collect(c, st, a.id, &s, &o, deadline_s, &rs, &cancel);
out:
	free(rs.checks);
	free(rs.subs);
	evidence_release(&rs.done);
	azure_session_release(&s);
	assessment_release(&a);
	return ret;
}
