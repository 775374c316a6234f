/*
 * The join evaluators: coverage, diag_settings and holders, on Microsoft's
 * example responses and on crafted documents.
 */
#include <cjson/cJSON.h>

#include "t.h"
#include "check_fixture.h"
#include "eval.h"

#define SUB_A "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23"
#define SUB_B "/subscriptions/11111111-2222-3333-4444-555555555555"
#define SUBS_JSON \
	"{\"part\": 0, \"doc\": {\"id\": \"" SUB_A "\", \"name\": \"prod\", \"type\": \"microsoft.resources/subscriptions\"}}," \
	"{\"part\": 0, \"doc\": {\"id\": \"" SUB_B "\", \"name\": \"dev\", \"type\": \"microsoft.resources/subscriptions\"}}"

/* Wrap every document of an example page as part 1, after the subscriptions. */
static cJSON *with_subscriptions(const char *example)
{
	cJSON *docs = cJSON_Parse("[" SUBS_JSON "]");

	fixture_append_example(docs, example, 1);
	return docs;
}

static void run_docs(const struct cat_check *c, cJSON *docs, struct check_result *r)
{
	check_result_init(r, c->id);
	eval_run_array(c, docs, r);
	cJSON_Delete(docs);
}

/* Microsoft's security contact example covers its subscription; the other has none. */
static void test_coverage_security_contacts_example(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check_src(&c, "contacts", "coverage",
			  "{\"target\": \"subscription\", \"attach\": \"subscription\","
			  " \"require\": [{\"path\": \"properties.emails\", \"op\": \"len_ge\", \"value\": 3}],"
			  " \"missing\": \"no contact\", \"noun\": \"subscriptions\"}",
			  FIXTURE_TWO_PARTS);
	run_docs(&c, with_subscriptions("arm_security_contacts_list.json"), &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_EQ_INT(r.healthy, 1);
	T_EQ_INT(r.total, 2);
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, SUB_B);
	T_EQ_STR(r.offenders[0].name, "dev");
	T_EQ_STR(r.offenders[0].detail, "no contact");
	check_result_release(&r);
	fixture_check_release(&c);
}

