/*
 * Check evaluators: pure functions from a check's documents to a result.
 *
 * Fetching is separate from judging (DESIGN.md sections 2 and 3). Whoever
 * has the documents (the live collector, the offline bundle importer, a
 * test with Microsoft's example responses, a fuzzer) streams them into an
 * evaluator one document at a time, as pages arrive, and asks for the
 * verdict at the end. No evaluator does I/O, and none keeps more than it
 * needs to: counts, and the offending resources (which the store caps).
 *
 * A document is one object in its ARM or Graph shape: a resource with id,
 * name, type, location, tags and properties (from a Resource Graph row or an
 * ARM list page), or a Graph object as Graph returns it. Sources with
 * several parts (the check's "source" with "parts") deliver every document
 * of part 0, then of part 1, and so on, with ctx->part telling which.
 *
 * This layer links only the core (cJSON): never curl, sqlite or curses.
 */
#ifndef AZMAT_EVAL_H
#define AZMAT_EVAL_H

#include <stddef.h>

#include "catalog.h"
#include "evidence.h"

struct cJSON;

/*
 * Evaluators keep at most this many offenders in memory (the store keeps
 * at most STORE_OFFENDERS_CAP); offending_total always has the true count.
 */
#define EVAL_OFFENDERS_MAX 5000

/* Where a document came from. */
struct eval_ctx {
	size_t part;                 /* index in the source's parts, 0 for single sources */
	const char *subscription_id; /* per-subscription ARM sources; NULL otherwise */
	const char *scope;           /* the request's scope path, or NULL */
};

struct evaluator {
	const char *name;
	/*
	 * Check the evaluator's "params" (and, if it cares, the check's
	 * "source") when the catalog loads; report with cat_errors_add(). May
	 * be NULL when the evaluator takes no parameters.
	 */
	void (*validate)(const struct cJSON *check, const char *file, const char *path,
			 struct cat_errors *errs);
	/* Start judging check; returns the evaluator's state (never NULL). */
	void *(*begin)(const struct cat_check *check);
	/* Judge one document; doc is borrowed for the call only. */
	void (*doc)(void *state, const struct cJSON *doc, const struct eval_ctx *ctx);
	/*
	 * All documents seen: set r's status, cause, healthy, total, summary
	 * and offenders. r was initialised with check_result_init().
	 */
	void (*finish)(void *state, const struct cat_check *check, struct check_result *r);
	/* Free the state. */
	void (*release)(void *state);
};

/* The evaluator called name, or NULL. */
const struct evaluator *eval_find(const char *name);

/* Every evaluator, for listings; *n receives the count. */
const struct evaluator *const *eval_all(size_t *n);

/*
 * Catalog hooks that validate each check's evaluator name and parameters;
 * pass to catalog_load().
 */
const struct catalog_hooks *eval_catalog_hooks(void);

/*
 * Judge a check on a complete list of documents (a cJSON array), all
 * delivered as part 0 unless the array holds {"part": N, "doc": {...}}
 * wrappers. For tests, fuzzing and small bundles. r must be initialised.
 */
void eval_run_array(const struct cat_check *check, const struct cJSON *docs,
		    struct check_result *r);

/* Streaming use: one struct eval_run per check being judged. */
struct eval_run {
	const struct evaluator *ev;
	const struct cat_check *check;
	void *state;
	unsigned long ndocs;
};

/* Start; returns AZ_ERR_NOTFOUND when the check's evaluator is unknown. */
enum az_err eval_run_begin(struct eval_run *run, const struct cat_check *check);
void eval_run_doc(struct eval_run *run, const struct cJSON *doc, const struct eval_ctx *ctx);
/*
 * Every document of a page: page is a JSON array (ARM/Graph "value",
 * Resource Graph "data"), each element delivered in order.
 */
void eval_run_page(struct eval_run *run, const struct cJSON *page, const struct eval_ctx *ctx);
/* Finish into r (initialised by the caller) and free the state. */
void eval_run_finish(struct eval_run *run, struct check_result *r);
/* Abandon without a verdict (the fetch failed); frees the state. */
void eval_run_abort(struct eval_run *run);

#endif
