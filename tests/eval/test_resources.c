/*
 * Evaluators of resource settings: nsg_open_ports, tags, activity_alerts,
 * subnets; the new condition operators; and the join helpers (ids, the
 * string map).
 */
#include <cjson/cJSON.h>
#include <stdio.h>

#include "t.h"
#include "check_fixture.h"
#include "cond.h"
#include "eval.h"
#include "compat.h"
#include "eval_util.h"
#include "strmap.h"
#include "timeutil.h"

/* Microsoft's NSG example allows port 80 from "*": open to the Internet on 80, not on 22/3389. */
static void test_nsg_example(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *root, *docs = cJSON_CreateArray();
	const cJSON *body = fixture_example("arm_nsg_create_with_rule.json", &root);

	cJSON_AddItemToArray(docs, cJSON_Duplicate(body, 1));
	fixture_check(&c, "mgmt", "nsg_open_ports", "{\"ports\": [22, 3389]}");
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	check_result_release(&r);
	fixture_check_release(&c);
	fixture_check(&c, "web", "nsg_open_ports", "{\"ports\": [80]}");
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].detail, "rule 'rule1' allows port 80 from *");
	T_EQ_STR(r.offenders[0].name, "testnsg");
	check_result_release(&r);
	fixture_check_release(&c);
	/* The default rules (AllowVnetInBound from VirtualNetwork, all ports) are never read. */
	fixture_check(&c, "all", "nsg_open_ports", "{\"all_ports\": true}");
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	check_result_release(&r);
	fixture_check_release(&c);
	cJSON_Delete(docs);
	cJSON_Delete(root);
}

