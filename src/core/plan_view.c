/*
 * The plan's overrides, sorting and filtering: what the plan screen and the
 * exporters use to present rows, and what the CLI validates edits with.
 */
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "strutil.h"
#include "timeutil.h"
#include "xalloc.h"

static const char *const sort_ids[] = {
#define SORT_ROW(e, id) id,
	PLAN_SORT_LIST(SORT_ROW)
#undef SORT_ROW
};

const char *plan_sort_id(enum plan_sort s)
{
	return s < PLAN_SORT__COUNT ? sort_ids[s] : "";
}

int plan_sort_parse(const char *s)
{
	int i;

	for (i = 0; s && i < PLAN_SORT__COUNT; i++)
		if (!strcmp(sort_ids[i], s))
			return i;
	return -1;
}

const struct plan_override *plan_overrides_find(const struct plan_overrides *ov,
						const char *item_id)
{
	size_t i;

	for (i = 0; i < ov->n; i++)
		if (!strcmp(ov->o[i].item_id, item_id))
			return &ov->o[i];
	return NULL;
}

static void override_copy(struct plan_override *dst, const struct plan_override *src)
{
	dst->item_id = xstrdup(src->item_id);
	dst->owner = xstrdup_or_null(src->owner);
	dst->due = xstrdup_or_null(src->due);
	dst->status = xstrdup_or_null(src->status);
	dst->updated_at = xstrdup(src->updated_at ? src->updated_at : "");
	dst->updated_by = xstrdup(src->updated_by ? src->updated_by : "");
}

void plan_override_release(struct plan_override *o)
{
	free(o->item_id);
	free(o->owner);
	free(o->due);
	free(o->status);
	free(o->updated_at);
	free(o->updated_by);
	memset(o, 0, sizeof(*o));
}

void plan_overrides_put(struct plan_overrides *ov, const struct plan_override *o)
{
	size_t i;

	for (i = 0; i < ov->n; i++) {
		if (!strcmp(ov->o[i].item_id, o->item_id)) {
			struct plan_override copy;
			override_copy(&copy, o);
			plan_override_release(&ov->o[i]);
			ov->o[i] = copy;
			return;
		}
	}
	ALLOC_GROW(ov->o, ov->n, ov->alloc);
	override_copy(&ov->o[ov->n++], o);
}

void plan_overrides_release(struct plan_overrides *ov)
{
	size_t i;

	for (i = 0; i < ov->n; i++)
		plan_override_release(&ov->o[i]);
	free(ov->o);
	memset(ov, 0, sizeof(*ov));
}

enum az_err plan_override_check(const char *owner, const char *due, const char *status,
				struct errmsg *em)
{
	size_t i, n;

	if (owner) {
		n = strlen(owner);
		if (n > 200)
			return errmsg_set(em, AZ_ERR_USAGE, "the owner is longer than 200 bytes");
		if (!utf8_valid(owner, n))
			return errmsg_set(em, AZ_ERR_USAGE, "the owner is not valid UTF-8");
		for (i = 0; i < n; i++)
			if ((unsigned char)owner[i] < 0x20 || owner[i] == 0x7f)
				return errmsg_set(em, AZ_ERR_USAGE,
						  "the owner contains a control character");
	}
	if (due && *due && !time_is_date(due))
		return errmsg_set(em, AZ_ERR_USAGE, "the due date is not a date (YYYY-MM-DD)");
	if (status && plan_status_parse(status) < 0)
		return errmsg_set(em, AZ_ERR_USAGE,
				  "the status must be open, in-progress, blocked or done");
	return AZ_OK;
}

/* Default order: lane, priority (high first), step, catalog order. */
static int cmp_default(const struct plan_row *a, const struct plan_row *b)
{
	if (a->lane != b->lane)
		return a->lane < b->lane ? -1 : 1;
	if (a->priority > b->priority + 1e-9)
		return -1;
	if (b->priority > a->priority + 1e-9)
		return 1;
	if (a->step != b->step)
		return a->step < b->step ? -1 : 1;
	return a->si < b->si ? -1 : a->si > b->si;
}

static int cmp_key(const struct plan_row *a, const struct plan_row *b, enum plan_sort key)
{
	switch (key) {
	case PLAN_SORT_PRIORITY:
		return a->priority > b->priority + 1e-9 ? -1 : b->priority > a->priority + 1e-9;
	case PLAN_SORT_DUE:
		return strcmp(a->due, b->due);
	case PLAN_SORT_OWNER:
		/* Unassigned rows last. */
		if (!*a->owner != !*b->owner)
			return *a->owner ? -1 : 1;
		return strcmp(a->owner, b->owner);
	case PLAN_SORT_STEP:
		return a->step < b->step ? -1 : a->step > b->step;
	case PLAN_SORT_STATUS:
		return a->status < b->status ? -1 : a->status > b->status;
	default:
		return 0;
	}
}

static enum plan_sort sort_key;
static int sort_desc;

static int cmp_rows(const void *pa, const void *pb)
{
	const struct plan_row *a = pa, *b = pb;
	int c = cmp_key(a, b, sort_key);

	if (c)
		return sort_desc ? -c : c;
	return cmp_default(a, b);
}

void plan_sort(struct plan *p, enum plan_sort key, int descending)
{
	/* qsort has no context argument in C11; the plan is sorted on one thread. */
	sort_key = key;
	sort_desc = descending;
	if (p->n > 1)
		qsort(p->rows, p->n, sizeof(*p->rows), cmp_rows);
}

size_t plan_filter_rows(const struct plan *p, const struct plan_filter *f, size_t *idx)
{
	size_t i, n = 0;

	for (i = 0; i < p->n; i++) {
		const struct plan_row *r = &p->rows[i];

		if (f->lane >= 0 && (int)r->lane != f->lane)
			continue;
		if (f->owner && strcmp(f->owner, r->owner))
			continue;
		if (f->status >= 0 && (int)r->status != f->status)
			continue;
		if (f->kind >= 0 && (int)r->kind != f->kind)
			continue;
		if (f->step && r->step != f->step)
			continue;
		if ((f->quick_only && !r->quick_win) || (f->open_only && r->status == PLAN_DONE))
			continue;
		idx[n++] = i;
	}
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t plan_owners(const struct plan *p, const char **out, size_t max)
{
	const char **all = p->n ? xcalloc(p->n, sizeof(*all)) : NULL;
	size_t i, n = 0, k = 0;

	for (i = 0; i < p->n; i++)
		if (*p->rows[i].owner)
			all[n++] = p->rows[i].owner;
	if (n > 1)
		qsort(all, n, sizeof(*all), cmp_str);
	for (i = 0; i < n; i++) {
		if (i && !strcmp(all[i], all[i - 1]))
			continue;
		if (k < max)
			out[k] = all[i];
		k++;
	}
	free(all);
	return k;
}
