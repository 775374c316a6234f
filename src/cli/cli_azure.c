/*
 * Sign-in and selection options shared by collect and preflight.
 */
#include "cli_azure.h"

#include <ctype.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "http.h"
#include "strutil.h"
#include "xalloc.h"

size_t azure_opts_table(struct azure_opts *o, struct arg_opt *t)
{
	const struct arg_opt all[AZURE_NOPTS] = {
		{ "auth", 0, ARG_VALUE, NULL, &o->auth, "auto, secret, certificate, workload, msi, cli or device (default auto)", "KIND" },
		{ "cloud", 0, ARG_VALUE, NULL, &o->cloud, "public, usgov or china (default public)", "NAME" },
		{ "tenant", 0, ARG_VALUE, NULL, &o->tenant, "tenant id (default AZURE_TENANT_ID, or the assessment's)", "ID" },
		{ "client-id", 0, ARG_VALUE, NULL, &o->client_id, "application (client) id (default AZURE_CLIENT_ID)", "ID" },
		{ "secret-file", 0, ARG_VALUE, NULL, &o->secret_file, "read the client secret from FILE ('-': standard input)", "FILE" },
		{ "certificate", 0, ARG_VALUE, NULL, &o->certificate, "PEM or PKCS#12 certificate with its key (default AZURE_CLIENT_CERTIFICATE_PATH)", "FILE" },
		{ "authority", 0, ARG_VALUE, NULL, &o->authority, "login endpoint (default per cloud, or AZMAT_AUTHORITY)", "URL" },
		{ "arm", 0, ARG_VALUE, NULL, &o->arm, "Resource Manager endpoint (or AZMAT_ARM_ENDPOINT)", "URL" },
		{ "graph", 0, ARG_VALUE, NULL, &o->graph, "Microsoft Graph endpoint (or AZMAT_GRAPH_ENDPOINT)", "URL" },
		{ "ca-bundle", 0, ARG_VALUE, NULL, &o->ca_bundle, "trust these CA certificates (or AZMAT_CA_BUNDLE)", "FILE" },
		{ "subscriptions", 0, ARG_VALUE, NULL, &o->subscriptions, "only these subscriptions (comma-separated ids)", "ID,..." },
		{ "checks", 0, ARG_VALUE, NULL, &o->checks, "only these checks (comma-separated ids)", "ID,..." },
		{ "concurrency", 0, ARG_VALUE, NULL, &o->concurrency, "requests at once (default 32)", "N" },
		{ "timeout", 0, ARG_VALUE, NULL, &o->timeout, "seconds per request attempt (default 60)", "S" },
		{ "json", 0, ARG_FLAG, &o->json, NULL, "print JSON", NULL },
	};

	memcpy(t, all, sizeof(all));
	return AZURE_NOPTS;
}

