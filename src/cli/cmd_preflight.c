/*
 * azmat preflight [ID]: what the identity can read, and which checks will
 * not be assessable and why, before anything long runs. With an assessment
 * id, its tenant is the default and a token for another tenant is refused.
 */
#include <cjson/cJSON.h>
#include <signal.h>
#include <string.h>

#include "cli.h"
#include "cli_azure.h"
#include "compat.h"
#include "preflight.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_preflight = {
	"preflight", run,
	"Check what the identity can read and which checks will not be assessable",
	"preflight [ID] [--auth KIND] [--cloud NAME] [--subscriptions ID,...] [--checks ID,...] [--json]"
};

static cJSON *strings(char **v, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
	return a;
}

static int print_json(struct cli *c, const struct preflight *pf)
{
	cJSON *o = cJSON_CreateObject(), *arm, *graph, *subs, *checks;
	size_t i, blocked = 0;

	cJSON_AddStringToObject(o, "identity", pf->identity);
	cJSON_AddStringToObject(o, "tenant", pf->tenant);
	arm = cJSON_AddObjectToObject(o, "arm");
	cJSON_AddBoolToObject(arm, "token", pf->arm_ok);
	cJSON_AddStringToObject(arm, "error", pf->arm_error);
	cJSON_AddStringToObject(arm, "root_roles", pf->root_roles ? pf->root_roles : "");
	cJSON_AddNumberToObject(arm, "root_status", (double)pf->root_status);
	subs = cJSON_AddArrayToObject(arm, "subscriptions");
	for (i = 0; i < pf->nsubs; i++) {
		cJSON *s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "id", pf->subs[i].id);
		cJSON_AddStringToObject(s, "roles", pf->subs[i].roles ? pf->subs[i].roles : "");
		cJSON_AddNumberToObject(s, "status", (double)pf->subs[i].status);
		cJSON_AddItemToArray(subs, s);
	}
	graph = cJSON_AddObjectToObject(o, "graph");
	cJSON_AddBoolToObject(graph, "token", pf->graph_ok);
	cJSON_AddStringToObject(graph, "error", pf->graph_error);
	cJSON_AddStringToObject(graph, "kind", pf->delegated ? "delegated" : "application");
	cJSON_AddItemToObject(graph, "permissions", strings(pf->graph_perms, pf->ngraph_perms));
	cJSON_AddItemToObject(o, "licences", strings(pf->plans, pf->nplans));
	cJSON_AddNumberToObject(o, "licences_status", (double)pf->plans_status);
	checks = cJSON_AddArrayToObject(o, "checks");
	for (i = 0; i < pf->nchecks; i++) {
		cJSON *ch = cJSON_CreateObject();
		const struct preflight_check *pc = &pf->checks[i];
		cJSON_AddStringToObject(ch, "check", pc->check->id);
		cJSON_AddBoolToObject(ch, "assessable", pc->cause == CAUSE_NONE);
		cJSON_AddStringToObject(ch, "cause", check_cause_id(pc->cause));
		cJSON_AddStringToObject(ch, "why", pc->why);
		cJSON_AddItemToArray(checks, ch);
		blocked += pc->cause != CAUSE_NONE;
	}
	cJSON_AddNumberToObject(o, "not_assessable", (double)blocked);
	return cli_print_json(c, o);
}

static void line(struct cli *c, const char *label, const char *value)
{
	fprintf(c->out, "%-22s ", label);
	cli_put(c->out, value && *value ? value : "none");
	fputc('\n', c->out);
}

