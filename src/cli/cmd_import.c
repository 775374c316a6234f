/*
 * azmat import ID DIR: judge an offline evidence bundle (docs/bundles.md)
 * with the checks' evaluators and store it as a run of its own; report what
 * was imported and what was not. azmat import --print-requests writes the
 * requests file the client-side script reads (assets/bundle/requests.json).
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "bundle_requests.h"
#include "cli_bundle.h"
#include "compat.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_import = {
	"import", run, "Import an offline evidence bundle made with assets/bundle/azmat-bundle.py",
	"import ID DIR [--any-tenant] [--json]\n"
	"       import --print-requests"
};

static void header_text(struct cli *c, const struct import_outcome *o, long long aid)
{
	const struct bundle_manifest *m = &o->m;

	fputs("bundle '", c->out);
	cli_put(c->out, o->path);
	fputc('\'', c->out);
	if (m->present) {
		fputs(": made ", c->out);
		cli_put(c->out, *m->created ? m->created : "at an unknown time");
		fputs(" by ", c->out);
		cli_put(c->out, *m->tool ? m->tool : "an unknown tool");
		if (*m->identity) {
			fputs(" as ", c->out);
			cli_put(c->out, m->identity);
		}
		fputs(", tenant ", c->out);
		cli_put(c->out, *m->tenant_id ? m->tenant_id : "unknown");
		fputs(", catalog ", c->out);
		cli_put(c->out, *m->catalog_version ? m->catalog_version : "unknown");
		fprintf(c->out, ", %zu subscriptions, %ld failed requests", m->nsubs, m->failures);
	} else {
		fputs(": no manifest", c->out);
	}
	fprintf(c->out, "\ninto assessment %lld as run %lld\n", aid, o->run_id);
}

static void print_text(struct cli *c, const struct import_outcome *o, long long aid)
{
	size_t i, n = 0, counts[CHECK_STATUS__COUNT] = { 0 };

	header_text(c, o, aid);
	briefs_print(c->out, &o->b, counts);
	fprintf(c->out, "run %lld %s: %zu checks, %zu pass, %zu fail, %zu partial, %zu not assessable\n",
		o->run_id, run_status_id(o->status), o->b.n, counts[CHECK_PASS], counts[CHECK_FAIL],
		counts[CHECK_PARTIAL], counts[CHECK_NOT_ASSESSABLE]);
	for (i = 0; i < o->b.n; i++)
		n += (size_t)import_not_imported(o, &o->b.v[i]);
	if (n) {
		fprintf(c->out, "not imported from the bundle (%zu checks):\n", n);
		for (i = 0; i < o->b.n; i++)
			if (import_not_imported(o, &o->b.v[i])) {
				fprintf(c->out, "  %-32s ", o->b.v[i].check);
				cli_put(c->out, o->b.v[i].summary);
				fputc('\n', c->out);
			}
	}
	if (o->sum.problems.n)
		fprintf(c->out, "problems in the bundle (%zu):\n", o->sum.problems.n);
	for (i = 0; i < o->sum.problems.n; i++) {
		fputs("  ", c->out);
		cli_put(c->out, o->sum.problems.v[i].what);
		fputc('\n', c->out);
	}
}

static cJSON *bundle_json(const struct import_outcome *o)
{
	const struct bundle_manifest *m = &o->m;
	cJSON *b = cJSON_CreateObject(), *subs;
	size_t i;

	cJSON_AddStringToObject(b, "path", o->path);
	cJSON_AddBoolToObject(b, "manifest", m->present);
	cJSON_AddStringToObject(b, "created", m->created);
	cJSON_AddStringToObject(b, "tool", m->tool);
	cJSON_AddStringToObject(b, "identity", m->identity);
	cJSON_AddStringToObject(b, "tenant_id", m->tenant_id);
	cJSON_AddStringToObject(b, "catalog_version", m->catalog_version);
	cJSON_AddNumberToObject(b, "failures", (double)m->failures);
	subs = cJSON_AddArrayToObject(b, "subscriptions");
	for (i = 0; i < m->nsubs; i++)
		cJSON_AddItemToArray(subs, cJSON_CreateString(m->subs[i]));
	return b;
}

static int print_json(struct cli *c, const struct import_outcome *o, long long aid)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	size_t i;

	cJSON_AddNumberToObject(root, "assessment", (double)aid);
	cJSON_AddNumberToObject(root, "run", (double)o->run_id);
	cJSON_AddStringToObject(root, "status", run_status_id(o->status));
	cJSON_AddItemToObject(root, "bundle", bundle_json(o));
	cJSON_AddNumberToObject(root, "checks", (double)o->b.n);
	cJSON_AddNumberToObject(root, "assessed", (double)o->sum.assessed);
	cJSON_AddNumberToObject(root, "not_assessable", (double)o->sum.not_assessable);
	arr = cJSON_AddArrayToObject(root, "results");
	for (i = 0; i < o->b.n; i++) {
		cJSON *r = brief_json(&o->b.v[i]);
		cJSON_AddBoolToObject(r, "imported", !import_not_imported(o, &o->b.v[i]));
		cJSON_AddItemToArray(arr, r);
	}
	arr = cJSON_AddArrayToObject(root, "problems");
	for (i = 0; i < o->sum.problems.n; i++) {
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "check", o->sum.problems.v[i].check);
		cJSON_AddStringToObject(p, "path", o->sum.problems.v[i].path);
		cJSON_AddStringToObject(p, "problem", o->sum.problems.v[i].what);
		cJSON_AddItemToArray(arr, p);
	}
	return cli_print_json(c, root);
}

static int print_requests(struct cli *c)
{
	const struct catalog *cat;
	cJSON *req;
	char *text;

	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	req = bundle_requests(cat);
	text = cJSON_Print(req);
	fputs(text, c->out);
	fputc('\n', c->out);
	cJSON_free(text);
	cJSON_Delete(req);
	return EXIT_OK;
}

static int run(struct cli *c, int argc, char **argv)
{
	int json = 0, any = 0, requests = 0, ret;
	const struct arg_opt opts[] = {
		{ "any-tenant", 0, ARG_FLAG, &any, NULL,
		  "import even when the bundle is another tenant's than the assessment's", NULL },
		{ "print-requests", 0, ARG_FLAG, &requests, NULL,
		  "print the requests file the bundle script reads (assets/bundle/requests.json)", NULL },
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON", NULL },
	};
	struct import_outcome o;
	const struct catalog *cat;
	struct assessment a;
	struct store *st;
	struct args pos;

	ret = cli_parse(c, &cmd_import, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (requests)
		return pos.npos ? cli_fail(c, AZ_ERR_USAGE, "--print-requests takes no arguments")
				: print_requests(c);
	if (pos.npos != 2)
		return cli_fail(c, AZ_ERR_USAGE, "'import' takes an assessment id and a bundle folder");
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	memset(&a, 0, sizeof(a));
	ret = cli_open_assessment(c, pos.pos[0], &st, &a);
	if (ret)
		return ret;
	import_outcome_init(&o);
	ret = cli_bundle_import(c, st, cat, &a, pos.pos[1], "bundle", any ? IMPORT_ANY_TENANT : 0, &o);
	if (!ret && json)
		ret = print_json(c, &o, a.id);
	else if (!ret)
		print_text(c, &o, a.id);
	if (!ret && o.status != RUN_COMPLETE)
		ret = EXIT_PARTIAL;
	import_outcome_release(&o);
	assessment_release(&a);
	return ret;
}
