/*
 * The generic evaluators (property, count) on Microsoft's example responses
 * and on crafted documents.
 */
#include <cjson/cJSON.h>

#include "t.h"
#include "check_fixture.h"
#include "eval.h"

/* Microsoft's Key Vault list example: purge protection is not enabled. */
static void test_property_on_keyvault_example(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *root;
	const cJSON *page = fixture_example("arm_keyvaults_list_subscription.json", &root);

	fixture_check(&c, "kv-purge", "property",
		      "{\"where\": [{\"path\": \"type\", \"op\": \"eq\", \"value\": \"Microsoft.KeyVault/vaults\"}],"
		      " \"require\": [{\"path\": \"properties.enablePurgeProtection\", \"op\": \"true\", \"default\": false}],"
		      " \"noun\": \"key vaults\"}");
	check_result_init(&r, c.id);
	eval_run_array(&c, cJSON_GetObjectItem(page, "value"), &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_ASSERT(r.total >= 1);
	T_EQ_INT(r.healthy, 0);
	T_EQ_INT(r.noffenders, r.total);
	T_EQ_INT(r.offending_total, r.total);
	T_REQUIRE(r.noffenders > 0);
	T_CONTAINS(r.offenders[0].detail, "enablePurgeProtection");
	T_CONTAINS(r.summary, "key vault");
	check_result_release(&r);
	fixture_check_release(&c);
	cJSON_Delete(root);
}

static void test_property_partial_and_strings_as_booleans(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *docs = cJSON_Parse(
		"[{\"id\": \"/a\", \"name\": \"a\", \"properties\": {\"on\": \"True\"}},"
		" {\"id\": \"/b\", \"name\": \"b\", \"properties\": {\"on\": false}},"
		" {\"id\": \"/c\", \"name\": \"c\", \"properties\": {\"on\": true}},"
		" {\"id\": \"/d\", \"name\": \"d\", \"properties\": {}}]");

	fixture_check(&c, "x", "property",
		      "{\"require\": [{\"path\": \"properties.on\", \"op\": \"true\"}]}");
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "partial");
	T_EQ_INT(r.healthy, 2);
	T_EQ_INT(r.total, 4);
	T_REQUIRE(r.noffenders == 2);
	T_EQ_STR(r.offenders[0].id, "/b");
	T_EQ_STR(r.offenders[1].name, "d");
	T_CONTAINS(r.offenders[1].detail, "missing");
	check_result_release(&r);
	fixture_check_release(&c);
	cJSON_Delete(docs);
}

static void test_property_nothing_in_scope(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *docs = cJSON_Parse("[{\"type\": \"other\"}]");

	fixture_check(&c, "x", "property",
		      "{\"where\": [{\"path\": \"type\", \"op\": \"eq\", \"value\": \"wanted\"}],"
		      " \"require\": [{\"path\": \"x\", \"op\": \"exists\"}]}");
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "not-assessable");
	T_EQ_STR(check_cause_id(r.cause), "nothing-in-scope");
	check_result_release(&r);
	fixture_check_release(&c);
	cJSON_Delete(docs);
}

/* Microsoft's directory roles example, counting roles by template id. */
static void test_count_range(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *docs = cJSON_Parse("[{\"id\": \"1\", \"displayName\": \"A\"}, {\"id\": \"2\", \"displayName\": \"B\"},"
				  " {\"id\": \"3\", \"displayName\": \"C\"}]");

	fixture_check(&c, "ga", "count", "{\"min\": 1, \"max\": 2, \"noun\": \"Global Administrators\"}");
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "fail");
	T_EQ_INT(r.noffenders, 3);
	T_CONTAINS(r.summary, "3 Global Administrators; expected 1 to 2");
	check_result_release(&r);
	fixture_check_release(&c);

	fixture_check(&c, "ga", "count", "{\"min\": 2, \"max\": 4}");
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	T_EQ_INT(r.noffenders, 0);
	check_result_release(&r);
	fixture_check_release(&c);
	cJSON_Delete(docs);
}

static void test_nested_any(void)
{
	struct cat_check c;
	struct check_result r;
	cJSON *docs = cJSON_Parse(
		"[{\"id\": \"p1\", \"state\": \"enabled\", \"grantControls\": {\"builtInControls\": [\"mfa\"]}},"
		" {\"id\": \"p2\", \"state\": \"disabled\", \"grantControls\": {\"builtInControls\": [\"mfa\"]}}]");

	fixture_check(&c, "ca-mfa", "count",
		      "{\"where\": [{\"path\": \"state\", \"op\": \"eq\", \"value\": \"enabled\"},"
		      " {\"path\": \"grantControls.builtInControls\", \"op\": \"contains\", \"value\": \"MFA\"}],"
		      " \"min\": 1}");
	check_result_init(&r, c.id);
	eval_run_array(&c, docs, &r);
	T_EQ_STR(check_status_id(r.status), "pass");
	T_CONTAINS(r.summary, "1 matching object (expected at least 1)");
	check_result_release(&r);
	fixture_check_release(&c);
	cJSON_Delete(docs);
}

int main(void)
{
	T_RUN(test_property_on_keyvault_example);
	T_RUN(test_property_partial_and_strings_as_booleans);
	T_RUN(test_property_nothing_in_scope);
	T_RUN(test_count_range);
	T_RUN(test_nested_any);
	return t_done();
}
