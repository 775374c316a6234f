#include "cond.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compat.h"
#include "jpath.h"
#include "timeutil.h"
#include "xalloc.h"

static const struct {
	const char *name;
	enum cond_op op;
	int needs; /* 0 nothing, 1 value, 2 values array, 3 number, 4 sub-conditions */
} ops[] = {
	{ "eq", COND_EQ, 1 },       { "ne", COND_NE, 1 },
	{ "in", COND_IN, 2 },       { "not_in", COND_NOT_IN, 2 },
	{ "exists", COND_EXISTS, 0 }, { "missing", COND_MISSING, 0 },
	{ "true", COND_TRUE, 0 },   { "false", COND_FALSE, 0 },
	{ "ge", COND_GE, 3 },       { "gt", COND_GT, 3 },
	{ "le", COND_LE, 3 },       { "lt", COND_LT, 3 },
	{ "contains", COND_CONTAINS, 1 }, { "not_contains", COND_NOT_CONTAINS, 1 },
	{ "prefix", COND_PREFIX, 1 }, { "len_ge", COND_LEN_GE, 3 },
	{ "len_le", COND_LEN_LE, 3 }, { "len_eq", COND_LEN_EQ, 3 },
	{ "any", COND_ANY, 4 },     { "none", COND_NONE, 4 },
	{ "all", COND_ALL, 4 },     { "contains_any", COND_CONTAINS_ANY, 2 },
	{ "suffix", COND_SUFFIX, 1 }, { "age_ge", COND_AGE_GE, 3 },
	{ "age_le", COND_AGE_LE, 3 }, { "or", COND_OR, 4 },
};

const cJSON *doc_get(const cJSON *doc, const char *path)
{
	const cJSON *cur = doc;
	const char *p = path;
	char key[128];

	if (!path || !*path)
		return doc;
	while (cur && *p) {
		size_t n = 0;
		while (*p && *p != '.' && *p != '[' && n + 1 < sizeof(key))
			key[n++] = *p++;
		key[n] = '\0';
		if (n)
			cur = cJSON_IsObject(cur) ? cJSON_GetObjectItem(cur, key) : NULL;
		while (cur && *p == '[') {
			char *end;
			long idx = strtol(p + 1, &end, 10);
			if (*end != ']' || idx < 0 || !cJSON_IsArray(cur))
				return NULL;
			cur = cJSON_GetArrayItem(cur, (int)idx);
			p = end + 1;
		}
		if (*p == '.')
			p++;
		else if (*p)
			return NULL;
	}
	return cur;
}

void doc_value_text(const cJSON *v, char *out, size_t n)
{
	if (!v || cJSON_IsNull(v))
		snprintf(out, n, "missing");
	else if (cJSON_IsString(v))
		snprintf(out, n, "%.80s", v->valuestring);
	else if (cJSON_IsBool(v))
		snprintf(out, n, "%s", cJSON_IsTrue(v) ? "true" : "false");
	else if (cJSON_IsNumber(v))
		snprintf(out, n, "%g", v->valuedouble);
	else if (cJSON_IsArray(v))
		snprintf(out, n, "a list of %d", cJSON_GetArraySize(v));
	else
		snprintf(out, n, "an object");
}

/* -1 not a boolean, 0 false, 1 true */
static int as_bool(const cJSON *v)
{
	if (cJSON_IsTrue(v))
		return 1;
	if (cJSON_IsFalse(v))
		return 0;
	if (cJSON_IsString(v)) {
		if (!strcasecmp(v->valuestring, "true"))
			return 1;
		if (!strcasecmp(v->valuestring, "false"))
			return 0;
	}
	return -1;
}

static int as_number(const cJSON *v, double *out)
{
	char *end;

	if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
		*out = v->valuedouble;
		return 0;
	}
	if (cJSON_IsString(v) && *v->valuestring) {
		*out = strtod(v->valuestring, &end);
		return *end || !isfinite(*out) ? -1 : 0;
	}
	return -1;
}

static int scalar_eq(const cJSON *a, const cJSON *b)
{
	double x, y;
	int ba = as_bool(a), bb = as_bool(b);

	if (ba >= 0 && bb >= 0)
		return ba == bb;
	if (cJSON_IsString(a) && cJSON_IsString(b))
		return !strcasecmp(a->valuestring, b->valuestring);
	if (!as_number(a, &x) && !as_number(b, &y))
		return x == y;
	return 0;
}

static size_t length_of(const cJSON *v)
{
	if (cJSON_IsArray(v) || cJSON_IsObject(v))
		return (size_t)cJSON_GetArraySize(v);
	if (cJSON_IsString(v))
		return strlen(v->valuestring);
	return 0;
}

