/*
 * Internal to the catalog loader (catalog_load.c, catalog_checks.c).
 */
#ifndef AZMAT_CATALOG_INT_H
#define AZMAT_CATALOG_INT_H

#include "catalog.h"
#include "jschema.h"

struct cJSON;

struct loader {
	struct catalog *cat;
	struct cat_errors *errs;
	const struct catalog_hooks *hooks;
	struct js_ctx js;
	const char *dir;
	catalog_read_fn read;
	void *read_ctx;
};

/* Read and parse dir/rel, reporting problems; *display gets the shown file name (owned). */
struct cJSON *catalog_read_json(struct loader *L, const char *rel, char **display);

/* Report id unless it is min..max characters of [a-z0-9.-]. */
void catalog_check_id(struct loader *L, const char *id, const struct jpath *p, size_t min,
		      size_t max, const char *what);

/* Load one check file (relative to the catalog folder) into L->cat->checks. */
void catalog_load_checks(struct loader *L, const char *rel);

#endif
