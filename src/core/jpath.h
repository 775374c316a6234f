/*
 * JSON paths for error messages: "$.items[2].questions[0].text".
 * A struct jpath is a fixed buffer; paths deeper than it are truncated with
 * "..." (the catalog nests four levels, far below the limit).
 */
#ifndef AZMAT_JPATH_H
#define AZMAT_JPATH_H

#include <stddef.h>

#define JPATH_MAX 192

struct jpath {
	char s[JPATH_MAX];
};

/* "$" */
void jpath_root(struct jpath *p);
/* A copy of s (truncated with "..." when too long). */
void jpath_set(struct jpath *p, const char *s);
/* parent + ".key" */
void jpath_key(struct jpath *out, const struct jpath *parent, const char *key);
/* parent + "[i]" */
void jpath_index(struct jpath *out, const struct jpath *parent, size_t i);

#endif
