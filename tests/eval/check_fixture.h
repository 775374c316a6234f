/*
 * Build a struct cat_check for evaluator tests from JSON text, without a
 * catalog: only the fields evaluators read are set.
 */
#ifndef AZMAT_CHECK_FIXTURE_H
#define AZMAT_CHECK_FIXTURE_H

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "xalloc.h"

static inline void fixture_check(struct cat_check *c, const char *id, const char *evaluator,
				 const char *params_json)
{
	memset(c, 0, sizeof(*c));
	c->id = xstrdup(id);
	c->evaluator = xstrdup(evaluator);
	c->params = cJSON_Parse(params_json);
	if (!c->params)
		abort();
}

static inline void fixture_check_release(struct cat_check *c)
{
	free(c->id);
	free(c->evaluator);
	cJSON_Delete(c->params);
}

/* Parse a file's JSON (caller deletes); aborts when unreadable. */
static inline cJSON *fixture_json(const char *path)
{
	char *s = t_slurp(path, NULL);
	cJSON *j = s ? cJSON_Parse(s) : NULL;

	free(s);
	if (!j) {
		fprintf(stderr, "cannot parse %s\n", path);
		abort();
	}
	return j;
}

/*
 * The HTTP body of one of Microsoft's examples in tests/data/azure-examples
 * (verbatim copies; see MANIFEST.md there for where each comes from):
 * for an arm_*.json x-ms-examples file, .responses["200"].body; for the
 * others, the whole file. *root receives what to delete.
 */
static inline const cJSON *fixture_example(const char *name, cJSON **root)
{
	char rel[512];
	const cJSON *body;

	snprintf(rel, sizeof(rel), "azure-examples/%s", name);
	*root = fixture_json(t_data(rel));
	body = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(*root, "responses"), "200"),
				   "body");
	return body ? body : *root;
}

#endif
