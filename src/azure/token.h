/*
 * Token replies, from every source: the v2 token endpoint (access_token,
 * expires_in, refresh_token), managed identity (the same names, numbers as
 * strings, expires_on), the Azure CLI (accessToken, expiresOn, expires_on),
 * and their error bodies. Pure parsing; see expiry.h for the time shapes.
 */
#ifndef AZMAT_TOKEN_H
#define AZMAT_TOKEN_H

#include <stddef.h>
#include <time.h>

#include "err.h"
#include "secret.h"

struct cJSON;

/* When a reply gives no usable expiry, assume the token lives this long. */
#define TOKEN_DEFAULT_LIFETIME 600

struct token_reply {
	struct secret access;
	struct secret refresh; /* empty unless the reply had a non-empty refresh_token */
	time_t expires;
	char tenant[64]; /* the CLI's "tenant", or "" */
};

/*
 * Parse a successful reply into out (initialise it to zeros; release with
 * token_reply_release()). AZ_ERR_PARSE when it is not JSON or holds no
 * access token; for an error body (an "error" member), AZ_ERR_AUTH with the
 * error and the first line of its description in em.
 */
enum az_err token_parse(const char *body, size_t n, time_t now, struct token_reply *out,
			struct errmsg *em);
void token_reply_release(struct token_reply *r);

/* Wipe the string members of the JSON object o (a reply holding secrets); o may be NULL. */
void token_json_wipe(struct cJSON *o);

#endif
