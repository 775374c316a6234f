/*
 * "subnets": every workload subnet of every virtual network meets the
 * conditions, judged subnet by subnet (a virtual network carries its
 * subnets in properties.subnets). Platform subnets that Azure manages or
 * that cannot take the control (GatewaySubnet, AzureFirewallSubnet, ...)
 * are left out.
 *
 * With "egress": true the source has two parts: route tables first, then
 * virtual networks, and a subnet is healthy only when its route table sends
 * 0.0.0.0/0 to one of the accepted next hops (a firewall or appliance).
 *
 * params:
 *   require         conditions on each subnet object ({"path":
 *                   "properties.networkSecurityGroup.id", "op": "exists"})
 *   egress          true: also require a default route to a next hop
 *   next_hop_types  accepted next hops (default ["VirtualAppliance"])
 *   exempt          subnet names left out (default: the platform subnets)
 *   noun, empty: as for "property"
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval_util.h"
#include "jpath.h"
#include "strmap.h"
#include "xalloc.h"

struct state {
	struct cond_list require;
	int egress;
	const cJSON *hops;
	const cJSON *exempt;
	cJSON *owned; /* defaults */
	struct strmap routed; /* route tables with a default route to an accepted hop */
	unsigned long healthy;
	unsigned long total;
	struct check_result offenders;
};

static const struct eval_pspec spec[] = {
	{ "require", EP_CONDS, 0, 0, 0, NULL },      { "egress", EP_BOOL, 0, 0, 0, NULL },
	{ "next_hop_types", EP_STRS, 0, 0, 0, NULL }, { "exempt", EP_STRS, 0, 0, 0, NULL },
	{ "noun", EP_STR, 0, 0, 0, NULL },           { "empty", EP_CHOICE, 0, 0, 0, eval_empty_choices },
};

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	const cJSON *params = eval_check_params(check);
	const cJSON *egress = cJSON_GetObjectItemCaseSensitive(params, "egress");
	char p[256];

	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
	snprintf(p, sizeof(p), "%s.evaluator.params", path);
	if (!cJSON_IsTrue(egress) && !cJSON_GetObjectItemCaseSensitive(params, "require"))
		cat_errors_add(errs, file, p, "subnets needs 'require' or 'egress': true");
	if (cJSON_IsTrue(egress))
		eval_check_parts(check, file, path, errs, 2, 2,
				 "with egress the source needs two parts: route tables, then virtual networks");
}

static void *begin(const struct cat_check *check)
{
	static const char *const platform[] = { "GatewaySubnet", "AzureFirewallSubnet",
						 "AzureFirewallManagementSubnet", "AzureBastionSubnet",
						 "RouteServerSubnet" };
	static const char *const appliance[] = { "VirtualAppliance" };
	struct state *s = xcalloc(1, sizeof(*s));

	cond_parse(eval_param(check, "require"), &s->require, NULL, "$", NULL);
	s->egress = cJSON_IsTrue(eval_param(check, "egress"));
	s->owned = cJSON_CreateArray();
	s->hops = eval_param(check, "next_hop_types");
	if (!s->hops) {
		cJSON_AddItemToArray(s->owned, cJSON_CreateStringArray(appliance, 1));
		s->hops = cJSON_GetArrayItem(s->owned, 0);
	}
	s->exempt = eval_param(check, "exempt");
	if (!s->exempt) {
		cJSON_AddItemToArray(s->owned, cJSON_CreateStringArray(platform, 5));
		s->exempt = cJSON_GetArrayItem(s->owned, cJSON_GetArraySize(s->owned) - 1);
	}
	check_result_init(&s->offenders, check->id);
	return s;
}

static void route_table(struct state *s, const cJSON *d)
{
	const cJSON *id = cJSON_GetObjectItem(d, "id"), *r;
	char key[EVAL_ID_MAX];

	if (!cJSON_IsString(id))
		return;
	cJSON_ArrayForEach(r, doc_get(d, "properties.routes")) {
		const cJSON *prefix = doc_get(r, "properties.addressPrefix");
		const cJSON *hop = doc_get(r, "properties.nextHopType");
		if (cJSON_IsString(prefix) && !strcmp(prefix->valuestring, "0.0.0.0/0") &&
		    cJSON_IsString(hop) && eval_strs_has(s->hops, hop->valuestring)) {
			eval_norm_id(id->valuestring, key, sizeof(key));
			strmap_put(&s->routed, key, NULL);
			return;
		}
	}
}

static void judge_subnet(struct state *s, const cJSON *vnet, const cJSON *sn)
{
	const cJSON *name = cJSON_GetObjectItem(sn, "name");
	const cJSON *id = cJSON_GetObjectItem(sn, "id");
	char why[256], label[300];
	int fail;

	if (cJSON_IsString(name) && eval_strs_has(s->exempt, name->valuestring))
		return;
	s->total++;
	fail = cond_first_failure(&s->require, sn);
	if (fail >= 0) {
		eval_explain(&s->require.c[fail], sn, why, sizeof(why));
	} else if (s->egress) {
		const cJSON *rt = doc_get(sn, "properties.routeTable.id");
		char key[EVAL_ID_MAX];
		if (cJSON_IsString(rt))
			eval_norm_id(rt->valuestring, key, sizeof(key));
		if (!cJSON_IsString(rt) || !strmap_has(&s->routed, key)) {
			snprintf(why, sizeof(why), "no route sends 0.0.0.0/0 to a firewall or appliance");
			fail = 1;
		}
	}
	if (fail < 0) {
		s->healthy++;
		return;
	}
	if (s->offenders.noffenders >= EVAL_OFFENDERS_MAX)
		return;
	snprintf(label, sizeof(label), "%.140s/%.140s", eval_doc_name(vnet, NULL),
		 cJSON_IsString(name) ? name->valuestring : "?");
	check_result_add_offender(&s->offenders, cJSON_IsString(id) ? id->valuestring : eval_doc_id(vnet),
				  label, why);
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	const cJSON *sn;

	if (s->egress && ctx->part == 0) {
		route_table(s, d);
		return;
	}
	cJSON_ArrayForEach(sn, doc_get(d, "properties.subnets"))
		judge_subnet(s, d, sn);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;

	eval_verdict_offenders(r, s->healthy, s->total, eval_param_str(check, "noun", "subnets"),
			       eval_param_str(check, "empty", "nothing-in-scope"), &s->offenders);
}

static void release(void *state)
{
	struct state *s = state;

	cond_list_release(&s->require);
	cJSON_Delete(s->owned);
	strmap_release(&s->routed, NULL);
	check_result_release(&s->offenders);
	free(s);
}

const struct evaluator eval_subnets = { "subnets", validate, begin, doc, finish, release };
