/*
 * What `azmat collect` and `azmat preflight` share: the sign-in and
 * endpoint options, check and subscription selection, and Ctrl-C.
 */
#ifndef AZMAT_CLI_AZURE_H
#define AZMAT_CLI_AZURE_H

#include <signal.h>

#include "compat.h"
#include "cli.h"
#include "cloud.h"
#include "cred.h"
#include "secret.h"

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
	/* Not options: set by the TUI (zero from the command line). */
	int interactive;          /* 1: device code may be used; 0: when on a terminal; -1: never */
	FILE *prompt;             /* where device code sign-in writes (NULL: stderr) */
	void (*show_code)(void *ctx, const char *url, const char *code, const char *message);
	void *show_ctx;           /* see struct cred_config */
	const struct secret *secret; /* the client secret itself (borrowed) */
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

/*
 * Validate the selection options (checks, subscriptions, numbers) into s.
 * azure_select() prints the error and returns an exit code;
 * azure_select_em() only fills em (for the TUI, whose screen must not be
 * printed on). s may be partly filled on failure: release it either way.
 */
int azure_select(struct cli *c, const struct azure_opts *o, const struct catalog *cat,
		 struct azure_session *s);
enum az_err azure_select_em(const struct azure_opts *o, const struct catalog *cat,
			    struct azure_session *s, struct errmsg *em);

/*
 * Resolve the cloud and sign in; tenant_hint (an assessment's tenant, may
 * be "" or NULL) is used when neither --tenant nor AZURE_TENANT_ID is set,
 * and a credential signed in to another tenant is refused. azure_sign_in()
 * prints errors (and device code messages to the command's standard
 * error); azure_sign_in_em() prints nothing and may run on any one thread
 * (the TUI's worker): it touches only o (borrowed), s and the environment
 * (read).
 */
int azure_sign_in(struct cli *c, const struct azure_opts *o, const char *tenant_hint,
		  cancel_flag *cancel, struct azure_session *s);
enum az_err azure_sign_in_em(const struct azure_opts *o, const char *tenant_hint,
			     cancel_flag *cancel, struct azure_session *s, struct errmsg *em);

void azure_session_release(struct azure_session *s);

/* Make SIGINT and SIGTERM set *flag (a second SIGINT ends the process). */
void azure_catch_signals(cancel_flag *flag);

#endif
