/*
 * JWT claims and client assertions with OpenSSL's libcrypto.
 */
#include "jwt.h"

#include <cjson/cJSON.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <string.h>

#include "fsutil.h"
#include "xalloc.h"

#define CERT_FILE_MAX ((size_t)1 << 20)
#define ASSERTION_LIFETIME 600

struct cert {
	X509 *x509;
	EVP_PKEY *key;
	char x5t[64];
};

static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void b64url_encode(struct buf *out, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		buf_addch(out, b64url[v >> 18 & 63]);
		buf_addch(out, b64url[v >> 12 & 63]);
		buf_addch(out, b64url[v >> 6 & 63]);
		buf_addch(out, b64url[v & 63]);
	}
	if (n - i == 1) {
		unsigned v = (unsigned)p[i] << 16;
		buf_addch(out, b64url[v >> 18 & 63]);
		buf_addch(out, b64url[v >> 12 & 63]);
	} else if (n - i == 2) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
		buf_addch(out, b64url[v >> 18 & 63]);
		buf_addch(out, b64url[v >> 12 & 63]);
		buf_addch(out, b64url[v >> 6 & 63]);
	}
}

static int b64val(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-' || c == '+')
		return 62;
	if (c == '_' || c == '/')
		return 63;
	return -1;
}

enum az_err b64url_decode(struct buf *out, const char *s, size_t n)
{
	unsigned acc = 0;
	int bits = 0;
	size_t i;

	while (n && s[n - 1] == '=')
		n--;
	if (n % 4 == 1)
		return AZ_ERR_PARSE;
	for (i = 0; i < n; i++) {
		int v = b64val(s[i]);
		if (v < 0)
			return AZ_ERR_PARSE;
		acc = (acc << 6 | (unsigned)v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (buf_addch(out, (char)(acc >> bits & 0xff)))
				return AZ_ERR_TOOBIG;
		}
	}
	return AZ_OK;
}

cJSON *jwt_claims(const char *token)
{
	const char *dot1, *dot2;
	struct buf b = BUF_INIT((size_t)1 << 20);
	cJSON *claims = NULL;

	if (!token)
		return NULL;
	dot1 = strchr(token, '.');
	dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	if (!dot2)
		return NULL;
	if (!b64url_decode(&b, dot1 + 1, (size_t)(dot2 - dot1 - 1)))
		claims = cJSON_ParseWithLength(b.data, b.len);
	if (claims && !cJSON_IsObject(claims)) {
		cJSON_Delete(claims);
		claims = NULL;
	}
	buf_release(&b);
	return claims;
}

static int pem_password(char *buf, int size, int rwflag, void *u)
{
	const struct secret *pw = u;
	size_t n;

	(void)rwflag;
	if (!pw || !pw->data || size <= 0)
		return 0;
	n = pw->len < (size_t)size ? pw->len : (size_t)size;
	memcpy(buf, pw->data, n);
	return (int)n;
}

static enum az_err load_pem(const struct buf *b, const struct secret *pw, X509 **x, EVP_PKEY **k)
{
	BIO *bio = BIO_new_mem_buf(b->data, (int)b->len);

	*x = PEM_read_bio_X509(bio, NULL, NULL, NULL);
	BIO_free(bio);
	bio = BIO_new_mem_buf(b->data, (int)b->len);
	*k = PEM_read_bio_PrivateKey(bio, NULL, pem_password, (void *)(uintptr_t)pw);
	BIO_free(bio);
	return *x && *k ? AZ_OK : AZ_ERR_PARSE;
}

static enum az_err load_p12(const struct buf *b, const struct secret *pw, X509 **x, EVP_PKEY **k)
{
	BIO *bio = BIO_new_mem_buf(b->data, (int)b->len);
	PKCS12 *p12 = d2i_PKCS12_bio(bio, NULL);
	int ok = 0;

	BIO_free(bio);
	if (p12)
		ok = PKCS12_parse(p12, pw && pw->data ? pw->data : "", k, x, NULL);
	PKCS12_free(p12);
	return ok && *x && *k ? AZ_OK : AZ_ERR_PARSE;
}

static void thumbprint(struct cert *c)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned n = 0;
	struct buf b = BUF_INIT(sizeof(c->x5t) - 1);

	X509_digest(c->x509, EVP_sha1(), md, &n);
	b64url_encode(&b, md, n);
	snprintf(c->x5t, sizeof(c->x5t), "%s", b.data);
	buf_release(&b);
}

