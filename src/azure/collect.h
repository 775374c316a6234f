/*
 * The collector: runs checks against a tenant.
 *
 * Each check's source (src/eval/source.h) becomes requests: one paged
 * Resource Graph query across all subscriptions (or, for an explicit
 * subscription list, one per batch of at most COLLECT_ARG_BATCH), an ARM
 * list per tenant, per subscription or per resource, a Graph list. Pages
 * are judged as they arrive: each page's documents go into the check's
 * evaluator and the page is freed, so no more than a page per transfer in
 * flight is ever held. Parts of a multi-part source are read in order.
 *
 * A failure ends only its check, as not assessable with its cause:
 * permission (403 AuthorizationFailed / Authorization_RequestDenied, 401
 * after a fresh token, no token), licence (licence errors, or the check's
 * licence missing from subscribedSkus), throttled (retries exhausted),
 * timeout, api-error (5xx, malformed JSON, a next link or redirect to a
 * foreign host, a truncated Resource Graph result). The run goes on.
 *
 * The collector does no storing: each finished check is handed to the
 * caller's on_result callback (the app layer stores it).
 */
#ifndef AZMAT_COLLECT_H
#define AZMAT_COLLECT_H

#include <signal.h>
#include <stddef.h>

#include "compat.h"
#include "catalog.h"
#include "cloud.h"
#include "cred.h"
#include "evidence.h"
#include "http.h"

/* Subscriptions per Resource Graph request when a list is given (Microsoft: fewer than 300). */
#define COLLECT_ARG_BATCH 250
/* Request records kept per check result. */
#define COLLECT_REQUESTS_MAX 5000

/* Checks under way named in struct collect_progress. */
#define COLLECT_CURRENT_MAX 8

struct collect_progress {
	size_t checks;      /* checks in the run */
	size_t checks_done; /* finished (stored or not assessable) */
	struct http_stats http;
	/*
	 * The checks under way (started, not finished): how many, and the ids
	 * of the first COLLECT_CURRENT_MAX in catalog order. The ids are the
	 * catalog's own strings (borrowed from it, so they stay valid as long
	 * as the catalog, on any thread).
	 */
	size_t ncurrent;
	const char *current[COLLECT_CURRENT_MAX];
};

struct collect_config {
	const struct cloud *cloud;
	struct cred *cred;
	unsigned concurrency;       /* 0: HTTP_DEFAULT_CONCURRENCY */
	long timeout_ms;            /* per request attempt; 0: 60 s */
	long long deadline_ms;      /* absolute on time_mono_ms(); 0: none */
	const char *const *subscriptions; /* NULL: every subscription the identity can read */
	size_t nsubscriptions;
	cancel_flag *cancel;
	/* A check finished (r is borrowed for the call). Not called for checks cut short by cancellation. */
	void (*on_result)(void *ctx, const struct check_result *r);
	/* Progress, called often (rate-limit any drawing); may be NULL. */
	void (*on_progress)(void *ctx, const struct collect_progress *p);
	void *ctx;
};

struct collect_summary {
	size_t checks;
	size_t assessed;       /* pass, fail or partial */
	size_t not_assessable; /* finished as not assessable (any cause) */
	size_t unfinished;     /* cut short by cancellation: no result given */
	size_t subscriptions;  /* in scope for per-subscription sources (0 when none needed) */
	int cancelled;
	struct http_stats http;
};

/*
 * Collect checks[0..n) (borrowed catalog checks). Returns AZ_OK when the
 * run went to its end (whatever the checks' verdicts), AZ_ERR_CANCELLED
 * when cancelled. *sum is filled in either case.
 */
enum az_err collect_run(const struct collect_config *cfg, const struct cat_check *const *checks,
			size_t n, struct collect_summary *sum /* OUT */, struct errmsg *em);

/*
 * The service plan names (subscribedSkus servicePlans[].servicePlanName)
 * any of which satisfies a check's licence text ("Entra ID P1" ->
 * AAD_PREMIUM or AAD_PREMIUM_P2). Returns how many were stored in plans (at
 * most max); 0 when the text names no licence azmat can look up.
 */
size_t collect_licence_plans(const char *licence, const char **plans, size_t max);

#endif
