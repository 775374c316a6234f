/*
 * Pre-flight verdicts: will each check be assessable with the roles,
 * permissions and licences found?
 *
 * ARM: Owner, Contributor and Reader read everything; any other role
 * counts only when the check's permission text names it ("Security
 * Reader"). Resource Graph returns what the identity can read, so it needs
 * a role somewhere; per-subscription and per-resource reads need one in
 * every subscription (a single refusal makes the check not assessable).
 * Graph: an application token must hold one of the permissions the check's
 * text names (or its ReadWrite twin, or Directory.Read.All for directory
 * reads); a user's token is judged by the user's roles, which the token
 * does not show, so it is not second-guessed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "collect.h"
#include "compat.h"
#include "preflight.h"
#include "source.h"
#include "xalloc.h"

static int has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;

	while (p && (p = strstr(p, word))) {
		if ((p == list || p[-1] == ' ' || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return 1;
		p += n;
	}
	return 0;
}

/* Do the role names in roles let the identity read what permission describes? */
static int roles_suffice(const char *roles, const char *permission)
{
	static const char *const general[] = { "Owner", "Contributor", "Reader" };
	const char *p = roles;
	size_t i;

	if (!roles || !*roles)
		return 0;
	for (i = 0; i < ARRAY_SIZE(general); i++)
		if (has_word(roles, general[i]))
			return 1;
	while (*p) {
		size_t n = strcspn(p, ",");
		char one[128];
		if (n < sizeof(one)) {
			memcpy(one, p, n);
			one[n] = '\0';
			if (permission && strstr(permission, one))
				return 1;
		}
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return 0;
}

static int perm_held(const struct preflight *pf, const char *want)
{
	char twin[128];
	const char *dot = strstr(want, ".Read.");
	size_t i;

	if (dot)
		snprintf(twin, sizeof(twin), "%.*s.ReadWrite.%s", (int)(dot - want), want, dot + 6);
	else
		twin[0] = '\0';
	for (i = 0; i < pf->ngraph_perms; i++) {
		const char *h = pf->graph_perms[i];
		if (!strcasecmp(h, want) || (twin[0] && !strcasecmp(h, twin)))
			return 1;
		if ((!strcasecmp(h, "Directory.Read.All") || !strcasecmp(h, "Directory.ReadWrite.All")) &&
		    (!strncasecmp(want, "User.", 5) || !strncasecmp(want, "Group.", 6) ||
		     !strncasecmp(want, "Application.", 12) || !strncasecmp(want, "Organization.", 13) ||
		     !strncasecmp(want, "RoleManagement.Read.Directory", 29) ||
		     !strncasecmp(want, "Device.", 7)))
			return 1;
	}
	return 0;
}

/*
 * Graph permission names in the check's text ("Policy.Read.All",
 * "RoleManagement.Read.Directory or Directory.Read.All"): held when any is.
 * 1 held, 0 not held, -1 the text names none.
 */
static int graph_perms_held(const struct preflight *pf, const char *text, char *first, size_t n)
{
	const char *p = text;
	int named = 0;

	first[0] = '\0';
	while (p && *p) {
		size_t len = strcspn(p, " ,;/()");
		char word[128];
		if (len && len < sizeof(word)) {
			memcpy(word, p, len);
			word[len] = '\0';
			if (strchr(word, '.') && word[0] >= 'A' && word[0] <= 'Z' && word[len - 1] != '.') {
				named = 1;
				if (!first[0])
					snprintf(first, n, "%s", word);
				if (perm_held(pf, word))
					return 1;
			}
		}
		p += len;
		while (*p && strchr(" ,;/()", *p))
			p++;
	}
	return named ? 0 : -1;
}

static size_t unreadable_subs(const struct preflight *pf, const char *permission)
{
	size_t i, n = 0;

	if (roles_suffice(pf->root_roles, permission))
		return 0;
	for (i = 0; i < pf->nsubs; i++)
		if (!roles_suffice(pf->subs[i].roles, permission))
			n++;
	return n;
}

static int any_readable(const struct preflight *pf, const char *permission)
{
	return pf->nsubs > unreadable_subs(pf, permission) || roles_suffice(pf->root_roles, permission);
}

/* Does this requirement name a Graph permission ("Policy.Read.All")? */
static int names_graph_perm(const char *req)
{
	char first[128];
	struct preflight none;

	memset(&none, 0, sizeof(none));
	return graph_perms_held(&none, req, first, sizeof(first)) == 0;
}

/* One requirement of a part: 0 when met (or not checkable), else why in out. */
static void judge_requirement(const struct preflight *pf, const struct source_part *sp,
			      const char *req, struct preflight_check *out)
{
	char perm[128];
	size_t bad;

	if (strstr(req, "Entra ID role"))
		return; /* a directory role: the token does not show it */
	if (names_graph_perm(req)) {
		if (sp->api == SOURCE_GRAPH && !pf->delegated &&
		    graph_perms_held(pf, req, perm, sizeof(perm)) == 0) {
			out->cause = CAUSE_PERMISSION;
			snprintf(out->why, sizeof(out->why), "the application lacks the Graph permission %s", perm);
		}
		return;
	}
	if (sp->api == SOURCE_GRAPH)
		return;
	if (sp->api == SOURCE_ARG || sp->per == SOURCE_PER_TENANT) {
		if (!any_readable(pf, req)) {
			out->cause = CAUSE_PERMISSION;
			snprintf(out->why, sizeof(out->why), "no role that reads resources (needs %.150s)", req);
		}
		return;
	}
	bad = unreadable_subs(pf, req);
	if (bad) {
		out->cause = CAUSE_PERMISSION;
		snprintf(out->why, sizeof(out->why), "%zu of %zu subscriptions lack %.150s", bad, pf->nsubs, req);
	}
}

/*
 * A part of a check's source: a token for its API, then every requirement
 * of the check's permission text ("Reader, User.Read.All": comma-separated
 * requirements, all needed; "A or B" inside one: either).
 */
static void judge_part(const struct preflight *pf, const struct cat_check *ch,
		       const struct source_part *sp, struct preflight_check *out)
{
	const char *p = ch->permission ? ch->permission : "";

	if (sp->api == SOURCE_GRAPH && !pf->graph_ok) {
		out->cause = CAUSE_PERMISSION;
		snprintf(out->why, sizeof(out->why), "no Graph token: %.200s", pf->graph_error);
		return;
	}
	if (sp->api != SOURCE_GRAPH && !pf->arm_ok) {
		out->cause = CAUSE_PERMISSION;
		snprintf(out->why, sizeof(out->why), "no ARM token: %.200s", pf->arm_error);
		return;
	}
	while (*p && out->cause == CAUSE_NONE) {
		size_t n = strcspn(p, ",");
		char req[200];
		while (n && *p == ' ') {
			p++;
			n--;
		}
		if (n && n < sizeof(req)) {
			memcpy(req, p, n);
			req[n] = '\0';
			while (n && req[n - 1] == ' ')
				req[--n] = '\0';
			judge_requirement(pf, sp, req, out);
		}
		p += n;
		if (*p == ',')
			p++;
	}
}

static int licence_missing(const struct preflight *pf, const char *licence)
{
	const char *plans[4];
	size_t n, i, k;

	if (!licence || pf->plans_status < 200 || pf->plans_status > 299)
		return 0;
	n = collect_licence_plans(licence, plans, ARRAY_SIZE(plans));
	for (i = 0; i < n; i++)
		for (k = 0; k < pf->nplans; k++)
			if (!strcmp(pf->plans[k], plans[i]))
				return 0;
	return n > 0;
}

void preflight_judge(struct preflight *pf, const struct cat_check *const *checks, size_t n)
{
	size_t i, k;

	free(pf->checks);
	pf->checks = xcalloc(n ? n : 1, sizeof(*pf->checks));
	pf->nchecks = n;
	for (i = 0; i < n; i++) {
		struct preflight_check *out = &pf->checks[i];
		struct source src;
		out->check = checks[i];
		if (licence_missing(pf, checks[i]->licence)) {
			out->cause = CAUSE_LICENCE;
			snprintf(out->why, sizeof(out->why), "the tenant has no %s licence",
				 checks[i]->licence);
			continue;
		}
		if (source_parse(checks[i]->source, &src, NULL, NULL, NULL)) {
			out->cause = CAUSE_API_ERROR;
			snprintf(out->why, sizeof(out->why), "the check's source is invalid");
			continue;
		}
		for (k = 0; k < src.nparts && out->cause == CAUSE_NONE; k++)
			judge_part(pf, checks[i], &src.parts[k], out);
	}
}