static int is_guid(const char *s)
{
	static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	size_t i;

	if (strlen(s) != sizeof(shape) - 1)
		return 0;
	for (i = 0; shape[i]; i++)
		if (shape[i] == '-' ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Split a comma list into trimmed, non-empty heap strings. */
static char **split(const char *list, size_t *n)
{
	char **v = NULL;
	size_t alloc = 0;
	const char *p = list;

	*n = 0;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		while (len && isspace((unsigned char)*p)) {
			p++;
			len--;
		}
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		if (len) {
			ALLOC_GROW(v, *n, alloc);
			v[(*n)++] = xstrndup(p, len);
		}
		p = e ? e + 1 : p + strlen(p);
	}
	return v;
}

static void free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static enum az_err select_checks(const char *list, const struct catalog *cat,
				 struct azure_session *s, struct errmsg *em)
{
	char **ids;
	size_t n, i;

	s->checks = xcalloc(cat->nchecks ? cat->nchecks : 1, sizeof(*s->checks));
	if (!list) {
		for (i = 0; i < cat->nchecks; i++)
			s->checks[s->nchecks++] = &cat->checks[i];
		return AZ_OK;
	}
	ids = split(list, &n);
	for (i = 0; i < n; i++) {
		const struct cat_check *ch = catalog_find_check(cat, ids[i]);
		size_t k;
		if (!ch) {
			errmsg_set(em, AZ_ERR_NOTFOUND, "no check '%s' in the catalog (see 'azmat checks')", ids[i]);
			free_list(ids, n);
			return AZ_ERR_NOTFOUND;
		}
		for (k = 0; k < s->nchecks && s->checks[k] != ch; k++)
			;
		if (k == s->nchecks)
			s->checks[s->nchecks++] = ch;
	}
	free_list(ids, n);
	return AZ_OK;
}

enum az_err azure_select_em(const struct azure_opts *o, const struct catalog *cat,
			    struct azure_session *s, struct errmsg *em)
{
	enum az_err rc;
	long v;
	size_t i;

	s->concurrency = HTTP_DEFAULT_CONCURRENCY;
	s->timeout_ms = 60000;
	if (o->concurrency) {
		if (str_to_long(o->concurrency, 1, HTTP_MAX_CONCURRENCY, &v))
			return errmsg_set(em, AZ_ERR_USAGE, "--concurrency takes a number from 1 to %d",
					  HTTP_MAX_CONCURRENCY);
		s->concurrency = (unsigned)v;
	}
	if (o->timeout) {
		if (str_to_long(o->timeout, 1, 3600, &v))
			return errmsg_set(em, AZ_ERR_USAGE, "--timeout takes seconds from 1 to 3600");
		s->timeout_ms = v * 1000;
	}
	if (o->subscriptions) {
		s->subs = split(o->subscriptions, &s->nsubs);
		if (!s->nsubs)
			return errmsg_set(em, AZ_ERR_USAGE, "--subscriptions needs at least one id");
		for (i = 0; i < s->nsubs; i++)
			if (!is_guid(s->subs[i]))
				return errmsg_set(em, AZ_ERR_USAGE, "'%s' is not a subscription id", s->subs[i]);
	}
	rc = select_checks(o->checks, cat, s, em);
	if (rc)
		return rc;
	if (!s->nchecks)
		return errmsg_set(em, AZ_ERR_NOTFOUND, "the catalog has no checks to run");
	return AZ_OK;
}

int azure_select(struct cli *c, const struct azure_opts *o, const struct catalog *cat,
		 struct azure_session *s)
{
	struct errmsg em = ERRMSG_INIT;

	if (azure_select_em(o, cat, s, &em))
		return cli_fail_em(c, &em);
	return EXIT_OK;
}

enum az_err azure_sign_in_em(const struct azure_opts *o, const char *tenant_hint,
			    cancel_flag *cancel, struct azure_session *s, struct errmsg *em)
{
	struct cloud_overrides ov = { o->cloud, o->authority, o->arm, o->graph, o->ca_bundle, NULL };
	struct cred_config cc;
	enum az_err rc;
	const char *got;
	int kind = o->auth ? cred_kind_parse(o->auth) : CRED_AUTO;

	if (kind < 0)
		return errmsg_set(em, AZ_ERR_USAGE, "unknown --auth '%s' (use auto, secret, certificate, "
						  "workload, msi, cli or device)", o->auth);
	rc = cloud_resolve(&ov, &s->cloud, em);
	if (rc)
		return rc;
	memset(&cc, 0, sizeof(cc));
	cc.kind = (enum cred_kind)kind;
	cc.tenant = o->tenant;
	if (!cc.tenant && !getenv("AZURE_TENANT_ID") && tenant_hint && *tenant_hint)
		cc.tenant = tenant_hint;
	cc.client_id = o->client_id;
	cc.secret_file = o->secret_file;
	cc.secret = o->secret;
	cc.cert_path = o->certificate;
	cc.interactive = o->interactive > 0 || (!o->interactive && isatty(STDIN_FILENO) &&
						 isatty(STDERR_FILENO));
	cc.prompt = o->prompt;
	cc.show_code = o->show_code;
	cc.show_ctx = o->show_ctx;
	cc.timeout_ms = s->timeout_ms < 30000 ? 30000 : s->timeout_ms;
	cc.cancel = cancel;
	rc = cred_new(&s->cloud, &cc, &s->cred, em);
	if (rc)
		return rc;
	got = cred_tenant(s->cred);
	if (tenant_hint && *tenant_hint && got && *got && strcasecmp(got, tenant_hint))
		return errmsg_set(em, AZ_ERR_USAGE,
				  "signed in to tenant '%s', but the assessment is for tenant '%s'", got,
				  tenant_hint);
	return AZ_OK;
}

int azure_sign_in(struct cli *c, const struct azure_opts *o, const char *tenant_hint,
		  cancel_flag *cancel, struct azure_session *s)
{
	struct errmsg em = ERRMSG_INIT;
	struct azure_opts with_prompt = *o;

	with_prompt.prompt = c->err;
	if (azure_sign_in_em(&with_prompt, tenant_hint, cancel, s, &em))
		return cli_fail_em(c, &em);
	return EXIT_OK;
}

void azure_session_release(struct azure_session *s)
{
	cred_free(&s->cred);
	cloud_release(&s->cloud);
	free_list(s->subs, s->nsubs);
	free(s->checks);
	memset(s, 0, sizeof(*s));
}

static cancel_flag *signal_flag;

static void on_signal(int sig)
{
	if (signal_flag) {
		if (*signal_flag && sig == SIGINT)
			signal(SIGINT, SIG_DFL);
		*signal_flag = 1;
	}
}

void azure_catch_signals(cancel_flag *flag)
{
	struct sigaction sa;

	signal_flag = flag;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}
