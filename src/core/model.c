#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void assessment_release(struct assessment *a)
{
	free(a->name);
	free(a->tenant_id);
	free(a->organisation);
	free(a->assessor);
	free(a->catalog_version);
	free(a->created_at);
	free(a->updated_at);
	free(a->signed_off_at);
	free(a->signed_off_by);
	memset(a, 0, sizeof(*a));
}

void answer_init(struct answer *a, const char *question_id)
{
	a->question_id = xstrdup(question_id);
	a->value = ANSWER_NONE;
	a->reason = xstrdup("");
	a->owner = xstrdup("");
	a->expiry = xstrdup("");
	a->note = xstrdup("");
	a->updated_at = xstrdup("");
	a->updated_by = xstrdup("");
	a->suggested = ANSWER_NONE;
	a->override_reason = xstrdup("");
}

void answer_release(struct answer *a)
{
	free(a->question_id);
	free(a->reason);
	free(a->owner);
	free(a->expiry);
	free(a->note);
	free(a->updated_at);
	free(a->updated_by);
	free(a->override_reason);
	memset(a, 0, sizeof(*a));
	a->value = ANSWER_NONE;
	a->suggested = ANSWER_NONE;
}

static char *dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

void answer_copy(struct answer *dst, const struct answer *src)
{
	dst->question_id = dup_or_empty(src->question_id);
	dst->value = src->value;
	dst->reason = dup_or_empty(src->reason);
	dst->owner = dup_or_empty(src->owner);
	dst->expiry = dup_or_empty(src->expiry);
	dst->note = dup_or_empty(src->note);
	dst->updated_at = dup_or_empty(src->updated_at);
	dst->updated_by = dup_or_empty(src->updated_by);
	dst->suggested = src->suggested;
	dst->override_reason = dup_or_empty(src->override_reason);
}

const struct answer *answer_set_find(const struct answer_set *s, const char *question_id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->a[i].question_id, question_id))
			return &s->a[i];
	return NULL;
}

void answer_set_put(struct answer_set *s, const struct answer *a)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (!strcmp(s->a[i].question_id, a->question_id)) {
			struct answer copy;
			answer_copy(&copy, a);
			answer_release(&s->a[i]);
			s->a[i] = copy;
			return;
		}
	}
	ALLOC_GROW(s->a, s->n, s->alloc);
	answer_copy(&s->a[s->n++], a);
}

void answer_set_release(struct answer_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		answer_release(&s->a[i]);
	free(s->a);
	s->a = NULL;
	s->n = s->alloc = 0;
}

void history_entry_release(struct history_entry *h)
{
	free(h->question_id);
	free(h->field);
	free(h->old_value);
	free(h->new_value);
	free(h->changed_at);
	free(h->changed_by);
	free(h->source);
	memset(h, 0, sizeof(*h));
}
