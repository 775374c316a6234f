/*
 * "ca_policies": an enabled Conditional Access policy enforces a control
 * for everybody (users "all") or for each listed directory role (users
 * "roles"). A policy qualifies when it is enabled (report-only does not
 * enforce anything), includes all users (or the role), includes all cloud
 * apps (or one of the listed apps), meets the listed conditions and no
 * other narrowing one (risk levels, client app types, authentication flows
 * the check does not ask for), grants one of the accepted controls, and
 * excludes no more principals than allowed.
 *
 * params:
 *   users             "all" (default) or "roles"
 *   roles             users "roles": [{"id": <role template id>, "name": ...}]
 *   apps              app ids accepted besides "All" (Azure management
 *                     "797f4846-ba00-4fd7-ba43-dac1f8f63013")
 *   client_app_types  the policy covers each ("exchangeActiveSync", "other")
 *   transfer_methods  the policy covers this flow ("deviceCodeFlow")
 *   user_risk         the policy covers one of these user risk levels
 *   signin_risk       the policy covers one of these sign-in risk levels
 *   grant             accepted controls: "mfa", "block", "passwordChange",
 *                     ..., and "authenticationStrength" (any strength)
 *   strengths         accepted authentication strength ids (the
 *                     phishing-resistant one is ...0004)
 *   max_excluded      most excluded users + groups + roles (break-glass)
 *   goal              what a qualifying policy does, for the summary
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval_util.h"
#include "jpath.h"
#include "xalloc.h"

struct state {
	const struct cat_check *check;
	int roles_mode;
	const cJSON *roles;
	unsigned char *covered; /* per role */
	size_t nroles;
	char first[160];        /* users "all": a qualifying policy's name */
	struct check_result near; /* policies that qualify but are not enabled */
};

static const char *const users_modes[] = { "all", "roles", NULL };
static const struct eval_pspec spec[] = {
	{ "users", EP_CHOICE, 0, 0, 0, users_modes }, { "roles", EP_ANY, 0, 0, 0, NULL },
	{ "apps", EP_STRS, 0, 0, 0, NULL },           { "client_app_types", EP_STRS, 0, 0, 0, NULL },
	{ "transfer_methods", EP_STR, 0, 0, 0, NULL }, { "user_risk", EP_STRS, 0, 0, 0, NULL },
	{ "signin_risk", EP_STRS, 0, 0, 0, NULL },    { "grant", EP_STRS, 1, 0, 0, NULL },
	{ "strengths", EP_STRS, 0, 0, 0, NULL },      { "max_excluded", EP_INT, 0, 0, 1000, NULL },
	{ "goal", EP_STR, 0, 0, 0, NULL },
};

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	const cJSON *params = eval_check_params(check);
	const cJSON *users = cJSON_GetObjectItemCaseSensitive(params, "users");
	const cJSON *roles = cJSON_GetObjectItemCaseSensitive(params, "roles"), *r;
	struct jpath base, pp, pk;
	int bad = 0;

	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
	jpath_set(&base, path);
	jpath_key(&pp, &base, "evaluator.params");
	if (cJSON_IsString(users) && !strcmp(users->valuestring, "roles")) {
		if (!cJSON_IsArray(roles) || !cJSON_GetArraySize(roles))
			bad = 1;
		cJSON_ArrayForEach(r, roles)
			if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(r, "id")) ||
			    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(r, "name")))
				bad = 1;
		if (bad) {
			jpath_key(&pk, &pp, "roles");
			cat_errors_add(errs, file, pk.s, "users 'roles' needs roles: [{\"id\", \"name\"}]");
		}
	}
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));

	s->check = check;
	s->roles_mode = !strcmp(eval_param_str(check, "users", "all"), "roles");
	s->roles = eval_param(check, "roles");
	s->nroles = (size_t)cJSON_GetArraySize(s->roles);
	s->covered = xcalloc(s->nroles + 1, 1);
	check_result_init(&s->near, check->id);
	return s;
}

