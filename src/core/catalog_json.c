#include <cjson/cJSON.h>

#include "catalog_export.h"

static cJSON *strings(char **a, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(a[i]));
	return arr;
}

static cJSON *item_json(const struct cat_item *it)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *qs, *refs, *checks, *rem, *src;
	size_t i;

	cJSON_AddStringToObject(o, "id", it->id);
	cJSON_AddStringToObject(o, "title", it->title);
	cJSON_AddStringToObject(o, "roadmap", it->roadmap);
	cJSON_AddStringToObject(o, "guidance", it->guidance);
	cJSON_AddStringToObject(o, "why", it->why);
	cJSON_AddStringToObject(o, "risk", cat_level_name(it->risk));
	cJSON_AddStringToObject(o, "effort", cat_level_name(it->effort));
	qs = cJSON_AddArrayToObject(o, "questions");
	for (i = 0; i < it->nquestions; i++) {
		cJSON *q = cJSON_CreateObject();
		cJSON_AddStringToObject(q, "id", it->questions[i].id);
		cJSON_AddStringToObject(q, "text", it->questions[i].text);
		cJSON_AddStringToObject(q, "hint", it->questions[i].hint);
		cJSON_AddItemToArray(qs, q);
	}
	rem = cJSON_AddObjectToObject(o, "remediation");
	cJSON_AddStringToObject(rem, "action", it->action);
	cJSON_AddStringToObject(rem, "acceptance", it->acceptance);
	refs = cJSON_AddArrayToObject(o, "references");
	for (i = 0; i < it->nrefs; i++) {
		cJSON *r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "title", it->refs[i].title);
		cJSON_AddStringToObject(r, "url", it->refs[i].url);
		cJSON_AddItemToArray(refs, r);
	}
	cJSON_AddItemToObject(o, "principles", strings(it->principles, it->nprinciples));
	cJSON_AddItemToObject(o, "cis", strings(it->cis, it->ncis));
	cJSON_AddItemToObject(o, "mcsb", strings(it->mcsb, it->nmcsb));
	src = cJSON_AddArrayToObject(o, "sources");
	for (i = 0; i < it->nsources; i++) {
		cJSON *s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "source", it->sources[i].source);
		cJSON_AddStringToObject(s, "where", it->sources[i].where);
		cJSON_AddItemToArray(src, s);
	}
	if (it->questionnaire_only)
		cJSON_AddStringToObject(o, "questionnaire_only", it->questionnaire_only);
	else
		cJSON_AddNullToObject(o, "questionnaire_only");
	checks = cJSON_AddArrayToObject(o, "checks");
	for (i = 0; i < it->nchecks; i++)
		cJSON_AddItemToArray(checks, cJSON_CreateString(it->checks[i]->id));
	return o;
}

cJSON *catalog_to_json(const struct catalog *cat)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *steps, *answers, *principles, *placements;
	size_t i, j;

	cJSON_AddStringToObject(root, "version", cat->version);
	cJSON_AddStringToObject(root, "title", cat->title);
	answers = cJSON_AddArrayToObject(root, "answers");
	for (i = 0; i < ANSWER__COUNT; i++) {
		cJSON *a = cJSON_CreateObject();
		enum answer_value v = (enum answer_value)i;
		cJSON_AddStringToObject(a, "id", answer_id(v));
		cJSON_AddStringToObject(a, "label", cat->answers[i].label);
		cJSON_AddStringToObject(a, "key", cat->answers[i].key);
		if (answer_excluded(v))
			cJSON_AddNullToObject(a, "value");
		else
			cJSON_AddNumberToObject(a, "value", answer_score(v));
		cJSON_AddItemToArray(answers, a);
	}
	principles = cJSON_AddArrayToObject(root, "principles");
	for (i = 0; i < cat->nprinciples; i++) {
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "id", cat->principles[i].id);
		cJSON_AddStringToObject(p, "title", cat->principles[i].title);
		cJSON_AddStringToObject(p, "text", cat->principles[i].text);
		cJSON_AddItemToArray(principles, p);
	}
	placements = cJSON_AddArrayToObject(root, "placements");
	for (i = 0; i < cat->nplacements; i++) {
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "topic", cat->placements[i].topic);
		cJSON_AddStringToObject(p, "item", cat->placements[i].item);
		cJSON_AddStringToObject(p, "why", cat->placements[i].why);
		cJSON_AddItemToArray(placements, p);
	}
	steps = cJSON_AddArrayToObject(root, "steps");
	for (i = 0; i < cat->nsteps; i++) {
		const struct cat_step *st = &cat->steps[i];
		cJSON *s = cJSON_CreateObject();
		cJSON *items;
		cJSON_AddNumberToObject(s, "number", st->number);
		cJSON_AddStringToObject(s, "title", st->title);
		cJSON_AddStringToObject(s, "summary", st->summary);
		items = cJSON_AddArrayToObject(s, "items");
		for (j = 0; j < st->nitems; j++)
			cJSON_AddItemToArray(items, item_json(&st->items[j]));
		cJSON_AddItemToArray(steps, s);
	}
	return root;
}
