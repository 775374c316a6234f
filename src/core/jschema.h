/*
 * A small declarative checker for JSON objects read from files: required
 * keys, unknown and duplicate keys, types, and the length and character set
 * of strings. Problems go to a struct cat_errors as "FILE: PATH: message";
 * checking never stops at the first problem.
 */
#ifndef AZMAT_JSCHEMA_H
#define AZMAT_JSCHEMA_H

#include <stddef.h>

#include "catalog.h"
#include "jpath.h"

struct cJSON;

enum js_type {
	JS_STRING,  /* one line: no control characters */
	JS_TEXT,    /* may hold "\n" */
	JS_INT,
	JS_BOOL,
	JS_ARRAY,
	JS_OBJECT,
	JS_NUMBER_OR_NULL,
	JS_STRINGS, /* array of JS_STRING, each within min..max */
	JS_ANY,
};

enum js_flags {
	JS_REQUIRED = 1 << 0,
};

struct js_field {
	const char *key;
	enum js_type type;
	unsigned flags;
	size_t min; /* strings: code points; arrays: elements */
	size_t max; /* 0: no limit; JS_INT: the value lies in min..max unless max is 0 */
};

struct js_ctx {
	struct cat_errors *errs;
	const char *file;
	size_t nerrors_at_start;
};

/*
 * Check obj at path against the n fields of spec, reporting every problem.
 * Returns 0 only when obj is not an object; otherwise the caller goes on
 * reading what is there (through js_str, js_array, ...: they return NULL
 * for a missing or mistyped value), so that later problems are reported too.
 */
int js_check_object(struct js_ctx *c, const struct cJSON *obj, const struct jpath *path,
		    const struct js_field *spec, size_t n);

/*
 * Check one string value for UTF-8, control characters (newlines allowed
 * when multiline), surrounding white space and its length in code points.
 */
void js_check_string(struct js_ctx *c, const char *s, const struct jpath *path, size_t min,
		     size_t max, int multiline);

/* obj[key] when it is an array / an object, else NULL (borrowed). */
const struct cJSON *js_array(const struct cJSON *obj, const char *key);
const struct cJSON *js_object(const struct cJSON *obj, const char *key);
/* obj[key] as an integer when it is a whole number, else dflt. */
long js_int(const struct cJSON *obj, const char *key, long dflt);

/* A copy of obj[key]'s string, or of "" when absent or not a string. */
char *js_dup(const struct cJSON *obj, const char *key);
/* A copy of obj[key]'s string, or NULL when absent or not a string. */
char *js_dup_or_null(const struct cJSON *obj, const char *key);
/* obj[key] as a string, or NULL (borrowed). */
const char *js_str(const struct cJSON *obj, const char *key);
/* Copies of the strings in the array obj[key]; *n receives the count. */
char **js_dup_strings(const struct cJSON *obj, const char *key, size_t *n);

/* True when url is an https URL we accept in the catalog. */
int js_url_ok(const char *url);

#endif
