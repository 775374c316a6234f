/*
 * The Entra evaluators: ca_policies, ca_exclusions and pim_standing, on
 * Microsoft's Conditional Access example and on crafted policies.
 */
#include <cjson/cJSON.h>
#include <stdio.h>

#include "t.h"
#include "check_fixture.h"
#include "eval.h"

#define GA "62e90394-69f5-4237-9190-012177145e10"
#define PRA "e8611ab8-c189-46e8-94e1-60213ab1f814"

/* A policy: state, includeUsers, includeRoles, excludeUsers, grant, and extra condition JSON. */
static void policy(char *out, size_t n, const char *id, const char *state, const char *users,
		   const char *roles, const char *exclude, const char *grant, const char *extra)
{
	snprintf(out, n,
		 "{\"id\": \"%s\", \"displayName\": \"%s\", \"state\": \"%s\", \"conditions\": {"
		 "\"users\": {\"includeUsers\": [%s], \"includeRoles\": [%s], \"excludeUsers\": [%s],"
		 " \"excludeGroups\": [], \"excludeRoles\": []},"
		 "\"applications\": {\"includeApplications\": [\"All\"]}, \"clientAppTypes\": [\"all\"]%s%s},"
		 "\"grantControls\": {\"operator\": \"OR\", \"builtInControls\": [%s]}}",
		 id, id, state, users, roles, exclude, *extra ? ", " : "", extra, grant);
}

static void run1(struct cat_check *c, const char *doc, struct check_result *r)
{
	char docs[4096];

	snprintf(docs, sizeof(docs), "[%s]", doc);
	fixture_run(c, docs, r);
}

