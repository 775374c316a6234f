#include "eval_util.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "compat.h"
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
	case COND_CONTAINS_ANY:
		return "should contain one of the listed values";
	case COND_SUFFIX:
		return "should end with";
	case COND_AGE_GE:
		return "should be at least this many days old:";
	case COND_AGE_LE:
		return "should be at most this many days old:";
	case COND_OR:
		return "meets none of the accepted alternatives";
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
	if (c->op == COND_ANY || c->op == COND_NONE || c->op == COND_ALL || c->op == COND_OR)
		snprintf(out, n, "%s %s", *c->path ? c->path : "the resource", op_text(c->op));
	else if (*want)
		snprintf(out, n, "%s is %s; it %s %s", c->path, have, op_text(c->op), want);
	else
		snprintf(out, n, "%s is %s; it %s", c->path, have, op_text(c->op));
}

void eval_singular(char *out, size_t n, const char *noun)
{
	static const char *const joins[] = { " with ", " of ", " that ", " at ", " able ",
					     " open ", " to " };
	size_t head = strlen(noun), i, cut = 0;

	for (i = 0; i < ARRAY_SIZE(joins); i++) {
		const char *j = strstr(noun, joins[i]);
		if (j && (size_t)(j - noun) < head)
			head = (size_t)(j - noun);
	}
	if (head >= 4 && !strncmp(noun + head - 3, "ies", 3))
		cut = 3; /* policies: policy (the 'y' is added below) */
	else if (head >= 4 && !strncmp(noun + head - 4, "sses", 4))
		cut = 2; /* addresses: address */
	else if (head >= 2 && noun[head - 1] == 's' && noun[head - 2] != 's')
		cut = 1;
	snprintf(out, n, "%.*s%s%s", (int)(head - cut), noun, cut == 3 ? "y" : "", noun + head);
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
	} else if (total == 1) {
		char one[160];
		r->status = healthy ? CHECK_PASS : CHECK_FAIL;
		eval_singular(one, sizeof(one), noun);
		snprintf(s, sizeof(s), "the 1 %s found %s", one, healthy ? "passes" : "fails");
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

void eval_offend(struct check_result *buf, const cJSON *doc, const char *name_path,
		 const char *detail)
{
	if (buf->noffenders < EVAL_OFFENDERS_MAX)
		check_result_add_offender(buf, eval_doc_id(doc), eval_doc_name(doc, name_path), detail);
}

void eval_verdict_offenders(struct check_result *r, unsigned long healthy, unsigned long total,
			    const char *noun, const char *empty, const struct check_result *buf)
{
	size_t i;

	eval_verdict(r, healthy, total, noun, empty);
	for (i = 0; i < buf->noffenders; i++)
		check_result_add_offender(r, buf->offenders[i].id, buf->offenders[i].name,
					  buf->offenders[i].detail);
	r->offending_total = total - healthy;
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

void eval_norm_id(const char *id, char *out, size_t n)
{
	size_t len;

	if (!n)
		return;
	snprintf(out, n, "%s%s", id && *id == '/' ? "" : "/", id ? id : "");
	len = strlen(out);
	while (len > 1 && out[len - 1] == '/')
		out[--len] = '\0';
}

/* Copy "/subscriptions/<guid>" from the start of path p, if it has one. */
static int sub_prefix(const char *p, char *out, size_t n)
{
	static const char pre[] = "/subscriptions/";
	char id[EVAL_ID_MAX];
	size_t k;

	eval_norm_id(p, id, sizeof(id));
	if (strncasecmp(id, pre, sizeof(pre) - 1))
		return -1;
	k = strcspn(id + sizeof(pre) - 1, "/");
	if (!k)
		return -1;
	snprintf(out, n, "/subscriptions/%.*s", (int)k, id + sizeof(pre) - 1);
	return 0;
}

int eval_subscription_key(const cJSON *doc, const struct eval_ctx *ctx, char *out, size_t n)
{
	const cJSON *v;

	if (ctx && ctx->subscription_id && *ctx->subscription_id) {
		if (!sub_prefix(ctx->subscription_id, out, n))
			return 0;
		if (!strchr(ctx->subscription_id, '/')) {
			snprintf(out, n, "/subscriptions/%s", ctx->subscription_id);
			return 0;
		}
	}
	v = cJSON_GetObjectItem(doc, "subscriptionId");
	if (cJSON_IsString(v) && *v->valuestring && !strchr(v->valuestring, '/')) {
		snprintf(out, n, "/subscriptions/%s", v->valuestring);
		return 0;
	}
	v = cJSON_GetObjectItem(doc, "id");
	if (cJSON_IsString(v))
		return sub_prefix(v->valuestring, out, n);
	return -1;
}

/* Drop the last two segments of s in place; -1 when it has fewer. */
static int drop_two(char *s)
{
	int i;

	for (i = 0; i < 2; i++) {
		char *slash = strrchr(s, '/');
		if (!slash || slash == s)
			return -1;
		*slash = '\0';
	}
	return 0;
}

int eval_parent_id(const char *id, char *out, size_t n)
{
	char buf[EVAL_ID_MAX];
	char *slash;

	eval_norm_id(id, buf, sizeof(buf));
	if (drop_two(buf))
		return -1;
	/* An extension resource: <scope>/providers/<namespace>/<type>/<name>. */
	slash = strrchr(buf, '/');
	if (slash && slash != buf) {
		char *prev = slash - 1;
		while (prev > buf && *prev != '/')
			prev--;
		if (!strncasecmp(prev, "/providers/", 11) && prev + 10 == slash) {
			*prev = '\0';
			if (!*buf)
				snprintf(buf, sizeof(buf), "/");
		}
	}
	snprintf(out, n, "%s", buf);
	return 0;
}

const cJSON *eval_check_params(const cJSON *check)
{
	return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(check, "evaluator"),
						"params");
}

static void param_path(struct jpath *out, const char *path, const char *key)
{
	struct jpath base, pp;

	jpath_set(&base, path);
	jpath_key(&pp, &base, "evaluator.params");
	jpath_key(out, &pp, key);
}

void eval_check_string(const cJSON *check, const char *file, const char *path,
		       struct cat_errors *errs, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(eval_check_params(check), key);
	struct jpath p;

	if (v && (!cJSON_IsString(v) || !*v->valuestring)) {
		param_path(&p, path, key);
		cat_errors_add(errs, file, p.s, "must be a non-empty string");
	}
}

void eval_check_strings(const cJSON *check, const char *file, const char *path,
			struct cat_errors *errs, const char *key, int min)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(eval_check_params(check), key), *e;
	struct jpath p;
	int bad = 0;

	if (!v)
		return;
	if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) < min)
		bad = 1;
	cJSON_ArrayForEach(e, v)
		if (!cJSON_IsString(e) || !*e->valuestring)
			bad = 1;
	if (bad) {
		param_path(&p, path, key);
		cat_errors_add(errs, file, p.s, "must be an array of at least %d non-empty strings", min);
	}
}

