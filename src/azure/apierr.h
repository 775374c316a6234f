/*
 * Error bodies from Azure Resource Manager, Resource Graph, Microsoft Graph
 * and the token endpoints, and what each means for a check.
 *
 *   ARM/Graph   {"error": {"code", "message", "innerError"|"details"}}
 *   older RPs   {"code", "message"}
 *   OAuth2      {"error": "invalid_client", "error_description", "error_codes"}
 *
 * Parsing never fails: an unreadable body leaves the code empty.
 */
#ifndef AZMAT_APIERR_H
#define AZMAT_APIERR_H

#include <stddef.h>

#include "evidence.h"

struct api_error {
	char code[96];     /* "AuthorizationFailed", "invalid_client", "" when unknown */
	char message[256]; /* truncated; tenant text, escape before printing */
};

void api_error_parse(const char *body, size_t n, struct api_error *out /* OUT */);

/* What a failed response means for the check that made it. */
enum api_verdict {
	API_EMPTY,      /* the feature is not there (provider not registered): no documents */
	API_SKIP,       /* the resource vanished between listing and reading: ignore it */
	API_PERMISSION, /* the identity may not read this */
	API_LICENCE,    /* the tenant lacks the licence */
	API_THROTTLED,
	API_TIMEOUT,
	API_ERROR,
};

/*
 * Classify a final (non-2xx) response. per_resource says the request read
 * one resource that a listing named, where a 404 means it is gone.
 */
enum api_verdict api_error_verdict(long status, const struct api_error *e, int per_resource);

/* The not-assessable cause for a verdict (CAUSE_NONE for API_EMPTY and API_SKIP). */
enum check_cause api_verdict_cause(enum api_verdict v);

#endif
