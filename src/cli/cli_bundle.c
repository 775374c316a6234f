/*
 * A bundle into the store (cli_bundle.h): one run per import, each result
 * stored as soon as it is judged, the run's record saying where the
 * evidence came from (the bundle's path, when and by what it was made,
 * never a secret: a bundle holds none).
 */
#include <cjson/cJSON.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli_bundle.h"
#include "xalloc.h"

void import_outcome_init(struct import_outcome *o)
{
	memset(o, 0, sizeof(*o));
	bundle_manifest_init(&o->m);
}

void import_outcome_release(struct import_outcome *o)
{
	briefs_release(&o->b);
	free(o->path);
	bundle_manifest_release(&o->m);
	bundle_summary_release(&o->sum);
	memset(o, 0, sizeof(*o));
}

struct importing {
	struct store *st;
	struct import_outcome *o;
	struct errmsg store_err;
};

static void on_result(void *ctx, const struct check_result *r)
{
	struct importing *k = ctx;
	struct errmsg em = ERRMSG_INIT;

	if (store_result_put(k->st, k->o->run_id, r, 0, &em) && !k->store_err.code)
		k->store_err = em;
	briefs_add(&k->o->b, r);
}

int import_not_imported(const struct import_outcome *o, const struct check_brief *b)
{
	size_t i;

	if (b->status != CHECK_NOT_ASSESSABLE)
		return 0;
	if (b->cause == CAUSE_NOT_COLLECTED)
		return 1;
	for (i = 0; i < o->sum.problems.n; i++)
		if (!strcmp(o->sum.problems.v[i].check, b->check))
			return 1;
	return 0;
}

/* The cloud a bundle was made in, from its ARM endpoint. */
static const char *cloud_name(const char *arm)
{
	if (!*arm)
		return "";
	if (!strcasecmp(arm, "https://management.azure.com:443"))
		return "public";
	if (!strcasecmp(arm, "https://management.usgovcloudapi.net:443"))
		return "usgov";
	if (!strcasecmp(arm, "https://management.chinacloudapi.cn:443"))
		return "china";
	return "custom";
}

static char *json_text(cJSON *o)
{
	char *p = cJSON_PrintUnformatted(o), *copy = xstrdup(p);

	cJSON_free(p);
	cJSON_Delete(o);
	return copy;
}

static void fill_run(struct evidence_run *r, const struct import_outcome *o, const char *source,
		     const struct catalog *cat)
{
	const struct bundle_manifest *m = &o->m;
	cJSON *eps = cJSON_CreateObject(), *scope = cJSON_CreateObject(), *a;
	struct buf d = BUF_INIT(BUF_MAX_DEFAULT);
	size_t i;

	evidence_run_init(r);
	free(r->source);
	r->source = xstrdup(source);
	free(r->identity);
	r->identity = xstrdup(m->identity);
	free(r->cloud);
	r->cloud = xstrdup(cloud_name(m->arm));
	cJSON_AddStringToObject(eps, "arm", m->arm);
	cJSON_AddStringToObject(eps, "graph", m->graph);
	free(r->endpoints);
	r->endpoints = json_text(eps);
	a = cJSON_AddArrayToObject(scope, "checks");
	for (i = 0; i < cat->nchecks; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(cat->checks[i].id));
	a = cJSON_AddArrayToObject(scope, "subscriptions");
	for (i = 0; i < m->nsubs; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(m->subs[i]));
	free(r->scope);
	r->scope = json_text(scope);
	buf_addf(&d, "bundle '%s'", o->path);
	if (m->present)
		buf_addf(&d, " made %s by %s for tenant %s (catalog %s, %ld failed requests)",
			 *m->created ? m->created : "at an unknown time", *m->tool ? m->tool : "an unknown tool",
			 *m->tenant_id ? m->tenant_id : "unknown", *m->catalog_version ? m->catalog_version : "unknown",
			 m->failures);
	else
		buf_addstr(&d, " without a manifest");
	free(r->detail);
	r->detail = buf_detach(&d, NULL);
}

static enum run_status final_status(const struct import_outcome *o)
{
	return o->sum.problems.n || briefs_partial(&o->b) ? RUN_PARTIAL : RUN_COMPLETE;
}

static int other_tenant(const struct assessment *a, const struct bundle_manifest *m)
{
	return a->tenant_id && *a->tenant_id && *m->tenant_id && strcasecmp(a->tenant_id, m->tenant_id);
}

int cli_bundle_import(struct cli *c, struct store *st, const struct catalog *cat,
		      const struct assessment *a, const char *dir, const char *source, unsigned flags,
		      struct import_outcome *out)
{
	const struct cat_check **checks = NULL;
	struct errmsg em = ERRMSG_INIT;
	struct importing k;
	struct evidence_run run;
	struct bundle *b = NULL;
	char real[PATH_MAX];
	enum az_err rc;
	int ret = EXIT_OK;
	size_t i;

	if (a->signed_off_at)
		return cli_fail(c, AZ_ERR_READONLY, "assessment %lld is signed off", a->id);
	if (bundle_open(dir, &b, &em))
		return cli_fail_em(c, &em);
	bundle_manifest_release(&out->m);
	bundle_manifest_copy(&out->m, bundle_get_manifest(b));
	if (!(flags & IMPORT_ANY_TENANT) && other_tenant(a, &out->m)) {
		ret = cli_fail(c, AZ_ERR_INVALID,
			       "the bundle is tenant %s's but assessment %lld is tenant %s's (--any-tenant "
			       "imports it anyway)",
			       out->m.tenant_id, a->id, a->tenant_id);
		goto out;
	}
	out->path = xstrdup(realpath(dir, real) ? real : dir);
	if (store_runs_reap(st, a->id, &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	fill_run(&run, out, source, cat);
	rc = store_run_begin(st, a->id, &run, &out->run_id, &em);
	evidence_run_release(&run);
	if (rc) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	checks = xcalloc(cat->nchecks ? cat->nchecks : 1, sizeof(*checks));
	for (i = 0; i < cat->nchecks; i++)
		checks[i] = &cat->checks[i];
	memset(&k, 0, sizeof(k));
	k.st = st;
	k.o = out;
	bundle_import(b, checks, cat->nchecks, on_result, &k, &out->sum);
	out->status = final_status(out);
	if (store_run_finish(st, out->run_id, out->status, NULL, &em))
		ret = cli_fail_em(c, &em);
	else if (k.store_err.code)
		ret = cli_fail_em(c, &k.store_err);
out:
	free(checks);
	bundle_close(&b);
	return ret;
}
