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
 * The singular of a plural noun phrase, for summaries of a single thing:
 * its head word (the last before " with", " of", " that", " at", " able",
 * " open", " to", else the last) loses its plural ending ("Key Vaults" ->
 * "Key Vault", "container registries with ..." -> "container registry
 * with ...", "public IP addresses" -> "public IP address").
 */
void eval_singular(char *out, size_t n, const char *noun);

/*
 * Keep doc as an offender in buf (a check_result used as a list), unless
 * EVAL_OFFENDERS_MAX are kept already; its name from name_path.
 */
void eval_offend(struct check_result *buf, const struct cJSON *doc, const char *name_path,
		 const char *detail);

/*
 * eval_verdict() followed by copying the offenders kept in buf into r, and
 * setting the true offending count to total - healthy.
 */
void eval_verdict_offenders(struct check_result *r, unsigned long healthy, unsigned long total,
			    const char *noun, const char *empty, const struct check_result *buf);

/*
 * Validate the common parameter keys: every key of params must be in
 * allowed (NULL-terminated); reports unknown keys.
 */
void eval_check_keys(const struct cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs, const char *const *allowed);

/*
 * Judge d against require: returns 1 when it meets every condition;
 * otherwise keeps it as an offender in buf (see eval_offend()) with detail,
 * or when detail is NULL the explanation of the first failed condition, and
 * returns 0.
 */
int eval_judge(const struct cond_list *require, const struct cJSON *d, struct check_result *buf,
	       const char *name_path, const char *detail);

/*
 * Declarative parameter checking: one row per accepted key. Every key not
 * in the table is reported as unknown; every row is checked when present,
 * and reported when required and absent.
 */
enum eval_pkind {
	EP_STR,    /* a non-empty string */
	EP_STRS,   /* an array of at least one non-empty string */
	EP_CONDS,  /* a condition list (cond.h) */
	EP_INT,    /* a whole number in lo..hi */
	EP_BOOL,   /* true or false */
	EP_CHOICE, /* one of choices */
	EP_NAMES,  /* an array whose entries are each a name or an array of alternative names */
	EP_ANY,    /* anything: the evaluator checks it itself */
};

struct eval_pspec {
	const char *key;
	enum eval_pkind kind;
	int required;
	double lo, hi;               /* EP_INT */
	const char *const *choices;  /* EP_CHOICE, NULL-terminated */
};

/* "nothing-in-scope", "pass", "fail": the "empty" parameter's choices. */
extern const char *const eval_empty_choices[];

void eval_check_spec(const struct cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs, const struct eval_pspec *spec, size_t n);

/* Longest resource id the join helpers keep; longer ids are cut. */
#define EVAL_ID_MAX 1024

/*
 * Normalise a resource id or scope for joins: a leading "/" (Consumption
 * returns "subscriptions/..."), no trailing "/" except for the root "/".
 * Case is left alone (the join maps ignore it). out has n bytes.
 */
void eval_norm_id(const char *id, char *out, size_t n);

/*
 * The subscription a document belongs to, as "/subscriptions/<guid>":
 * from ctx->subscription_id (a GUID or such a path) when set, else the
 * document's "subscriptionId", else the "/subscriptions/<guid>" its id
 * starts with. Returns 0 on success, -1 when none is known.
 */
int eval_subscription_key(const struct cJSON *doc, const struct eval_ctx *ctx, char *out,
			  size_t n);

/*
 * The parent of a resource id: the resource a child or extension resource
 * hangs from. ".../vaults/kv/providers/microsoft.insights/diagnosticSettings/x"
 * and ".../virtualMachines/vm/extensions/x" give ".../vaults/kv" and
 * ".../virtualMachines/vm"; "/subscriptions/s/providers/Microsoft.Authorization/locks/l"
 * gives "/subscriptions/s". Returns 0, or -1 when id has no parent.
 */
int eval_parent_id(const char *id, char *out, size_t n);

/* Check that params[key], when present, is a string; report otherwise. */
void eval_check_string(const struct cJSON *check, const char *file, const char *path,
		       struct cat_errors *errs, const char *key);
/* Check that params[key], when present, is an array of strings (at least min). */
void eval_check_strings(const struct cJSON *check, const char *file, const char *path,
			struct cat_errors *errs, const char *key, int min);
/* Check that params[key], when present, is one of the NULL-terminated choices. */
void eval_check_choice(const struct cJSON *check, const char *file, const char *path,
		       struct cat_errors *errs, const char *key, const char *const *choices);
/* Parse the condition list params[key] (may be absent) and report problems. */
void eval_check_conds(const struct cJSON *check, const char *file, const char *path,
		      struct cat_errors *errs, const char *key);
/* Check that params[key], when present, is a whole number in lo..hi. */
void eval_check_int(const struct cJSON *check, const char *file, const char *path,
		    struct cat_errors *errs, const char *key, double lo, double hi);
/* params of a check JSON (as the validate callback receives it), or NULL. */
const struct cJSON *eval_check_params(const struct cJSON *check);

/*
 * Check that the check's source has between min and max parts (a source
 * without "parts" has one); report "what" as the reason otherwise.
 */
void eval_check_parts(const struct cJSON *check, const char *file, const char *path,
		      struct cat_errors *errs, int min, int max, const char *what);

/* True when the string array arr holds s (case-insensitive). */
int eval_strs_has(const struct cJSON *arr, const char *s);

#endif
