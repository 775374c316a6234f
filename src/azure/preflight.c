/*
 * Pre-flight lookups: tokens and their claims, role assignments at the root
 * management group and per subscription, subscribedSkus. All through the
 * HTTP engine, so that a thousand subscriptions are looked at concurrently.
 */
#include "preflight.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "collect_int.h"
#include "compat.h"
#include "fetch.h"
#include "page.h"
#include "strutil.h"
#include "xalloc.h"

static const struct {
	const char *id;
	const char *name;
} builtin_roles[] = {
	{ "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner" },
	{ "b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor" },
	{ "acdd72a7-3385-48ef-bd42-f606fba81ae7", "Reader" },
	{ "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "User Access Administrator" },
	{ "f58310d9-a9f6-439a-9e8d-f62e7b41a168", "Role Based Access Control Administrator" },
	{ "39bc4728-0917-49c7-9d2c-d95423bc2eb4", "Security Reader" },
	{ "fb1c8493-542b-48eb-b624-b4c8fea62acd", "Security Admin" },
};

const char *preflight_role_name(const char *rdid)
{
	const char *slash = rdid ? strrchr(rdid, '/') : NULL;
	const char *guid = slash ? slash + 1 : rdid;
	size_t i;

	for (i = 0; guid && i < ARRAY_SIZE(builtin_roles); i++)
		if (!strcasecmp(builtin_roles[i].id, guid))
			return builtin_roles[i].name;
	return NULL;
}

/* What one lookup request is for. */
enum look_kind { LK_SUBS, LK_ROOT, LK_SUB_ROLES, LK_SKUS };

struct look {
	struct preflight *pf;
	struct http_engine *http;
	const struct collect_config *cfg;
	enum look_kind kind;
	size_t sub; /* LK_SUB_ROLES: index in pf->subs */
	struct buf roles; /* role names gathered across pages */
};

static void add_role(struct buf *roles, const char *name)
{
	const char *p = roles->data;
	size_t n = strlen(name);

	while ((p = strstr(p, name))) {
		if ((p == roles->data || p[-1] == ' ') && (p[n] == ',' || !p[n]))
			return;
		p += n;
	}
	if (roles->len)
		buf_addstr(roles, ", ");
	buf_addstr(roles, name);
}

/* An assignment that grants the scope as a whole: at it or above it. */
static int covers(const char *assignment_scope, const char *scope)
{
	static const char mg[] = "/providers/Microsoft.Management/managementGroups/";

	if (!assignment_scope)
		return 0;
	if (!strcmp(assignment_scope, "/") || !strncasecmp(assignment_scope, mg, sizeof(mg) - 1))
		return 1;
	return scope && !strcasecmp(assignment_scope, scope);
}

static void note_roles(struct look *lk, const cJSON *docs, const char *scope)
{
	const cJSON *d;

	cJSON_ArrayForEach(d, docs) {
		const cJSON *props = cJSON_GetObjectItemCaseSensitive(d, "properties");
		const char *rd = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(props, "roleDefinitionId"));
		const char *sc = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(props, "scope"));
		const char *name = preflight_role_name(rd);
		char custom[64];
		if (!covers(sc, scope))
			continue;
		if (!name) {
			const char *slash = rd ? strrchr(rd, '/') : NULL;
			snprintf(custom, sizeof(custom), "custom role %.36s", slash ? slash + 1 : "?");
			name = custom;
		}
		add_role(&lk->roles, name);
	}
}

static void on_look(void *ctx, struct http_response *resp);

static void submit(struct look *lk, const char *url, enum http_aud aud)
{
	struct http_request r;

	memset(&r, 0, sizeof(r));
	r.method = "GET";
	r.url = url;
	r.aud = aud;
	r.done = on_look;
	r.ctx = lk;
	http_submit(lk->http, &r);
}

static struct look *look_new(struct look *proto, enum look_kind kind, size_t sub)
{
	struct look *lk = xcalloc(1, sizeof(*lk));

	lk->pf = proto->pf;
	lk->http = proto->http;
	lk->cfg = proto->cfg;
	lk->kind = kind;
	lk->sub = sub;
	buf_init(&lk->roles, 65536);
	return lk;
}

