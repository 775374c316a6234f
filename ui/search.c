/*
 * Catalog search.
 */
#include "search.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "xalloc.h"

#define MAX_WORDS 8

static const char *const field_names[] = {
#define SEARCH_FIELD_NAME(e, name) name,
	SEARCH_FIELD_LIST(SEARCH_FIELD_NAME)
#undef SEARCH_FIELD_NAME
};

const char *search_field_name(enum search_field f)
{
	return (size_t)f < ARRAY_SIZE(field_names) ? field_names[f] : "";
}

void search_hits_release(struct search_hits *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->alloc = 0;
}

/* Find needle (n bytes) in hay ignoring ASCII case; offset or -1. */
static long find_nocase(const char *hay, const char *needle, size_t n)
{
	const char *p;

	for (p = hay; *p; p++) {
		size_t i;
		for (i = 0; i < n && p[i]; i++)
			if (tolower((unsigned char)p[i]) != tolower((unsigned char)needle[i]))
				break;
		if (i == n)
			return (long)(p - hay);
	}
	return -1;
}

struct words {
	const char *w[MAX_WORDS];
	size_t len[MAX_WORDS];
	size_t n;
};

static void split(const char *q, struct words *out)
{
	out->n = 0;
	while (*q && out->n < MAX_WORDS) {
		size_t k = 0;
		while (*q == ' ')
			q++;
		while (q[k] && q[k] != ' ')
			k++;
		if (k) {
			out->w[out->n] = q;
			out->len[out->n++] = k;
		}
		q += k;
	}
}

/* Offset of the first word in text when every word is there, else -1. */
static long match(const char *text, const struct words *w)
{
	long first = -1;
	size_t i;

	if (!text)
		return -1;
	for (i = 0; i < w->n; i++) {
		long at = find_nocase(text, w->w[i], w->len[i]);
		if (at < 0)
			return -1;
		if (!i)
			first = at;
	}
	return first;
}

static void add(struct search_hits *out, const struct cat_item *it, const struct cat_question *q,
		enum search_field f, long at)
{
	struct search_hit *h;

	if (at < 0 || out->n >= SEARCH_MAX_HITS)
		return;
	ALLOC_GROW(out->v, out->n, out->alloc);
	h = &out->v[out->n++];
	h->item = it;
	h->q = q;
	h->field = f;
	h->offset = (size_t)at;
}

const char *search_hit_text(const struct search_hit *h)
{
	switch (h->field) {
	case SF_TITLE:
		return h->item->title;
	case SF_QUESTION:
		return h->q->text;
	case SF_HINT:
		return h->q->hint ? h->q->hint : "";
	case SF_GUIDANCE:
		return h->item->guidance;
	case SF_WHY:
		return h->item->why;
	default:
		return "";
	}
}

void search_run(const struct catalog *cat, const char *query, struct search_hits *out)
{
	struct words w;
	unsigned f;
	size_t i, k;

	out->n = 0;
	split(query ? query : "", &w);
	if (!w.n)
		return;
	/* An item or question id typed exactly comes first. */
	if (w.n == 1) {
		char id[16];
		const struct cat_question *q;
		const struct cat_item *it;
		if (w.len[0] < sizeof(id)) {
			memcpy(id, w.w[0], w.len[0]);
			id[w.len[0]] = '\0';
			it = catalog_find_item(cat, id);
			q = catalog_find_question(cat, id);
			if (q)
				add(out, q->item, q, SF_QUESTION, 0);
			else if (it)
				add(out, it, NULL, SF_TITLE, 0);
		}
	}
	for (f = 0; f < SF__COUNT; f++) {
		for (i = 0; i < cat->nitems; i++) {
			const struct cat_item *it = cat->items[i];
			if (f == SF_TITLE)
				add(out, it, NULL, SF_TITLE, match(it->title, &w));
			else if (f == SF_GUIDANCE)
				add(out, it, NULL, SF_GUIDANCE, match(it->guidance, &w));
			else if (f == SF_WHY)
				add(out, it, NULL, SF_WHY, match(it->why, &w));
			else
				for (k = 0; k < it->nquestions; k++)
					add(out, it, &it->questions[k], (enum search_field)f,
					    match(f == SF_QUESTION ? it->questions[k].text
								   : it->questions[k].hint,
						  &w));
		}
	}
}
