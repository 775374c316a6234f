/*
 * Conditions on documents, the building block of the generic evaluators:
 *
 *   {"path": "properties.enablePurgeProtection", "op": "true", "default": false}
 *   {"path": "properties.minimumTlsVersion", "op": "in", "values": ["TLS1_2", "TLS1_3"]}
 *   {"path": "properties.securityRules", "op": "none", "where": [ ...conditions on each element... ]}
 *
 * A path is a dot-separated list of keys ("properties.networkAcls.defaultAction"),
 * matched case-insensitively as ARM's casing varies, with "[N]" to index an
 * array. A missing value or JSON null takes "default" when one is given and
 * otherwise fails every operator but "missing" (and "len_*", where it has
 * length 0). String comparisons ignore case, and the strings "true"/"false"
 * equal the booleans (Defender and Resource Graph return "True" and "true").
 *
 * Operators: eq ne in not_in exists missing true false ge gt le lt
 * contains not_contains contains_any prefix suffix len_ge len_le len_eq
 * age_ge age_le any none all or.
 *
 *   contains_any  the array (or string) holds one of "values"
 *   suffix        the string ends with "value" ("/roleDefinitions/<guid>")
 *   age_ge/age_le the value is a date whose age in days (now minus the
 *                 date, now from time_now()) is at least / at most "value";
 *                 a future date has a negative age, so {"op": "age_le",
 *                 "value": -365} means "a year or more in the future"
 *   or            true when any condition of "where" holds on the value at
 *                 "path" (the document itself when "path" is omitted)
 *
 * An element of an array judged by any/none/all is itself a document: a
 * condition with an empty "path" ("") judges the element's own value, e.g.
 * the strings of "methodsRegistered".
 */
#ifndef AZMAT_COND_H
#define AZMAT_COND_H

#include <stddef.h>

#include "catalog.h"

struct cJSON;

enum cond_op {
	COND_EQ, COND_NE, COND_IN, COND_NOT_IN, COND_EXISTS, COND_MISSING, COND_TRUE,
	COND_FALSE, COND_GE, COND_GT, COND_LE, COND_LT, COND_CONTAINS, COND_NOT_CONTAINS,
	COND_PREFIX, COND_LEN_GE, COND_LEN_LE, COND_LEN_EQ, COND_ANY, COND_NONE, COND_ALL,
	COND_CONTAINS_ANY, COND_SUFFIX, COND_AGE_GE, COND_AGE_LE, COND_OR,
};

struct cond_list;

struct cond {
	const char *path;            /* borrowed from the params */
	enum cond_op op;
	const struct cJSON *value;   /* "value" or "values", borrowed */
	const struct cJSON *dflt;    /* "default", borrowed, or NULL */
	struct cond_list *sub;       /* any/none/all/or: nested conditions (owned) */
};

struct cond_list {
	struct cond *c;
	size_t n;
};

/*
 * Parse an array of conditions (NULL: an empty list). Problems go to errs
 * when not NULL, under file and path. Returns AZ_ERR_INVALID on problems;
 * out is then empty. Free with cond_list_release().
 */
enum az_err cond_parse(const struct cJSON *arr, struct cond_list *out, const char *file,
		       const char *path, struct cat_errors *errs);
void cond_list_release(struct cond_list *l);

/* True when doc satisfies every condition of l (an empty list matches all). */
int cond_match(const struct cond_list *l, const struct cJSON *doc);

/*
 * The index of the first condition doc fails, or -1. Used to explain an
 * offender ("properties.publicNetworkAccess is Enabled").
 */
int cond_first_failure(const struct cond_list *l, const struct cJSON *doc);

/* The value at path in doc, or NULL (borrowed). */
const struct cJSON *doc_get(const struct cJSON *doc, const char *path);

/* A short text of a JSON scalar for messages ("Enabled", "30", "missing"). */
void doc_value_text(const struct cJSON *v, char *out, size_t n);

#endif
