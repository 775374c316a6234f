/*
 * What some checks wait for: the subscriptions in scope (per-subscription
 * sources) and the tenant's licences (checks that need one).
 *
 * Subscriptions come from --subscriptions, or from ARM's list of the
 * subscriptions the identity can read, keeping those that are usable
 * (Enabled, Warned, PastDue). Licences come from Graph's subscribedSkus:
 * the service plans of every SKU that is not suspended or deleted. If
 * subscribedSkus cannot be read, no check is judged unlicensed up front;
 * licence errors from the APIs still are.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "collect_int.h"
#include "strutil.h"

/* Does the licence text name the plan "P<digit>" as a word ("Entra ID P1", "(P2)")? */
static int names_plan(const char *licence, char digit)
{
	size_t i, len = strlen(licence);

	for (i = 0; i + 1 < len; i++)
		if ((licence[i] == 'P' || licence[i] == 'p') && licence[i + 1] == digit &&
		    (i + 2 == len || licence[i + 2] == ' ' || licence[i + 2] == ')'))
			return 1;
	return 0;
}

/*
 * "Entra ID P1" (or "P1 or P2"): either premium plan; "Entra ID P2": P2; a
 * service plan name as subscribedSkus spells it: itself.
 */
size_t collect_licence_plans(const char *licence, const char **plans, size_t max)
{
	size_t n = 0, i, len;

	if (!licence || max < 2)
		return 0;
	if (names_plan(licence, '1')) {
		plans[n++] = "AAD_PREMIUM";
		plans[n++] = "AAD_PREMIUM_P2";
		return n;
	}
	if (names_plan(licence, '2')) {
		plans[n++] = "AAD_PREMIUM_P2";
		return n;
	}
	len = strlen(licence);
	for (i = 0; i < len; i++)
		if (!((licence[i] >= 'A' && licence[i] <= 'Z') || (licence[i] >= '0' && licence[i] <= '9') ||
		      licence[i] == '_'))
			return 0;
	if (len < 3)
		return 0;
	plans[n++] = licence;
	return n;
}

void collect_prereqs_start(struct collector *co)
{
	const struct collect_config *cfg = co->cfg;
	struct buf url = BUF_INIT(4096);
	size_t i;

	if (co->subs_state == PRE_PENDING && cfg->subscriptions) {
		for (i = 0; i < cfg->nsubscriptions; i++)
			strlist_add(&co->subs, cfg->subscriptions[i]);
		co->subs_state = PRE_DONE;
	} else if (co->subs_state == PRE_PENDING) {
		buf_addf(&url, "%s/subscriptions?api-version=2022-12-01", cfg->cloud->arm);
		collect_submit(co, collect_req_new(co, NULL, RK_SUBS), "GET", url.data, NULL,
			       HTTP_AUD_ARM, HTTP_F_URGENT);
	}
	if (co->skus_state == PRE_PENDING) {
		buf_reset(&url);
		buf_addf(&url, "%s/v1.0/subscribedSkus", cfg->cloud->graph);
		collect_submit(co, collect_req_new(co, NULL, RK_SKUS), "GET", url.data, NULL,
			       HTTP_AUD_GRAPH, HTTP_F_URGENT);
	}
	buf_release(&url);
}

static const char *jstr(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) && v->valuestring ? v->valuestring : NULL;
}

void collect_add_subscription(struct strlist *subs, const cJSON *d)
{
	const char *id = jstr(d, "subscriptionId"), *state = jstr(d, "state");

	if (!id || !*id || strchr(id, '/'))
		return;
	if (state && strcasecmp(state, "Enabled") && strcasecmp(state, "Warned") &&
	    strcasecmp(state, "PastDue"))
		return;
	if (!strlist_has(subs, id))
		strlist_add(subs, id);
}

void collect_add_plans(struct strlist *plans, const cJSON *sku)
{
	const char *cap = jstr(sku, "capabilityStatus");
	const cJSON *p;

	if (cap && (!strcasecmp(cap, "Suspended") || !strcasecmp(cap, "Deleted") ||
		    !strcasecmp(cap, "LockedOut")))
		return;
	cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(sku, "servicePlans")) {
		const char *name = jstr(p, "servicePlanName"), *st = jstr(p, "provisioningStatus");
		if (name && (!st || strcasecmp(st, "Disabled")) && !strlist_has(plans, name))
			strlist_add(plans, name);
	}
}

int collect_licence_missing(const char *licence, const struct strlist *plans)
{
	const char *want[4];
	size_t n, i;

	if (!licence)
		return 0;
	n = collect_licence_plans(licence, want, 4);
	if (!n)
		return 0;
	for (i = 0; i < n; i++)
		if (strlist_has(plans, want[i]))
			return 0;
	return 1;
}

void collect_prereq_page(struct collector *co, struct req *rq, const cJSON *docs)
{
	const cJSON *d;

	cJSON_ArrayForEach(d, docs) {
		if (rq->kind == RK_SUBS)
			collect_add_subscription(&co->subs, d);
		else
			collect_add_plans(&co->plans, d);
	}
}

void collect_prereq_failed(struct collector *co, struct req *rq, enum check_cause cause,
			   const char *detail)
{
	if (rq->kind == RK_SUBS) {
		co->subs_state = PRE_FAILED;
		co->subs_cause = cause == CAUSE_NONE ? CAUSE_API_ERROR : cause;
		snprintf(co->subs_detail, sizeof(co->subs_detail), "%s", detail);
	} else {
		co->skus_state = PRE_FAILED;
	}
	collect_wake(co);
}

void collect_prereq_done(struct collector *co, struct req *rq)
{
	if (rq->kind == RK_SUBS)
		co->subs_state = PRE_DONE;
	else
		co->skus_state = PRE_DONE;
	collect_wake(co);
}