static const cJSON *at(const cJSON *d, const char *path)
{
	return doc_get(d, path);
}

static int apps_ok(const struct state *s, const cJSON *d)
{
	const cJSON *inc = at(d, "conditions.applications.includeApplications"), *a;

	if (eval_strs_has(inc, "All"))
		return 1;
	cJSON_ArrayForEach(a, eval_param(s->check, "apps"))
		if (cJSON_IsString(a) && eval_strs_has(inc, a->valuestring))
			return 1;
	return 0;
}

static int conditions_ok(const struct state *s, const cJSON *d)
{
	const cJSON *types = eval_param(s->check, "client_app_types"), *t, *levels;
	const char *flow = eval_param_str(s->check, "transfer_methods", NULL);
	const cJSON *have = at(d, "conditions.clientAppTypes");
	static const char *const risks[][2] = { { "user_risk", "conditions.userRiskLevels" },
						{ "signin_risk", "conditions.signInRiskLevels" } };
	size_t i;

	const cJSON *flows = at(d, "conditions.authenticationFlows.transferMethods");

	/*
	 * A condition the check does not ask for narrows the policy (only risky
	 * sign-ins, only browsers, only the device code flow), so the policy
	 * then does not enforce the control broadly.
	 */
	if (!types && cJSON_GetArraySize(have) && !eval_strs_has(have, "all"))
		return 0;
	cJSON_ArrayForEach(t, types)
		if (!eval_strs_has(have, "all") && !eval_strs_has(have, t->valuestring))
			return 0;
	if (flow && (!cJSON_IsString(flows) || !strstr(flows->valuestring, flow)))
		return 0;
	if (!flow && cJSON_IsString(flows) && *flows->valuestring && strcmp(flows->valuestring, "none"))
		return 0;
	for (i = 0; i < 2; i++) {
		int any = 0;
		levels = eval_param(s->check, risks[i][0]);
		if (!levels) {
			if (cJSON_GetArraySize(at(d, risks[i][1])))
				return 0;
			continue;
		}
		cJSON_ArrayForEach(t, levels)
			if (eval_strs_has(at(d, risks[i][1]), t->valuestring))
				any = 1;
		if (!any)
			return 0;
	}
	return 1;
}

static int grant_ok(const struct state *s, const cJSON *d)
{
	const cJSON *grant = eval_param(s->check, "grant"), *g;
	const cJSON *strengths = eval_param(s->check, "strengths");
	const cJSON *built = at(d, "grantControls.builtInControls");
	const cJSON *strength = at(d, "grantControls.authenticationStrength");

	cJSON_ArrayForEach(g, grant)
		if (cJSON_IsString(g) && strcmp(g->valuestring, "authenticationStrength") &&
		    eval_strs_has(built, g->valuestring))
			return 1;
	if (!cJSON_IsObject(strength))
		return 0;
	if (strengths) {
		const cJSON *id = cJSON_GetObjectItem(strength, "id");
		return cJSON_IsString(id) && eval_strs_has(strengths, id->valuestring);
	}
	return eval_strs_has(grant, "authenticationStrength");
}

static int exclusions_ok(const struct state *s, const cJSON *d)
{
	const cJSON *max = eval_param(s->check, "max_excluded");
	int n;

	if (!cJSON_IsNumber(max))
		return 1;
	n = cJSON_GetArraySize(at(d, "conditions.users.excludeUsers")) +
	    cJSON_GetArraySize(at(d, "conditions.users.excludeGroups")) +
	    cJSON_GetArraySize(at(d, "conditions.users.excludeRoles"));
	return n <= (int)max->valuedouble;
}

/* The policy's effect qualifies, whoever it applies to and whatever its state. */
static int qualifies(const struct state *s, const cJSON *d)
{
	return apps_ok(s, d) && conditions_ok(s, d) && grant_ok(s, d) && exclusions_ok(s, d);
}