static int contains(const cJSON *hay, const cJSON *needle)
{
	const cJSON *e;

	if (cJSON_IsArray(hay)) {
		cJSON_ArrayForEach(e, hay)
			if (scalar_eq(e, needle))
				return 1;
		return 0;
	}
	if (cJSON_IsString(hay) && cJSON_IsString(needle)) {
		size_t n = strlen(needle->valuestring), i;
		for (i = 0; hay->valuestring[i]; i++)
			if (!strncasecmp(hay->valuestring + i, needle->valuestring, n))
				return 1;
	}
	return 0;
}

static int has_suffix(const cJSON *v, const cJSON *suffix)
{
	size_t n, m;

	if (!cJSON_IsString(v) || !cJSON_IsString(suffix))
		return 0;
	n = strlen(v->valuestring);
	m = strlen(suffix->valuestring);
	return n >= m && !strcasecmp(v->valuestring + n - m, suffix->valuestring);
}

/* The age in days of a date value (negative in the future); -1 on no date. */
static int age_days(const cJSON *v, double *out)
{
	time_t t;

	if (!cJSON_IsString(v) || time_parse_iso(v->valuestring, &t))
		return -1;
	*out = difftime(time_now(), t) / 86400.0;
	return 0;
}

static int contains_any(const cJSON *v, const cJSON *values)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, values)
		if (contains(v, e))
			return 1;
	return 0;
}

static int eval_one(const struct cond *c, const cJSON *doc)
{
	const cJSON *v = doc_get(doc, c->path), *e;
	double x, y;
	int missing, b;

	if (c->op == COND_OR) {
		size_t i;
		for (i = 0; i < c->sub->n; i++)
			if (eval_one(&c->sub->c[i], v))
				return 1;
		return 0;
	}
	if ((!v || cJSON_IsNull(v)) && c->dflt)
		v = c->dflt;
	missing = !v || cJSON_IsNull(v);
	switch (c->op) {
	case COND_EXISTS:
		return !missing;
	case COND_MISSING:
		return missing;
	case COND_LEN_GE:
		return length_of(v) >= (size_t)c->value->valuedouble;
	case COND_LEN_LE:
		return length_of(v) <= (size_t)c->value->valuedouble;
	case COND_LEN_EQ:
		return length_of(v) == (size_t)c->value->valuedouble;
	default:
		break;
	}
	if (missing)
		return 0;
	switch (c->op) {
	case COND_EQ:
		return scalar_eq(v, c->value);
	case COND_NE:
		return !scalar_eq(v, c->value);
	case COND_IN:
	case COND_NOT_IN:
		b = 0;
		cJSON_ArrayForEach(e, c->value)
			if (scalar_eq(v, e))
				b = 1;
		return c->op == COND_IN ? b : !b;
	case COND_TRUE:
		return as_bool(v) == 1;
	case COND_FALSE:
		return as_bool(v) == 0;
	case COND_GE:
	case COND_GT:
	case COND_LE:
	case COND_LT:
		if (as_number(v, &x) || as_number(c->value, &y))
			return 0;
		return c->op == COND_GE ? x >= y : c->op == COND_GT ? x > y :
		       c->op == COND_LE ? x <= y : x < y;
	case COND_CONTAINS:
		return contains(v, c->value);
	case COND_NOT_CONTAINS:
		return !contains(v, c->value);
	case COND_CONTAINS_ANY:
		return contains_any(v, c->value);
	case COND_SUFFIX:
		return has_suffix(v, c->value);
	case COND_AGE_GE:
	case COND_AGE_LE:
		if (age_days(v, &x))
			return 0;
		return c->op == COND_AGE_GE ? x >= c->value->valuedouble : x <= c->value->valuedouble;
	case COND_PREFIX:
		return cJSON_IsString(v) && cJSON_IsString(c->value) &&
		       !strncasecmp(v->valuestring, c->value->valuestring,
				    strlen(c->value->valuestring));
	case COND_ANY:
	case COND_NONE:
	case COND_ALL:
		if (!cJSON_IsArray(v))
			return c->op == COND_NONE;
		b = c->op == COND_ALL;
		cJSON_ArrayForEach(e, v) {
			int m = cond_match(c->sub, e);
			if (c->op == COND_ALL && !m)
				return 0;
			if (c->op != COND_ALL && m)
				return c->op == COND_ANY;
		}
		return c->op == COND_ALL ? b : c->op == COND_NONE;
	default:
		return 0;
	}
}

int cond_match(const struct cond_list *l, const cJSON *doc)
{
	return cond_first_failure(l, doc) < 0;
}

int cond_first_failure(const struct cond_list *l, const cJSON *doc)
{
	size_t i;

	if (!l)
		return -1;
	for (i = 0; i < l->n; i++)
		if (!eval_one(&l->c[i], doc))
			return (int)i;
	return -1;
}

