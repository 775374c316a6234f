/*
 * Certificates and client assertions: keys made with the openssl command at
 * test time, the assertion's signature verified with `openssl dgst`, its
 * x5t compared with the certificate's SHA-1 thumbprint.
 */
#include <cjson/cJSON.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "azure_test.h"
#include "jwt.h"
#include "t.h"

static char dir[512];

static const char *path(const char *name)
{
	static char buf[4][700];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
	return buf[i];
}

/* cat a b > out */
static int concat(const char *a, const char *b, const char *out)
{
	size_t na, nb;
	char *x = t_slurp(a, &na), *y = t_slurp(b, &nb), *z;
	int rc;

	if (!x || !y)
		return -1;
	z = malloc(na + nb);
	memcpy(z, x, na);
	memcpy(z + na, y, nb);
	rc = t_write(out, z, na + nb);
	free(x);
	free(y);
	free(z);
	return rc;
}

static void make_keys(void)
{
	snprintf(dir, sizeof(dir), "%s", t_tmpdir());
	T_EQ_INT(run_cmd("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
			 "-subj", "/CN=azmat test", "-keyout", path("k1"), "-out", path("c1"), NULL),
		 0);
	T_EQ_INT(run_cmd("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
			 "-subj", "/CN=other", "-keyout", path("k2"), "-out", path("c2"), NULL),
		 0);
	T_EQ_INT(concat(path("c1"), path("k1"), path("one.pem")), 0);
	T_EQ_INT(concat(path("k1"), path("c1"), path("keyfirst.pem")), 0);
	T_EQ_INT(concat(path("c1"), path("k2"), path("mismatch.pem")), 0);
	T_EQ_INT(run_cmd("openssl", "pkcs12", "-export", "-in", path("c1"), "-inkey", path("k1"),
			 "-out", path("one.pfx"), "-passout", "pass:pfx-pass", NULL),
		 0);
	T_EQ_INT(run_cmd("openssl", "x509", "-in", path("c1"), "-outform", "DER", "-out",
			 path("c1.der"), NULL),
		 0);
	T_EQ_INT(run_cmd("openssl", "x509", "-in", path("c1"), "-noout", "-pubkey", "-out",
			 path("pub.pem"), NULL),
		 0);
	T_EQ_INT(run_cmd("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
			 "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=ec", "-keyout",
			 path("kec"), "-out", path("cec"), NULL),
		 0);
	T_EQ_INT(concat(path("cec"), path("kec"), path("ec.pem")), 0);
}

static void test_load(void)
{
	struct errmsg em = ERRMSG_INIT;
	struct secret pw = SECRET_INIT;
	struct cert *c = NULL;

	T_EQ_INT(cert_load(path("one.pem"), NULL, &c, &em), AZ_OK);
	cert_free(&c);
	T_EQ_INT(cert_load(path("keyfirst.pem"), NULL, &c, &em), AZ_OK);
	cert_free(&c);
	T_EQ_INT(cert_load(path("mismatch.pem"), NULL, &c, &em), AZ_ERR_INVALID);
	T_EQ_INT(cert_load(path("ec.pem"), NULL, &c, &em), AZ_ERR_INVALID);
	T_EQ_INT(cert_load(path("c1"), NULL, &c, &em), AZ_ERR_PARSE);
	T_EQ_INT(cert_load(path("missing"), NULL, &c, &em), AZ_ERR_NOTFOUND);
	secret_setstr(&pw, "pfx-pass");
	T_EQ_INT(cert_load(path("one.pfx"), &pw, &c, &em), AZ_OK);
	cert_free(&c);
	secret_setstr(&pw, "wrong");
	T_EQ_INT(cert_load(path("one.pfx"), &pw, &c, &em), AZ_ERR_PARSE);
	T_ASSERT(c == NULL);
	secret_clear(&pw);
}