static void roles_url(struct look *lk, const char *scope, struct buf *url)
{
	const struct preflight *pf = lk->pf;

	buf_addf(url, "%s%s/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=",
		 lk->cfg->cloud->arm, scope);
	if (pf->delegated)
		buf_addf(url, "assignedTo('%s')", pf->object_id);
	else
		buf_addf(url, "principalId%%20eq%%20'%s'", pf->object_id);
}

static void start_sub_roles(struct look *proto)
{
	struct preflight *pf = proto->pf;
	size_t i;

	for (i = 0; i < pf->nsubs; i++) {
		struct buf url = BUF_INIT(8192), scope = BUF_INIT(256);
		buf_addf(&scope, "/subscriptions/%s", pf->subs[i].id);
		roles_url(proto, scope.data, &url);
		submit(look_new(proto, LK_SUB_ROLES, i), url.data, HTTP_AUD_ARM);
		buf_release(&url);
		buf_release(&scope);
	}
}

static void add_sub(struct preflight *pf, const char *id)
{
	pf->subs = xreallocarray(pf->subs, pf->nsubs + 1, sizeof(*pf->subs));
	memset(&pf->subs[pf->nsubs], 0, sizeof(pf->subs[0]));
	pf->subs[pf->nsubs++].id = xstrdup(id);
}

static void list_add(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

static void page_into(struct look *lk, const struct page *pg)
{
	struct preflight *pf = lk->pf;
	const cJSON *d;
	char scope[128];

	switch (lk->kind) {
	case LK_SUBS:
		cJSON_ArrayForEach(d, pg->docs) {
			const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "subscriptionId"));
			const char *state = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "state"));
			if (id && (!state || !strcasecmp(state, "Enabled") || !strcasecmp(state, "Warned") ||
				   !strcasecmp(state, "PastDue")))
				add_sub(pf, id);
		}
		break;
	case LK_ROOT:
		note_roles(lk, pg->docs, NULL);
		break;
	case LK_SUB_ROLES:
		snprintf(scope, sizeof(scope), "/subscriptions/%s", pf->subs[lk->sub].id);
		note_roles(lk, pg->docs, scope);
		break;
	case LK_SKUS:
		cJSON_ArrayForEach(d, pg->docs) {
			const cJSON *p;
			cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(d, "servicePlans")) {
				const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "servicePlanName"));
				size_t i;
				for (i = 0; name && i < pf->nplans && strcmp(pf->plans[i], name); i++)
					;
				if (name && i == pf->nplans)
					list_add(&pf->plans, &pf->nplans, name);
			}
		}
		break;
	}
}

/* The lookup ended (all pages read, or an error) with HTTP status. */
static void look_end(struct look *lk, long status)
{
	struct preflight *pf = lk->pf;

	switch (lk->kind) {
	case LK_SUBS:
		pf->subs_status = status;
		if (status >= 200 && status < 300)
			start_sub_roles(lk);
		break;
	case LK_ROOT:
		pf->root_status = status;
		pf->root_roles = buf_detach(&lk->roles, NULL);
		break;
	case LK_SUB_ROLES:
		pf->subs[lk->sub].status = status;
		pf->subs[lk->sub].roles = buf_detach(&lk->roles, NULL);
		break;
	case LK_SKUS:
		pf->plans_status = status;
		break;
	}
	buf_release(&lk->roles);
	free(lk);
}

static void on_look(void *ctx, struct http_response *resp)
{
	struct look *lk = ctx;
	long status = resp->outcome == HTTP_DONE ? resp->status : 0;
	struct page pg;

	if (status < 200 || status > 299 || page_parse(resp->body.data, resp->body.len, &pg, NULL)) {
		look_end(lk, status >= 200 && status < 300 ? 0 : status);
		return;
	}
	page_into(lk, &pg);
	if (pg.next) {
		submit(lk, pg.next, lk->kind == LK_SKUS ? HTTP_AUD_GRAPH : HTTP_AUD_ARM);
		page_release(&pg);
		return;
	}
	page_release(&pg);
	look_end(lk, status);
}

