/*
 * Credentials: configuration, the token cache, identity, and "auto".
 */
#include "cred_int.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "fsutil.h"
#include "log.h"
#include "xalloc.h"

static const char *const kind_names[] = {
#define CRED_KIND_NAME(e, s) s,
	CRED_KIND_LIST(CRED_KIND_NAME)
#undef CRED_KIND_NAME
};

const char *cred_kind_name(enum cred_kind k)
{
	return (unsigned)k < CRED_KIND__COUNT ? kind_names[k] : "?";
}

int cred_kind_parse(const char *s)
{
	int i;

	for (i = 0; s && i < CRED_KIND__COUNT; i++)
		if (!strcmp(kind_names[i], s))
			return i;
	return -1;
}

static const char *env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

void cred_scope(const struct cred *c, enum http_aud aud, struct buf *out)
{
	buf_addstr(out, aud == HTTP_AUD_GRAPH ? c->cloud->graph : c->cloud->arm);
	buf_addstr(out, "/.default");
}

void cred_resource(const struct cred *c, enum http_aud aud, struct buf *out)
{
	buf_addstr(out, aud == HTTP_AUD_GRAPH ? c->cloud->graph : c->cloud->arm);
	buf_addch(out, '/');
}

enum az_err cred_acquire(struct cred *c, enum http_aud aud, struct token_reply *r,
			 struct errmsg *em)
{
	switch (c->kind) {
	case CRED_SECRET:
	case CRED_CERTIFICATE:
	case CRED_WORKLOAD:
		return cred_flow_client(c, aud, r, em);
	case CRED_MSI:
		return cred_flow_msi(c, aud, c->timeout_ms, r, em);
	case CRED_CLI:
		return cred_flow_cli(c, aud, r, em);
	case CRED_DEVICE:
		return cred_flow_device(c, aud, r, em);
	case CRED_AUTO:
	case CRED_KIND__COUNT:
		break;
	}
	return errmsg_set(em, AZ_ERR_INTERNAL, "no credential kind chosen");
}

static void claim_str(const cJSON *claims, const char *const *names, size_t n, char *out,
		      size_t outn)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(claims, names[i]);
		if (cJSON_IsString(v) && v->valuestring && *v->valuestring) {
			snprintf(out, outn, "%s", v->valuestring);
			return;
		}
	}
	out[0] = '\0';
}

/* Name the identity from the configuration and the first ARM token's claims. */
static void set_identity(struct cred *c, const char *token)
{
	static const char *const app_names[] = { "appid", "azp" };
	static const char *const user_names[] = { "upn", "unique_name", "preferred_username" };
	static const char *const tid_names[] = { "tid" };
	cJSON *claims = jwt_claims(token);
	char app[128], user[160], tid[64];

	claim_str(claims, app_names, ARRAY_SIZE(app_names), app, sizeof(app));
	claim_str(claims, user_names, ARRAY_SIZE(user_names), user, sizeof(user));
	claim_str(claims, tid_names, ARRAY_SIZE(tid_names), tid, sizeof(tid));
	cJSON_Delete(claims);
	if (!app[0] && c->client_id)
		snprintf(app, sizeof(app), "%s", c->client_id);
	if (tid[0] && !c->tid[0])
		snprintf(c->tid, sizeof(c->tid), "%s", tid);
	switch (c->kind) {
	case CRED_SECRET:
		snprintf(c->identity, sizeof(c->identity), "service principal %s (secret)", app);
		break;
	case CRED_CERTIFICATE:
		snprintf(c->identity, sizeof(c->identity), "service principal %s (certificate %s)", app,
			 c->cert ? cert_x5t(c->cert) : "");
		break;
	case CRED_WORKLOAD:
		snprintf(c->identity, sizeof(c->identity), "workload identity %s", app);
		break;
	case CRED_MSI:
		snprintf(c->identity, sizeof(c->identity), "managed identity %s",
			 app[0] ? app : "(system-assigned)");
		break;
	case CRED_CLI:
		snprintf(c->identity, sizeof(c->identity), "Azure CLI login %s", user[0] ? user : app);
		break;
	default:
		snprintf(c->identity, sizeof(c->identity), "user %s (device code)", user[0] ? user : app);
		break;
	}
}