/* Microsoft's example policies are disabled and target nobody: no MFA for all users. */
static void test_ca_example(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *root;
	const cJSON *page = fixture_example("graph_conditionalaccess_policies_list.json", &root);

	fixture_check(&c, "mfa", "ca_policies", "{\"grant\": [\"mfa\", \"authenticationStrength\"], \"goal\": \"requires MFA\"}");
	check_result_init(&r, c.id);
	eval_run_array(&c, cJSON_GetObjectItem(page, "value"), &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_EQ_STR(r.summary, "no enabled Conditional Access policy requires MFA");
	T_EQ_INT(r.noffenders, 0);
	check_result_release(&r);
	fixture_check_release(&c);
	cJSON_Delete(root);
}

static void test_ca_all_users(void)
{
	struct cat_check c;
	struct check_result r;
	char p[1024];

	fixture_check(&c, "mfa", "ca_policies", "{\"grant\": [\"mfa\"], \"max_excluded\": 2, \"goal\": \"requires MFA\"}");
	policy(p, sizeof(p), "p1", "enabled", "\"All\"", "", "\"bg1\", \"bg2\"", "\"mfa\"", "");
	run1(&c, p, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	T_CONTAINS(r.summary, "'p1'");
	check_result_release(&r);
	/* Report-only: listed as the near miss. */
	policy(p, sizeof(p), "p2", "enabledForReportingButNotEnforced", "\"All\"", "", "", "\"mfa\"", "");
	run1(&c, p, &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_REQUIRE(r.noffenders == 1);
	T_CONTAINS(r.offenders[0].detail, "enabledForReportingButNotEnforced");
	check_result_release(&r);
	/* Too many exclusions. */
	policy(p, sizeof(p), "p3", "enabled", "\"All\"", "", "\"a\", \"b\", \"c\"", "\"mfa\"", "");
	run1(&c, p, &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	check_result_release(&r);
	/* Narrowed to risky sign-ins: not MFA for everybody. */
	policy(p, sizeof(p), "p4", "enabled", "\"All\"", "", "", "\"mfa\"", "\"signInRiskLevels\": [\"high\"]");
	run1(&c, p, &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	check_result_release(&r);
	fixture_check_release(&c);

	/* Legacy authentication: both client types, and a block. */
	fixture_check(&c, "legacy", "ca_policies",
		      "{\"grant\": [\"block\"], \"client_app_types\": [\"exchangeActiveSync\", \"other\"]}");
	snprintf(p, sizeof(p), "{\"id\": \"l\", \"state\": \"enabled\", \"conditions\": {\"users\": {\"includeUsers\": [\"All\"]},"
		 " \"applications\": {\"includeApplications\": [\"All\"]}, \"clientAppTypes\": [\"exchangeActiveSync\", \"other\"]},"
		 " \"grantControls\": {\"builtInControls\": [\"block\"]}}");
	run1(&c, p, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	check_result_release(&r);
	snprintf(p, sizeof(p), "{\"id\": \"l\", \"state\": \"enabled\", \"conditions\": {\"users\": {\"includeUsers\": [\"All\"]},"
		 " \"applications\": {\"includeApplications\": [\"All\"]}, \"clientAppTypes\": [\"other\"]},"
		 " \"grantControls\": {\"builtInControls\": [\"block\"]}}");
	run1(&c, p, &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	check_result_release(&r);
	fixture_check_release(&c);

	/* Device code flow and the Azure management app. */
	fixture_check(&c, "dcf", "ca_policies", "{\"grant\": [\"block\"], \"transfer_methods\": \"deviceCodeFlow\"}");
	policy(p, sizeof(p), "d", "enabled", "\"All\"", "", "", "\"block\"",
	       "\"authenticationFlows\": {\"transferMethods\": \"deviceCodeFlow,authenticationTransfer\"}");
	run1(&c, p, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	check_result_release(&r);
	fixture_check_release(&c);
	fixture_check(&c, "mgmt", "ca_policies", "{\"grant\": [\"mfa\"], \"apps\": [\"797f4846-ba00-4fd7-ba43-dac1f8f63013\"]}");
	snprintf(p, sizeof(p), "{\"id\": \"m\", \"state\": \"enabled\", \"conditions\": {\"users\": {\"includeUsers\": [\"All\"]},"
		 " \"applications\": {\"includeApplications\": [\"797f4846-ba00-4fd7-ba43-dac1f8f63013\"]}},"
		 " \"grantControls\": {\"builtInControls\": [\"mfa\"]}}");
	run1(&c, p, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_ca_roles_and_strength(void)
{
	struct cat_check c;
	struct check_result r;
	char p1[1024], p2[1024], docs[2400];

	fixture_check(&c, "admins", "ca_policies",
		      "{\"users\": \"roles\", \"roles\": [{\"id\": \"" GA "\", \"name\": \"Global Administrator\"},"
		      " {\"id\": \"" PRA "\", \"name\": \"Privileged Role Administrator\"}],"
		      " \"grant\": [\"authenticationStrength\"], \"strengths\": [\"00000000-0000-0000-0000-000000000004\"],"
		      " \"goal\": \"requires phishing-resistant MFA\"}");
	snprintf(p1, sizeof(p1), "{\"id\": \"s\", \"state\": \"enabled\", \"conditions\": {\"users\": {\"includeRoles\": [\"" GA "\"]},"
		 " \"applications\": {\"includeApplications\": [\"All\"]}},"
		 " \"grantControls\": {\"authenticationStrength\": {\"id\": \"00000000-0000-0000-0000-000000000004\"}}}");
	snprintf(p2, sizeof(p2), "{\"id\": \"t\", \"state\": \"enabled\", \"conditions\": {\"users\": {\"includeRoles\": [\"" PRA "\"]},"
		 " \"applications\": {\"includeApplications\": [\"All\"]}},"
		 " \"grantControls\": {\"authenticationStrength\": {\"id\": \"00000000-0000-0000-0000-000000000002\"}}}");
	snprintf(docs, sizeof(docs), "[%s, %s]", p1, p2);
	fixture_run(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_EQ_INT(r.healthy, 1);
	T_EQ_INT(r.total, 2);
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, PRA);
	T_EQ_STR(r.offenders[0].name, "Privileged Role Administrator");
	T_CONTAINS(r.summary, "1 of 2 privileged roles");
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_ca_exclusions(void)
{
	struct cat_check c;
	struct check_result r;
	char a[1024], b[1024], d[1024], docs[3200];

	fixture_check(&c, "bg", "ca_exclusions", "{\"min\": 2}");
	policy(a, sizeof(a), "a", "enabled", "\"All\"", "", "\"BG1\", \"bg2\"", "\"mfa\"", "");
	policy(b, sizeof(b), "b", "enabled", "\"All\"", "", "\"bg1\", \"bg2\", \"x\"", "\"block\"", "");
	policy(d, sizeof(d), "d", "disabled", "\"All\"", "", "", "\"block\"", "");
	snprintf(docs, sizeof(docs), "[%s, %s, %s]", a, b, d);
	fixture_run(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	T_EQ_INT(r.healthy, 2);
	check_result_release(&r);
	policy(b, sizeof(b), "b", "enabled", "\"All\"", "", "\"bg1\"", "\"block\"", "");
	policy(d, sizeof(d), "d", "enabled", "\"All\"", "", "\"x\"", "\"block\"", "");
	snprintf(docs, sizeof(docs), "[%s, %s, %s]", a, b, d);
	fixture_run(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, "d");
	check_result_release(&r);
	fixture_run(&c, "[]", &r);
	T_EQ_STR(check_cause_id(r.cause), "nothing-in-scope");
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_pim_graph_shape(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check_src(&c, "pim", "pim_standing", "{\"roles\": [\"" GA "\", \"" PRA "\"], \"allow\": 1, \"name\": \"principalId\"}",
			  FIXTURE_TWO_PARTS);
	fixture_run(&c, "["
		    "{\"part\": 0, \"doc\": {\"id\": \"e1\", \"roleDefinitionId\": \"" GA "\", \"principalId\": \"u1\"}},"
		    "{\"part\": 0, \"doc\": {\"id\": \"e2\", \"roleDefinitionId\": \"other\", \"principalId\": \"u2\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"a1\", \"roleDefinitionId\": \"" GA "\", \"assignmentType\": \"Assigned\", \"principalId\": \"bg\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"a2\", \"roleDefinitionId\": \"" PRA "\", \"assignmentType\": \"Assigned\", \"principalId\": \"u3\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"a3\", \"roleDefinitionId\": \"" PRA "\", \"assignmentType\": \"Assigned\","
		    "  \"endDateTime\": \"2030-01-01T00:00:00Z\", \"principalId\": \"u4\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"a4\", \"roleDefinitionId\": \"" GA "\", \"assignmentType\": \"Activated\", \"principalId\": \"u1\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"a1\", \"roleDefinitionId\": \"" GA "\", \"assignmentType\": \"Assigned\", \"principalId\": \"bg\"}}]",
		    &r);
	/* e1 eligible, a3 time-bound: 2 healthy; a1 and a2 standing, one tolerated. */
	T_EQ_STR(check_status_id(r.status), "partial");
	T_EQ_INT(r.total, 4);
	T_EQ_INT(r.healthy, 3);
	T_EQ_INT(r.offending_total, 2);
	T_REQUIRE(r.noffenders == 2);
	T_EQ_STR(r.offenders[1].name, "u3");
	check_result_release(&r);
	fixture_run(&c, "[{\"part\": 1, \"doc\": {\"id\": \"a1\", \"roleDefinitionId\": \"" GA "\", \"assignmentType\": \"Assigned\"}}]", &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	T_EQ_INT(r.noffenders, 0);
	check_result_release(&r);
	fixture_run(&c, "[]", &r);
	T_EQ_STR(check_cause_id(r.cause), "nothing-in-scope");
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_pim_arm_shape(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check_src(&c, "pim", "pim_standing",
			  "{\"roles\": [\"8e3af657-a8ff-443c-a75c-2fe8c4bcb635\"], \"role_path\": \"properties.roleDefinitionId\","
			  " \"type_path\": \"properties.assignmentType\", \"end_path\": \"properties.endDateTime\","
			  " \"principal_type_path\": \"properties.principalType\", \"principal_types\": [\"User\", \"Group\"]}",
			  FIXTURE_TWO_PARTS);
	fixture_run(&c, "["
		    "{\"part\": 1, \"doc\": {\"id\": \"x1\", \"properties\": {\"roleDefinitionId\": \"/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635\","
		    "  \"assignmentType\": \"Assigned\", \"principalType\": \"User\", \"endDateTime\": null}}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"x2\", \"properties\": {\"roleDefinitionId\": \"/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635\","
		    "  \"assignmentType\": \"Assigned\", \"principalType\": \"ServicePrincipal\"}}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"x3\", \"properties\": {\"roleDefinitionId\": \"/x/roleDefinitions/18e3af657-a8ff-443c-a75c-2fe8c4bcb635\","
		    "  \"assignmentType\": \"Assigned\", \"principalType\": \"User\"}}}]", &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_EQ_INT(r.total, 1);
	check_result_release(&r);
	fixture_check_release(&c);
}

int main(void)
{
	T_RUN(test_ca_example);
	T_RUN(test_ca_all_users);
	T_RUN(test_ca_roles_and_strength);
	T_RUN(test_ca_exclusions);
	T_RUN(test_pim_graph_shape);
	T_RUN(test_pim_arm_shape);
	return t_done();
}
