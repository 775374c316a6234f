/*
 * The shared body of the evaluator fuzz targets (fuzz_eval_<name>.c): the
 * input is what an API could send, judged by one evaluator.
 *
 *   [doc, ...]                 documents, with {"part": N, "doc": ...} wrappers
 *   {"value": [doc, ...]}      an ARM or Graph page
 *   {"params": {...}, "docs": [...]}   other parameters too; they are
 *                              validated first, as the catalog loader does,
 *                              and invalid ones are not run
 *
 * Anything else is judged as a single document.
 */
#ifndef AZMAT_FUZZ_EVAL_H
#define AZMAT_FUZZ_EVAL_H

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "eval.h"
#include "evidence.h"

static int fuzz_params_valid(const char *name, const cJSON *params, const cJSON *source)
{
	cJSON *check = cJSON_CreateObject(), *ev = cJSON_AddObjectToObject(check, "evaluator");
	struct cat_errors errs = CAT_ERRORS_INIT;
	int ok;

	cJSON_AddStringToObject(check, "id", "fuzz");
	cJSON_AddStringToObject(ev, "name", name);
	cJSON_AddItemToObject(ev, "params", cJSON_Duplicate(params, 1));
	cJSON_AddItemToObject(check, "source", cJSON_Duplicate(source, 1));
	eval_catalog_hooks()->check(check, "fuzz.json", "$", &errs, NULL);
	ok = errs.n == 0;
	cat_errors_release(&errs);
	cJSON_Delete(check);
	return ok;
}

static int fuzz_evaluator(const char *name, const char *params_json, const char *source_json,
			  const uint8_t *data, size_t size)
{
	cJSON *in = cJSON_ParseWithLength((const char *)data, size);
	const cJSON *docs = in, *p = cJSON_GetObjectItemCaseSensitive(in, "params");
	struct cat_check c;
	struct check_result r;
	cJSON *wrap = NULL;

	if (!in)
		return 0;
	memset(&c, 0, sizeof(c));
	c.id = (char *)"fuzz";
	c.evaluator = (char *)name;
	c.source = cJSON_Parse(source_json);
	c.params = p ? cJSON_Duplicate(p, 1) : cJSON_Parse(params_json);
	if (!cJSON_IsObject(c.params) || (p && !fuzz_params_valid(name, c.params, c.source)))
		goto out;
	if (cJSON_GetObjectItemCaseSensitive(in, "docs"))
		docs = cJSON_GetObjectItemCaseSensitive(in, "docs");
	else if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(in, "value")))
		docs = cJSON_GetObjectItemCaseSensitive(in, "value");
	if (!cJSON_IsArray(docs)) {
		wrap = cJSON_CreateArray();
		cJSON_AddItemToArray(wrap, cJSON_Duplicate(docs, 1));
		docs = wrap;
	}
	check_result_init(&r, "fuzz");
	eval_run_array(&c, docs, &r);
	check_result_release(&r);
out:
	cJSON_Delete(wrap);
	cJSON_Delete(c.params);
	cJSON_Delete(c.source);
	cJSON_Delete(in);
	return 0;
}

#define FUZZ_ONE "{\"api\": \"resourcegraph\", \"query\": \"resources\"}"
#define FUZZ_TWO "{\"parts\": [" FUZZ_ONE ", " FUZZ_ONE "]}"

#endif