static enum az_err renew(struct cred *c, enum http_aud aud, struct errmsg *em)
{
	struct cred_token *t = &c->tok[aud];
	struct token_reply r;
	struct errmsg why = ERRMSG_INIT;
	enum az_err rc;

	memset(&r, 0, sizeof(r));
	rc = cred_acquire(c, aud, &r, &why);
	if (rc) {
		t->failed = rc;
		snprintf(t->why, sizeof(t->why), "%s", errmsg_text(&why));
		log_msg(LOG_WARN, "no %s token: %s", aud == HTTP_AUD_GRAPH ? "Graph" : "ARM", t->why);
		token_reply_release(&r);
		return errmsg_set(em, rc, "%s", t->why);
	}
	secret_set(&t->value, r.access.data, r.access.len);
	t->expires = r.expires;
	{
		time_t now = time(NULL), life = r.expires - now;
		t->renew_at = life > 2 * CRED_RENEW_BEFORE ? r.expires - CRED_RENEW_BEFORE : now + life / 2;
	}
	t->gen = ++c->next_gen;
	t->failed = AZ_OK;
	if (r.tenant[0] && !c->tid[0])
		snprintf(c->tid, sizeof(c->tid), "%s", r.tenant);
	if (aud == HTTP_AUD_ARM || !c->identity[0])
		set_identity(c, t->value.data);
	token_reply_release(&r);
	return AZ_OK;
}

enum az_err cred_token(struct cred *c, enum http_aud aud, unsigned stale, const char **tok,
		       unsigned *gen, struct errmsg *em)
{
	struct cred_token *t;
	enum az_err rc;

	if (aud != HTTP_AUD_ARM && aud != HTTP_AUD_GRAPH)
		return errmsg_set(em, AZ_ERR_INTERNAL, "no token for this audience");
	t = &c->tok[aud];
	if (t->failed)
		return errmsg_set(em, t->failed, "%s", t->why);
	if (!secret_isset(&t->value) || time(NULL) >= t->renew_at ||
	    (stale && stale == t->gen)) {
		rc = renew(c, aud, em);
		if (rc)
			return rc;
	}
	*tok = t->value.data;
	*gen = t->gen;
	return AZ_OK;
}

static enum az_err auth_token(void *ctx, enum http_aud aud, unsigned stale, const char **tok,
			      unsigned *gen, struct errmsg *em)
{
	return cred_token(ctx, aud, stale, tok, gen, em);
}

void cred_auth(struct cred *c, struct http_auth *out)
{
	out->token = auth_token;
	out->ctx = c;
}

const char *cred_identity(struct cred *c)
{
	return c->identity[0] ? c->identity : cred_kind_name(c->kind);
}

const char *cred_tenant(struct cred *c)
{
	if (c->tid[0])
		return c->tid;
	if (c->tenant && strcmp(c->tenant, "organizations"))
		return c->tenant;
	return "";
}

enum cred_kind cred_kind_of(const struct cred *c)
{
	return c->kind;
}

struct cJSON *cred_claims(struct cred *c, enum http_aud aud)
{
	if ((aud != HTTP_AUD_ARM && aud != HTTP_AUD_GRAPH) || !secret_isset(&c->tok[aud].value))
		return NULL;
	return jwt_claims(c->tok[aud].value.data);
}

void cred_free(struct cred **pc)
{
	struct cred *c = *pc;
	size_t i;

	if (!c)
		return;
	for (i = 0; i < HTTP_NAUD; i++)
		secret_clear(&c->tok[i].value);
	secret_clear(&c->client_secret);
	secret_clear(&c->cert_password);
	secret_clear(&c->identity_header);
	secret_clear(&c->refresh_token);
	cert_free(&c->cert);
	free(c->tenant);
	free(c->client_id);
	free(c->token_file);
	free(c->identity_endpoint);
	free(c);
	*pc = NULL;
}