void eval_check_choice(const cJSON *check, const char *file, const char *path,
		       struct cat_errors *errs, const char *key, const char *const *choices)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(eval_check_params(check), key);
	struct jpath p;
	size_t i;

	if (!v)
		return;
	for (i = 0; choices[i]; i++)
		if (cJSON_IsString(v) && !strcmp(v->valuestring, choices[i]))
			return;
	param_path(&p, path, key);
	cat_errors_add(errs, file, p.s, "must be one of the documented values");
}

void eval_check_conds(const cJSON *check, const char *file, const char *path,
		      struct cat_errors *errs, const char *key)
{
	struct cond_list l;
	struct jpath p;

	param_path(&p, path, key);
	if (!cond_parse(cJSON_GetObjectItemCaseSensitive(eval_check_params(check), key), &l, file,
			p.s, errs))
		cond_list_release(&l);
}

void eval_check_int(const cJSON *check, const char *file, const char *path,
		    struct cat_errors *errs, const char *key, double lo, double hi)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(eval_check_params(check), key);
	struct jpath p;

	if (v && (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
		  v->valuedouble < lo || v->valuedouble > hi)) {
		param_path(&p, path, key);
		cat_errors_add(errs, file, p.s, "must be a whole number from %g to %g", lo, hi);
	}
}

int eval_strs_has(const cJSON *arr, const char *s)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, arr)
		if (cJSON_IsString(e) && !strcasecmp(e->valuestring, s))
			return 1;
	return 0;
}

