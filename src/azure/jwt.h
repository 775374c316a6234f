/*
 * JSON Web Tokens: reading the claims of an access token (to name the
 * identity and to list its Graph permissions in the pre-flight; never to
 * trust it, the APIs do that), and signing the client assertion with which
 * a service principal proves it holds its certificate's private key
 * (Entra "certificate credentials": RS256, header x5t = base64url of the
 * certificate's SHA-1 thumbprint).
 */
#ifndef AZMAT_JWT_H
#define AZMAT_JWT_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "err.h"
#include "secret.h"

struct cJSON;

/* Append the base64url encoding of n bytes (no padding). */
void b64url_encode(struct buf *out, const unsigned char *p, size_t n);
/* Append the decoding of n base64url characters (padding optional). AZ_ERR_PARSE on bad input. */
enum az_err b64url_decode(struct buf *out, const char *s, size_t n);

/*
 * The claims (payload) of the JWT token, unverified, as a new cJSON object
 * the caller deletes; NULL when token is not a JWT with a JSON payload.
 */
struct cJSON *jwt_claims(const char *token);

/* A certificate with its private key, loaded from PEM or PKCS#12. */
struct cert;

/*
 * Load the certificate and RSA private key at path: PEM holding both (in
 * any order), or PKCS#12 (.pfx). password (may be NULL) unlocks an
 * encrypted key. The file's bytes are wiped after loading. AZ_ERR_IO,
 * AZ_ERR_PARSE or AZ_ERR_INVALID (no RSA key, key does not match).
 */
enum az_err cert_load(const char *path, const struct secret *password,
		      struct cert **out /* OUT: on success */, struct errmsg *em);
void cert_free(struct cert **pc);
/* base64url SHA-1 of the certificate's DER (the JWT "x5t"); borrowed. */
const char *cert_x5t(const struct cert *c);

/*
 * Sign a client assertion for client_id towards audience (the token
 * endpoint URL): header {"alg": "RS256", "typ": "JWT", "x5t"}, claims aud,
 * iss = sub = client_id, jti (random), nbf = iat = now, exp = now + 10 min.
 * The JWT goes into out.
 */
enum az_err jwt_client_assertion(const struct cert *c, const char *client_id,
				 const char *audience, time_t now, struct secret *out,
				 struct errmsg *em);

#endif
