/*
 * Sign-in at the tenant's v2 token endpoint: client credentials (secret,
 * certificate assertion, federated token) and device code. Every form body
 * holds a secret: it is built in a buffer that is wiped before release.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "apierr.h"
#include "cred_int.h"
#include "escape.h"
#include "fetch.h"
#include "fsutil.h"
#include "log.h"
#include "strutil.h"
#include "xalloc.h"

#define FORM_MAX ((size_t)1 << 20)
#define DEVICE_SLOWDOWN 5

static void token_url(const struct cred *c, const char *endpoint, struct buf *out)
{
	buf_addf(out, "%s/", c->cloud->authority);
	url_encode(out, c->tenant ? c->tenant : "organizations");
	buf_addf(out, "/oauth2/v2.0/%s", endpoint);
}

static void form_add(struct buf *f, const char *key, const char *value)
{
	if (f->len)
		buf_addch(f, '&');
	buf_addstr(f, key);
	buf_addch(f, '=');
	url_encode(f, value);
}

static void wipe_release(struct buf *b)
{
	secret_wipe(b->data, b->len);
	buf_release(b);
}

enum az_err cred_post(struct cred *c, const char *endpoint, const char *form,
		      struct token_reply *r, struct buf *raw, struct errmsg *em)
{
	struct buf url = BUF_INIT(4096);
	struct fetch_req req;
	long status = 0;
	enum az_err rc;

	token_url(c, endpoint, &url);
	memset(&req, 0, sizeof(req));
	req.method = "POST";
	req.url = url.data;
	req.form = form;
	req.ca_bundle = c->cloud->ca_bundle;
	req.timeout_ms = c->timeout_ms;
	req.retries = 3;
	req.cancel = c->cancel;
	rc = fetch(&req, &status, raw, em);
	if (!rc && r)
		rc = token_parse(raw->data, raw->len, time(NULL), r, em);
	if (!rc && r && (status < 200 || status > 299))
		rc = errmsg_set(em, AZ_ERR_AUTH, "the token endpoint answered HTTP %ld", status);
	buf_release(&url);
	return rc;
}

/* The client's proof: secret, signed assertion, or the federated token file's contents. */
static enum az_err add_proof(struct cred *c, struct buf *form, struct errmsg *em)
{
	struct secret assertion = SECRET_INIT;
	struct buf aud = BUF_INIT(4096), file = BUF_INIT(FORM_MAX / 2);
	enum az_err rc = AZ_OK;

	switch (c->kind) {
	case CRED_SECRET:
		form_add(form, "client_secret", c->client_secret.data);
		break;
	case CRED_CERTIFICATE:
		token_url(c, "token", &aud);
		rc = jwt_client_assertion(c->cert, c->client_id, aud.data, time(NULL), &assertion, em);
		break;
	case CRED_WORKLOAD:
		/* The projected token rotates: read it for every request. */
		rc = file_read(c->token_file, &file, em);
		while (!rc && file.len && (file.data[file.len - 1] == '\n' || file.data[file.len - 1] == '\r'))
			buf_truncate(&file, file.len - 1);
		if (!rc && !file.len)
			rc = errmsg_set(em, AZ_ERR_AUTH, "the federated token file '%s' is empty",
					c->token_file);
		if (!rc)
			secret_set(&assertion, file.data, file.len);
		break;
	default:
		rc = errmsg_set(em, AZ_ERR_INTERNAL, "not a client credential");
	}
	if (!rc && secret_isset(&assertion)) {
		form_add(form, "client_assertion_type",
			 "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form_add(form, "client_assertion", assertion.data);
	}
	secret_clear(&assertion);
	wipe_release(&file);
	buf_release(&aud);
	return rc;
}

enum az_err cred_flow_client(struct cred *c, enum http_aud aud, struct token_reply *r,
			     struct errmsg *em)
{
	struct buf form = BUF_INIT(FORM_MAX), scope = BUF_INIT(4096), raw = BUF_INIT(FETCH_BODY_MAX);
	enum az_err rc;

	cred_scope(c, aud, &scope);
	form_add(&form, "grant_type", "client_credentials");
	form_add(&form, "client_id", c->client_id);
	form_add(&form, "scope", scope.data);
	rc = add_proof(c, &form, em);
	if (!rc)
		rc = cred_post(c, "token", form.data, r, &raw, em);
	wipe_release(&form);
	wipe_release(&raw);
	buf_release(&scope);
	return rc;
}

/* Redeem the refresh token for aud; keeps a rotated refresh token. */
static enum az_err refresh(struct cred *c, enum http_aud aud, struct token_reply *r,
			   struct errmsg *em)
{
	struct buf form = BUF_INIT(FORM_MAX), scope = BUF_INIT(4096), raw = BUF_INIT(FETCH_BODY_MAX);
	enum az_err rc;

	cred_scope(c, aud, &scope);
	buf_addstr(&scope, " offline_access");
	form_add(&form, "grant_type", "refresh_token");
	form_add(&form, "client_id", c->client_id);
	form_add(&form, "scope", scope.data);
	form_add(&form, "refresh_token", c->refresh_token.data);
	rc = cred_post(c, "token", form.data, r, &raw, em);
	if (!rc && secret_isset(&r->refresh))
		secret_set(&c->refresh_token, r->refresh.data, r->refresh.len);
	wipe_release(&form);
	wipe_release(&raw);
	buf_release(&scope);
	return rc;
}

struct device_code {
	struct secret code;
	long interval;
	long expires_in;
};

static const char *jstr(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) && v->valuestring ? v->valuestring : NULL;
}