static void print_text(struct cli *c, const struct preflight *pf)
{
	size_t i, readable = 0, blocked = 0;
	struct buf b = BUF_INIT(1 << 20);

	line(c, "identity", pf->identity);
	line(c, "tenant", pf->tenant);
	line(c, "ARM token", pf->arm_ok ? "yes" : pf->arm_error);
	line(c, "root management group", pf->root_status == 200 ? pf->root_roles
				   : pf->root_status ? "cannot be read" : "not looked up");
	for (i = 0; i < pf->nsubs; i++)
		readable += pf->subs[i].roles && *pf->subs[i].roles;
	fprintf(c->out, "%-22s %zu, %zu with a role at or above them\n", "subscriptions", pf->nsubs, readable);
	for (i = 0; i < pf->nsubs; i++) {
		fputs("  ", c->out);
		cli_put(c->out, pf->subs[i].id);
		fputs("  ", c->out);
		cli_put(c->out, pf->subs[i].roles && *pf->subs[i].roles ? pf->subs[i].roles : "no role");
		fputc('\n', c->out);
	}
	line(c, "Graph token", pf->graph_ok ? (pf->delegated ? "yes (a user's)" : "yes (application)")
					    : pf->graph_error);
	for (i = 0; i < pf->ngraph_perms; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", pf->graph_perms[i]);
	line(c, pf->delegated ? "Graph scopes" : "Graph permissions", b.data);
	buf_reset(&b);
	for (i = 0; i < pf->nplans; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", pf->plans[i]);
	line(c, "licences", pf->plans_status == 200 ? b.data : "cannot be read (subscribedSkus)");
	buf_release(&b);
	for (i = 0; i < pf->nchecks; i++)
		blocked += pf->checks[i].cause != CAUSE_NONE;
	fprintf(c->out, "\n%zu of %zu checks will not be assessable%s\n", blocked, pf->nchecks,
		blocked ? ":" : "");
	for (i = 0; i < pf->nchecks; i++) {
		const struct preflight_check *pc = &pf->checks[i];
		if (pc->cause == CAUSE_NONE)
			continue;
		fprintf(c->out, "  %-32s %-11s ", pc->check->id, check_cause_id(pc->cause));
		cli_put(c->out, pc->why);
		fputc('\n', c->out);
	}
}

static int run(struct cli *c, int argc, char **argv)
{
	static cancel_flag cancel;
	struct azure_opts o;
	struct arg_opt opts[AZURE_NOPTS];
	struct azure_session s;
	struct collect_config cfg;
	struct preflight pf;
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	struct assessment a;
	struct args pos;
	const char *tenant = NULL;
	int ret, have_a = 0;
	size_t n;

	memset(&o, 0, sizeof(o));
	memset(&s, 0, sizeof(s));
	memset(&a, 0, sizeof(a));
	n = azure_opts_table(&o, opts);
	ret = cli_parse(c, &cmd_preflight, argc, argv, opts, n, &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos > 1)
		return cli_fail(c, AZ_ERR_USAGE, "'preflight' takes at most one assessment id");
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (pos.npos) {
		struct store *st;
		ret = cli_open_assessment(c, pos.pos[0], &st, &a);
		if (ret)
			return ret;
		have_a = 1;
		tenant = a.tenant_id;
	}
	ret = azure_select(c, &o, cat, &s);
	if (!ret) {
		azure_catch_signals(&cancel);
		ret = azure_sign_in(c, &o, tenant, &cancel, &s);
	}
	if (!ret) {
		memset(&cfg, 0, sizeof(cfg));
		cfg.cloud = &s.cloud;
		cfg.cred = s.cred;
		cfg.concurrency = s.concurrency;
		cfg.timeout_ms = s.timeout_ms;
		cfg.subscriptions = (const char *const *)s.subs;
		cfg.nsubscriptions = s.nsubs;
		cfg.cancel = &cancel;
		if (preflight_run(&cfg, s.checks, s.nchecks, &pf, &em)) {
			ret = cli_fail_em(c, &em);
		} else {
			ret = o.json ? print_json(c, &pf) : (print_text(c, &pf), EXIT_OK);
		}
		preflight_release(&pf);
	}
	azure_session_release(&s);
	if (have_a)
		assessment_release(&a);
	return ret;
}