static void test_nsg_forms(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check(&c, "mgmt", "nsg_open_ports", "{\"ports\": [22, 3389], \"protocols\": [\"Tcp\", \"*\"]}");
	fixture_run(&c, "["
		    "{\"id\": \"a\", \"properties\": {\"securityRules\": [{\"name\": \"r\", \"properties\": {\"direction\": \"Inbound\","
		    "  \"access\": \"Allow\", \"protocol\": \"TCP\", \"sourceAddressPrefixes\": [\"10.0.0.0/8\", \"0.0.0.0/0\"],"
		    "  \"destinationPortRanges\": [\"80\", \"3000-4000\"]}}]}},"
		    "{\"id\": \"b\", \"properties\": {\"securityRules\": [{\"name\": \"r\", \"properties\": {\"direction\": \"Inbound\","
		    "  \"access\": \"Allow\", \"protocol\": \"Udp\", \"sourceAddressPrefix\": \"*\", \"destinationPortRange\": \"22\"}}]}},"
		    "{\"id\": \"c\", \"properties\": {\"securityRules\": [{\"name\": \"r\", \"properties\": {\"direction\": \"Outbound\","
		    "  \"access\": \"Allow\", \"protocol\": \"*\", \"sourceAddressPrefix\": \"*\", \"destinationPortRange\": \"*\"}}]}},"
		    "{\"id\": \"d\", \"properties\": {\"securityRules\": [{\"name\": \"r\", \"properties\": {\"direction\": \"Inbound\","
		    "  \"access\": \"Allow\", \"protocol\": \"*\", \"sourceAddressPrefix\": \"internet\", \"destinationPortRange\": \"20-23\"}}]}},"
		    "{\"id\": \"e\", \"properties\": {\"securityRules\": [{\"name\": \"r\", \"properties\": {\"direction\": \"Inbound\","
		    "  \"access\": \"Deny\", \"protocol\": \"*\", \"sourceAddressPrefix\": \"*\", \"destinationPortRange\": \"*\"}},"
		    "  {\"name\": \"bad\", \"properties\": {\"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"*\","
		    "  \"sourceAddressPrefix\": \"*\", \"destinationPortRange\": \"x-y\"}}]}},"
		    "{\"id\": \"f\", \"properties\": {}}]", &r);
	/* a (3389 in 3000-4000 from 0.0.0.0/0) and d (22 in 20-23 from Internet) are open. */
	T_EQ_INT(r.total, 6);
	T_EQ_INT(r.healthy, 4);
	T_ASSERT(fixture_offends(&r, "a"));
	T_ASSERT(fixture_offends(&r, "d"));
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_tags(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check(&c, "tags", "tags", "{\"required\": [[\"owner\", \"contact\"], \"environment\"], \"noun\": \"groups\"}");
	fixture_run(&c, "["
		    "{\"id\": \"a\", \"tags\": {\"Owner\": \"team@x\", \"ENVIRONMENT\": \"prod\"}},"
		    "{\"id\": \"b\", \"tags\": {\"contact\": \"team@x\", \"environment\": \"TBD\"}},"
		    "{\"id\": \"c\"}]", &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_EQ_INT(r.healthy, 1);
	T_REQUIRE(r.noffenders == 2);
	T_EQ_STR(r.offenders[0].detail, "missing tags: environment");
	T_EQ_STR(r.offenders[1].detail, "missing tags: owner, environment");
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_activity_alerts(void)
{
	struct cat_check c;
	struct check_result r;

	fixture_check(&c, "ops", "activity_alerts",
		      "{\"operations\": [\"Microsoft.Authorization/policyAssignments/delete\","
		      " \"Microsoft.Network/networkSecurityGroups/write\", \"Microsoft.Sql/servers/firewallRules/write\"]}");
	fixture_run(&c, "["
		    "{\"properties\": {\"enabled\": true, \"condition\": {\"allOf\": [{\"field\": \"category\", \"equals\": \"Administrative\"},"
		    "  {\"field\": \"operationName\", \"equals\": \"microsoft.authorization/policyassignments/delete\"}]}}},"
		    "{\"properties\": {\"enabled\": true, \"condition\": {\"allOf\": [{\"anyOf\": [{\"field\": \"operationName\","
		    "  \"equals\": \"Microsoft.Network/networkSecurityGroups/write\"}]}]}}},"
		    "{\"properties\": {\"enabled\": false, \"condition\": {\"allOf\": [{\"field\": \"operationName\","
		    "  \"containsAny\": [\"Microsoft.Sql/servers/firewallRules/write\"]}]}}}]", &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_EQ_INT(r.healthy, 2);
	T_EQ_INT(r.total, 3);
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, "Microsoft.Sql/servers/firewallRules/write");
	check_result_release(&r);
	fixture_run(&c, "[]", &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	check_result_release(&r);
	fixture_check_release(&c);
}

static void test_subnets(void)
{
	struct cat_check c;
	struct check_result r;
	const char *vnet = "{\"id\": \"/v/vnet1\", \"name\": \"vnet1\", \"properties\": {\"subnets\": ["
			   "{\"id\": \"/v/vnet1/subnets/app\", \"name\": \"app\", \"properties\": {\"networkSecurityGroup\": {\"id\": \"n\"},"
			   "  \"routeTable\": {\"id\": \"/RT/fw\"}}},"
			   "{\"id\": \"/v/vnet1/subnets/data\", \"name\": \"data\", \"properties\": {\"routeTable\": {\"id\": \"/rt/direct\"}}},"
			   "{\"id\": \"/v/vnet1/subnets/gw\", \"name\": \"GatewaySubnet\", \"properties\": {}}]}}";
	char docs[2048];

	fixture_check(&c, "nsg", "subnets", "{\"require\": [{\"path\": \"properties.networkSecurityGroup.id\", \"op\": \"exists\"}]}");
	snprintf(docs, sizeof(docs), "[%s]", vnet);
	fixture_run(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_EQ_INT(r.total, 2);
	T_REQUIRE(r.noffenders == 1);
	T_EQ_STR(r.offenders[0].id, "/v/vnet1/subnets/data");
	T_EQ_STR(r.offenders[0].name, "vnet1/data");
	check_result_release(&r);
	fixture_check_release(&c);

	fixture_check_src(&c, "egress", "subnets", "{\"egress\": true}", FIXTURE_TWO_PARTS);
	snprintf(docs, sizeof(docs), "["
		 "{\"part\": 0, \"doc\": {\"id\": \"/rt/fw\", \"properties\": {\"routes\": [{\"properties\": {\"addressPrefix\": \"0.0.0.0/0\","
		 "  \"nextHopType\": \"VirtualAppliance\"}}]}}},"
		 "{\"part\": 0, \"doc\": {\"id\": \"/rt/direct\", \"properties\": {\"routes\": [{\"properties\": {\"addressPrefix\": \"0.0.0.0/0\","
		 "  \"nextHopType\": \"Internet\"}}]}}},"
		 "{\"part\": 1, \"doc\": %s}]", vnet);
	fixture_run(&c, docs, &r);
	T_EQ_INT(r.healthy, 1);
	T_EQ_INT(r.total, 2);
	T_REQUIRE(r.noffenders == 1);
	T_CONTAINS(r.offenders[0].detail, "0.0.0.0/0");
	check_result_release(&r);
	fixture_check_release(&c);
}

static int match(const char *conds, const char *doc)
{
	cJSON *a = cJSON_Parse(conds), *d = cJSON_Parse(doc);
	struct cond_list l;
	int m = -1;

	if (a && d && !cond_parse(a, &l, NULL, "$", NULL)) {
		m = cond_match(&l, d);
		cond_list_release(&l);
	}
	cJSON_Delete(a);
	cJSON_Delete(d);
	return m;
}

static void test_new_operators(void)
{
	time_set_now(1790000000); /* 2026-09-21 */
	T_EQ_INT(match("[{\"path\": \"r\", \"op\": \"suffix\", \"value\": \"/ABC\"}]", "{\"r\": \"/x/abc\"}"), 1);
	T_EQ_INT(match("[{\"path\": \"r\", \"op\": \"suffix\", \"value\": \"/abc\"}]", "{\"r\": \"abc\"}"), 0);
	T_EQ_INT(match("[{\"path\": \"m\", \"op\": \"contains_any\", \"values\": [\"fido2\", \"hello\"]}]", "{\"m\": [\"sms\", \"FIDO2\"]}"), 1);
	T_EQ_INT(match("[{\"path\": \"m\", \"op\": \"contains_any\", \"values\": [\"fido2\"]}]", "{\"m\": []}"), 0);
	T_EQ_INT(match("[{\"op\": \"or\", \"where\": [{\"path\": \"a\", \"op\": \"true\"}, {\"path\": \"b\", \"op\": \"exists\"}]}]", "{\"b\": 1}"), 1);
	T_EQ_INT(match("[{\"op\": \"or\", \"where\": [{\"path\": \"a\", \"op\": \"true\"}, {\"path\": \"b\", \"op\": \"exists\"}]}]", "{\"a\": false}"), 0);
	T_EQ_INT(match("[{\"path\": \"r\", \"op\": \"or\", \"where\": [{\"path\": \"\", \"op\": \"suffix\", \"value\": \"/1\"},"
		       " {\"path\": \"\", \"op\": \"suffix\", \"value\": \"/2\"}]}]", "{\"r\": \"x/2\"}"), 1);
	T_EQ_INT(match("[{\"path\": \"d\", \"op\": \"age_le\", \"value\": 90}]", "{\"d\": \"2026-08-01T00:00:00Z\"}"), 1);
	T_EQ_INT(match("[{\"path\": \"d\", \"op\": \"age_le\", \"value\": 90}]", "{\"d\": \"2026-01-01T00:00:00Z\"}"), 0);
	T_EQ_INT(match("[{\"path\": \"d\", \"op\": \"age_ge\", \"value\": -366}]", "{\"d\": \"2027-06-01T00:00:00Z\"}"), 1);
	T_EQ_INT(match("[{\"path\": \"d\", \"op\": \"age_ge\", \"value\": -366}]", "{\"d\": \"2029-06-01T00:00:00Z\"}"), 0);
	T_EQ_INT(match("[{\"path\": \"d\", \"op\": \"age_le\", \"value\": 90}]", "{\"d\": \"not a date\"}"), 0);
	T_EQ_INT(match("[{\"path\": \"m\", \"op\": \"any\", \"where\": [{\"path\": \"\", \"op\": \"eq\", \"value\": \"x\"}]}]", "{\"m\": [\"y\", \"X\"]}"), 1);
	T_EQ_INT(match("[{\"op\": \"eq\", \"value\": 1}]", "{}"), -1); /* only "or" may omit the path */
	time_set_now((time_t)-1);
}

static void test_ids(void)
{
	char out[EVAL_ID_MAX];
	struct eval_ctx ctx = { 0, NULL, NULL };
	cJSON *d = cJSON_Parse("{\"id\": \"subscriptions/abc/providers/Microsoft.Consumption/budgets/b\"}");

	T_EQ_INT(eval_parent_id("/s/x/providers/Microsoft.KeyVault/vaults/kv/providers/microsoft.insights/diagnosticSettings/d", out, sizeof(out)), 0);
	T_EQ_STR(out, "/s/x/providers/Microsoft.KeyVault/vaults/kv");
	T_EQ_INT(eval_parent_id("/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/vm/extensions/e", out, sizeof(out)), 0);
	T_EQ_STR(out, "/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/vm");
	T_EQ_INT(eval_parent_id("/providers/microsoft.aadiam/diagnosticSettings/x", out, sizeof(out)), 0);
	T_EQ_STR(out, "/");
	T_EQ_INT(eval_parent_id("/x", out, sizeof(out)), -1);
	T_EQ_INT(eval_subscription_key(d, &ctx, out, sizeof(out)), 0);
	T_EQ_STR(out, "/subscriptions/abc");
	ctx.subscription_id = "def";
	T_EQ_INT(eval_subscription_key(d, &ctx, out, sizeof(out)), 0);
	T_EQ_STR(out, "/subscriptions/def");
	eval_norm_id("x/y//", out, sizeof(out));
	T_EQ_STR(out, "/x/y");
	cJSON_Delete(d);
}

/* Summaries of a single thing say so in the singular. */
static void test_singular(void)
{
	static const char *const cases[][2] = {
		{ "subscriptions", "subscription" },
		{ "Key Vaults", "Key Vault" },
		{ "container registries", "container registry" },
		{ "authorization policies", "authorization policy" },
		{ "public IP addresses", "public IP address" },
		{ "classic resources", "classic resource" },
		{ "subscriptions with web apps", "subscription with web apps" },
		{ "grants of tenant-takeover Graph permissions", "grant of tenant-takeover Graph permissions" },
		{ "firewall rules open to every address", "firewall rule open to every address" },
		{ "enabled automations with a Logic App action", "enabled automation with a Logic App action" },
		{ "policy assignments able to remediate", "policy assignment able to remediate" },
		{ "enforced policy assignments at management group scope",
		  "enforced policy assignment at management group scope" },
		{ "access", "access" },
		{ "s", "s" },
		{ "", "" },
	};
	struct check_result r;
	char out[160];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		eval_singular(out, sizeof(out), cases[i][0]);
		T_EQ_STR(out, cases[i][1]);
	}
	check_result_init(&r, "x");
	eval_verdict(&r, 1, 1, "hierarchy settings", NULL);
	T_EQ_STR(r.summary, "the 1 hierarchy setting found passes");
	T_EQ_INT(r.status, CHECK_PASS);
	eval_verdict(&r, 0, 1, "Sentinel workspaces", NULL);
	T_EQ_STR(r.summary, "the 1 Sentinel workspace found fails");
	T_EQ_INT(r.status, CHECK_FAIL);
	eval_verdict(&r, 2, 2, "Sentinel workspaces", NULL);
	T_EQ_STR(r.summary, "all 2 Sentinel workspaces pass");
	check_result_release(&r);
}

static void test_strmap(void)
{
	struct strmap m = STRMAP_INIT;
	char key[32];
	int i, created;

	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "Key-%d", i);
		*strmap_put(&m, key, &created) = (void *)(long)(i + 1);
		T_ASSERT(created);
	}
	T_EQ_INT(m.n, 1000);
	T_EQ_INT((long)strmap_get(&m, "KEY-500"), 501);
	T_ASSERT(!strmap_has(&m, "key-1000"));
	strmap_put(&m, "key-7", &created);
	T_ASSERT(!created);
	strmap_release(&m, NULL);
	T_EQ_INT(m.n, 0);
}

int main(void)
{
	T_RUN(test_nsg_example);
	T_RUN(test_nsg_forms);
	T_RUN(test_tags);
	T_RUN(test_activity_alerts);
	T_RUN(test_subnets);
	T_RUN(test_new_operators);
	T_RUN(test_ids);
	T_RUN(test_singular);
	T_RUN(test_strmap);
	return t_done();
}
