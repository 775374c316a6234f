/*
 * An in-memory catalog for loader tests: the real roadmap/ files read into
 * memory (and, for mutation, parsed), served to catalog_load_with().
 */
#ifndef AZMAT_CATALOG_MAP_H
#define AZMAT_CATALOG_MAP_H

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "t.h"
#include "xalloc.h"

#define MAP_MAX 64

struct catalog_map {
	char *name[MAP_MAX];
	char *text[MAP_MAX];
	size_t n;
};

static inline void map_put(struct catalog_map *m, const char *name, const char *text)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (!strcmp(m->name[i], name)) {
			free(m->text[i]);
			m->text[i] = xstrdup(text);
			return;
		}
	}
	m->name[m->n] = xstrdup(name);
	m->text[m->n++] = xstrdup(text);
}

static inline const char *map_get(const struct catalog_map *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (!strcmp(m->name[i], name))
			return m->text[i];
	return NULL;
}

static inline void map_release(struct catalog_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->name[i]);
		free(m->text[i]);
	}
	m->n = 0;
}

static inline enum az_err map_read(void *ctx, const char *rel, struct buf *out, struct errmsg *em)
{
	const char *t = map_get(ctx, rel);

	if (!t)
		return errmsg_set(em, AZ_ERR_NOTFOUND, "cannot open '%s': no such file", rel);
	return buf_addstr(out, t) ? errmsg_set(em, AZ_ERR_TOOBIG, "too big") : AZ_OK;
}

/* Load the real catalog's files (AZMAT_CATALOG) into m. */
static inline void map_load_real(struct catalog_map *m)
{
	const char *dir = getenv("AZMAT_CATALOG");
	char path[4096];
	char *text;
	cJSON *root, *e;

	snprintf(path, sizeof(path), "%s/catalog.json", dir ? dir : "roadmap");
	text = t_slurp(path, NULL);
	if (!text) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	map_put(m, "catalog.json", text);
	root = cJSON_Parse(text);
	free(text);
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(root, "steps")) {
		snprintf(path, sizeof(path), "%s/%s", dir ? dir : "roadmap", e->valuestring);
		text = t_slurp(path, NULL);
		map_put(m, e->valuestring, text ? text : "");
		free(text);
	}
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(root, "checks")) {
		snprintf(path, sizeof(path), "%s/%s", dir ? dir : "roadmap", e->valuestring);
		text = t_slurp(path, NULL);
		map_put(m, e->valuestring, text ? text : "");
		free(text);
	}
	cJSON_Delete(root);
}

/* Parse file name of m, let fn change it, and store it back. */
static inline void map_edit(struct catalog_map *m, const char *name, void (*fn)(cJSON *root))
{
	cJSON *root = cJSON_Parse(map_get(m, name));
	char *s;

	if (!root) {
		fprintf(stderr, "%s does not parse\n", name);
		exit(2);
	}
	fn(root);
	s = cJSON_Print(root);
	map_put(m, name, s);
	cJSON_free(s);
	cJSON_Delete(root);
}

#endif
