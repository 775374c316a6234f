/*
 * Offline evidence bundles (docs/bundles.md): a folder of raw API responses
 * that a client made with assets/bundle/azmat-bundle.py and the Azure CLI,
 * judged with the evaluators a live collection uses.
 *
 * For every check, the importer reads checks/<id>/part-<k>/<scope>/ part by
 * part, scope by scope (the subscriptions in the manifest's order, the
 * resources in the order their Resource Graph listing gives), page by page
 * (page-0001.json, then page-0002.json while the previous page names a next
 * page), and streams each page's documents into the check's evaluator. One
 * page is held at a time. What goes wrong ends only its check, as not
 * assessable, exactly as the same failure would live:
 *
 *   no folder for the check                 not collected
 *   error.json {"status", "code", ...}      classified by apierr.h (403
 *                                           permission, licence errors,
 *                                           429 throttled, 404 of a listed
 *                                           resource skipped, ...)
 *   the check's licence missing from        licence (tenant/subscribedSkus,
 *   subscribedSkus                          as the collector reads it)
 *   a page that is not JSON, too large, a   api-error, and the file is
 *   symbolic link, a missing next page or   named in the problems
 *   scope, a truncated Resource Graph
 *   result, a next link to another host
 *
 * Safety: every file and folder under the bundle is opened relative to the
 * bundle's folder without following symbolic links (a link is refused,
 * wherever it points), only plain files are read, each within a size cap,
 * and the only names built from the bundle's own content are subscription
 * ids from the manifest (checked to be ids) and fixed patterns.
 *
 * Dates are judged as of the bundle's creation (the manifest's "created"),
 * as a live collection at that moment would have judged them: while a check
 * is judged, time_now() is pinned to that moment (time_set_now()), and
 * released afterwards, back to the real clock or AZMAT_NOW. Not thread-safe:
 * one import at a time, on the thread that owns the clock.
 */
#ifndef AZMAT_BUNDLE_H
#define AZMAT_BUNDLE_H

#include <stddef.h>

#include "catalog.h"
#include "err.h"
#include "evidence.h"

#define BUNDLE_FORMAT 1
/* Largest page read (az rest pretty-prints: a 1,000-row Resource Graph page of big objects fits). */
#define BUNDLE_PAGE_MAX ((size_t)64 << 20)
/* Largest manifest.json, error.json, request.json or resource.txt. */
#define BUNDLE_SMALL_MAX ((size_t)1 << 20)
/* Request records kept per check result (one per file read). */
#define BUNDLE_REQUESTS_MAX 5000

/* What manifest.json says; strings owned, "" when absent. */
struct bundle_manifest {
	int present;             /* manifest.json was read and is a bundle manifest */
	long format;
	char *tool;
	char *catalog_version;
	char *created;           /* ISO 8601 UTC, "" when absent or not a time */
	char *tenant_id;
	char *identity;          /* "user alice@contoso.example", "servicePrincipal <appId>" */
	char *arm;               /* endpoints the bundle was made against */
	char *graph;
	char **subs;             /* subscription ids in scope, checked to be ids */
	size_t nsubs;
	int subs_listed;         /* the manifest has a "subscriptions" array */
	int subs_given;          /* the script was given --subscriptions */
	long failures;           /* failed requests the script counted */
};

void bundle_manifest_init(struct bundle_manifest *m);
void bundle_manifest_release(struct bundle_manifest *m);
/* Deep copy of src into dst (uninitialised). */
void bundle_manifest_copy(struct bundle_manifest *dst, const struct bundle_manifest *src);

/* Something in the bundle that was not imported, or was ignored. */
struct bundle_problem {
	char *check; /* the check it cost, or "" for the bundle as a whole */
	char *path;  /* relative to the bundle, or "" */
	char *what;  /* tenant text may appear: escape before printing */
};

struct bundle_problems {
	struct bundle_problem *v;
	size_t n;
	size_t alloc;
};

void bundle_problem_add(struct bundle_problems *p, const char *check, const char *path,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void bundle_problems_release(struct bundle_problems *p);

/*
 * Parse manifest.json's text into *out (initialised by the caller). Returns
 * AZ_ERR_INVALID with a message when the text is not a bundle manifest
 * (not a JSON object, no format, or a format this azmat does not read);
 * values that are wrong but not fatal (a subscription that is not an id, a
 * created time that is not one) are dropped and reported to probs.
 */
enum az_err bundle_manifest_parse(const char *text, size_t n, struct bundle_manifest *out,
				  struct bundle_problems *probs, struct errmsg *em);

/*
 * An error.json {"status", "code", "message"}: *status (0 when unknown) and
 * the code and message as apierr.h holds them. AZ_ERR_PARSE when it is not
 * such an object.
 */
struct api_error;
enum az_err bundle_error_parse(const char *text, size_t n, long *status /* OUT */,
			       struct api_error *out /* OUT */);

/* The scope folder name of a per-resource response: "r-" and 16 hex digits of SHA-256(lower(id)). */
void bundle_resource_key(const char *resource_id, char out[19]);

struct bundle;

/*
 * Open the bundle in dir and read its manifest, subscription list and
 * licences. AZ_ERR_INVALID (with a message) when dir is not a bundle at
 * all: not a folder, or holding neither manifest.json nor checks/, or a
 * manifest that is not one. A missing manifest is not fatal when checks/
 * exists (an interrupted run): it becomes a problem and each check is
 * judged on what its folder holds. *out is the caller's to close.
 */
enum az_err bundle_open(const char *dir, struct bundle **out /* OUT */, struct errmsg *em);
void bundle_close(struct bundle **pb);

/* The manifest (borrowed; present == 0 when there was none). */
const struct bundle_manifest *bundle_get_manifest(const struct bundle *b);

struct bundle_summary {
	size_t checks;
	size_t assessed;       /* pass, fail or partial */
	size_t not_assessable;
	struct bundle_problems problems; /* owned: release with bundle_summary_release() */
};

void bundle_summary_release(struct bundle_summary *s);

/*
 * Judge checks[0..n) (borrowed catalog checks) on the bundle, handing each
 * result to on_result (r borrowed for the call) in the catalog's order.
 * *sum is filled (and must be released) whatever happens; the problems
 * found while opening the bundle come first. Returns AZ_OK: a damaged
 * bundle costs checks, not the import.
 */
enum az_err bundle_import(struct bundle *b, const struct cat_check *const *checks, size_t n,
			  void (*on_result)(void *ctx, const struct check_result *r), void *ctx,
			  struct bundle_summary *sum /* OUT */);

#endif