static long jnum(const cJSON *o, const char *k, long dflt)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	long x;

	if (cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble < 86400)
		return (long)v->valuedouble;
	if (cJSON_IsString(v) && v->valuestring && !str_to_long(v->valuestring, 0, 86400, &x))
		return x;
	return dflt;
}

/* Ask for a device code and show the operator where to enter it. */
static enum az_err device_start(struct cred *c, struct device_code *dc, struct errmsg *em)
{
	struct buf form = BUF_INIT(FORM_MAX), scope = BUF_INIT(4096), raw = BUF_INIT(FETCH_BODY_MAX);
	cJSON *root = NULL;
	const char *code, *msg, *uri, *user;
	enum az_err rc;

	cred_scope(c, HTTP_AUD_ARM, &scope);
	buf_addstr(&scope, " offline_access");
	form_add(&form, "client_id", c->client_id);
	form_add(&form, "scope", scope.data);
	rc = cred_post(c, "devicecode", form.data, NULL, &raw, em);
	if (rc)
		goto out;
	root = cJSON_ParseWithLength(raw.data, raw.len);
	code = jstr(root, "device_code");
	user = jstr(root, "user_code");
	uri = jstr(root, "verification_uri");
	msg = jstr(root, "message");
	if (!code || !user || !uri) {
		struct api_error e;
		api_error_parse(raw.data, raw.len, &e);
		rc = errmsg_set(em, AZ_ERR_AUTH, "device code sign-in refused: %s",
				e.code[0] ? e.code : "no device code in the reply");
		goto out;
	}
	secret_setstr(&dc->code, code);
	dc->interval = jnum(root, "interval", 5);
	dc->expires_in = jnum(root, "expires_in", 900);
	{
		char *m = escape_term_dup(msg ? msg : "");
		char *u = escape_term_dup(uri), *k = escape_term_dup(user);
		if (c->show_code)
			c->show_code(c->show_ctx, u, k, m);
		else if (*m)
			fprintf(c->prompt, "%s\n", m);
		else
			fprintf(c->prompt, "To sign in, open %s and enter the code %s\n", u, k);
		if (!c->show_code)
			fflush(c->prompt);
		free(m);
		free(u);
		free(k);
	}
out:
	token_json_wipe(root);
	cJSON_Delete(root);
	wipe_release(&form);
	wipe_release(&raw);
	buf_release(&scope);
	return rc;
}

/* Sleep seconds, waking early when cancelled. */
static int nap(struct cred *c, long seconds)
{
	long i;

	for (i = 0; i < seconds * 10; i++) {
		if (c->cancel && *c->cancel)
			return -1;
		usleep(100000);
	}
	return 0;
}

/* Poll until the operator signs in, declines, or the code expires. */
static enum az_err device_poll(struct cred *c, struct device_code *dc, struct token_reply *r,
			       struct errmsg *em)
{
	time_t end = time(NULL) + dc->expires_in;
	long interval = dc->interval;
	enum az_err rc;

	for (;;) {
		struct buf form = BUF_INIT(FORM_MAX), raw = BUF_INIT(FETCH_BODY_MAX);
		struct errmsg why = ERRMSG_INIT;
		struct api_error e;

		if (nap(c, interval))
			return errmsg_set(em, AZ_ERR_CANCELLED, "device code sign-in cancelled");
		if (time(NULL) > end)
			return errmsg_set(em, AZ_ERR_AUTH, "the device code expired before sign-in");
		form_add(&form, "grant_type", "urn:ietf:params:oauth:grant-type:device_code");
		form_add(&form, "client_id", c->client_id);
		form_add(&form, "device_code", dc->code.data);
		rc = cred_post(c, "token", form.data, r, &raw, &why);
		api_error_parse(raw.data, raw.len, &e);
		wipe_release(&form);
		wipe_release(&raw);
		if (!rc)
			return AZ_OK;
		if (!strcmp(e.code, "authorization_pending"))
			continue;
		if (!strcmp(e.code, "slow_down")) {
			interval += DEVICE_SLOWDOWN;
			continue;
		}
		if (!strcmp(e.code, "expired_token") || !strcmp(e.code, "code_expired"))
			return errmsg_set(em, AZ_ERR_AUTH, "the device code expired before sign-in");
		if (!strcmp(e.code, "authorization_declined"))
			return errmsg_set(em, AZ_ERR_AUTH, "device code sign-in was declined");
		return errmsg_set(em, rc, "%s", errmsg_text(&why));
	}
}

enum az_err cred_flow_device(struct cred *c, enum http_aud aud, struct token_reply *r,
			     struct errmsg *em)
{
	struct device_code dc;
	enum az_err rc;

	if (secret_isset(&c->refresh_token))
		return refresh(c, aud, r, em);
	if (aud != HTTP_AUD_ARM) {
		/* Sign in for ARM first; its refresh token then serves Graph. */
		const char *tok;
		unsigned gen;
		rc = cred_token(c, HTTP_AUD_ARM, 0, &tok, &gen, em);
		if (!rc && !secret_isset(&c->refresh_token))
			rc = errmsg_set(em, AZ_ERR_AUTH, "device code sign-in gave no refresh token");
		return rc ? rc : refresh(c, aud, r, em);
	}
	memset(&dc, 0, sizeof(dc));
	rc = device_start(c, &dc, em);
	if (!rc)
		rc = device_poll(c, &dc, r, em);
	if (!rc && secret_isset(&r->refresh))
		secret_set(&c->refresh_token, r->refresh.data, r->refresh.len);
	else if (!rc)
		log_msg(LOG_WARN, "device code sign-in gave no refresh token: Graph will not be read");
	secret_clear(&dc.code);
	return rc;
}
