/*
 * Allocation wrappers. azmat is an application, not a library: running out
 * of memory aborts with a message instead of being threaded through every
 * caller (htop XUtils, tmux xmalloc, git xmalloc). Zero-size requests and
 * size overflows are programmer errors and abort too.
 */
#ifndef AZMAT_XALLOC_H
#define AZMAT_XALLOC_H

#include <stddef.h>

/* Return a new block of n bytes (n > 0); never NULL. Caller owns it. */
void *xmalloc(size_t n);
/* Return a zeroed block of nmemb * size bytes; aborts on overflow. */
void *xcalloc(size_t nmemb, size_t size);
/* Resize p to n bytes (n > 0); never NULL. p may be NULL. */
void *xrealloc(void *p, size_t n);
/* Resize an array of nmemb elements of size bytes; aborts on overflow. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
/* Return a copy of s; s must not be NULL. Caller owns the copy. */
char *xstrdup(const char *s);
/* Return a copy of at most n bytes of s, always NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* Return a copy of s, or NULL when s is NULL. */
char *xstrdup_or_null(const char *s);

/* Free *pp and set it to NULL (neomutt FREE, git FREE_AND_NULL). */
#define FREE_AND_NULL(p) \
	do { \
		free(p); \
		(p) = NULL; \
	} while (0)

/*
 * Grow the array *pa, holding *pn used of *palloc slots, so that at least
 * one more element fits. Elements are of size sizeof(**pa).
 */
#define ALLOC_GROW(pa, n, alloc) \
	do { \
		if ((n) + 1 > (alloc)) { \
			(alloc) = (alloc) ? (alloc) * 2 : 8; \
			(pa) = xreallocarray((pa), (alloc), sizeof(*(pa))); \
		} \
	} while (0)

#endif
