/*
 * "tags": documents carry the required tags with meaningful values. Tag
 * names are matched without case ("Owner" and "owner" are the same tag to
 * people, though not to Azure Policy), and a value that only says nobody
 * knows ("", "tbd", "unknown", "n/a", "none", "-") counts as missing.
 *
 * params:
 *   required    required: each entry a tag name or an array of accepted
 *               alternatives (["owner", "ownerEmail", "technicalContact"])
 *   where       conditions selecting the documents in scope
 *   noun, name, empty: as for "property"
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval_util.h"
#include "jpath.h"
#include "xalloc.h"

struct state {
	struct cond_list where;
	const cJSON *required;
	const char *name;
	unsigned long healthy;
	unsigned long total;
	struct check_result offenders;
};

static const struct eval_pspec spec[] = {
	{ "required", EP_NAMES, 1, 0, 0, NULL }, { "where", EP_CONDS, 0, 0, 0, NULL },
	{ "noun", EP_STR, 0, 0, 0, NULL },     { "name", EP_STR, 0, 0, 0, NULL },
	{ "empty", EP_CHOICE, 0, 0, 0, eval_empty_choices },
};

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));

	cond_parse(eval_param(check, "where"), &s->where, NULL, "$", NULL);
	s->required = eval_param(check, "required");
	s->name = eval_param_str(check, "name", NULL);
	check_result_init(&s->offenders, check->id);
	return s;
}

static int placeholder(const char *v)
{
	static const char *const empty[] = { "", "tbd", "todo", "unknown", "n/a", "na", "none",
					      "-", "?" };
	size_t i;

	while (*v == ' ')
		v++;
	for (i = 0; i < sizeof(empty) / sizeof(empty[0]); i++)
		if (!strcasecmp(v, empty[i]))
			return 1;
	return 0;
}

/* True when tags has one of the names in entry with a real value. */
static int has_tag(const cJSON *tags, const cJSON *entry)
{
	const cJSON *t, *n;

	cJSON_ArrayForEach(t, tags) {
		if (!t->string || !cJSON_IsString(t) || placeholder(t->valuestring))
			continue;
		if (cJSON_IsString(entry) && !strcasecmp(t->string, entry->valuestring))
			return 1;
		cJSON_ArrayForEach(n, entry)
			if (cJSON_IsString(n) && !strcasecmp(t->string, n->valuestring))
				return 1;
	}
	return 0;
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	const cJSON *tags = cJSON_GetObjectItem(d, "tags"), *e;
	char missing[256] = "";
	size_t len = 0;

	(void)ctx;
	if (!cond_match(&s->where, d))
		return;
	s->total++;
	cJSON_ArrayForEach(e, s->required) {
		const cJSON *first = cJSON_IsArray(e) ? cJSON_GetArrayItem(e, 0) : e;
		if (has_tag(tags, e))
			continue;
		if (len < sizeof(missing))
			len += (size_t)snprintf(missing + len, sizeof(missing) - len, "%s%s",
						len ? ", " : "missing tags: ", first->valuestring);
	}
	if (!len) {
		s->healthy++;
		return;
	}
	eval_offend(&s->offenders, d, s->name, missing);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;

	eval_verdict_offenders(r, s->healthy, s->total, eval_param_str(check, "noun", "resources"),
			       eval_param_str(check, "empty", "nothing-in-scope"), &s->offenders);
}

static void release(void *state)
{
	struct state *s = state;

	cond_list_release(&s->where);
	check_result_release(&s->offenders);
	free(s);
}

const struct evaluator eval_tags = { "tags", validate, begin, doc, finish, release };