/* Tokens and what their claims say. */
static void tokens(const struct collect_config *cfg, struct preflight *pf)
{
	struct errmsg em = ERRMSG_INIT;
	const char *tok;
	unsigned gen;
	cJSON *claims, *roles, *r;

	snprintf(pf->identity, sizeof(pf->identity), "%s", cred_identity(cfg->cred));
	pf->arm_ok = !cred_token(cfg->cred, HTTP_AUD_ARM, 0, &tok, &gen, &em);
	if (!pf->arm_ok)
		snprintf(pf->arm_error, sizeof(pf->arm_error), "%s", errmsg_text(&em));
	claims = cred_claims(cfg->cred, HTTP_AUD_ARM);
	tok = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(claims, "oid"));
	snprintf(pf->object_id, sizeof(pf->object_id), "%s", tok ? tok : "");
	cJSON_Delete(claims);
	snprintf(pf->tenant, sizeof(pf->tenant), "%s", cred_tenant(cfg->cred));
	errmsg_clear(&em);
	pf->graph_ok = !cred_token(cfg->cred, HTTP_AUD_GRAPH, 0, &tok, &gen, &em);
	if (!pf->graph_ok)
		snprintf(pf->graph_error, sizeof(pf->graph_error), "%s", errmsg_text(&em));
	claims = cred_claims(cfg->cred, HTTP_AUD_GRAPH);
	pf->delegated = cJSON_GetObjectItemCaseSensitive(claims, "scp") != NULL;
	roles = cJSON_GetObjectItemCaseSensitive(claims, "roles");
	cJSON_ArrayForEach(r, roles)
		if (cJSON_IsString(r))
			list_add(&pf->graph_perms, &pf->ngraph_perms, r->valuestring);
	if (pf->delegated) {
		/* "scp" is one space-separated string */
		const char *scp = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(claims, "scp"));
		while (scp && *scp) {
			size_t n = strcspn(scp, " ");
			char one[128];
			if (n && n < sizeof(one)) {
				memcpy(one, scp, n);
				one[n] = '\0';
				list_add(&pf->graph_perms, &pf->ngraph_perms, one);
			}
			scp += n;
			while (*scp == ' ')
				scp++;
		}
	}
	cJSON_Delete(claims);
}

enum az_err preflight_run(const struct collect_config *cfg, const struct cat_check *const *checks,
			  size_t n, struct preflight *pf, struct errmsg *em)
{
	struct http_config hc;
	struct http_auth auth;
	struct look proto;
	struct buf url = BUF_INIT(8192);
	enum az_err rc = AZ_OK;
	size_t i;

	memset(pf, 0, sizeof(*pf));
	tokens(cfg, pf);
	collect_http_config(cfg, &auth, &hc);
	memset(&proto, 0, sizeof(proto));
	proto.pf = pf;
	proto.cfg = cfg;
	proto.http = http_engine_new(&hc);
	if (pf->arm_ok && pf->object_id[0]) {
		if (cfg->subscriptions) {
			for (i = 0; i < cfg->nsubscriptions; i++)
				add_sub(pf, cfg->subscriptions[i]);
			pf->subs_status = 200;
			start_sub_roles(&proto);
		} else {
			buf_addf(&url, "%s/subscriptions?api-version=2022-12-01", cfg->cloud->arm);
			submit(look_new(&proto, LK_SUBS, 0), url.data, HTTP_AUD_ARM);
		}
		buf_reset(&url);
		buf_addstr(&url, "/providers/Microsoft.Management/managementGroups/");
		url_encode(&url, pf->tenant);
		{
			struct buf full = BUF_INIT(8192);
			roles_url(&proto, url.data, &full);
			submit(look_new(&proto, LK_ROOT, 0), full.data, HTTP_AUD_ARM);
			buf_release(&full);
		}
	}
	if (pf->graph_ok) {
		buf_reset(&url);
		buf_addf(&url, "%s/v1.0/subscribedSkus", cfg->cloud->graph);
		submit(look_new(&proto, LK_SKUS, 0), url.data, HTTP_AUD_GRAPH);
	}
	rc = http_engine_run(proto.http, em);
	http_engine_free(&proto.http);
	buf_release(&url);
	preflight_judge(pf, checks, n);
	return rc == AZ_ERR_CANCELLED ? rc : AZ_OK;
}

void preflight_release(struct preflight *p)
{
	size_t i;

	free(p->root_roles);
	for (i = 0; i < p->nsubs; i++) {
		free(p->subs[i].id);
		free(p->subs[i].roles);
	}
	free(p->subs);
	for (i = 0; i < p->ngraph_perms; i++)
		free(p->graph_perms[i]);
	free(p->graph_perms);
	for (i = 0; i < p->nplans; i++)
		free(p->plans[i]);
	free(p->plans);
	free(p->checks);
	memset(p, 0, sizeof(*p));
}