static void cover_roles(struct state *s, const cJSON *d)
{
	const cJSON *users = at(d, "conditions.users");
	int all = eval_strs_has(cJSON_GetObjectItem(users, "includeUsers"), "All");
	const cJSON *inc = cJSON_GetObjectItem(users, "includeRoles");
	const cJSON *exc = cJSON_GetObjectItem(users, "excludeRoles");
	size_t i = 0;
	const cJSON *r;

	cJSON_ArrayForEach(r, s->roles) {
		const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(r, "id"));
		if (id && (all || eval_strs_has(inc, id)) && !eval_strs_has(exc, id))
			s->covered[i] = 1;
		i++;
	}
}

static int targets_users(const struct state *s, const cJSON *d)
{
	const cJSON *users = at(d, "conditions.users");

	if (eval_strs_has(cJSON_GetObjectItem(users, "includeUsers"), "All"))
		return 1;
	return s->roles_mode && cJSON_GetArraySize(cJSON_GetObjectItem(users, "includeRoles")) > 0;
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	const cJSON *st = cJSON_GetObjectItem(d, "state");
	int enabled = cJSON_IsString(st) && !strcmp(st->valuestring, "enabled");

	(void)ctx;
	if (!targets_users(s, d) || !qualifies(s, d))
		return;
	if (!enabled) {
		char why[128];
		snprintf(why, sizeof(why), "would qualify but its state is %.40s",
			 cJSON_IsString(st) ? st->valuestring : "unknown");
		eval_offend(&s->near, d, NULL, why);
		return;
	}
	if (s->roles_mode)
		cover_roles(s, d);
	else if (!*s->first)
		snprintf(s->first, sizeof(s->first), "%s", eval_doc_name(d, NULL));
}

static void finish_roles(struct state *s, const char *goal, struct check_result *r)
{
	unsigned long healthy = 0;
	size_t i = 0;
	const cJSON *role;
	char sum[256];

	cJSON_ArrayForEach(role, s->roles) {
		if (s->covered[i]) {
			healthy++;
		} else {
			char why[200];
			snprintf(why, sizeof(why), "no enabled policy %s for this role", goal);
			check_result_add_offender(r, cJSON_GetStringValue(cJSON_GetObjectItem(role, "id")),
						  cJSON_GetStringValue(cJSON_GetObjectItem(role, "name")), why);
		}
		i++;
	}
	eval_verdict(r, healthy, (unsigned long)s->nroles, "privileged roles", "fail");
	r->offending_total = s->nroles - healthy;
	snprintf(sum, sizeof(sum), "%lu of %zu privileged roles are covered by a policy that %s",
		 healthy, s->nroles, goal);
	check_result_set_summary(r, sum);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;
	const char *goal = eval_param_str(check, "goal", "enforces the control");
	char sum[320];
	size_t i;

	if (s->roles_mode) {
		finish_roles(s, goal, r);
		return;
	}
	r->cause = CAUSE_NONE;
	r->total = 1;
	if (*s->first) {
		r->status = CHECK_PASS;
		r->healthy = 1;
		snprintf(sum, sizeof(sum), "enabled policy '%.120s' %s", s->first, goal);
		check_result_set_summary(r, sum);
		return;
	}
	r->status = CHECK_FAIL;
	r->healthy = 0;
	snprintf(sum, sizeof(sum), "no enabled Conditional Access policy %s", goal);
	check_result_set_summary(r, sum);
	for (i = 0; i < s->near.noffenders; i++)
		check_result_add_offender(r, s->near.offenders[i].id, s->near.offenders[i].name,
					  s->near.offenders[i].detail);
	r->offending_total = s->near.noffenders;
}

static void release(void *state)
{
	struct state *s = state;

	free(s->covered);
	check_result_release(&s->near);
	free(s);
}

const struct evaluator eval_ca_policies = { "ca_policies", validate, begin, doc, finish, release };
