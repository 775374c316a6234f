#include "eval_util.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "jpath.h"

const struct cJSON *eval_param(const struct cat_check *check, const char *key)
{
	return check && check->params ? cJSON_GetObjectItemCaseSensitive(check->params, key) : NULL;
}

const char *eval_param_str(const struct cat_check *check, const char *key, const char *dflt)
{
	const cJSON *v = eval_param(check, key);

	return cJSON_IsString(v) ? v->valuestring : dflt;
}

double eval_param_num(const struct cat_check *check, const char *key, double dflt)
{
	const cJSON *v = eval_param(check, key);

	return cJSON_IsNumber(v) ? v->valuedouble : dflt;
}

static const char *str_at(const cJSON *doc, const char *path)
{
	const cJSON *v = doc_get(doc, path);

	return cJSON_IsString(v) && *v->valuestring ? v->valuestring : NULL;
}

const char *eval_doc_name(const cJSON *doc, const char *name_path)
{
	static const char *const fallbacks[] = { "properties.displayName", "displayName",
						 "userPrincipalName", "name", "id" };
	const char *s = name_path ? str_at(doc, name_path) : NULL;
	size_t i;

	for (i = 0; !s && i < sizeof(fallbacks) / sizeof(fallbacks[0]); i++)
		s = str_at(doc, fallbacks[i]);
	return s ? s : "";
}

const char *eval_doc_id(const cJSON *doc)
{
	const char *s = str_at(doc, "id");

	if (!s)
		s = str_at(doc, "objectId");
	return s ? s : "";
}

static const char *op_text(enum cond_op op)
{
	switch (op) {
	case COND_EQ:
		return "should be";
	case COND_NE:
		return "should not be";
	case COND_IN:
		return "should be one of the allowed values";
	case COND_NOT_IN:
		return "should not be one of the listed values";
	case COND_EXISTS:
		return "should be set";
	case COND_MISSING:
		return "should not be set";
	case COND_TRUE:
		return "should be true";
	case COND_FALSE:
		return "should be false";
	case COND_GE:
		return "should be at least";
	case COND_GT:
		return "should be more than";
	case COND_LE:
		return "should be at most";
	case COND_LT:
		return "should be less than";
	case COND_CONTAINS:
		return "should contain";
	case COND_NOT_CONTAINS:
		return "should not contain";
	case COND_PREFIX:
		return "should start with";
	case COND_LEN_GE:
		return "should have at least";
	case COND_LEN_LE:
		return "should have at most";
	case COND_LEN_EQ:
		return "should have exactly";
	case COND_ANY:
		return "should have an entry matching the rule";
	case COND_NONE:
		return "has an entry it should not have";
	case COND_ALL:
		return "has an entry that breaks the rule";
	}
	return "";
}

void eval_explain(const struct cond *c, const cJSON *doc, char *out, size_t n)
{
	char have[96], want[96] = "";
	const cJSON *v = doc_get(doc, c->path);

	doc_value_text(v, have, sizeof(have));
	if (c->value && !cJSON_IsArray(c->value))
		doc_value_text(c->value, want, sizeof(want));
	if (c->op == COND_ANY || c->op == COND_NONE || c->op == COND_ALL)
		snprintf(out, n, "%s %s", c->path, op_text(c->op));
	else if (*want)
		snprintf(out, n, "%s is %s; it %s %s", c->path, have, op_text(c->op), want);
	else
		snprintf(out, n, "%s is %s; it %s", c->path, have, op_text(c->op));
}

void eval_verdict(struct check_result *r, unsigned long healthy, unsigned long total,
		  const char *noun, const char *empty)
{
	char s[256];

	r->healthy = healthy;
	r->total = total;
	r->cause = CAUSE_NONE;
	if (!total) {
		if (empty && !strcmp(empty, "pass")) {
			r->status = CHECK_PASS;
		} else if (empty && !strcmp(empty, "fail")) {
			r->status = CHECK_FAIL;
		} else {
			r->status = CHECK_NOT_ASSESSABLE;
			r->cause = CAUSE_NOTHING_IN_SCOPE;
		}
		snprintf(s, sizeof(s), "no %s found", noun);
	} else if (healthy == total) {
		r->status = CHECK_PASS;
		snprintf(s, sizeof(s), "all %lu %s pass", total, noun);
	} else if (!healthy) {
		r->status = CHECK_FAIL;
		snprintf(s, sizeof(s), "none of %lu %s pass", total, noun);
	} else {
		r->status = CHECK_PARTIAL;
		snprintf(s, sizeof(s), "%lu of %lu %s pass", healthy, total, noun);
	}
	check_result_set_summary(r, s);
}

void eval_check_keys(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs, const char *const *allowed)
{
	const cJSON *params = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(check, "evaluator"), "params");
	const cJSON *k;
	struct jpath base, pp;

	jpath_set(&base, path);
	jpath_key(&pp, &base, "evaluator.params");
	cJSON_ArrayForEach(k, params) {
		size_t i;
		for (i = 0; allowed[i]; i++)
			if (k->string && !strcmp(k->string, allowed[i]))
				break;
		if (!allowed[i]) {
			struct jpath pk;
			jpath_key(&pk, &pp, k->string ? k->string : "?");
			cat_errors_add(errs, file, pk.s, "unknown parameter '%s'",
				       k->string ? k->string : "");
		}
	}
}
