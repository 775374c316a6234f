/*
 * Search across the catalog: item titles, guidance, why-it-matters,
 * questions and their hints. Pure. A query is split into words; a field
 * matches when it contains every word, ignoring ASCII case.
 */
#ifndef AZMAT_UI_SEARCH_H
#define AZMAT_UI_SEARCH_H

#include <stddef.h>

#include "catalog.h"

#define SEARCH_FIELD_LIST(X) \
	X(SF_TITLE, "title") \
	X(SF_QUESTION, "question") \
	X(SF_HINT, "hint") \
	X(SF_GUIDANCE, "guidance") \
	X(SF_WHY, "why it matters")

enum search_field {
#define SEARCH_FIELD_ENUM(e, name) e,
	SEARCH_FIELD_LIST(SEARCH_FIELD_ENUM)
#undef SEARCH_FIELD_ENUM
	SF__COUNT
};

struct search_hit {
	const struct cat_item *item;   /* borrowed from the catalog */
	const struct cat_question *q;  /* the question, or NULL for item fields */
	enum search_field field;
	size_t offset; /* where the first word matched in the field's text */
};

struct search_hits {
	struct search_hit *v;
	size_t n;
	size_t alloc;
};

#define SEARCH_HITS_INIT { NULL, 0, 0 }
#define SEARCH_MAX_HITS 500

/*
 * Replace the hits in out with those of query (UTF-8) in cat: titles
 * first, then questions, hints, guidance and why, each in roadmap order;
 * at most SEARCH_MAX_HITS. A blank query gives no hits.
 */
void search_run(const struct catalog *cat, const char *query, struct search_hits *out);
void search_hits_release(struct search_hits *h);

/* The text of a hit's field (borrowed from the catalog). */
const char *search_hit_text(const struct search_hit *h);
/* "title", "question", ... */
const char *search_field_name(enum search_field f);

#endif
