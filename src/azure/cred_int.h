/*
 * Inside the credential module: the state shared by cred.c (caching,
 * identity) and the sign-in flows (cred_flows.c, cred_msi.c, cred_cli.c).
 */
#ifndef AZMAT_CRED_INT_H
#define AZMAT_CRED_INT_H

#include <signal.h>
#include <time.h>

#include "compat.h"
#include "cred.h"
#include "jwt.h"
#include "secret.h"
#include "token.h"

/* Renew a token this many seconds before it expires. */
#define CRED_RENEW_BEFORE 300

struct cred_token {
	struct secret value;
	time_t expires;
	time_t renew_at; /* CRED_RENEW_BEFORE before expiry, or half-way for short-lived tokens */
	unsigned gen;
	enum az_err failed; /* remembered failure, AZ_OK when none */
	char why[ERRMSG_MAX];
};

struct cred {
	enum cred_kind kind;
	const struct cloud *cloud;
	char *tenant;    /* NULL when unknown (cli, msi) */
	char *client_id; /* NULL when unknown */
	struct secret client_secret;
	struct secret cert_password;
	struct cert *cert;
	char *token_file;        /* workload identity */
	char *identity_endpoint; /* App Service managed identity */
	struct secret identity_header;
	struct secret refresh_token; /* device code */
	FILE *prompt;
	void (*show_code)(void *ctx, const char *url, const char *code, const char *message);
	void *show_ctx;
	long timeout_ms;
	cancel_flag *cancel;
	struct cred_token tok[HTTP_NAUD];
	unsigned next_gen;
	char identity[256];
	char tid[64];
};

/* "{arm}/.default" or "{graph}/.default" (v2 scope), appended to out. */
void cred_scope(const struct cred *c, enum http_aud aud, struct buf *out);
/* "{arm}/" or "{graph}/" (v1 resource: managed identity, the CLI). */
void cred_resource(const struct cred *c, enum http_aud aud, struct buf *out);

/* Sign in anew for aud with c's kind; the reply goes into r. */
enum az_err cred_acquire(struct cred *c, enum http_aud aud, struct token_reply *r,
			 struct errmsg *em);

/* The flows. */
enum az_err cred_flow_client(struct cred *c, enum http_aud aud, struct token_reply *r,
			     struct errmsg *em);
enum az_err cred_flow_device(struct cred *c, enum http_aud aud, struct token_reply *r,
			     struct errmsg *em);
enum az_err cred_flow_msi(struct cred *c, enum http_aud aud, long timeout_ms,
			  struct token_reply *r, struct errmsg *em);
enum az_err cred_flow_cli(struct cred *c, enum http_aud aud, struct token_reply *r,
			  struct errmsg *em);

/* POST form to the tenant's v2 token endpoint ("token" or "devicecode") and parse the reply. */
enum az_err cred_post(struct cred *c, const char *endpoint, const char *form,
		      struct token_reply *r, struct buf *raw, struct errmsg *em);

#endif
