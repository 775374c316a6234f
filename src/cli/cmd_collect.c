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
#include "collect_book.h"
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
	struct collect_book book;
	struct cli_progress bar;
};

static void on_result(void *ctx, const struct check_result *r)
{
	struct collecting *k = ctx;

	collect_book_result(&k->book, r);
}

static void on_progress(void *ctx, const struct collect_progress *p)
{
	struct collecting *k = ctx;

	cli_progress_update(&k->bar, p);
}

static void print_text(struct cli *c, const struct collect_book *k, const struct collect_summary *sum,
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

static int print_json(struct cli *c, const struct collect_book *k, const struct collect_summary *sum,
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

static int collect(struct cli *c, struct store *st, long long aid, struct azure_session *s,
		   const struct azure_opts *o, long deadline_s, const struct collect_resume *rs,
		   cancel_flag *cancel)
{
	struct collecting k;
	struct collect_config cfg;
	struct collect_summary sum;
	struct errmsg em = ERRMSG_INIT;
	enum run_status status = RUN_INTERRUPTED;
	int64_t t0 = time_mono_ms();
	int ret = EXIT_OK;

	memset(&k, 0, sizeof(k));
	if (collect_book_begin(&k.book, st, aid, s, rs, &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	log_msg(LOG_INFO, "run %lld: %zu checks as %s", k.book.run_id, s->nchecks, cred_identity(s->cred));
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
	if (collect_book_finish(&k.book, sum.cancelled, &status, &em))
		ret = cli_fail_em(c, &em);
	else if (k.book.store_err.code)
		ret = cli_fail_em(c, &k.book.store_err);
	else if (o->json)
		ret = print_json(c, &k.book, &sum, k.book.run_id, status, time_mono_ms() - t0);
	else
		print_text(c, &k.book, &sum, k.book.run_id, status, time_mono_ms() - t0);
	if (!ret)
		ret = status == RUN_COMPLETE ? EXIT_OK : status == RUN_PARTIAL ? EXIT_PARTIAL : EXIT_FAIL;
out:
	collect_book_release(&k.book);
	return ret;
}

static int run(struct cli *c, int argc, char **argv)
{
	static cancel_flag cancel;
	struct azure_opts o;
	struct arg_opt opts[AZURE_NOPTS + 2];
	struct azure_session s;
	struct collect_resume rs;
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
	if (resume && collect_resume_find(st, a.id, &rs, &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	if (resume) {
		o.checks = rs.checks;
		o.subscriptions = rs.subs;
	}
	ret = azure_select(c, &o, cat, &s);
	if (ret)
		goto out;
	if (resume)
		collect_resume_keep(&s, &rs);
	azure_catch_signals(&cancel);
	ret = azure_sign_in(c, &o, a.tenant_id, &cancel, &s);
	if (!ret)
		ret = collect(c, st, a.id, &s, &o, deadline_s, &rs, &cancel);
out:
	collect_resume_release(&rs);
	azure_session_release(&s);
	assessment_release(&a);
	return ret;
}