enum az_err cert_load(const char *path, const struct secret *password, struct cert **out,
		      struct errmsg *em)
{
	struct buf b = BUF_INIT(CERT_FILE_MAX);
	X509 *x = NULL;
	EVP_PKEY *k = NULL;
	struct cert *c;
	enum az_err rc;

	rc = file_read(path, &b, em);
	if (rc)
		goto out;
	if (strstr(b.data, "-----BEGIN"))
		rc = load_pem(&b, password, &x, &k);
	else
		rc = load_p12(&b, password, &x, &k);
	ERR_clear_error();
	if (rc) {
		errmsg_set(em, rc, "cannot read a certificate and private key from '%s' (PEM or PKCS#12; "
				   "is AZURE_CLIENT_CERTIFICATE_PASSWORD right?)",
			   path);
		goto out;
	}
	if (EVP_PKEY_get_base_id(k) != EVP_PKEY_RSA || X509_check_private_key(x, k) != 1) {
		ERR_clear_error();
		rc = errmsg_set(em, AZ_ERR_INVALID,
				"the key in '%s' is not an RSA key matching its certificate", path);
		goto out;
	}
	c = xcalloc(1, sizeof(*c));
	c->x509 = x;
	c->key = k;
	x = NULL;
	k = NULL;
	thumbprint(c);
	*out = c;
out:
	X509_free(x);
	EVP_PKEY_free(k);
	secret_wipe(b.data, b.len);
	buf_release(&b);
	return rc;
}

void cert_free(struct cert **pc)
{
	if (!*pc)
		return;
	X509_free((*pc)->x509);
	EVP_PKEY_free((*pc)->key);
	free(*pc);
	*pc = NULL;
}

const char *cert_x5t(const struct cert *c)
{
	return c->x5t;
}

static void add_json_b64(struct buf *out, cJSON *o)
{
	char *s = cJSON_PrintUnformatted(o);

	b64url_encode(out, (const unsigned char *)s, strlen(s));
	cJSON_free(s);
	cJSON_Delete(o);
}

static void new_guid(char *out, size_t n)
{
	unsigned char r[16];

	if (RAND_bytes(r, sizeof(r)) != 1)
		abort();
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
	snprintf(out, n,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", r[0], r[1],
		 r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14],
		 r[15]);
}

enum az_err jwt_client_assertion(const struct cert *c, const char *client_id,
				 const char *audience, time_t now, struct secret *out,
				 struct errmsg *em)
{
	struct buf jwt = BUF_INIT(65536);
	cJSON *h = cJSON_CreateObject(), *p = cJSON_CreateObject();
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char sig[1024];
	size_t siglen = sizeof(sig);
	char jti[40];
	enum az_err rc = AZ_OK;

	cJSON_AddStringToObject(h, "alg", "RS256");
	cJSON_AddStringToObject(h, "typ", "JWT");
	cJSON_AddStringToObject(h, "x5t", c->x5t);
	new_guid(jti, sizeof(jti));
	cJSON_AddStringToObject(p, "aud", audience);
	cJSON_AddStringToObject(p, "iss", client_id);
	cJSON_AddStringToObject(p, "sub", client_id);
	cJSON_AddStringToObject(p, "jti", jti);
	cJSON_AddNumberToObject(p, "nbf", (double)now);
	cJSON_AddNumberToObject(p, "iat", (double)now);
	cJSON_AddNumberToObject(p, "exp", (double)(now + ASSERTION_LIFETIME));
	add_json_b64(&jwt, h);
	buf_addch(&jwt, '.');
	add_json_b64(&jwt, p);
	if (!md || EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, c->key) != 1 ||
	    EVP_DigestSign(md, sig, &siglen, (const unsigned char *)jwt.data, jwt.len) != 1) {
		ERR_clear_error();
		rc = errmsg_set(em, AZ_ERR_INTERNAL, "cannot sign the client assertion");
		goto out;
	}
	buf_addch(&jwt, '.');
	b64url_encode(&jwt, sig, siglen);
	secret_set(out, jwt.data, jwt.len);
out:
	EVP_MD_CTX_free(md);
	secret_wipe(jwt.data, jwt.len);
	buf_release(&jwt);
	return rc;
}
