/*
 * Feeding a mock tenant folder (tests/mock/README.md) straight to the
 * evaluators, without HTTP: for each part of a check's source, the
 * documents a collection would receive are read from the folder and
 * streamed, one at a time, into the check's evaluator.
 *
 *   Resource Graph  arg/<table>.jsonl, rows whose type the query selects
 *   ARM tenant      arm/<path>.json ("value" list)
 *   ARM subscription  the same for each subscription of arm/subscriptions.json
 *   ARM resource    the same for each row the "resources" query selects
 *   Graph           graph/<path>.json ("value" list, or one object)
 *
 * The licence and permission a check needs are judged as the collector
 * will: a check whose licence tenant.json lacks, or whose permission the
 * principal lacks, is not assessable. This header is for tests only.
 */
#ifndef AZMAT_TENANT_FEED_H
#define AZMAT_TENANT_FEED_H

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval.h"
#include "eval_util.h"
#include "source.h"
#include "timeutil.h"

struct tenant {
	char dir[1024];
	cJSON *info; /* tenant.json */
	cJSON *subs; /* arm/subscriptions.json */
};

static cJSON *tenant_json(const char *path)
{
	char *s = t_slurp(path, NULL);
	cJSON *j = s ? cJSON_Parse(s) : NULL;

	free(s);
	return j;
}

/* Open a tenant folder; pins the clock to its "now". 0 on success. */
static int tenant_open(struct tenant *t, const char *dir)
{
	char p[1200];
	const cJSON *now;
	time_t when;

	memset(t, 0, sizeof(*t));
	snprintf(t->dir, sizeof(t->dir), "%s", dir);
	snprintf(p, sizeof(p), "%s/tenant.json", dir);
	t->info = tenant_json(p);
	snprintf(p, sizeof(p), "%s/arm/subscriptions.json", dir);
	t->subs = tenant_json(p);
	now = cJSON_GetObjectItem(t->info, "now");
	if (!t->info || !t->subs || !cJSON_IsString(now) || time_parse_iso(now->valuestring, &when))
		return -1;
	time_set_now(when);
	return 0;
}

static void tenant_close(struct tenant *t)
{
	cJSON_Delete(t->info);
	cJSON_Delete(t->subs);
	time_set_now((time_t)-1);
}

/* The quoted type names a query selects ("... | where type in~ ('a', 'b')"). */
static int query_has_type(const char *query, const char *type)
{
	const char *q = strstr(query, "type");

	while (q && (q = strchr(q, '\'')) != NULL) {
		const char *end = strchr(q + 1, '\'');
		if (!end)
			break;
		if ((size_t)(end - q - 1) == strlen(type) && !strncasecmp(q + 1, type, strlen(type)))
			return 1;
		q = end + 1;
	}
	return 0;
}

typedef void (*tenant_row_fn)(const cJSON *row, void *ctx);

/* Call fn on every row of the query's table whose type the query selects. */
static int tenant_arg_rows(const struct tenant *t, const char *query, tenant_row_fn fn, void *ctx)
{
	char table[64], path[1200];
	FILE *f;
	char *line = NULL;
	size_t cap = 0;

	source_arg_table(query, table, sizeof(table));
	snprintf(path, sizeof(path), "%s/arg/%s.jsonl", t->dir, table);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (getline(&line, &cap, f) > 0) {
		cJSON *row = cJSON_Parse(line);
		const cJSON *type = cJSON_GetObjectItem(row, "type");
		if (cJSON_IsString(type) && (!strstr(query, "where") || query_has_type(query, type->valuestring)))
			fn(row, ctx);
		cJSON_Delete(row);
	}
	free(line);
	fclose(f);
	return 0;
}

/* Stream the documents of a response file; -1 when the file is missing. */
static int tenant_file(const char *top, const struct tenant *t, const char *path, struct eval_run *run,
		       const struct eval_ctx *ctx)
{
	char full[2400];
	cJSON *body;
	const cJSON *value;

	snprintf(full, sizeof(full), "%s/%s/%s.json", t->dir, top, path[0] == '/' ? path + 1 : path);
	body = tenant_json(full);
	if (!body)
		return -1;
	value = cJSON_GetObjectItem(body, "value");
	if (cJSON_IsArray(value))
		eval_run_page(run, value, ctx);
	else
		eval_run_doc(run, body, ctx);
	cJSON_Delete(body);
	return 0;
}

/* path with the first occurrence of placeholder replaced by value. */
static void tenant_subst(const char *path, const char *placeholder, const char *value, char *out, size_t n)
{
	const char *p = strstr(path, placeholder);

	if (!p) {
		snprintf(out, n, "%s", path);
		return;
	}
	snprintf(out, n, "%.*s%s%s", (int)(p - path), path, value, p + strlen(placeholder));
}

struct feed_rows {
	const struct tenant *t;
	struct eval_run *run;
	const struct source_part *sp;
	size_t part;
	int missing;
};

static void feed_arg_row(const cJSON *row, void *ctx)
{
	struct feed_rows *f = ctx;
	struct eval_ctx ec = { f->part, NULL, NULL };

	eval_run_doc(f->run, row, &ec);
}

