/*
 * "coverage": every target listed by part 0 of the source must have at
 * least one (min) and at most max healthy documents attached from the
 * other parts. "Every subscription has a security contact", "every VM has
 * the Azure Monitor Agent", "every Sentinel workspace keeps a year of
 * logs", "every subscription has one to three Owners".
 *
 * params:
 *   target        how a part-0 document names its target: "id" (default),
 *                 "subscription" (the subscription it belongs to), or a
 *                 path holding a resource id (properties.workspaceResourceId)
 *   target_where  conditions selecting the part-0 documents that are targets
 *   target_name   path of the name shown for an offending target
 *   attach        how a later document names its target: "parent" (default:
 *                 the resource it is a child or extension of), "subscription",
 *                 "id", or a path holding the target's id (properties.scope,
 *                 properties.sourceResourceId)
 *   match         "exact" (default) or "ancestor": an attached key covers
 *                 the target when it is the target, one of its parent scopes,
 *                 a management group above it, or the root "/"
 *   where         conditions selecting the attached documents that count
 *   require       conditions an attached document meets to be healthy
 *   min, max      healthy attached documents a target needs (default 1..)
 *   missing       detail for a target with nothing healthy attached
 *   noun          what the targets are, for the summary
 *   empty         verdict with no target: "nothing-in-scope" (default),
 *                 "pass" or "fail"
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "eval_targets.h"
#include "jpath.h"
#include "xalloc.h"

struct state {
	struct tset t;
	struct cond_list target_where;
	struct cond_list where;
	struct cond_list require;
	const char *attach;
};

static const char *const matches[] = { "exact", "ancestor", NULL };
static const struct eval_pspec spec[] = {
	{ "target", EP_STR, 0, 0, 0, NULL },      { "target_where", EP_CONDS, 0, 0, 0, NULL },
	{ "target_name", EP_STR, 0, 0, 0, NULL }, { "attach", EP_STR, 0, 0, 0, NULL },
	{ "match", EP_CHOICE, 0, 0, 0, matches }, { "where", EP_CONDS, 0, 0, 0, NULL },
	{ "require", EP_CONDS, 0, 0, 0, NULL },   { "min", EP_INT, 0, 0, 1e6, NULL },
	{ "max", EP_INT, 0, 0, 1e6, NULL },       { "missing", EP_STR, 0, 0, 0, NULL },
	{ "noun", EP_STR, 0, 0, 0, NULL },        { "empty", EP_CHOICE, 0, 0, 0, eval_empty_choices },
};

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	const cJSON *params = eval_check_params(check);
	const cJSON *min = cJSON_GetObjectItemCaseSensitive(params, "min");
	const cJSON *max = cJSON_GetObjectItemCaseSensitive(params, "max");
	struct jpath base, pp;

	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
	eval_check_parts(check, file, path, errs, 2, 4,
			 "the coverage evaluator needs 'parts': the targets first, then what attaches to them");
	if (cJSON_IsNumber(min) && cJSON_IsNumber(max) && min->valuedouble > max->valuedouble) {
		jpath_set(&base, path);
		jpath_key(&pp, &base, "evaluator.params");
		cat_errors_add(errs, file, pp.s, "'min' is larger than 'max'");
	}
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));

	tset_init(&s->t, eval_param_str(check, "target", "id"),
		  eval_param_str(check, "target_name", NULL),
		  !strcmp(eval_param_str(check, "match", "exact"), "ancestor"));
	cond_parse(eval_param(check, "target_where"), &s->target_where, NULL, "$", NULL);
	cond_parse(eval_param(check, "where"), &s->where, NULL, "$", NULL);
	cond_parse(eval_param(check, "require"), &s->require, NULL, "$", NULL);
	s->attach = eval_param_str(check, "attach", "parent");
	return s;
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	char key[EVAL_ID_MAX], why[256];
	int fail;

	if (ctx->part == 0) {
		if (cond_match(&s->target_where, d))
			tset_add(&s->t, d, ctx);
		return;
	}
	if (!cond_match(&s->where, d) || tset_attach_key(s->attach, d, ctx, key, sizeof(key)))
		return;
	fail = cond_first_failure(&s->require, d);
	if (fail >= 0)
		eval_explain(&s->require.c[fail], d, why, sizeof(why));
	tset_attach(&s->t, key, fail < 0, fail < 0 ? NULL : why);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;

	tset_finish(&s->t, eval_param_num(check, "min", 1), eval_param_num(check, "max", -1),
		    eval_param_str(check, "missing", "nothing attached"),
		    eval_param_str(check, "noun", "targets"),
		    eval_param_str(check, "empty", "nothing-in-scope"), r);
}

static void release(void *state)
{
	struct state *s = state;

	tset_release(&s->t);
	cond_list_release(&s->target_where);
	cond_list_release(&s->where);
	cond_list_release(&s->require);
	free(s);
}

const struct evaluator eval_coverage = { "coverage", validate, begin, doc, finish, release };