/*
 * The client secret: the file named, standard input, the one the caller
 * holds, or AZURE_CLIENT_SECRET (then unset).
 */
static enum az_err load_secret(struct cred *c, const struct cred_config *cfg, struct errmsg *em)
{
	const char *v = env("AZURE_CLIENT_SECRET");

	if (cfg->secret_file && !strcmp(cfg->secret_file, "-"))
		return secret_read_fd(&c->client_secret, STDIN_FILENO, em);
	if (cfg->secret_file)
		return secret_read_file(&c->client_secret, cfg->secret_file, em);
	if (cfg->secret && secret_isset(cfg->secret)) {
		secret_set(&c->client_secret, cfg->secret->data, cfg->secret->len);
		return AZ_OK;
	}
	if (!v)
		return errmsg_set(em, AZ_ERR_USAGE,
				  "the secret credential needs AZURE_CLIENT_SECRET or --secret-file");
	secret_setstr(&c->client_secret, v);
	/* Keep it out of the environment of anything we start (the Azure CLI). */
	unsetenv("AZURE_CLIENT_SECRET");
	return AZ_OK;
}

static enum az_err need_app(const struct cred *c, const char *what, struct errmsg *em)
{
	if (!c->tenant || !c->client_id)
		return errmsg_set(em, AZ_ERR_USAGE,
				  "the %s credential needs a tenant and a client id (--tenant and "
				  "--client-id, or AZURE_TENANT_ID and AZURE_CLIENT_ID)",
				  what);
	return AZ_OK;
}

static enum az_err setup(struct cred *c, enum cred_kind kind, const struct cred_config *cfg,
			 struct errmsg *em)
{
	const char *path = cfg->cert_path ? cfg->cert_path : env("AZURE_CLIENT_CERTIFICATE_PATH");
	enum az_err rc;

	c->kind = kind;
	switch (kind) {
	case CRED_SECRET:
		rc = need_app(c, "secret", em);
		return rc ? rc : load_secret(c, cfg, em);
	case CRED_CERTIFICATE:
		if ((rc = need_app(c, "certificate", em)))
			return rc;
		if (!path)
			return errmsg_set(em, AZ_ERR_USAGE, "the certificate credential needs "
							    "--certificate or AZURE_CLIENT_CERTIFICATE_PATH");
		if (env("AZURE_CLIENT_CERTIFICATE_PASSWORD"))
			secret_setstr(&c->cert_password, env("AZURE_CLIENT_CERTIFICATE_PASSWORD"));
		return cert_load(path, &c->cert_password, &c->cert, em);
	case CRED_WORKLOAD:
		if ((rc = need_app(c, "workload", em)))
			return rc;
		if (!env("AZURE_FEDERATED_TOKEN_FILE"))
			return errmsg_set(em, AZ_ERR_USAGE,
					  "the workload credential needs AZURE_FEDERATED_TOKEN_FILE");
		c->token_file = xstrdup(env("AZURE_FEDERATED_TOKEN_FILE"));
		return AZ_OK;
	case CRED_MSI:
		if (env("IDENTITY_ENDPOINT") && env("IDENTITY_HEADER")) {
			c->identity_endpoint = xstrdup(env("IDENTITY_ENDPOINT"));
			secret_setstr(&c->identity_header, env("IDENTITY_HEADER"));
		}
		return AZ_OK;
	case CRED_DEVICE:
		if (!c->client_id)
			c->client_id = xstrdup(CRED_DEVICE_CLIENT_ID);
		if (!c->tenant)
			c->tenant = xstrdup("organizations");
		return AZ_OK;
	default:
		return AZ_OK;
	}
}

/* Sign in for ARM now, so that a failure shows before anything else. */
static enum az_err first_token(struct cred *c, struct errmsg *em)
{
	const char *tok;
	unsigned gen;

