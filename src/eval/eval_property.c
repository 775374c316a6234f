/*
 * "property": every document in scope must satisfy a list of conditions.
 *
 * params:
 *   where    conditions selecting the documents in scope (default: all)
 *   require  conditions a healthy document satisfies (required)
 *   pass     "all" (default: pass when every document is healthy, partial
 *            when some are) or "any" (pass when at least one is healthy,
 *            e.g. "some workspace keeps logs for 90 days")
 *   part     judge only documents of this source part (default: all parts)
 *   noun     what the documents are, for the summary ("storage accounts")
 *   name     path of the name to show for an offender
 *   detail   fixed text explaining an offender (default: the first failed
 *            condition, e.g. "properties.publicNetworkAccess is Enabled")
 *   empty    verdict when nothing is in scope: "nothing-in-scope"
 *            (default), "pass" or "fail"
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "eval_util.h"
#include "jpath.h"
#include "xalloc.h"

struct state {
	const struct cat_check *check;
	struct cond_list where;
	struct cond_list require;
	int any;
	long part; /* -1: every part */
	const char *name;
	const char *detail;
	unsigned long healthy;
	unsigned long total;
	struct check_result offenders; /* collects offenders only */
};

static const char *const keys[] = { "where", "require", "pass", "part", "noun", "name",
				     "detail", "empty", NULL };

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	const cJSON *params = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(check, "evaluator"), "params");
	struct cond_list l;
	struct jpath base, pp, pk;
	const char *pass, *empty;

	eval_check_keys(check, file, path, errs, keys);
	jpath_set(&base, path);
	jpath_key(&pp, &base, "evaluator.params");
	jpath_key(&pk, &pp, "where");
	if (!cond_parse(cJSON_GetObjectItemCaseSensitive(params, "where"), &l, file, pk.s, errs))
		cond_list_release(&l);
	jpath_key(&pk, &pp, "require");
	if (!cJSON_GetObjectItemCaseSensitive(params, "require"))
		cat_errors_add(errs, file, pk.s, "the property evaluator needs 'require'");
	else if (!cond_parse(cJSON_GetObjectItemCaseSensitive(params, "require"), &l, file, pk.s,
			     errs)) {
		if (!l.n)
			cat_errors_add(errs, file, pk.s, "needs at least one condition");
		cond_list_release(&l);
	}
	pass = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(params, "pass"));
	if (cJSON_GetObjectItemCaseSensitive(params, "pass") &&
	    (!pass || (strcmp(pass, "all") && strcmp(pass, "any")))) {
		jpath_key(&pk, &pp, "pass");
		cat_errors_add(errs, file, pk.s, "must be 'all' or 'any'");
	}
	empty = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(params, "empty"));
	if (cJSON_GetObjectItemCaseSensitive(params, "empty") &&
	    (!empty || (strcmp(empty, "nothing-in-scope") && strcmp(empty, "pass") &&
			strcmp(empty, "fail")))) {
		jpath_key(&pk, &pp, "empty");
		cat_errors_add(errs, file, pk.s, "must be 'nothing-in-scope', 'pass' or 'fail'");
	}
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));
	const char *pass = eval_param_str(check, "pass", "all");

	s->check = check;
	/* The catalog was validated: parse errors cannot happen here. */
	cond_parse(eval_param(check, "where"), &s->where, NULL, "$", NULL);
	cond_parse(eval_param(check, "require"), &s->require, NULL, "$", NULL);
	s->any = !strcmp(pass, "any");
	s->part = (long)eval_param_num(check, "part", -1);
	s->name = eval_param_str(check, "name", NULL);
	s->detail = eval_param_str(check, "detail", NULL);
	check_result_init(&s->offenders, check->id);
	return s;
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;

	if (s->part >= 0 && (size_t)s->part != ctx->part)
		return;
	if (!cond_match(&s->where, d))
		return;
	s->total++;
	s->healthy += (unsigned long)eval_judge(&s->require, d, &s->offenders, s->name, s->detail);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;
	const char *noun = eval_param_str(check, "noun", "resources");
	const char *empty = eval_param_str(check, "empty", "nothing-in-scope");

	if (s->any && s->healthy) {
		eval_verdict(r, s->healthy, s->total, noun, empty);
		r->status = CHECK_PASS;
		return;
	}
	eval_verdict_offenders(r, s->healthy, s->total, noun, empty, &s->offenders);
}

static void release(void *state)
{
	struct state *s = state;

	cond_list_release(&s->where);
	cond_list_release(&s->require);
	check_result_release(&s->offenders);
	free(s);
}

const struct evaluator eval_property = { "property", validate, begin, doc, finish, release };
