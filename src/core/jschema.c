#include "jschema.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "strutil.h"
#include "xalloc.h"

static const char *const type_names[] = {
	"a string", "a string", "an integer", "true or false", "an array", "an object",
	"a number or null", "an array of strings", "any value",
};

void js_check_string(struct js_ctx *c, const char *s, const struct jpath *path, size_t min,
		     size_t max, int multiline)
{
	size_t len = strlen(s), cps, i;

	if (!utf8_valid(s, len)) {
		cat_errors_add(c->errs, c->file, path->s, "is not valid UTF-8");
		return;
	}
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch < 0x20 && !(multiline && ch == '\n')) || ch == 0x7f) {
			cat_errors_add(c->errs, c->file, path->s,
				       "contains a control character (0x%02x)", ch);
			return;
		}
	}
	if (len && (isspace((unsigned char)s[0]) || isspace((unsigned char)s[len - 1])))
		cat_errors_add(c->errs, c->file, path->s, "has leading or trailing white space");
	cps = utf8_count(s);
	if (cps < min) {
		if (!cps)
			cat_errors_add(c->errs, c->file, path->s, "must not be empty");
		else
			cat_errors_add(c->errs, c->file, path->s,
				       "is %zu characters long; at least %zu needed", cps, min);
	} else if (max && cps > max) {
		cat_errors_add(c->errs, c->file, path->s,
			       "is %zu characters long; at most %zu allowed", cps, max);
	}
}

static int type_ok(const cJSON *v, enum js_type t)
{
	switch (t) {
	case JS_STRING:
	case JS_TEXT:
		return cJSON_IsString(v) && v->valuestring;
	case JS_INT:
		return cJSON_IsNumber(v) && isfinite(v->valuedouble) &&
		       v->valuedouble == floor(v->valuedouble) && fabs(v->valuedouble) < 1e9;
	case JS_BOOL:
		return cJSON_IsBool(v);
	case JS_ARRAY:
		return cJSON_IsArray(v);
	case JS_OBJECT:
		return cJSON_IsObject(v);
	case JS_NUMBER_OR_NULL:
		return (cJSON_IsNumber(v) && isfinite(v->valuedouble)) || cJSON_IsNull(v);
	case JS_STRINGS:
		return cJSON_IsArray(v);
	case JS_ANY:
		return 1;
	}
	return 0;
}

static void check_value(struct js_ctx *c, const cJSON *v, const struct jpath *p,
			const struct js_field *f)
{
	const cJSON *e;
	size_t i = 0, n;

	switch (f->type) {
	case JS_STRING:
	case JS_TEXT:
		js_check_string(c, v->valuestring, p, f->min ? f->min : 1, f->max,
				f->type == JS_TEXT);
		break;
	case JS_ARRAY:
		n = (size_t)cJSON_GetArraySize(v);
		if (n < f->min)
			cat_errors_add(c->errs, c->file, p->s, "needs at least %zu entr%s, has %zu",
				       f->min, f->min == 1 ? "y" : "ies", n);
		else if (f->max && n > f->max)
			cat_errors_add(c->errs, c->file, p->s, "may have at most %zu entries, has %zu",
				       f->max, n);
		break;
	case JS_STRINGS:
		cJSON_ArrayForEach(e, v) {
			struct jpath ep;
			jpath_index(&ep, p, i++);
			if (!cJSON_IsString(e) || !e->valuestring)
				cat_errors_add(c->errs, c->file, ep.s, "must be a string");
			else
				js_check_string(c, e->valuestring, &ep, 1, f->max, 0);
		}
		if (i < f->min)
			cat_errors_add(c->errs, c->file, p->s, "needs at least %zu entr%s, has %zu",
				       f->min, f->min == 1 ? "y" : "ies", i);
		break;
	case JS_INT:
		if (f->max && (v->valuedouble < (double)f->min || v->valuedouble > (double)f->max))
			cat_errors_add(c->errs, c->file, p->s, "must be a whole number from %zu to %zu",
				       f->min, f->max);
		break;
	default:
		break;
	}
}

int js_check_object(struct js_ctx *c, const cJSON *obj, const struct jpath *path,
		    const struct js_field *spec, size_t n)
{
	const cJSON *v;
	size_t i;

	if (!cJSON_IsObject(obj)) {
		cat_errors_add(c->errs, c->file, path->s, "must be an object");
		return 0;
	}
	cJSON_ArrayForEach(v, obj) {
		const cJSON *w;
		struct jpath p;

		jpath_key(&p, path, v->string ? v->string : "?");
		for (w = obj->child; w != v; w = w->next)
			if (w->string && v->string && !strcmp(w->string, v->string))
				break;
		if (w != v) {
			cat_errors_add(c->errs, c->file, p.s, "duplicate key '%s'", v->string);
			continue;
		}
		for (i = 0; i < n; i++)
			if (v->string && !strcmp(spec[i].key, v->string))
				break;
		if (i == n) {
			cat_errors_add(c->errs, c->file, p.s, "unknown key '%s'",
				       v->string ? v->string : "");
			continue;
		}
		if (!type_ok(v, spec[i].type)) {
			cat_errors_add(c->errs, c->file, p.s, "must be %s", type_names[spec[i].type]);
			continue;
		}
		check_value(c, v, &p, &spec[i]);
	}
	for (i = 0; i < n; i++) {
		if ((spec[i].flags & JS_REQUIRED) && !cJSON_GetObjectItemCaseSensitive(obj, spec[i].key)) {
			cat_errors_add(c->errs, c->file, path->s, "missing required key '%s'",
				       spec[i].key);
		}
	}
	return 1;
}

const cJSON *js_array(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsArray(v) ? v : NULL;
}

const cJSON *js_object(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsObject(v) ? v : NULL;
}

long js_int(const cJSON *obj, const char *key, long dflt)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!type_ok(v, JS_INT))
		return dflt;
	return (long)v->valuedouble;
}

const char *js_str(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

char *js_dup(const cJSON *obj, const char *key)
{
	const char *s = js_str(obj, key);

	return xstrdup(s ? s : "");
}

char *js_dup_or_null(const cJSON *obj, const char *key)
{
	const char *s = js_str(obj, key);

	return s ? xstrdup(s) : NULL;
}

char **js_dup_strings(const cJSON *obj, const char *key, size_t *n)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(obj, key);
	const cJSON *e;
	char **out;
	size_t i = 0;

	*n = 0;
	if (!cJSON_IsArray(arr) || !cJSON_GetArraySize(arr))
		return NULL;
	out = xcalloc((size_t)cJSON_GetArraySize(arr), sizeof(*out));
	cJSON_ArrayForEach(e, arr)
		out[i++] = xstrdup(cJSON_IsString(e) && e->valuestring ? e->valuestring : "");
	*n = i;
	return out;
}

int js_url_ok(const char *url)
{
	const char *p, *host;
	size_t hostlen = 0;

	if (!str_has_prefix(url, "https://") || strlen(url) > 500)
		return 0;
	host = url + 8;
	for (p = host; *p && *p != '/' && *p != '?' && *p != '#'; p++) {
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-' && *p != ':')
			return 0;
		hostlen++;
	}
	if (hostlen < 3 || !memchr(host, '.', hostlen) || host[0] == '.' || host[0] == '-')
		return 0;
	for (; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch <= 0x20 || ch >= 0x7f || ch == '"' || ch == '<' || ch == '>' || ch == '\\' ||
		    ch == '`' || ch == '{' || ch == '}' || ch == '|' || ch == '^')
			return 0;
	}
	return 1;
}