void cond_list_release(struct cond_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->c[i].sub) {
			cond_list_release(l->c[i].sub);
			free(l->c[i].sub);
		}
	}
	free(l->c);
	l->c = NULL;
	l->n = 0;
}

static enum az_err parse_list(const cJSON *arr, struct cond_list *out, const char *file,
			      const char *path, struct cat_errors *errs, int depth);

static int report(struct cat_errors *errs, const char *file, const char *path, const char *msg)
{
	if (errs)
		cat_errors_add(errs, file, path, "%s", msg);
	return 1;
}

static int parse_one(const cJSON *o, struct cond *c, const char *file, const char *path,
		     struct cat_errors *errs, int depth)
{
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, "path");
	const cJSON *op = cJSON_GetObjectItemCaseSensitive(o, "op");
	const cJSON *v, *k;
	struct jpath base, sub;
	size_t i;
	int bad = 0;

	memset(c, 0, sizeof(*c));
	if (!cJSON_IsObject(o))
		return report(errs, file, path, "a condition must be an object");
	cJSON_ArrayForEach(k, o) {
		if (k->string && strcmp(k->string, "path") && strcmp(k->string, "op") &&
		    strcmp(k->string, "value") && strcmp(k->string, "values") &&
		    strcmp(k->string, "default") && strcmp(k->string, "where")) {
			char msg[128];
			snprintf(msg, sizeof(msg), "unknown key '%.60s' in a condition", k->string);
			bad |= report(errs, file, path, msg);
		}
	}
	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (cJSON_IsString(op) && !strcmp(op->valuestring, ops[i].name))
			break;
	if (i == ARRAY_SIZE(ops))
		return report(errs, file, path, "a condition needs an 'op' such as eq, in, true, ge, any");
	c->op = ops[i].op;
	/* "" is the value itself (an array element); "or" may omit the path. */
	if (cJSON_IsString(p))
		c->path = p->valuestring;
	else if (!p && c->op == COND_OR)
		c->path = "";
	else
		bad |= report(errs, file, path, "a condition needs a 'path' string");
	c->dflt = cJSON_GetObjectItemCaseSensitive(o, "default");
	switch (ops[i].needs) {
	case 1:
		v = cJSON_GetObjectItemCaseSensitive(o, "value");
		if (!v || cJSON_IsArray(v) || cJSON_IsObject(v) || cJSON_IsNull(v))
			bad |= report(errs, file, path, "this operator needs a scalar 'value'");
		c->value = v;
		break;
	case 2:
		v = cJSON_GetObjectItemCaseSensitive(o, "values");
		if (!cJSON_IsArray(v) || !cJSON_GetArraySize(v))
			bad |= report(errs, file, path, "this operator needs a non-empty 'values' array");
		c->value = v;
		break;
	case 3:
		v = cJSON_GetObjectItemCaseSensitive(o, "value");
		if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
		    ((c->op == COND_LEN_GE || c->op == COND_LEN_LE || c->op == COND_LEN_EQ) &&
		     (v->valuedouble < 0 || v->valuedouble > 1e9)))
			bad |= report(errs, file, path, "this operator needs a numeric 'value'");
		c->value = v;
		break;
	case 4:
		if (depth > 3)
			return report(errs, file, path, "conditions nest too deeply");
		c->sub = xcalloc(1, sizeof(*c->sub));
		jpath_set(&base, path);
		jpath_key(&sub, &base, "where");
		if (parse_list(cJSON_GetObjectItemCaseSensitive(o, "where"), c->sub, file, sub.s, errs,
			       depth))
			bad = 1;
		else if (!c->sub->n)
			bad |= report(errs, file, path, "any/none/all/or need a non-empty 'where' list");
		break;
	default:
		break;
	}
	return bad;
}

static enum az_err parse_list(const cJSON *arr, struct cond_list *out, const char *file,
			      const char *path, struct cat_errors *errs, int depth)
{
	const cJSON *e;
	struct jpath base;
	size_t i = 0;
	int bad = 0;

	out->c = NULL;
	out->n = 0;
	if (!arr)
		return AZ_OK;
	if (!cJSON_IsArray(arr)) {
		report(errs, file, path, "must be an array of conditions");
		return AZ_ERR_INVALID;
	}
	out->c = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*out->c));
	jpath_set(&base, path);
	cJSON_ArrayForEach(e, arr) {
		struct jpath p;
		jpath_index(&p, &base, i++);
		bad |= parse_one(e, &out->c[out->n++], file, p.s, errs, depth + 1);
	}
	if (bad) {
		cond_list_release(out);
		return AZ_ERR_INVALID;
	}
	return AZ_OK;
}

enum az_err cond_parse(const cJSON *arr, struct cond_list *out, const char *file, const char *path,
		       struct cat_errors *errs)
{
	return parse_list(arr, out, file, path, errs, 0);
}
