/*
 * azmat evidence ID [--run N] [--requests] [--json]: the current evidence of
 * an assessment (for each check, the newest run's result), or one run's.
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "strutil.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_evidence = {
	"evidence", run, "Show the collected evidence: each check's verdict and offending resources",
	"evidence ID [--run N] [--requests] [--json]"
};

static cJSON *items_json(const struct cat_check *ch)
{
	cJSON *a = cJSON_CreateArray();
	size_t i;

	for (i = 0; ch && i < ch->nitems; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(ch->items[i]));
	return a;
}

static cJSON *result_json(const struct catalog *cat, const struct check_result *r, int requests)
{
	const struct cat_check *ch = catalog_find_check(cat, r->check_id);
	cJSON *o = cJSON_CreateObject(), *off;
	size_t i;

	cJSON_AddStringToObject(o, "check", r->check_id);
	cJSON_AddStringToObject(o, "title", ch ? ch->title : "");
	cJSON_AddItemToObject(o, "items", items_json(ch));
	cJSON_AddStringToObject(o, "status", check_status_id(r->status));
	cJSON_AddStringToObject(o, "cause", check_cause_id(r->cause));
	cJSON_AddNumberToObject(o, "healthy", (double)r->healthy);
	cJSON_AddNumberToObject(o, "total", (double)r->total);
	cJSON_AddStringToObject(o, "summary", r->summary ? r->summary : "");
	cJSON_AddStringToObject(o, "collected", r->collected_at ? r->collected_at : "");
	cJSON_AddNumberToObject(o, "run", (double)r->run_id);
	cJSON_AddNumberToObject(o, "offending_total", (double)r->offending_total);
	off = cJSON_AddArrayToObject(o, "offending");
	for (i = 0; i < r->noffenders; i++) {
		cJSON *x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "id", r->offenders[i].id ? r->offenders[i].id : "");
		cJSON_AddStringToObject(x, "name", r->offenders[i].name ? r->offenders[i].name : "");
		cJSON_AddStringToObject(x, "detail", r->offenders[i].detail ? r->offenders[i].detail : "");
		cJSON_AddItemToArray(off, x);
	}
	if (requests) {
		cJSON *rq = cJSON_AddArrayToObject(o, "requests");
		for (i = 0; i < r->nrequests; i++) {
			cJSON *x = cJSON_CreateObject();
			cJSON_AddStringToObject(x, "method", r->requests[i].method);
			cJSON_AddStringToObject(x, "url", r->requests[i].url);
			cJSON_AddNumberToObject(x, "status", r->requests[i].status);
			cJSON_AddItemToArray(rq, x);
		}
	}
	return o;
}

static void result_text(struct cli *c, const struct check_result *r, int requests)
{
	size_t i;

	fprintf(c->out, "%-15s %s",
		r->status == CHECK_NOT_ASSESSABLE ? check_cause_id(r->cause) : check_status_id(r->status),
		r->check_id);
	if (r->status == CHECK_PARTIAL)
		fprintf(c->out, " (%lu/%lu)", r->healthy, r->total);
	fputs("\n    ", c->out);
	cli_put(c->out, r->summary);
	fputc('\n', c->out);
	for (i = 0; i < r->noffenders; i++) {
		fputs("    - ", c->out);
		cli_put(c->out, r->offenders[i].name && *r->offenders[i].name ? r->offenders[i].name
									     : r->offenders[i].id);
		fputs(": ", c->out);
		cli_put(c->out, r->offenders[i].detail);
		fputc('\n', c->out);
	}
	if (r->offending_total > r->noffenders)
		fprintf(c->out, "    ... and %lu more\n", r->offending_total - r->noffenders);
	for (i = 0; requests && i < r->nrequests; i++) {
		fprintf(c->out, "    %s %d ", r->requests[i].method, r->requests[i].status);
		cli_put(c->out, r->requests[i].url);
		fputc('\n', c->out);
	}
}

static int run(struct cli *c, int argc, char **argv)
{
	int json = 0, requests = 0, ret;
	const char *run_s = NULL;
	const struct arg_opt opts[] = {
		{ "run", 0, ARG_VALUE, NULL, &run_s, "show this run's results only", "N" },
		{ "requests", 0, ARG_FLAG, &requests, NULL, "list the requests each check made", NULL },
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON", NULL },
	};
	struct evidence_set set = EVIDENCE_SET_INIT;
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	struct assessment a;
	struct store *st;
	struct args pos;
	unsigned flags = STORE_EV_OFFENDERS;
	long run_id = 0;
	size_t i;

	ret = cli_parse(c, &cmd_evidence, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 1)
		return cli_fail(c, AZ_ERR_USAGE, "'evidence' takes one assessment id");
	if (run_s && str_to_long(run_s, 1, 0x7fffffffL, &run_id))
		return cli_fail(c, AZ_ERR_USAGE, "'%s' is not a run id", run_s);
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	memset(&a, 0, sizeof(a));
	ret = cli_open_assessment(c, pos.pos[0], &st, &a);
	if (ret)
		return ret;
	if (requests || json)
		flags |= STORE_EV_REQUESTS;
	if (run_id) {
		struct evidence_run r;
		memset(&r, 0, sizeof(r));
		if (store_run_get(st, run_id, &r, &em) || r.assessment_id != a.id)
			ret = cli_fail(c, AZ_ERR_NOTFOUND, "assessment %lld has no run %ld", a.id, run_id);
		else if (store_evidence_run(st, run_id, flags, &set, &em))
			ret = cli_fail_em(c, &em);
		evidence_run_release(&r);
	} else if (store_evidence_current(st, a.id, flags, &set, &em)) {
		ret = cli_fail_em(c, &em);
	}
	if (!ret && json) {
		cJSON *o = cJSON_CreateObject(), *arr;
		cJSON_AddNumberToObject(o, "assessment", (double)a.id);
		arr = cJSON_AddArrayToObject(o, "results");
		for (i = 0; i < set.n; i++)
			cJSON_AddItemToArray(arr, result_json(cat, &set.r[i], requests));
		ret = cli_print_json(c, o);
	} else if (!ret) {
		if (!set.n)
			fprintf(c->out, "no evidence yet: run 'azmat collect %lld'\n", a.id);
		for (i = 0; i < set.n; i++)
			result_text(c, &set.r[i], requests);
	}
	evidence_release(&set);
	assessment_release(&a);
	return ret;
}
