/*
 * Credentials: who azmat is towards the tenant, and the access tokens that
 * prove it (DESIGN.md section 6).
 *
 *   secret       service principal with a client secret: AZURE_TENANT_ID,
 *                AZURE_CLIENT_ID, and AZURE_CLIENT_SECRET or a secret file
 *                (or standard input); never a command-line argument
 *   certificate  service principal with a certificate: a signed JWT client
 *                assertion (AZURE_CLIENT_CERTIFICATE_PATH, optional
 *                AZURE_CLIENT_CERTIFICATE_PASSWORD)
 *   workload     workload identity federation: the token in
 *                AZURE_FEDERATED_TOKEN_FILE, re-read for every request
 *   msi          managed identity: App Service (IDENTITY_ENDPOINT and
 *                IDENTITY_HEADER) or the VM's instance metadata service
 *   cli          the Azure CLI's login (`az account get-access-token`, run
 *                without a shell, with a time limit)
 *   device       device code sign-in: the URL and code are shown, azmat polls
 *
 * "auto" tries them in that order (device code only when interactive).
 *
 * One token per audience (ARM, Graph), held in struct secret only (wiped
 * when replaced, registered with the log redactor), renewed five minutes
 * before it expires and when an API refuses it. A failure to get a token
 * for an audience is remembered, so one missing consent does not cost a
 * sign-in attempt per request.
 */
#ifndef AZMAT_CRED_H
#define AZMAT_CRED_H

#include <stdio.h>

#include "compat.h"
#include "cloud.h"
#include "err.h"
#include "http.h"
#include "secret.h"

#define CRED_KIND_LIST(X) \
	X(CRED_AUTO, "auto") \
	X(CRED_SECRET, "secret") \
	X(CRED_CERTIFICATE, "certificate") \
	X(CRED_WORKLOAD, "workload") \
	X(CRED_MSI, "msi") \
	X(CRED_CLI, "cli") \
	X(CRED_DEVICE, "device")

enum cred_kind {
#define CRED_KIND_ENUM(e, s) e,
	CRED_KIND_LIST(CRED_KIND_ENUM)
#undef CRED_KIND_ENUM
	CRED_KIND__COUNT
};

const char *cred_kind_name(enum cred_kind k);
/* -1 when s is not a kind. */
int cred_kind_parse(const char *s);

/* The public client that device code sign-in uses unless AZURE_CLIENT_ID says otherwise. */
#define CRED_DEVICE_CLIENT_ID "04b07795-8ddb-461a-bbee-02f9e1bf7b46"

struct cred_config {
	enum cred_kind kind;
	const char *tenant;      /* NULL: AZURE_TENANT_ID */
	const char *client_id;   /* NULL: AZURE_CLIENT_ID */
	const char *secret_file; /* read the client secret from this file; "-" for standard input */
	/*
	 * Or the client secret itself (borrowed, copied), for a caller that
	 * took AZURE_CLIENT_SECRET out of the environment earlier (the TUI
	 * does at start, so that a second collection still has it).
	 */
	const struct secret *secret;
	const char *cert_path;   /* NULL: AZURE_CLIENT_CERTIFICATE_PATH */
	int interactive;         /* device code may be used by "auto" */
	FILE *prompt;            /* where device code sign-in shows its message (NULL: stderr) */
	/*
	 * Or show it yourself (the TUI): called with the sign-in URL, the code
	 * and Microsoft's message, each escaped for a terminal; may be NULL.
	 */
	void (*show_code)(void *ctx, const char *url, const char *code, const char *message);
	void *show_ctx;
	long timeout_ms;         /* per token request (0: 30 s) */
	cancel_flag *cancel; /* stops device code polling when non-zero; may be NULL */
};

struct cred;

/*
 * Set up the credential for cloud (borrowed; it must outlive the
 * credential). Reads the secret, certificate or token file and signs in
 * for ARM now, so that a failure is reported before any collection starts. AZ_ERR_USAGE when what
 * the kind needs is missing, AZ_ERR_AUTH when signing in fails.
 */
enum az_err cred_new(const struct cloud *cloud, const struct cred_config *cfg,
		     struct cred **out /* OUT: on success */, struct errmsg *em);
void cred_free(struct cred **pc);

/* The kind in use (never CRED_AUTO). */
enum cred_kind cred_kind_of(const struct cred *c);

/*
 * A valid token for aud (HTTP_AUD_ARM or HTTP_AUD_GRAPH), borrowed until
 * the next call; *gen its generation. stale: see struct http_auth.
 */
enum az_err cred_token(struct cred *c, enum http_aud aud, unsigned stale, const char **tok,
		       unsigned *gen, struct errmsg *em);

/* The engine's view of the credential (valid while c lives). */
void cred_auth(struct cred *c, struct http_auth *out /* OUT */);

/*
 * Who the tokens speak for, e.g. "service principal 1111... (secret)",
 * from the configuration and the token's claims once one was obtained.
 * Never a secret. Borrowed.
 */
const char *cred_identity(struct cred *c);

/* The tenant id: the "tid" claim of a token, else the one configured; "" when unknown. Borrowed. */
const char *cred_tenant(struct cred *c);

/*
 * The claims of the current token for aud as a new cJSON object (caller
 * deletes), or NULL when there is none or it is not a JWT.
 */
struct cJSON *cred_claims(struct cred *c, enum http_aud aud);

#endif