static void test_thumbprint(void)
{
	struct errmsg em = ERRMSG_INIT;
	struct cert *c = NULL;
	struct buf want = BUF_INIT(128);
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	size_t len;
	char *der = t_slurp(path("c1.der"), &len);

	T_REQUIRE(der != NULL);
	EVP_Digest(der, len, md, &n, EVP_sha1(), NULL);
	b64url_encode(&want, md, n);
	T_EQ_INT(cert_load(path("one.pem"), NULL, &c, &em), AZ_OK);
	T_REQUIRE(c != NULL);
	T_EQ_STR(cert_x5t(c), want.data);
	T_EQ_INT(strlen(cert_x5t(c)), 27);
	cert_free(&c);
	buf_release(&want);
	free(der);
}

static cJSON *segment(const char *jwt, int which)
{
	const char *p = jwt;
	struct buf b = BUF_INIT(65536);
	cJSON *o;
	size_t n;
	int i;

	for (i = 0; i < which; i++)
		p = strchr(p, '.') + 1;
	n = strcspn(p, ".");
	b64url_decode(&b, p, n);
	o = cJSON_Parse(b.data);
	buf_release(&b);
	return o;
}

static void test_assertion_verifies(void)
{
	const char *aud = "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token";
	struct errmsg em = ERRMSG_INIT;
	struct secret jwt = SECRET_INIT;
	struct buf sig = BUF_INIT(4096);
	struct cert *c = NULL;
	const char *dot2;
	cJSON *h, *p;

	T_EQ_INT(cert_load(path("one.pem"), NULL, &c, &em), AZ_OK);
	T_REQUIRE(c != NULL);
	T_EQ_INT(jwt_client_assertion(c, "client-1", aud, 1700000000, &jwt, &em), AZ_OK);
	h = segment(jwt.data, 0);
	p = segment(jwt.data, 1);
	T_EQ_STR(cJSON_GetObjectItem(h, "alg")->valuestring, "RS256");
	T_EQ_STR(cJSON_GetObjectItem(h, "typ")->valuestring, "JWT");
	T_EQ_STR(cJSON_GetObjectItem(h, "x5t")->valuestring, cert_x5t(c));
	T_EQ_STR(cJSON_GetObjectItem(p, "aud")->valuestring, aud);
	T_EQ_STR(cJSON_GetObjectItem(p, "iss")->valuestring, "client-1");
	T_EQ_STR(cJSON_GetObjectItem(p, "sub")->valuestring, "client-1");
	T_EQ_INT(strlen(cJSON_GetObjectItem(p, "jti")->valuestring), 36);
	T_EQ_INT(cJSON_GetObjectItem(p, "nbf")->valuedouble, 1700000000);
	T_EQ_INT(cJSON_GetObjectItem(p, "exp")->valuedouble, 1700000600);
	cJSON_Delete(h);
	cJSON_Delete(p);
	dot2 = strrchr(jwt.data, '.');
	T_EQ_INT(t_write(path("signed"), jwt.data, (size_t)(dot2 - jwt.data)), 0);
	T_EQ_INT(b64url_decode(&sig, dot2 + 1, strlen(dot2 + 1)), AZ_OK);
	T_EQ_INT(sig.len, 256);
	T_EQ_INT(t_write(path("sig"), sig.data, sig.len), 0);
	T_EQ_INT(run_cmd("openssl", "dgst", "-sha256", "-verify", path("pub.pem"), "-signature",
			 path("sig"), path("signed"), NULL),
		 0);
	/* one changed byte and it no longer verifies */
	T_EQ_INT(t_write(path("signed2"), "x", 1), 0);
	T_EQ_INT(run_cmd("openssl", "dgst", "-sha256", "-verify", path("pub.pem"), "-signature",
			 path("sig"), path("signed2"), NULL),
		 1);
	{
		/* every assertion is new: another jti */
		struct secret again = SECRET_INIT;
		T_EQ_INT(jwt_client_assertion(c, "client-1", aud, 1700000000, &again, &em), AZ_OK);
		T_ASSERT(strcmp(again.data, jwt.data) != 0);
		secret_clear(&again);
	}
	secret_clear(&jwt);
	buf_release(&sig);
	cert_free(&c);
}

int main(void)
{
	T_RUN(make_keys);
	T_RUN(test_load);
	T_RUN(test_thumbprint);
	T_RUN(test_assertion_verifies);
	return t_done();
}