static void feed_resource_row(const cJSON *row, void *ctx)
{
	struct feed_rows *f = ctx;
	const cJSON *id = cJSON_GetObjectItem(row, "id");
	char path[2048];
	struct eval_ctx ec = { f->part, NULL, NULL };

	if (!cJSON_IsString(id))
		return;
	tenant_subst(f->sp->path, "{resourceId}", id->valuestring, path, sizeof(path));
	ec.scope = id->valuestring;
	if (tenant_file("arm", f->t, path, f->run, &ec))
		f->missing = 1;
}

/* Stream one source part; -1 when a response the collector would fetch is missing. */
static int tenant_feed_part(const struct tenant *t, const struct source_part *sp, size_t part,
			    struct eval_run *run)
{
	struct feed_rows f = { t, run, sp, part, 0 };
	struct eval_ctx ec = { part, NULL, NULL };
	char path[2048];
	const cJSON *s;

	switch (sp->api) {
	case SOURCE_ARG:
		return tenant_arg_rows(t, sp->query, feed_arg_row, &f);
	case SOURCE_GRAPH:
		return tenant_file("graph", t, sp->path, run, &ec);
	case SOURCE_ARM:
		break;
	}
	if (sp->per == SOURCE_PER_TENANT) {
		tenant_subst(sp->path, "{tenantId}",
			     cJSON_GetStringValue(cJSON_GetObjectItem(t->info, "tenantId")), path, sizeof(path));
		return tenant_file("arm", t, path, run, &ec);
	}
	if (sp->per == SOURCE_PER_RESOURCE) {
		if (tenant_arg_rows(t, sp->resources, feed_resource_row, &f))
			return -1;
		return f.missing ? -1 : 0;
	}
	cJSON_ArrayForEach(s, cJSON_GetObjectItem(t->subs, "value")) {
		const char *sid = cJSON_GetStringValue(cJSON_GetObjectItem(s, "subscriptionId"));
		if (!sid)
			continue;
		tenant_subst(sp->path, "{subscriptionId}", sid, path, sizeof(path));
		ec.subscription_id = sid;
		if (tenant_file("arm", t, path, run, &ec))
			return -1;
	}
	return 0;
}

/* True when principal (tenant.json) holds permission name p (n bytes). */
static int tenant_granted(const cJSON *pr, const char *p, size_t n)
{
	const cJSON *e;
	char want[160], have[160];

	snprintf(want, sizeof(want), "%.*s", (int)n, p);
	if (eval_strs_has(cJSON_GetObjectItem(pr, "graphRoles"), want))
		return 1;
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(pr, "armRoles")) {
		const char *role = cJSON_GetStringValue(cJSON_GetObjectItem(e, "role"));
		if (role && !strcmp(role, want))
			return 1;
	}
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(pr, "directoryRoles")) {
		snprintf(have, sizeof(have), "%s (Entra ID role)", cJSON_IsString(e) ? e->valuestring : "");
		if (!strcmp(have, want))
			return 1;
	}
	return 0;
}

/* True when the tenant's identity and licences let the check be collected; else sets r. */
static int tenant_access(const struct tenant *t, const struct cat_check *c, struct check_result *r)
{
	const cJSON *lic = cJSON_GetObjectItem(t->info, "licences");
	const cJSON *pr = cJSON_GetObjectItem(t->info, "principal");
	const char *p = c->permission;

	if (c->licence) {
		int p1 = eval_strs_has(lic, "AAD_PREMIUM") || eval_strs_has(lic, "AAD_PREMIUM_P2");
		int p2 = eval_strs_has(lic, "AAD_PREMIUM_P2");
		if ((!strcmp(c->licence, "Entra ID P1") && !p1) || (!strcmp(c->licence, "Entra ID P2") && !p2)) {
			r->status = CHECK_NOT_ASSESSABLE;
			r->cause = CAUSE_LICENCE;
			return 0;
		}
	}
	while (*p) {
		size_t n = strcspn(p, ",");
		while (*p == ' ') {
			p++;
			n--;
		}
		if (n && !tenant_granted(pr, p, n)) {
			r->status = CHECK_NOT_ASSESSABLE;
			r->cause = CAUSE_PERMISSION;
			return 0;
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return 1;
}

/* Judge check c on tenant t into r (initialised by the caller). */
static void tenant_judge(const struct tenant *t, const struct cat_check *c, struct check_result *r)
{
	struct source src;
	struct eval_run run;
	size_t i;

	if (!tenant_access(t, c, r))
		return;
	if (source_parse(c->source, &src, NULL, "$", NULL) || eval_run_begin(&run, c)) {
		r->status = CHECK_NOT_ASSESSABLE;
		r->cause = CAUSE_API_ERROR;
		return;
	}
	for (i = 0; i < src.nparts; i++) {
		if (tenant_feed_part(t, &src.parts[i], i, &run)) {
			eval_run_abort(&run);
			r->status = CHECK_NOT_ASSESSABLE;
			r->cause = CAUSE_API_ERROR;
			check_result_set_summary(r, "a response file is missing from the tenant folder");
			return;
		}
	}
	eval_run_finish(&run, r);
}

#endif
