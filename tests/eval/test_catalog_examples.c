/*
 * Real catalog checks on Microsoft's example responses, where an example
 * has the shape the check reads: the verdicts below follow from what the
 * examples contain (see tests/data/azure-examples/MANIFEST.md).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "t.h"
#include "check_fixture.h"
#include "eval.h"

static struct catalog *cat;

/* Judge check id on the example page given as source part `part` (other parts empty). */
static void judge(const char *id, const char *example, int part, struct check_result *r)
{
	const struct cat_check *c = catalog_find_check(cat, id);
	cJSON *docs = cJSON_CreateArray();

	check_result_init(r, id);
	if (!c) {
		t_fail(__FILE__, __LINE__, "no check %s", id);
		cJSON_Delete(docs);
		return;
	}
	fixture_append_example(docs, example, part);
	eval_run_array(c, docs, r);
	cJSON_Delete(docs);
}

static void expect(const char *id, const char *example, int part, const char *status, unsigned long healthy,
		   unsigned long total)
{
	struct check_result r;

	judge(id, example, part, &r);
	T_EQ_STR(check_status_id(r.status), status);
	T_EQ_INT(r.healthy, healthy);
	T_EQ_INT(r.total, total);
	check_result_release(&r);
}

static void test_examples(void)
{
	/* Key Vaults without purge protection or RBAC; network open. */
	expect("surface-keyvault-purge-protection", "arm_keyvaults_list_subscription.json", 0, "fail", 0, 1);
	/* Public IPs, all attached to something. */
	expect("surface-public-ip-in-use", "arm_public_ip_addresses_list_all.json", 0, "pass", 3, 3);
	/* Subscriptions whose tags are tagKey1/tagKey2: no owner, cost centre or environment. */
	expect("inventory-subscription-owner-tags", "arm_subscriptions_list.json", 0, "fail", 0, 2);
	/* The organisation example has neither notification list. */
	expect("inventory-tenant-notification-mails", "graph_organization_list.json", 0, "fail", 0, 1);
	/* Both Conditional Access examples are disabled. */
	expect("identity-ca-mfa-all-users", "graph_conditionalaccess_policies_list.json", 0, "fail", 0, 1);
	expect("identity-ca-legacy-auth-blocked", "graph_conditionalaccess_policies_list.json", 0, "fail", 0, 1);
	/* No enabled policy applies to all users: nothing to judge for emergency accounts. */
	expect("identity-ca-emergency-exclusions", "graph_conditionalaccess_policies_list.json", 0, "not-assessable", 0, 0);
	/* Entra ID diagnostic settings would need AuditLogs and sign-in categories; the subscription example has allLogs. */
	expect("visibility-entra-log-export", "arm_subscription_diagnosticsettings_list.json", 0, "pass", 1, 1);
	/* The role definition example's type is "roletype", neither custom nor built in: nothing in scope, which passes. */
	expect("rbac-custom-roles-no-wildcards", "arm_roledefinitions_list_at_scope.json", 0, "pass", 0, 0);
	/* The NSG example opens port 80 only. */
	{
		struct check_result r;
		cJSON *root, *docs = cJSON_CreateArray();
		const cJSON *nsg = fixture_example("arm_nsg_create_with_rule.json", &root);
		cJSON_AddItemToArray(docs, cJSON_Duplicate(nsg, 1));
		check_result_init(&r, "surface-nsg-management-ports");
		eval_run_array(catalog_find_check(cat, "surface-nsg-management-ports"), docs, &r);
		T_EQ_STR(check_status_id(r.status), "pass");
		check_result_release(&r);
		cJSON_Delete(docs);
		cJSON_Delete(root);
	}
	/* Workspaces keep 30 days: not Sentinel-ready. */
	{
		struct check_result r;
		judge("visibility-sentinel-retention-90", "arm_loganalytics_workspaces_list.json", 1, &r);
		T_EQ_STR(check_cause_id(r.cause), "nothing-in-scope"); /* no Sentinel solution names them */
		check_result_release(&r);
	}
	/* Secure score 60%: under the 70% bar. */
	expect("visibility-secure-score-70", "arm_secure_scores_list.json", 0, "fail", 0, 1);
	/* The automation starts a Logic App: workflow automation exists. */
	expect("response-workflow-automation", "arm_security_automations_list_rg.json", 0, "pass", 1, 1);
	/* Defender pricings: the Containers plan has no ContainerSensor extension here, and nothing targets it. */
	expect("detection-defender-arm", "arm_defender_pricings_list.json", 1, "not-assessable", 0, 0);
}

int main(void)
{
	struct cat_errors errs = CAT_ERRORS_INIT;

	if (catalog_load(getenv("AZMAT_CATALOG"), eval_catalog_hooks(), &cat, &errs)) {
		for (size_t i = 0; i < errs.n; i++)
			fprintf(stderr, "%s\n", errs.lines[i]);
		return 1;
	}
	T_RUN(test_examples);
	catalog_free(&cat);
	cat_errors_release(&errs);
	return t_done();
}
