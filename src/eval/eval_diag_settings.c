/*
 * "diag_settings": diagnostic settings send the required log categories to
 * a destination. With a two-part source (targets, then their settings) every
 * target needs such a setting: each subscription for the Activity Log,
 * each Key Vault, AKS cluster or registry for its audit logs. With a
 * one-part source (the tenant's Entra ID settings) one such setting passes.
 *
 * A category is sent when an enabled entry of properties.logs names it (or
 * one of its alternatives) or names an accepted category group.
 *
 * params:
 *   categories    required: each a category name or an array of
 *                 alternatives (["kube-audit", "kube-audit-admin"])
 *   groups        category groups that send every category (default
 *                 ["allLogs"]; Key Vault's "audit" group also fits AuditEvent)
 *   target, target_where, target_name, noun, empty: as for "coverage"
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval_targets.h"
#include "jpath.h"
#include "xalloc.h"

struct state {
	int tenant;          /* one-part source: no targets */
	struct tset t;
	cJSON *rules;        /* the generated conditions (owned; the list borrows) */
	struct cond_list require;
	size_t ncat;
	const cJSON *categories;
	int any_healthy;     /* tenant mode */
	char why[256];       /* tenant mode: the first reason a setting failed */
};

static const struct eval_pspec spec[] = {
	{ "categories", EP_NAMES, 1, 0, 0, NULL },  { "groups", EP_STRS, 0, 0, 0, NULL },
	{ "target", EP_STR, 0, 0, 0, NULL },      { "target_where", EP_CONDS, 0, 0, 0, NULL },
	{ "target_name", EP_STR, 0, 0, 0, NULL }, { "noun", EP_STR, 0, 0, 0, NULL },
	{ "empty", EP_CHOICE, 0, 0, 0, eval_empty_choices },
};

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
	eval_check_parts(check, file, path, errs, 1, 2,
			 "diag_settings takes one part (tenant settings) or two (targets, settings)");
}

static cJSON *names_of(const cJSON *c)
{
	if (cJSON_IsArray(c))
		return cJSON_Duplicate(c, 1);
	{
		cJSON *a = cJSON_CreateArray();
		cJSON_AddItemToArray(a, cJSON_CreateString(cJSON_IsString(c) ? c->valuestring : ""));
		return a;
	}
}

static cJSON *cond_obj(const char *path, const char *op)
{
	cJSON *o = cJSON_CreateObject();

	if (path)
		cJSON_AddStringToObject(o, "path", path);
	cJSON_AddStringToObject(o, "op", op);
	return o;
}

/* properties.logs has an enabled entry naming one of names or a group. */
static cJSON *category_rule(const cJSON *names, const cJSON *groups)
{
	cJSON *rule = cond_obj("properties.logs", "any"), *where = cJSON_CreateArray();
	cJSON *either = cond_obj(NULL, "or"), *alts = cJSON_CreateArray(), *c;

	cJSON_AddItemToArray(where, cond_obj("enabled", "true"));
	c = cond_obj("category", "in");
	cJSON_AddItemToObject(c, "values", names_of(names));
	cJSON_AddItemToArray(alts, c);
	c = cond_obj("categoryGroup", "in");
	cJSON_AddItemToObject(c, "values", cJSON_Duplicate(groups, 1));
	cJSON_AddItemToArray(alts, c);
	cJSON_AddItemToObject(either, "where", alts);
	cJSON_AddItemToArray(where, either);
	cJSON_AddItemToObject(rule, "where", where);
	return rule;
}

static cJSON *destination_rule(void)
{
	static const char *const dest[] = { "properties.workspaceId", "properties.storageAccountId",
					     "properties.eventHubAuthorizationRuleId",
					     "properties.marketplacePartnerId" };
	cJSON *rule = cond_obj(NULL, "or"), *alts = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < sizeof(dest) / sizeof(dest[0]); i++)
		cJSON_AddItemToArray(alts, cond_obj(dest[i], "exists"));
	cJSON_AddItemToObject(rule, "where", alts);
	return rule;
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));
	const cJSON *parts = cJSON_GetObjectItemCaseSensitive(check->source, "parts");
	const cJSON *groups = eval_param(check, "groups"), *c;
	cJSON *dflt = NULL;

	s->tenant = !parts || cJSON_GetArraySize(parts) < 2;
	tset_init(&s->t, eval_param_str(check, "target", "id"),
		  eval_param_str(check, "target_name", NULL), 0);
	if (!groups) {
		dflt = cJSON_CreateArray();
		cJSON_AddItemToArray(dflt, cJSON_CreateString("allLogs"));
		groups = dflt;
	}
	s->categories = eval_param(check, "categories");
	s->rules = cJSON_CreateArray();
	cJSON_ArrayForEach(c, s->categories) {
		cJSON_AddItemToArray(s->rules, category_rule(c, groups));
		s->ncat++;
	}
	cJSON_AddItemToArray(s->rules, destination_rule());
	cond_parse(s->rules, &s->require, NULL, "$", NULL);
	cJSON_Delete(dflt);
	return s;
}

static void explain(const struct state *s, int fail, char *out, size_t n)
{
	const cJSON *c;

	if ((size_t)fail >= s->ncat) {
		snprintf(out, n, "the setting sends logs to no destination");
		return;
	}
	c = cJSON_GetArrayItem(s->categories, fail);
	if (cJSON_IsArray(c))
		c = cJSON_GetArrayItem(c, 0);
	snprintf(out, n, "no diagnostic setting sends the %s logs",
		 cJSON_IsString(c) ? c->valuestring : "required");
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	char key[EVAL_ID_MAX], why[256];
	int fail;

	if (!s->tenant && ctx->part == 0) {
		tset_add(&s->t, d, ctx);
		return;
	}
	fail = cond_first_failure(&s->require, d);
	if (fail >= 0)
		explain(s, fail, why, sizeof(why));
	if (s->tenant) {
		if (fail < 0)
			s->any_healthy = 1;
		else if (!*s->why)
			snprintf(s->why, sizeof(s->why), "%s", why);
		return;
	}
	if (!tset_attach_key("parent", d, ctx, key, sizeof(key)))
		tset_attach(&s->t, key, fail < 0, fail < 0 ? NULL : why);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;

	if (!s->tenant) {
		tset_finish(&s->t, 1, -1, "no diagnostic setting",
			    eval_param_str(check, "noun", "resources"),
			    eval_param_str(check, "empty", "nothing-in-scope"), r);
		return;
	}
	r->cause = CAUSE_NONE;
	r->total = 1;
	r->healthy = (unsigned long)s->any_healthy;
	r->status = s->any_healthy ? CHECK_PASS : CHECK_FAIL;
	check_result_set_summary(r, s->any_healthy ? "a diagnostic setting sends every required category"
				 : *s->why ? s->why : "no diagnostic setting exists");
}

static void release(void *state)
{
	struct state *s = state;

	tset_release(&s->t);
	cond_list_release(&s->require);
	cJSON_Delete(s->rules);
	free(s);
}

const struct evaluator eval_diag_settings = { "diag_settings", validate, begin, doc, finish,
					       release };