void eval_check_parts(const cJSON *check, const char *file, const char *path,
		      struct cat_errors *errs, int min, int max, const char *what)
{
	const cJSON *src = cJSON_GetObjectItemCaseSensitive(check, "source");
	const cJSON *parts = cJSON_GetObjectItemCaseSensitive(src, "parts");
	int n = parts ? cJSON_GetArraySize(parts) : 1;
	struct jpath base, p;

	if (n >= min && n <= max)
		return;
	jpath_set(&base, path);
	jpath_key(&p, &base, "source");
	cat_errors_add(errs, file, p.s, "%s", what);
}

int eval_judge(const struct cond_list *require, const cJSON *d, struct check_result *buf,
	       const char *name_path, const char *detail)
{
	int fail = cond_first_failure(require, d);
	char why[256];

	if (fail < 0)
		return 1;
	if (!detail) {
		eval_explain(&require->c[fail], d, why, sizeof(why));
		detail = why;
	}
	eval_offend(buf, d, name_path, detail);
	return 0;
}

const char *const eval_empty_choices[] = { "nothing-in-scope", "pass", "fail", NULL };

static void check_bool(const cJSON *check, const char *file, const char *path,
		       struct cat_errors *errs, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(eval_check_params(check), key);
	struct jpath p;

	if (v && !cJSON_IsBool(v)) {
		param_path(&p, path, key);
		cat_errors_add(errs, file, p.s, "must be true or false");
	}
}

/* A name, or a non-empty array of alternative names. */
static int names_entry_ok(const cJSON *e)
{
	const cJSON *a;

	if (cJSON_IsString(e))
		return *e->valuestring != '\0';
	if (!cJSON_IsArray(e) || !cJSON_GetArraySize(e))
		return 0;
	cJSON_ArrayForEach(a, e)
		if (!cJSON_IsString(a) || !*a->valuestring)
			return 0;
	return 1;
}

static void check_names(const cJSON *check, const char *file, const char *path,
			struct cat_errors *errs, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(eval_check_params(check), key), *e;
	int bad = v && (!cJSON_IsArray(v) || !cJSON_GetArraySize(v));
	struct jpath p;

	cJSON_ArrayForEach(e, v)
		if (!names_entry_ok(e))
			bad = 1;
	if (bad) {
		param_path(&p, path, key);
		cat_errors_add(errs, file, p.s, "must list entries, each a name or an array of alternative names");
	}
}

void eval_check_spec(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs, const struct eval_pspec *spec, size_t n)
{
	const cJSON *params = eval_check_params(check), *k;
	struct jpath p;
	size_t i;

	cJSON_ArrayForEach(k, params) {
		for (i = 0; i < n; i++)
			if (k->string && !strcmp(k->string, spec[i].key))
				break;
		if (i == n) {
			param_path(&p, path, k->string ? k->string : "?");
			cat_errors_add(errs, file, p.s, "unknown parameter '%s'", k->string ? k->string : "");
		}
	}
	for (i = 0; i < n; i++) {
		const struct eval_pspec *e = &spec[i];
		if (e->required && !cJSON_GetObjectItemCaseSensitive(params, e->key)) {
			param_path(&p, path, e->key);
			cat_errors_add(errs, file, p.s, "the %s evaluator needs '%s'",
				       cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
					       cJSON_GetObjectItemCaseSensitive(check, "evaluator"), "name")),
				       e->key);
			continue;
		}
		switch (e->kind) {
		case EP_STR:
			eval_check_string(check, file, path, errs, e->key);
			break;
		case EP_STRS:
			eval_check_strings(check, file, path, errs, e->key, 1);
			break;
		case EP_CONDS:
			eval_check_conds(check, file, path, errs, e->key);
			break;
		case EP_INT:
			eval_check_int(check, file, path, errs, e->key, e->lo, e->hi);
			break;
		case EP_BOOL:
			check_bool(check, file, path, errs, e->key);
			break;
		case EP_CHOICE:
			eval_check_choice(check, file, path, errs, e->key, e->choices);
			break;
		case EP_NAMES:
			check_names(check, file, path, errs, e->key);
			break;
		case EP_ANY:
			break;
		}
	}
}
