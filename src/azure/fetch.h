/*
 * One synchronous HTTP request, for the token endpoints (the login
 * authority, the managed identity endpoints): few, small, and needed before
 * anything else can go. Same TLS rules as the engine (http.h). The request
 * body and headers may hold secrets: they are never logged, and the caller
 * wipes them; the response body may hold a token: the caller wipes it too.
 */
#ifndef AZMAT_FETCH_H
#define AZMAT_FETCH_H

#include "buf.h"
#include "compat.h"
#include "err.h"

enum fetch_flags {
	FETCH_LOCAL_HTTP = 1 << 0, /* plain http allowed: the URL must be a local address */
	FETCH_RETRY_404 = 1 << 1,  /* 404 and 410 are transient (IMDS while it updates) */
};

struct fetch_req {
	const char *method;         /* "GET" or "POST" */
	const char *url;            /* may hold no secret: it is logged */
	const char *form;           /* POST body, application/x-www-form-urlencoded, or NULL */
	const char *const *headers; /* extra headers, NULL-terminated, or NULL */
	const char *ca_bundle;      /* NULL: the system store */
	long timeout_ms;            /* per attempt; 0: 30 s */
	unsigned retries;           /* on 429, 5xx and transport errors */
	unsigned flags;
	cancel_flag *cancel;        /* abort, even mid-request, when non-zero; may be NULL */
};

#define FETCH_BODY_MAX ((size_t)1 << 20)

/*
 * Send r and append the final response body to body (cap FETCH_BODY_MAX),
 * its status to *status. AZ_ERR_HTTP (transport, with curl's reason) when
 * no response arrived; any HTTP status is AZ_OK for the caller to judge;
 * AZ_ERR_CANCELLED when r->cancel was raised (checked during the transfer
 * and between retries).
 */
enum az_err fetch(const struct fetch_req *r, long *status /* OUT */, struct buf *body,
		  struct errmsg *em);

/* URL-encode s onto out (for form bodies and query strings). */
void url_encode(struct buf *out, const char *s);

#endif