/* Budgets: ids without a leading slash; the resource group budget is left out by "where". */
static void test_coverage_budgets_example(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *docs;

	fixture_check_src(&c, "budgets", "coverage",
			  "{\"target\": \"subscription\", \"attach\": \"subscription\","
			  " \"where\": [{\"path\": \"id\", \"op\": \"not_contains\", \"value\": \"/resourceGroups/\"}],"
			  " \"require\": [{\"path\": \"properties.notifications\", \"op\": \"len_ge\", \"value\": 1}]}",
			  FIXTURE_TWO_PARTS);
	docs = with_subscriptions("arm_consumption_budgets_list.json");
	cJSON_AddItemToArray(docs, cJSON_Parse("{\"part\": 0, \"doc\": {\"id\": \"/subscriptions/00000000-0000-0000-0000-000000000000\","
					       " \"type\": \"microsoft.resources/subscriptions\", \"name\": \"zero\"}}"));
	/* The budget documents come before the zero subscription here: part order is what counts. */
	run_docs(&c, docs, &r);
	T_EQ_INT(r.total, 3);
	T_EQ_INT(r.healthy, 0); /* targets added after their documents miss them */
	check_result_release(&r);

	docs = cJSON_Parse("[{\"part\": 0, \"doc\": {\"id\": \"/subscriptions/00000000-0000-0000-0000-000000000000\","
			   " \"type\": \"microsoft.resources/subscriptions\", \"name\": \"zero\"}}]");
	fixture_append_example(docs, "arm_consumption_budgets_list.json", 1);
	run_docs(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	T_EQ_INT(r.healthy, 1);
	check_result_release(&r);
	fixture_check_release(&c);
}

/* Defender plans per subscription from Microsoft's pricing example (VirtualMachines is Standard). */
static void test_coverage_pricings_example(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check_src(&c, "plans", "coverage",
			  "{\"target\": \"subscription\", \"attach\": \"subscription\","
			  " \"where\": [{\"path\": \"name\", \"op\": \"eq\", \"value\": \"VirtualMachines\"}],"
			  " \"require\": [{\"path\": \"properties.pricingTier\", \"op\": \"eq\", \"value\": \"Standard\"}]}",
			  FIXTURE_TWO_PARTS);
	run_docs(&c, with_subscriptions("arm_defender_pricings_list.json"), &r);
	T_EQ_INT(r.total, 2);
	T_EQ_INT(r.healthy, 1);
	T_ASSERT(fixture_offends(&r, SUB_B));
	check_result_release(&r);
	fixture_check_release(&c);

	/* The settings example: WDATP is off, so the subscription fails with the reason. */
	fixture_check_src(&c, "mde", "coverage",
			  "{\"target\": \"subscription\", \"attach\": \"subscription\","
			  " \"where\": [{\"path\": \"name\", \"op\": \"eq\", \"value\": \"WDATP\"}],"
			  " \"require\": [{\"path\": \"properties.enabled\", \"op\": \"true\"}]}",
			  FIXTURE_TWO_PARTS);
	run_docs(&c, with_subscriptions("arm_defender_settings_list.json"), &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_ASSERT(fixture_offends(&r, SUB_A));
	T_REQUIRE(r.noffenders == 2);
	T_CONTAINS(r.offenders[0].detail, "properties.enabled is false");
	check_result_release(&r);
	fixture_check_release(&c);
}

/* Secure scores attach to their subscription; min and max count healthy documents. */
static void test_coverage_counts(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check_src(&c, "owners", "coverage",
			  "{\"target\": \"subscription\", \"attach\": \"subscription\", \"min\": 1, \"max\": 2,"
			  " \"where\": [{\"path\": \"role\", \"op\": \"eq\", \"value\": \"Owner\"}]}",
			  FIXTURE_TWO_PARTS);
	fixture_run(&c, "[" SUBS_JSON ","
		    "{\"part\": 1, \"doc\": {\"id\": \"" SUB_A "/providers/Microsoft.Authorization/roleAssignments/1\", \"role\": \"Owner\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"" SUB_A "/providers/Microsoft.Authorization/roleAssignments/2\", \"role\": \"Owner\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"" SUB_A "/providers/Microsoft.Authorization/roleAssignments/3\", \"role\": \"Owner\"}},"
		    "{\"part\": 1, \"doc\": {\"subscriptionId\": \"11111111-2222-3333-4444-555555555555\", \"role\": \"Owner\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"" SUB_B "/x\", \"role\": \"Reader\"}}]", &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, SUB_A);
	T_CONTAINS(r.offenders[0].detail, "3 found; at most 2");
	check_result_release(&r);
	fixture_check_release(&c);
}

/* Ancestor matching: a lock or an assignment above the target covers it. */
static void test_coverage_ancestors(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check_src(&c, "locks", "coverage",
			  "{\"attach\": \"parent\", \"match\": \"ancestor\","
			  " \"where\": [{\"path\": \"properties.level\", \"op\": \"in\", \"values\": [\"CanNotDelete\", \"ReadOnly\"]}]}",
			  FIXTURE_TWO_PARTS);
	fixture_run(&c, "["
		    "{\"part\": 0, \"doc\": {\"id\": \"" SUB_A "/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv1\"}},"
		    "{\"part\": 0, \"doc\": {\"id\": \"" SUB_A "/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv2\"}},"
		    "{\"part\": 0, \"doc\": {\"id\": \"" SUB_B "/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv3\"}},"
		    "{\"part\": 0, \"doc\": {\"id\": \"" SUB_B "/resourceGroups/x/providers/Microsoft.KeyVault/vaults/kv4\"}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"" SUB_A "/resourceGroups/SEC/providers/Microsoft.Authorization/locks/l1\", \"properties\": {\"level\": \"CanNotDelete\"}}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"" SUB_B "/providers/Microsoft.Authorization/locks/l2\", \"properties\": {\"level\": \"ReadOnly\"}}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"" SUB_A "/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv2/providers/Microsoft.Authorization/locks/l3\", \"properties\": {\"level\": \"NotSpecified\"}}}]",
		    &r);
	T_EQ_INT(r.total, 4);
	T_EQ_INT(r.healthy, 3);
	T_ASSERT(fixture_offends(&r, SUB_A "/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv2"));
	check_result_release(&r);
	fixture_check_release(&c);

	/* Management groups above a subscription come from its ancestor chain. */
	fixture_check_src(&c, "sr", "coverage",
			  "{\"target\": \"subscription\", \"attach\": \"properties.scope\", \"match\": \"ancestor\"}",
			  FIXTURE_TWO_PARTS);
	fixture_run(&c, "["
		    "{\"part\": 0, \"doc\": {\"id\": \"" SUB_A "\", \"type\": \"microsoft.resources/subscriptions\","
		    "  \"properties\": {\"managementGroupAncestorsChain\": [{\"name\": \"prod\"}, {\"name\": \"root\"}]}}},"
		    "{\"part\": 0, \"doc\": {\"id\": \"" SUB_B "\", \"type\": \"microsoft.resources/subscriptions\","
		    "  \"properties\": {\"managementGroupAncestorsChain\": [{\"name\": \"dev\"}, {\"name\": \"root\"}]}}},"
		    "{\"part\": 1, \"doc\": {\"properties\": {\"scope\": \"/providers/Microsoft.Management/managementGroups/PROD\"}}}]",
		    &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_ASSERT(fixture_offends(&r, SUB_B));
	check_result_release(&r);
	fixture_run(&c, "[{\"part\": 0, \"doc\": {\"id\": \"" SUB_B "\"}}, {\"part\": 1, \"doc\": {\"properties\": {\"scope\": \"/\"}}}]", &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	check_result_release(&r);
	fixture_run(&c, "[{\"part\": 1, \"doc\": {\"properties\": {\"scope\": \"/\"}}}]", &r);
	T_EQ_STR(check_status_id(r.status), "not-assessable");
	T_EQ_STR(check_cause_id(r.cause), "nothing-in-scope");
	check_result_release(&r);
	fixture_check_release(&c);
}

/* Target keyed by a path: Sentinel solutions name their workspace. */
static void test_coverage_target_path(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *root, *docs = cJSON_Parse("[]");
	const cJSON *page = fixture_example("arm_loganalytics_workspaces_list.json", &root), *d;

	cJSON_ArrayForEach(d, cJSON_GetObjectItem(page, "value")) {
		cJSON *sol = cJSON_CreateObject(), *w0 = cJSON_CreateObject(), *w1 = cJSON_CreateObject(), *p;
		p = cJSON_AddObjectToObject(sol, "properties");
		cJSON_AddStringToObject(p, "workspaceResourceId", cJSON_GetObjectItem(d, "id")->valuestring);
		cJSON_AddNumberToObject(w0, "part", 0);
		cJSON_AddItemToObject(w0, "doc", sol);
		cJSON_AddItemToArray(docs, w0);
		cJSON_AddNumberToObject(w1, "part", 1);
		cJSON_AddItemToObject(w1, "doc", cJSON_Duplicate(d, 1));
		cJSON_AddItemToArray(docs, w1);
	}
	fixture_check_src(&c, "ret", "coverage",
			  "{\"target\": \"properties.workspaceResourceId\", \"attach\": \"id\","
			  " \"require\": [{\"path\": \"properties.retentionInDays\", \"op\": \"ge\", \"value\": 90}]}",
			  FIXTURE_TWO_PARTS);
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_ASSERT(r.total >= 1);
	T_EQ_INT(r.healthy, 0); /* Microsoft's example workspaces keep 30 days */
	T_REQUIRE(r.noffenders > 0);
	T_CONTAINS(r.offenders[0].detail, "retentionInDays is 30");
	check_result_release(&r);
	fixture_check_release(&c);
	cJSON_Delete(docs);
	cJSON_Delete(root);
}

/* Microsoft's subscription diagnostic setting sends allLogs: every category counts as sent. */
static void test_diag_settings_example(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *docs;

	fixture_check_src(&c, "activity", "diag_settings",
			  "{\"categories\": [\"Administrative\", \"Security\", \"Policy\", \"Alert\"], \"target\": \"subscription\"}",
			  FIXTURE_TWO_PARTS);
	docs = cJSON_Parse("[{\"part\": 0, \"doc\": {\"id\": \"/subscriptions/fb9f25f9-5785-4510-a38f-a62f188eb9f8\","
			   " \"type\": \"microsoft.resources/subscriptions\"}}, " "{\"part\": 0, \"doc\": {\"id\": \"" SUB_B "\"}}]");
	fixture_append_example(docs, "arm_subscription_diagnosticsettings_list.json", 1);
	run_docs(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, SUB_B);
	T_EQ_STR(r.offenders[0].detail, "no diagnostic setting");
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_diag_settings_categories(void)
{
	struct cat_check c;
	struct check_result r;
	const char *aks = SUB_A "/resourceGroups/k/providers/Microsoft.ContainerService/managedClusters/";

	fixture_check_src(&c, "aks", "diag_settings",
			  "{\"categories\": [[\"kube-audit\", \"kube-audit-admin\"], \"guard\"], \"groups\": [\"allLogs\", \"audit\"]}",
			  FIXTURE_TWO_PARTS);
	{
		char docs[4096];
		snprintf(docs, sizeof(docs), "["
			 "{\"part\": 0, \"doc\": {\"id\": \"%sa\"}}, {\"part\": 0, \"doc\": {\"id\": \"%sb\"}},"
			 "{\"part\": 0, \"doc\": {\"id\": \"%sc\"}}, {\"part\": 0, \"doc\": {\"id\": \"%sd\"}},"
			 "{\"part\": 1, \"doc\": {\"id\": \"%sa/providers/microsoft.insights/diagnosticSettings/x\","
			 "  \"properties\": {\"workspaceId\": \"w\", \"logs\": [{\"category\": \"kube-audit-admin\", \"enabled\": true},"
			 "  {\"category\": \"guard\", \"enabled\": true}]}}},"
			 "{\"part\": 1, \"doc\": {\"id\": \"%sb/providers/microsoft.insights/diagnosticSettings/x\","
			 "  \"properties\": {\"workspaceId\": \"w\", \"logs\": [{\"categoryGroup\": \"audit\", \"enabled\": true}]}}},"
			 "{\"part\": 1, \"doc\": {\"id\": \"%sc/providers/microsoft.insights/diagnosticSettings/x\","
			 "  \"properties\": {\"workspaceId\": \"w\", \"logs\": [{\"category\": \"kube-audit\", \"enabled\": true},"
			 "  {\"category\": \"guard\", \"enabled\": false}]}}},"
			 "{\"part\": 1, \"doc\": {\"id\": \"%sd/providers/microsoft.insights/diagnosticSettings/x\","
			 "  \"properties\": {\"logs\": [{\"categoryGroup\": \"allLogs\", \"enabled\": true}]}}}]",
			 aks, aks, aks, aks, aks, aks, aks, aks);
		fixture_run(&c, docs, &r);
	}
	T_EQ_INT(r.total, 4);
	T_EQ_INT(r.healthy, 2);
	T_REQUIRE(r.noffenders == 2);
	T_CONTAINS(r.offenders[0].detail, "guard");
	T_CONTAINS(r.offenders[1].detail, "no destination");
	check_result_release(&r);
	fixture_check_release(&c);

	/* One part: the tenant's Entra ID settings; one good setting passes. */
	fixture_check(&c, "entra", "diag_settings", "{\"categories\": [\"AuditLogs\", \"SignInLogs\"]}");
	fixture_run(&c, "[{\"properties\": {\"workspaceId\": \"w\", \"logs\": [{\"category\": \"AuditLogs\", \"enabled\": true}]}}]", &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_CONTAINS(r.summary, "SignInLogs");
	check_result_release(&r);
	fixture_run(&c, "[{\"properties\": {\"eventHubAuthorizationRuleId\": \"e\", \"logs\": [{\"category\": \"AuditLogs\", \"enabled\": true},"
		    " {\"category\": \"SignInLogs\", \"enabled\": true}]}}]", &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	check_result_release(&r);
	fixture_run(&c, "[]", &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_EQ_STR(r.summary, "no diagnostic setting exists");
	check_result_release(&r);
	fixture_check_release(&c);
}

/* Microsoft's role assignment example joined with users: the holder is a guest. */
static void test_holders_example(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *root, *docs = cJSON_Parse("[]"), *w;
	const cJSON *page = fixture_example("arm_roleassignments_list_for_scope.json", &root), *d;
	char principal[64] = "";

	cJSON_ArrayForEach(d, cJSON_GetObjectItem(page, "value")) {
		w = cJSON_CreateObject();
		cJSON_AddNumberToObject(w, "part", 0);
		cJSON_AddItemToObject(w, "doc", cJSON_Duplicate(d, 1));
		cJSON_AddItemToArray(docs, w);
		snprintf(principal, sizeof(principal), "%s",
			 cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(d, "properties"), "principalId")));
	}
	T_REQUIRE(*principal);
	w = cJSON_CreateObject();
	cJSON_AddNumberToObject(w, "part", 1);
	cJSON_AddItemToObject(w, "doc", cJSON_CreateObject());
	cJSON_AddStringToObject(cJSON_GetObjectItem(w, "doc"), "id", principal);
	cJSON_AddStringToObject(cJSON_GetObjectItem(w, "doc"), "userType", "Guest");
	cJSON_AddItemToArray(docs, w);
	cJSON_AddItemToArray(docs, cJSON_Parse("{\"part\": 1, \"doc\": {\"id\": \"someone-else\", \"userType\": \"Guest\"}}"));
	cJSON_Delete(root);
	fixture_check_src(&c, "guests", "holders",
			  "{\"require\": [{\"path\": \"userType\", \"op\": \"ne\", \"value\": \"Guest\"}], \"detail\": \"guest\"}",
			  FIXTURE_TWO_PARTS);
	run_docs(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_EQ_INT(r.total, 1);
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, principal);
	T_EQ_STR(r.offenders[0].detail, "guest");
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_holders_absent(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check_src(&c, "mi", "holders",
			  "{\"grant_where\": [{\"path\": \"properties.scope\", \"op\": \"not_contains\", \"value\": \"/resourceGroups/\"}],"
			  " \"key\": \"identity.principalId\", \"mode\": \"absent\","
			  " \"where\": [{\"path\": \"identity.principalId\", \"op\": \"exists\"}]}",
			  FIXTURE_TWO_PARTS);
	fixture_run(&c, "["
		    "{\"part\": 0, \"doc\": {\"properties\": {\"principalId\": \"P1\", \"scope\": \"/subscriptions/s\"}}},"
		    "{\"part\": 0, \"doc\": {\"properties\": {\"principalId\": \"p2\", \"scope\": \"/subscriptions/s/resourceGroups/r\"}}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"vm1\", \"identity\": {\"principalId\": \"p1\"}}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"vm2\", \"identity\": {\"principalId\": \"p2\"}}},"
		    "{\"part\": 1, \"doc\": {\"id\": \"vm3\"}}]", &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_EQ_INT(r.total, 2);
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, "vm1");
	check_result_release(&r);
	fixture_check_release(&c);
}

int main(void)
{
	T_RUN(test_coverage_security_contacts_example);
	T_RUN(test_coverage_budgets_example);
	T_RUN(test_coverage_pricings_example);
	T_RUN(test_coverage_counts);
	T_RUN(test_coverage_ancestors);
	T_RUN(test_coverage_target_path);
	T_RUN(test_diag_settings_example);
	T_RUN(test_diag_settings_categories);
	T_RUN(test_holders_example);
	T_RUN(test_holders_absent);
	return t_done();
}
