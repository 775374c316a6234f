/*
 * Building the comparison of two assessments (diff.h).
 */
#include "diff.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define EPS 0.0005

static const char *const kind_ids[] = {
#define KIND_ROW(e, id) id,
	DIFF_KIND_LIST(KIND_ROW)
#undef KIND_ROW
};

static const char *const slip_ids[] = {
#define SLIP_ROW(e, id) id,
	DIFF_SLIP_LIST(SLIP_ROW)
#undef SLIP_ROW
};

const char *diff_kind_id(enum diff_kind k)
{
	return k < DIFF_KIND__COUNT ? kind_ids[k] : "";
}

const char *diff_slip_id(enum diff_slip_kind k)
{
	return k < SLIP__COUNT ? slip_ids[k] : "";
}

static int str_differs(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") != 0;
}

static void diff_answers(struct diff *d, const struct catalog *cat)
{
	size_t i, alloc = 0;

	for (i = 0; i < cat->nquestions; i++) {
		const struct cat_question *q = cat->questions[i];
		const struct answer *x = answer_set_find(d->a->answers, q->id);
		const struct answer *y = answer_set_find(d->b->answers, q->id);
		enum answer_value vx = x ? x->value : ANSWER_NONE, vy = y ? y->value : ANSWER_NONE;
		struct diff_answer *da;
		int text;

		text = (x || y) && (str_differs(x ? x->reason : NULL, y ? y->reason : NULL) ||
				    str_differs(x ? x->owner : NULL, y ? y->owner : NULL) ||
				    str_differs(x ? x->expiry : NULL, y ? y->expiry : NULL) ||
				    str_differs(x ? x->note : NULL, y ? y->note : NULL));
		if (vx == vy && !text)
			continue;
		ALLOC_GROW(d->answers, d->nanswers, alloc);
		da = &d->answers[d->nanswers++];
		da->q = q;
		da->before = x;
		da->after = y;
		da->value_changed = vx != vy;
		da->text_changed = text;
	}
}

static int result_differs(const struct check_result *x, const struct check_result *y)
{
	if (!x || !y)
		return x != y;
	if (x->status != y->status || x->cause != y->cause)
		return 1;
	return fabs(check_result_ratio(x) - check_result_ratio(y)) > EPS;
}

static void diff_flips(struct diff *d, const struct catalog *cat)
{
	size_t i, alloc = 0;

	for (i = 0; i < cat->nchecks; i++) {
		const struct cat_check *c = &cat->checks[i];
		const struct check_result *x = d->a->evidence ? evidence_find(d->a->evidence, c->id) : NULL;
		const struct check_result *y = d->b->evidence ? evidence_find(d->b->evidence, c->id) : NULL;

		if (!result_differs(x, y))
			continue;
		ALLOC_GROW(d->flips, d->nflips, alloc);
		d->flips[d->nflips].check = c;
		d->flips[d->nflips].before = x;
		d->flips[d->nflips++].after = y;
	}
}

static size_t count_answers(const struct diff *d, const struct cat_item *it)
{
	size_t i, n = 0;

	for (i = 0; i < d->nanswers; i++)
		n += d->answers[i].q->item == it;
	return n;
}

static size_t count_flips(const struct diff *d, const struct score_item *si)
{
	size_t i, j, n = 0;

	for (i = 0; i < d->nflips; i++)
		for (j = 0; j < si->nchecks; j++)
			n += d->flips[i].check == si->checks[j].check;
	return n;
}

static int cmp_items(const void *pa, const void *pb)
{
	const struct diff_item *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	/* Regressions: the worst (most negative weighted) first; improvements: the best first. */
	if (fabs(a->weighted - b->weighted) > 1e-9) {
		if (a->kind == DIFF_REGRESSED)
			return a->weighted < b->weighted ? -1 : 1;
		return a->weighted > b->weighted ? -1 : 1;
	}
	return a->before < b->before ? -1 : a->before > b->before;
}

static void diff_items(struct diff *d)
{
	const struct score *sa = d->a->score, *sb = d->b->score;
	size_t i;

	d->items = sa->nitems ? xcalloc(sa->nitems, sizeof(*d->items)) : NULL;
	for (i = 0; i < sa->nitems && i < sb->nitems; i++) {
		const struct score_item *x = &sa->items[i], *y = &sb->items[i];
		struct diff_item *di = &d->items[d->nitems];

		di->item = x->item;
		di->before = x;
		di->after = y;
		di->delta = y->effective - x->effective;
		di->weighted = di->delta * score_risk_weight(x->item->risk);
		if (x->applicable != y->applicable)
			di->kind = y->applicable ? DIFF_NOW_APPLICABLE : DIFF_NOW_NA;
		else if (!x->applicable || fabs(di->delta) <= EPS)
			continue;
		else
			di->kind = di->delta < 0 ? DIFF_REGRESSED : DIFF_IMPROVED;
		di->nanswers = count_answers(d, x->item);
		di->nflips = count_flips(d, x);
		d->nregressed += di->kind == DIFF_REGRESSED;
		d->nimproved += di->kind == DIFF_IMPROVED;
		d->nitems++;
	}
	if (d->nitems > 1)
		qsort(d->items, d->nitems, sizeof(*d->items), cmp_items);
}

static void add_slip(struct diff *d, size_t *alloc, const struct plan_row *x,
		     const struct plan_row *y, enum diff_slip_kind kind, long days)
{
	struct diff_slip *s;

	ALLOC_GROW(d->slips, d->nslips, *alloc);
	s = &d->slips[d->nslips++];
	s->item = x->item;
	s->before = x;
	s->after = y;
	s->kind = kind;
	s->days = days;
}

static void diff_slips(struct diff *d)
{
	const struct plan *pa = d->a->plan, *pb = d->b->plan;
	size_t i, alloc = 0, pass;

	/* Two passes so that overdue tasks come before postponed ones. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < pa->n; i++) {
			const struct plan_row *x = &pa->rows[i];
			const struct plan_row *y = plan_find(pb, x->item->id);
			long days;

			if (!y || y->status == PLAN_DONE)
				continue;
			if (pass == 0 && !plan_days_between(x->due, d->as_of, &days) && days > 0)
				add_slip(d, &alloc, x, y, SLIP_OVERDUE, days);
			/* Postponed: someone set a later date (a new default is not slippage). */
			if (pass == 1 && (y->overridden & PLAN_OV_DUE) &&
			    !plan_days_between(x->due, y->due, &days) && days > 0)
				add_slip(d, &alloc, x, y, SLIP_POSTPONED, days);
		}
	}
}

void diff_build(const struct diff_side *a, const struct diff_side *b, struct diff *out)
{
	const struct catalog *cat = b->score->cat;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->a = a;
	out->b = b;
	out->same_catalog = !strcmp(a->a->catalog_version, b->a->catalog_version);
	snprintf(out->as_of, sizeof(out->as_of), "%s", b->plan->today);
	out->nsteps = b->score->nsteps;
	for (i = 0; i < out->nsteps && i < a->score->nsteps; i++) {
		out->steps[i].step = b->score->steps[i].step;
		out->steps[i].before = &a->score->steps[i];
		out->steps[i].after = &b->score->steps[i];
	}
	diff_answers(out, cat);
	diff_flips(out, cat);
	diff_items(out);
	diff_slips(out);
}

void diff_release(struct diff *d)
{
	free(d->items);
	free(d->answers);
	free(d->flips);
	free(d->slips);
	memset(d, 0, sizeof(*d));
}
