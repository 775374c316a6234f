/*
 * The catalog's lifetime, lookups and location.
 */
#include "catalog.h"
#include "datafile.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "xalloc.h"

static void free_strings(char **a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(a[i]);
	free(a);
}

static void free_item(struct cat_item *it)
{
	size_t i;

	free(it->id);
	free(it->title);
	free(it->roadmap);
	free(it->guidance);
	free(it->why);
	for (i = 0; i < it->nquestions; i++) {
		free(it->questions[i].id);
		free(it->questions[i].text);
		free(it->questions[i].hint);
	}
	free(it->questions);
	free(it->action);
	free(it->acceptance);
	for (i = 0; i < it->nrefs; i++) {
		free(it->refs[i].title);
		free(it->refs[i].url);
	}
	free(it->refs);
	free_strings(it->principles, it->nprinciples);
	free_strings(it->cis, it->ncis);
	free_strings(it->mcsb, it->nmcsb);
	for (i = 0; i < it->nsources; i++) {
		free(it->sources[i].source);
		free(it->sources[i].where);
	}
	free(it->sources);
	free(it->questionnaire_only);
	free(it->checks);
}

static void free_check(struct cat_check *c)
{
	free(c->id);
	free(c->title);
	free_strings(c->items, c->nitems);
	free(c->api);
	free(c->evaluator);
	cJSON_Delete(c->source);
	cJSON_Delete(c->params);
	free(c->permission);
	free(c->licence);
	free(c->remediation);
	free(c->file);
}

void catalog_free(struct catalog **pcat)
{
	struct catalog *cat = *pcat;
	size_t i, j;

	if (!cat)
		return;
	free(cat->version);
	free(cat->title);
	free(cat->dir);
	for (i = 0; i < cat->nsources; i++) {
		free(cat->sources[i].id);
		free(cat->sources[i].title);
		free(cat->sources[i].author);
		free(cat->sources[i].note);
	}
	free(cat->sources);
	for (i = 0; i < ANSWER__COUNT; i++) {
		free(cat->answers[i].label);
		free(cat->answers[i].key);
		free(cat->answers[i].description);
	}
	for (i = 0; i < cat->nprinciples; i++) {
		free(cat->principles[i].id);
		free(cat->principles[i].title);
		free(cat->principles[i].text);
	}
	free(cat->principles);
	for (i = 0; i < cat->nplacements; i++) {
		free(cat->placements[i].topic);
		free(cat->placements[i].item);
		free(cat->placements[i].why);
	}
	free(cat->placements);
	for (i = 0; i < cat->nsteps; i++) {
		struct cat_step *st = &cat->steps[i];
		free(st->title);
		free(st->summary);
		free(st->file);
		for (j = 0; j < st->nitems; j++)
			free_item(&st->items[j]);
		free(st->items);
	}
	for (i = 0; i < cat->nchecks; i++)
		free_check(&cat->checks[i]);
	free(cat->checks);
	free(cat->items);
	free(cat->questions);
	free(cat);
	*pcat = NULL;
}

const struct cat_step *catalog_step(const struct catalog *cat, unsigned number)
{
	if (number < 1 || number > cat->nsteps)
		return NULL;
	return &cat->steps[number - 1];
}

const struct cat_item *catalog_find_item(const struct catalog *cat, const char *id)
{
	size_t i;

	if (!id)
		return NULL;
	if (cat->items) {
		for (i = 0; i < cat->nitems; i++)
			if (!strcmp(cat->items[i]->id, id))
				return cat->items[i];
		return NULL;
	}
	for (i = 0; i < cat->nsteps; i++) {
		size_t j;
		for (j = 0; j < cat->steps[i].nitems; j++)
			if (!strcmp(cat->steps[i].items[j].id, id))
				return &cat->steps[i].items[j];
	}
	return NULL;
}

const struct cat_question *catalog_find_question(const struct catalog *cat, const char *id)
{
	size_t i;

	if (!id)
		return NULL;
	for (i = 0; i < cat->nquestions; i++)
		if (!strcmp(cat->questions[i]->id, id))
			return cat->questions[i];
	return NULL;
}

const struct cat_check *catalog_find_check(const struct catalog *cat, const char *id)
{
	size_t i;

	if (!id)
		return NULL;
	for (i = 0; i < cat->nchecks; i++)
		if (!strcmp(cat->checks[i].id, id))
			return &cat->checks[i];
	return NULL;
}

enum az_err catalog_locate(const char *explicit_dir, const char *datadir, struct buf *out,
			   struct errmsg *em)
{
	struct buf tried = BUF_INIT(8192);
	const char *env = getenv("AZMAT_CATALOG");
	enum az_err rc = AZ_ERR_NOTFOUND;

	if (explicit_dir || (env && *env)) {
		const char *dir = explicit_dir ? explicit_dir : env;
		if (!path_is_dir(dir)) {
			rc = errmsg_set(em, AZ_ERR_NOTFOUND, "catalog folder '%s' does not exist", dir);
			goto out;
		}
		buf_addstr(out, dir);
		rc = AZ_OK;
		goto out;
	}
	if (!data_locate("roadmap", "catalog.json", datadir, out, &tried)) {
		rc = AZ_OK;
		goto out;
	}
	errmsg_set(em, AZ_ERR_NOTFOUND, "no catalog found (looked in %s); use --catalog DIR or AZMAT_CATALOG",
		   tried.len ? tried.data : "nowhere");
out:
	buf_release(&tried);
	return rc;
}
