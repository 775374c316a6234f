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
#include "eval.h"
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

/* Like fixture_check(), with the check's "source" too (evaluators that read parts). */
static inline void fixture_check_src(struct cat_check *c, const char *id, const char *evaluator,
				     const char *params_json, const char *source_json)
{
	fixture_check(c, id, evaluator, params_json);
	c->source = cJSON_Parse(source_json);
	if (!c->source)
		abort();
}

static inline void fixture_check_release(struct cat_check *c)
{
	free(c->id);
	free(c->evaluator);
	cJSON_Delete(c->params);
	cJSON_Delete(c->source);
}

/* A two-part source (which APIs does not matter to evaluators). */
#define FIXTURE_TWO_PARTS \
	"{\"parts\": [{\"api\": \"resourcegraph\", \"query\": \"resources\"}," \
	" {\"api\": \"resourcegraph\", \"query\": \"resources\"}]}"

/* Judge docs (a JSON array, {"part", "doc"} wrappers allowed) into r (initialised here). */
static inline void fixture_run(const struct cat_check *c, const char *docs_json, struct check_result *r)
{
	cJSON *docs = cJSON_Parse(docs_json);

	if (!docs)
		abort();
	check_result_init(r, c->id);
	eval_run_array(c, docs, r);
	cJSON_Delete(docs);
}

/* True when some offender of r has this id. */
static inline int fixture_offends(const struct check_result *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->noffenders; i++)
		if (!strcmp(r->offenders[i].id, id))
			return 1;
	return 0;
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

/* Append every document of an example's "value" page to docs as {"part": part, "doc": ...}. */
static inline void fixture_append_example(cJSON *docs, const char *name, int part)
{
	cJSON *root;
	const cJSON *page = fixture_example(name, &root), *d;

	cJSON_ArrayForEach(d, cJSON_GetObjectItem(page, "value")) {
		cJSON *w = cJSON_CreateObject();
		cJSON_AddNumberToObject(w, "part", part);
		cJSON_AddItemToObject(w, "doc", cJSON_Duplicate(d, 1));
		cJSON_AddItemToArray(docs, w);
	}
	cJSON_Delete(root);
}

#endif
