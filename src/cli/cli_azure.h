/*
 * What `azmat collect` and `azmat preflight` share: the sign-in and
 * endpoint options, check and subscription selection, and Ctrl-C.
 */
#ifndef AZMAT_CLI_AZURE_H
#define AZMAT_CLI_AZURE_H

#include <signal.h>

#include "cli.h"
#include "cloud.h"
#include "cred.h"

struct azure_opts {
	const char *auth;
	const char *cloud;
	const char *tenant;
	const char *client_id;
	const char *secret_file;
	const char *certificate;
	const char *authority;
	const char *arm;
	const char *graph;
	const char *ca_bundle;
	const char *subscriptions;
	const char *checks;
	const char *concurrency;
	const char *timeout;
	int json;
};

#define AZURE_NOPTS 15

/* Fill opts (room for AZURE_NOPTS) bound to o; returns how many. */
size_t azure_opts_table(struct azure_opts *o, struct arg_opt *opts);

/* Everything resolved from the options; release with azure_session_release(). */
struct azure_session {
	struct cloud cloud;
	struct cred *cred;
	char **subs; /* --subscriptions, or NULL */
	size_t nsubs;
	const struct cat_check **checks; /* selected, borrowed from the catalog */
	size_t nchecks;
	unsigned concurrency;
	long timeout_ms;
};

/* Validate the selection options (checks, subscriptions, numbers); prints errors. */
int azure_select(struct cli *c, const struct azure_opts *o, const struct catalog *cat,
		 struct azure_session *s);

/*
 * Resolve the cloud and sign in; tenant_hint (an assessment's tenant, may
 * be "" or NULL) is used when neither --tenant nor AZURE_TENANT_ID is set,
 * and a credential signed in to another tenant is refused. Prints errors.
 */
int azure_sign_in(struct cli *c, const struct azure_opts *o, const char *tenant_hint,
		  volatile sig_atomic_t *cancel, struct azure_session *s);

void azure_session_release(struct azure_session *s);

/* Make SIGINT and SIGTERM set *flag (a second SIGINT ends the process). */
void azure_catch_signals(volatile sig_atomic_t *flag);

#endif
