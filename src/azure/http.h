/*
 * The HTTP engine: many requests at once on libcurl's multi interface, on
 * one thread.
 *
 * - Bounded concurrency; connections (and TLS sessions) are reused, HTTP/2
 *   is used where the server offers it, responses may be compressed.
 * - A bearer token is attached only when the request's URL has exactly the
 *   origin configured for its audience (ARM or Graph). A request, next link
 *   or redirect to any other origin is refused before a byte is sent.
 *   Redirects are followed by the engine itself, and only within the
 *   origin. TLS peer and host verification are always on; only https is
 *   spoken.
 * - 429 and 5xx (and dropped connections, timeouts) are retried with
 *   exponential backoff and jitter, honouring Retry-After; a 401 makes the
 *   credential refresh its token once and the request go again. Resource
 *   Graph's per-user quota headers hold further Resource Graph requests
 *   until the quota resets.
 * - Each response body is capped (the write callback aborts past the cap).
 * - A per-request timeout, an overall deadline and cancellation (a flag a
 *   signal handler may set).
 *
 * Ownership: the engine copies everything it is given; a response handed
 * to a done callback is borrowed for the call (the callback may take the
 * body with buf_detach()). Callbacks may submit further requests.
 */
#ifndef AZMAT_HTTP_H
#define AZMAT_HTTP_H

#include <signal.h>
#include <stddef.h>

#include "compat.h"
#include "buf.h"
#include "err.h"

enum http_aud { HTTP_AUD_NONE, HTTP_AUD_ARM, HTTP_AUD_GRAPH };
#define HTTP_NAUD 3

/* Where bearer tokens come from (the credential layer implements it). */
struct http_auth {
	/*
	 * Store in *tok a valid token for aud, borrowed until the next call,
	 * and its generation in *gen (it changes with every new token). When
	 * stale is not 0 and is the current generation, that token was
	 * refused (401): get a new one first. Errors go into em and end the
	 * request as HTTP_ERR_AUTH.
	 */
	enum az_err (*token)(void *ctx, enum http_aud aud, unsigned stale, const char **tok,
			     unsigned *gen, struct errmsg *em);
	void *ctx;
};

struct http_config {
	unsigned concurrency;        /* transfers at once (0: HTTP_DEFAULT_CONCURRENCY) */
	long timeout_ms;             /* per attempt (0: 60 s) */
	long connect_timeout_ms;     /* 0: 15 s */
	long long deadline_ms;       /* absolute, on time_mono_ms(); 0: none */
	unsigned max_retries;        /* retries after the first attempt (0: 5) */
	long long backoff_base_ms;   /* 0: 500 ms, or AZMAT_RETRY_BASE_MS */
	long long backoff_cap_ms;    /* 0: 30 s */
	size_t max_body;             /* 0: BUF_MAX_HTTP */
	const char *ca_bundle;       /* NULL: the system's */
	const char *arm_origin;      /* base URLs whose origin may receive each token */
	const char *graph_origin;
	const struct http_auth *auth;
	cancel_flag *cancel; /* stop when it becomes non-zero; may be NULL */
	/* Called when the queue runs short, to submit more work; may be NULL. */
	void (*pump)(void *ctx);
	/* Called on every turn of the loop (about every 100 ms or more often); may be NULL. */
	void (*tick)(void *ctx);
	void *ctx; /* for pump and tick */
};

#define HTTP_DEFAULT_CONCURRENCY 32
#define HTTP_MAX_CONCURRENCY 256

enum http_flags {
	HTTP_F_EVENTUAL = 1 << 0, /* send ConsistencyLevel: eventual (Graph advanced queries) */
	HTTP_F_ARG = 1 << 1,      /* a Resource Graph query: subject to its quota */
	HTTP_F_URGENT = 1 << 2,   /* queue in front (the next page of a list under way) */
	HTTP_F_RESOURCE = 1 << 3, /* reads one resource (for the caller's bookkeeping) */
};

enum http_outcome {
	HTTP_DONE,          /* a response arrived: see status */
	HTTP_ERR_TRANSPORT, /* no usable response (connection, TLS, truncated body) */
	HTTP_ERR_TIMEOUT,   /* every attempt timed out */
	HTTP_ERR_TOOBIG,    /* the body passed the cap */
	HTTP_ERR_REFUSED,   /* the URL or a redirect left the allowed origin */
	HTTP_ERR_AUTH,      /* no token for the audience */
	HTTP_ERR_CANCELLED, /* cancelled before it finished */
	HTTP_ERR_DEADLINE,  /* the overall deadline passed */
};

const char *http_outcome_name(enum http_outcome o);

struct http_response {
	enum http_outcome outcome;
	long status;        /* HTTP status of the last attempt, 0 when none */
	struct buf body;    /* the last attempt's body (may be taken) */
	const char *method; /* borrowed for the call */
	const char *url;    /* the last attempt's URL, borrowed */
	unsigned flags;     /* the request's flags */
	unsigned attempts;
	unsigned throttled;  /* 429 responses among the attempts */
	char detail[256];    /* why, for the error outcomes; never a secret */
};

typedef void (*http_done_fn)(void *ctx, struct http_response *resp);

struct http_request {
	const char *method; /* "GET" or "POST" */
	const char *url;
	const char *body; /* JSON for POST, or NULL */
	enum http_aud aud;
	unsigned flags; /* enum http_flags */
	http_done_fn done;
	void *ctx;
};

struct http_stats {
	unsigned long sent;      /* attempts started */
	unsigned long completed; /* requests finished (after their retries) */
	unsigned long retries;
	unsigned long throttled; /* 429 responses */
	unsigned long in_flight;
	unsigned long queued;
	long long throttle_wait_ms; /* time requests spent waiting because of throttling */
	unsigned long long bytes;
};

struct http_engine;

/* A new engine for cfg (copied; the strings and auth must outlive the engine). */
struct http_engine *http_engine_new(const struct http_config *cfg);
void http_engine_free(struct http_engine **pe);

/* Queue a request; its done callback runs from http_engine_run(). */
void http_submit(struct http_engine *e, const struct http_request *r);

/*
 * Run until nothing is queued, waiting or in flight. AZ_ERR_CANCELLED or
 * AZ_ERR_TIMEOUT (deadline) after every remaining request got its done
 * callback with HTTP_ERR_CANCELLED or HTTP_ERR_DEADLINE.
 */
enum az_err http_engine_run(struct http_engine *e, struct errmsg *em);

/* Requests queued or waiting to retry (not in flight). */
size_t http_queued(const struct http_engine *e);
void http_get_stats(const struct http_engine *e, struct http_stats *out /* OUT */);

/* The engine's concurrency. */
unsigned http_concurrency(const struct http_engine *e);

/*
 * Apply azmat's TLS and safety options to an easy handle (verification on,
 * https only unless allow_http, the CA bundle, no redirects, no signals).
 */
void http_easy_harden(void *easy, const char *ca_bundle, int allow_http);

/*
 * Is a transfer that failed with this libcurl code (a CURLcode) worth
 * another attempt? Connection trouble, timeouts, cut-short bodies, and
 * HTTP/2 framing or stream errors (a front door resetting a stream).
 */
int http_retryable_curl(int curl_code);

#endif
