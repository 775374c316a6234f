/*
 * Open addressing with linear probing; the table doubles at 70% load.
 * Keys are stored lower-cased so that lookups need no case folding of
 * stored keys.
 */
#include "strmap.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)tolower((unsigned char)*s);
		h *= 1099511628211ULL;
	}
	return h;
}

static int key_eq(const char *stored, const char *key)
{
	for (; *stored && *key; stored++, key++)
		if (*stored != (char)tolower((unsigned char)*key))
			return 0;
	return *stored == *key;
}

static size_t find(const struct strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->slots[i].key && !key_eq(m->slots[i].key, key))
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (!m->cap || !key)
		return NULL;
	i = find(m, key);
	return m->slots[i].key ? m->slots[i].val : NULL;
}

int strmap_has(const struct strmap *m, const char *key)
{
	return m->cap && key && m->slots[find(m, key)].key != NULL;
}

static void grow(struct strmap *m)
{
	struct strmap old = *m;
	size_t i;

	m->cap = old.cap ? old.cap * 2 : 16;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (i = 0; i < old.cap; i++) {
		if (old.slots[i].key) {
			size_t j = find(m, old.slots[i].key);
			m->slots[j] = old.slots[i];
		}
	}
	free(old.slots);
}

void **strmap_put(struct strmap *m, const char *key, int *created)
{
	size_t i;
	char *k;

	if (!m->cap || (m->n + 1) * 10 > m->cap * 7)
		grow(m);
	i = find(m, key);
	if (created)
		*created = !m->slots[i].key;
	if (!m->slots[i].key) {
		k = xstrdup(key);
		for (char *p = k; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		m->slots[i].key = k;
		m->slots[i].val = NULL;
		m->n++;
	}
	return &m->slots[i].val;
}

void strmap_each(const struct strmap *m, void (*fn)(const char *key, void *val, void *ctx),
		 void *ctx)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			fn(m->slots[i].key, m->slots[i].val, ctx);
}

void strmap_release(struct strmap *m, void (*free_val)(void *))
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		if (m->slots[i].key) {
			free(m->slots[i].key);
			if (free_val)
				free_val(m->slots[i].val);
		}
	}
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}
