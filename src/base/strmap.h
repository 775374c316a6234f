/*
 * A hash map from strings to a small payload, keys compared without case
 * (ARM returns the same id in different casings). Evaluators use it to join
 * documents (role assignments to principals, resources to their diagnostic
 * settings, subscriptions to their Defender plans); the privacy toggle to
 * recognise the tenant's names in free text.
 *
 * The map owns copies of its keys; values are opaque pointers the caller
 * owns (release them with the free_val callback of strmap_release()).
 */
#ifndef AZMAT_STRMAP_H
#define AZMAT_STRMAP_H

#include <stddef.h>

struct strmap_slot {
	char *key; /* NULL: empty slot */
	void *val;
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap; /* a power of two, or 0 */
	size_t n;
};

#define STRMAP_INIT { NULL, 0, 0 }

/* The value stored under key, or NULL when absent. */
void *strmap_get(const struct strmap *m, const char *key);
/* True when key is present. */
int strmap_has(const struct strmap *m, const char *key);
/*
 * The value slot for key, inserting key with a NULL value when absent
 * (*created, when not NULL, says which). The pointer is valid until the
 * next insertion.
 */
void **strmap_put(struct strmap *m, const char *key, int *created);
/* Call fn on every entry, in no particular order. */
void strmap_each(const struct strmap *m, void (*fn)(const char *key, void *val, void *ctx),
		 void *ctx);
/* Free the keys, and each value with free_val when not NULL. */
void strmap_release(struct strmap *m, void (*free_val)(void *));

#endif
