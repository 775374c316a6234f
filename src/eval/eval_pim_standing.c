/*
 * "pim_standing": privileged roles are held as eligible (just in time)
 * rather than as standing active assignments. Part 0 lists eligibility
 * schedule instances, part 1 assignment schedule instances, in the Graph
 * shape (roleDefinitionId, assignmentType, endDateTime at the top) or the
 * ARM shape (the same under "properties"; set the paths).
 *
 * An eligible grant, or an active one with an end date, is healthy; an
 * active "Assigned" grant without an end date is standing. "Activated"
 * instances are activations of eligible grants and are not counted again.
 * Up to "allow" standing grants are tolerated (the emergency access
 * accounts); beyond that the check is partial (or fail when nothing is
 * eligible) and lists the standing grants.
 *
 * params:
 *   roles            required: role definition ids (a full ARM id matches
 *                    when it ends with one)
 *   role_path, type_path, end_path, id_path: where the fields are (Graph
 *                    defaults: roleDefinitionId, assignmentType,
 *                    endDateTime, id)
 *   principal_type_path, principal_types: only grants to these principal
 *                    types (ARM: properties.principalType, ["User", "Group"])
 *   allow            standing grants tolerated (default 0)
 *   noun             what is counted, for the summary
 *   name             path of the name shown for a standing grant
 *                    (Graph: "principalId")
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval_util.h"
#include "strmap.h"
#include "xalloc.h"

struct state {
	const struct cat_check *check;
	const cJSON *roles;
	const char *role_path, *type_path, *end_path, *id_path, *ptype_path, *name;
	const cJSON *ptypes;
	struct strmap seen; /* ids already counted: per-subscription lists repeat grants */
	unsigned long eligible, timebound, standing;
	struct check_result offenders;
};

static const struct eval_pspec spec[] = {
	{ "roles", EP_STRS, 1, 0, 0, NULL },          { "role_path", EP_STR, 0, 0, 0, NULL },
	{ "type_path", EP_STR, 0, 0, 0, NULL },       { "end_path", EP_STR, 0, 0, 0, NULL },
	{ "id_path", EP_STR, 0, 0, 0, NULL },         { "principal_type_path", EP_STR, 0, 0, 0, NULL },
	{ "principal_types", EP_STRS, 0, 0, 0, NULL }, { "allow", EP_INT, 0, 0, 1000, NULL },
	{ "noun", EP_STR, 0, 0, 0, NULL },            { "name", EP_STR, 0, 0, 0, NULL },
};

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
	eval_check_parts(check, file, path, errs, 2, 2,
			 "pim_standing needs two parts: eligibility instances, then assignment instances");
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));

	s->check = check;
	s->roles = eval_param(check, "roles");
	s->role_path = eval_param_str(check, "role_path", "roleDefinitionId");
	s->type_path = eval_param_str(check, "type_path", "assignmentType");
	s->end_path = eval_param_str(check, "end_path", "endDateTime");
	s->id_path = eval_param_str(check, "id_path", "id");
	s->ptype_path = eval_param_str(check, "principal_type_path", NULL);
	s->ptypes = eval_param(check, "principal_types");
	s->name = eval_param_str(check, "name", NULL);
	check_result_init(&s->offenders, check->id);
	return s;
}

static int privileged(const struct state *s, const cJSON *d)
{
	const cJSON *role = doc_get(d, s->role_path), *r;
	size_t n, m;

	if (!cJSON_IsString(role))
		return 0;
	n = strlen(role->valuestring);
	cJSON_ArrayForEach(r, s->roles) {
		m = strlen(r->valuestring);
		if (n >= m && !strcasecmp(role->valuestring + n - m, r->valuestring) &&
		    (n == m || role->valuestring[n - m - 1] == '/'))
			return 1;
	}
	return 0;
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	const cJSON *id = doc_get(d, s->id_path), *type, *end;
	int created = 1;

	if (!privileged(s, d))
		return;
	if (s->ptype_path && s->ptypes) {
		const cJSON *pt = doc_get(d, s->ptype_path);
		if (!cJSON_IsString(pt) || !eval_strs_has(s->ptypes, pt->valuestring))
			return;
	}
	if (cJSON_IsString(id) && *id->valuestring)
		strmap_put(&s->seen, id->valuestring, &created);
	if (!created)
		return;
	if (ctx->part == 0) {
		s->eligible++;
		return;
	}
	type = doc_get(d, s->type_path);
	end = doc_get(d, s->end_path);
	if (cJSON_IsString(type) && !strcasecmp(type->valuestring, "Activated"))
		return;
	if (cJSON_IsString(end) && *end->valuestring) {
		s->timebound++;
		return;
	}
	s->standing++;
	eval_offend(&s->offenders, d, s->name, "permanent active assignment of a privileged role");
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;
	unsigned long allow = (unsigned long)eval_param_num(check, "allow", 0);
	unsigned long total = s->eligible + s->timebound + s->standing;
	unsigned long excess = s->standing > allow ? s->standing - allow : 0;
	const char *noun = eval_param_str(check, "noun", "privileged role grants");
	char sum[256];
	size_t i;

	eval_verdict(r, total - excess, total, noun, "nothing-in-scope");
	if (!total)
		return;
	snprintf(sum, sizeof(sum), "%lu of %lu %s are eligible or time-bound; %lu standing (%lu tolerated)",
		 s->eligible + s->timebound, total, noun, s->standing, allow);
	check_result_set_summary(r, sum);
	if (!excess)
		return;
	for (i = 0; i < s->offenders.noffenders; i++)
		check_result_add_offender(r, s->offenders.offenders[i].id, s->offenders.offenders[i].name,
					  s->offenders.offenders[i].detail);
	r->offending_total = s->standing;
}

static void release(void *state)
{
	struct state *s = state;

	strmap_release(&s->seen, NULL);
	check_result_release(&s->offenders);
	free(s);
}

const struct evaluator eval_pim_standing = { "pim_standing", validate, begin, doc, finish,
					      release };