	return cred_token(c, HTTP_AUD_ARM, 0, &tok, &gen, em);
}

static void reset_for(struct cred *c)
{
	size_t i;

	for (i = 0; i < HTTP_NAUD; i++) {
		secret_clear(&c->tok[i].value);
		c->tok[i].failed = AZ_OK;
	}
	FREE_AND_NULL(c->identity_endpoint);
	secret_clear(&c->identity_header);
	c->identity[0] = '\0';
}

/* The "auto" order of DESIGN.md section 6. */
static enum az_err setup_auto(struct cred *c, const struct cred_config *cfg, struct errmsg *em)
{
	struct errmsg probe = ERRMSG_INIT;
	struct token_reply r;
	int have_app = c->tenant && c->client_id;

	enum az_err rc;

	if (have_app && (env("AZURE_CLIENT_SECRET") || cfg->secret_file ||
			 (cfg->secret && secret_isset(cfg->secret))))
		return (rc = setup(c, CRED_SECRET, cfg, em)) ? rc : first_token(c, em);
	if (have_app && (cfg->cert_path || env("AZURE_CLIENT_CERTIFICATE_PATH")))
		return (rc = setup(c, CRED_CERTIFICATE, cfg, em)) ? rc : first_token(c, em);
	if (have_app && env("AZURE_FEDERATED_TOKEN_FILE"))
		return (rc = setup(c, CRED_WORKLOAD, cfg, em)) ? rc : first_token(c, em);
	if (env("IDENTITY_ENDPOINT") && env("IDENTITY_HEADER")) {
		setup(c, CRED_MSI, cfg, em);
		return first_token(c, em);
	}
	/* The instance metadata service answers quickly where it exists. */
	memset(&r, 0, sizeof(r));
	c->kind = CRED_MSI;
	if (!cred_flow_msi(c, HTTP_AUD_ARM, 2000, &r, &probe)) {
		token_reply_release(&r);
		return first_token(c, em);
	}
	token_reply_release(&r);
	reset_for(c);
	log_msg(LOG_INFO, "no managed identity: %s", errmsg_text(&probe));
	c->kind = CRED_CLI;
	if (!first_token(c, &probe))
		return AZ_OK;
	reset_for(c);
	log_msg(LOG_INFO, "no Azure CLI login: %s", errmsg_text(&probe));
	if (cfg->interactive) {
		setup(c, CRED_DEVICE, cfg, em);
		return first_token(c, em);
	}
	return errmsg_set(em, AZ_ERR_USAGE,
			  "no credentials found: set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
			  "AZURE_CLIENT_SECRET (or a certificate), sign in with 'az login', or "
			  "choose one with --auth (see docs/collect.md)");
}

enum az_err cred_new(const struct cloud *cloud, const struct cred_config *cfg, struct cred **out,
		     struct errmsg *em)
{
	struct cred *c = xcalloc(1, sizeof(*c));
	const char *tenant = cfg->tenant ? cfg->tenant : env("AZURE_TENANT_ID");
	const char *client = cfg->client_id ? cfg->client_id : env("AZURE_CLIENT_ID");
	enum az_err rc;

	c->cloud = cloud;
	c->tenant = xstrdup_or_null(tenant);
	c->client_id = xstrdup_or_null(client);
	c->prompt = cfg->prompt ? cfg->prompt : stderr;
	c->show_code = cfg->show_code;
	c->show_ctx = cfg->show_ctx;
	c->timeout_ms = cfg->timeout_ms ? cfg->timeout_ms : 30000;
	c->cancel = cfg->cancel;
	if (cfg->kind == CRED_AUTO) {
		rc = setup_auto(c, cfg, em);
	} else {
		rc = setup(c, cfg->kind, cfg, em);
		if (!rc)
			rc = first_token(c, em);
	}
	if (rc) {
		cred_free(&c);
		return rc;
	}
	*out = c;
	return AZ_OK;
}
