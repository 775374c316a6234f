/*
 * Helpers shared by evaluators: reading parameters, naming documents,
 * explaining failures, and writing the verdict.
 */
#ifndef AZMAT_EVAL_UTIL_H
#define AZMAT_EVAL_UTIL_H

#include <stddef.h>

#include "cond.h"
#include "eval.h"

struct cJSON;

/* params[key] as a string, or dflt. */
const char *eval_param_str(const struct cat_check *check, const char *key, const char *dflt);
/* params[key] as a number, or dflt. */
double eval_param_num(const struct cat_check *check, const char *key, double dflt);
/* params[key] (borrowed) or NULL. */
const struct cJSON *eval_param(const struct cat_check *check, const char *key);

/*
 * The name to show for doc: the value at name_path when given and present,
 * else properties.displayName, displayName, userPrincipalName, name, id.
 */
const char *eval_doc_name(const struct cJSON *doc, const char *name_path);
/* The doc's id ("id", else "objectId", else ""). */
const char *eval_doc_id(const struct cJSON *doc);

/* "properties.publicNetworkAccess is Enabled" for the condition doc fails. */
void eval_explain(const struct cond *c, const struct cJSON *doc, char *out, size_t n);

/*
 * Set r from counts with the usual rule: nothing judged gives `empty`
 * (usually not assessable, nothing in scope); all healthy pass; none
 * healthy fail; otherwise partial. noun names what was counted.
 */
void eval_verdict(struct check_result *r, unsigned long healthy, unsigned long total,
		  const char *noun, const char *empty);

/*
 * Validate the common parameter keys: every key of params must be in
 * allowed (NULL-terminated); reports unknown keys.
 */
void eval_check_keys(const struct cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs, const char *const *allowed);

#endif
