/*
 * "holders": a join between grants and the principals holding them. Part 0
 * lists grants (Azure role assignments, Entra role assignments); the later
 * parts list principals or resources (users, service principals, resources
 * with a managed identity), matched by principal id.
 *
 *   mode "judge" (default): every principal holding a selected grant is
 *   judged with require: "holders of Owner are not guests", "holders of
 *   Global Administrator are cloud-only accounts".
 *
 *   mode "absent": every principal in scope is healthy when it holds no
 *   selected grant: "no VM identity holds Owner on a subscription".
 *
 * Only principal ids are kept from part 0, so the grant list can be large.
 *
 * params:
 *   grant_where  conditions selecting the grants (part 0)
 *   principal    path of the principal id in a grant (default
 *                "properties.principalId"; Graph uses "principalId")
 *   key          path of the principal id in a later document (default "id";
 *                "identity.principalId" for a resource's managed identity)
 *   where        conditions selecting the later documents in scope
 *   require      judge mode: conditions a holder meets (required)
 *   mode         "judge" or "absent"
 *   noun, name, detail, empty: as for "property"
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "eval_util.h"
#include "jpath.h"
#include "strmap.h"
#include "xalloc.h"

struct state {
	struct cond_list grant_where;
	struct cond_list where;
	struct cond_list require;
	const char *principal;
	const char *key;
	const char *name;
	const char *detail;
	int absent;
	struct strmap held;
	unsigned long healthy;
	unsigned long total;
	struct check_result offenders;
};

static const char *const modes[] = { "judge", "absent", NULL };
static const struct eval_pspec spec[] = {
	{ "grant_where", EP_CONDS, 0, 0, 0, NULL }, { "principal", EP_STR, 0, 0, 0, NULL },
	{ "key", EP_STR, 0, 0, 0, NULL },           { "where", EP_CONDS, 0, 0, 0, NULL },
	{ "require", EP_CONDS, 0, 0, 0, NULL },     { "mode", EP_CHOICE, 0, 0, 0, modes },
	{ "noun", EP_STR, 0, 0, 0, NULL },          { "name", EP_STR, 0, 0, 0, NULL },
	{ "detail", EP_STR, 0, 0, 0, NULL },        { "empty", EP_CHOICE, 0, 0, 0, eval_empty_choices },
};

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	const cJSON *params = eval_check_params(check);
	const cJSON *mode = cJSON_GetObjectItemCaseSensitive(params, "mode");
	struct jpath base, pp;

	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
	eval_check_parts(check, file, path, errs, 2, 4,
			 "the holders evaluator needs 'parts': the grants first, then the principals");
	if ((!mode || (cJSON_IsString(mode) && !strcmp(mode->valuestring, "judge"))) &&
	    !cJSON_GetObjectItemCaseSensitive(params, "require")) {
		jpath_set(&base, path);
		jpath_key(&pp, &base, "evaluator.params");
		cat_errors_add(errs, file, pp.s, "judge mode needs 'require'");
	}
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));

	cond_parse(eval_param(check, "grant_where"), &s->grant_where, NULL, "$", NULL);
	cond_parse(eval_param(check, "where"), &s->where, NULL, "$", NULL);
	cond_parse(eval_param(check, "require"), &s->require, NULL, "$", NULL);
	s->principal = eval_param_str(check, "principal", "properties.principalId");
	s->key = eval_param_str(check, "key", "id");
	s->name = eval_param_str(check, "name", NULL);
	s->detail = eval_param_str(check, "detail", NULL);
	s->absent = !strcmp(eval_param_str(check, "mode", "judge"), "absent");
	check_result_init(&s->offenders, check->id);
	return s;
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	const cJSON *k;
	int held;

	if (ctx->part == 0) {
		k = doc_get(d, s->principal);
		if (cJSON_IsString(k) && *k->valuestring && cond_match(&s->grant_where, d))
			strmap_put(&s->held, k->valuestring, NULL);
		return;
	}
	k = doc_get(d, s->key);
	if (!cJSON_IsString(k) || !*k->valuestring || !cond_match(&s->where, d))
		return;
	held = strmap_has(&s->held, k->valuestring);
	if (s->absent) {
		s->total++;
		if (!held)
			s->healthy++;
		else
			eval_offend(&s->offenders, d, s->name,
				    s->detail ? s->detail : "holds a privileged role assignment");
		return;
	}
	if (!held)
		return;
	s->total++;
	s->healthy += (unsigned long)eval_judge(&s->require, d, &s->offenders, s->name, s->detail);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;

	eval_verdict_offenders(r, s->healthy, s->total, eval_param_str(check, "noun", "principals"),
			       eval_param_str(check, "empty", "nothing-in-scope"), &s->offenders);
}

static void release(void *state)
{
	struct state *s = state;

	cond_list_release(&s->grant_where);
	cond_list_release(&s->where);
	cond_list_release(&s->require);
	strmap_release(&s->held, NULL);
	check_result_release(&s->offenders);
	free(s);
}

const struct evaluator eval_holders = { "holders", validate, begin, doc, finish, release };
