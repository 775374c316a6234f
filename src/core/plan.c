/*
 * Building the remediation plan from a score. See plan.h and
 * docs/scoring.md ("The plan") for the rules and their interpretation.
 */
#include "plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strutil.h"
#include "timeutil.h"
#include "xalloc.h"

#define EPS 1e-9

struct lane_row {
	const char *id;
	const char *label;
	unsigned days;
};

static const struct lane_row lanes[] = {
#define LANE_ROW(e, id, label, days) { id, label, days },
	PLAN_LANE_LIST(LANE_ROW)
#undef LANE_ROW
};

static const char *const status_ids[] = {
#define STATUS_ROW(e, id) id,
	PLAN_STATUS_LIST(STATUS_ROW)
#undef STATUS_ROW
};

static const char *const kind_ids[] = {
#define KIND_ROW(e, id) id,
	PLAN_KIND_LIST(KIND_ROW)
#undef KIND_ROW
};

const char *plan_lane_id(enum plan_lane l)
{
	return l < LANE__COUNT ? lanes[l].id : "";
}

const char *plan_lane_label(enum plan_lane l)
{
	return l < LANE__COUNT ? lanes[l].label : "";
}

unsigned plan_lane_days(enum plan_lane l)
{
	return l < LANE__COUNT ? lanes[l].days : 0;
}

int plan_lane_parse(const char *s)
{
	int i;

	for (i = 0; s && i < LANE__COUNT; i++)
		if (!strcmp(lanes[i].id, s))
			return i;
	return -1;
}

const char *plan_status_id(enum plan_status s)
{
	return s < PLAN_STATUS__COUNT ? status_ids[s] : "";
}

int plan_status_parse(const char *s)
{
	int i;

	for (i = 0; s && i < PLAN_STATUS__COUNT; i++)
		if (!strcmp(status_ids[i], s))
			return i;
	return -1;
}

const char *plan_kind_id(enum plan_kind k)
{
	return k < PLAN_KIND__COUNT ? kind_ids[k] : "";
}

enum az_err plan_days_between(const char *a, const char *b, long *out)
{
	time_t ta, tb;

	if (!time_is_date(a) || !time_is_date(b) || time_parse_iso(a, &ta) ||
	    time_parse_iso(b, &tb))
		return AZ_ERR_PARSE;
	*out = (long)((tb - ta) / 86400);
	return AZ_OK;
}

enum az_err plan_date_add(const char *date, long days, char out[16])
{
	time_t t;

	char tmp[32];

	if (!time_is_date(date) || time_parse_iso(date, &t))
		return AZ_ERR_PARSE;
	time_format_date(t + (time_t)days * 86400, tmp, sizeof(tmp));
	if (!time_is_date(tmp))
		return AZ_ERR_PARSE; /* past year 9999 or before year 1 */
	memcpy(out, tmp, 11);
	return AZ_OK;
}

/* Is question q of the item under a risk acceptance that has not expired? */
static int exception_current(const struct answer *a, const char *today)
{
	long left;

	if (!a || a->value != ANSWER_RISK_ACCEPTED)
		return 0;
	return !plan_days_between(today, a->expiry, &left) && left >= 0;
}

/*
 * An item leaves the plan while every applicable question is either Fully
 * or under a current exception, and at least one is excepted.
 */
static size_t excepted_questions(const struct score_item *si, const struct answer_set *answers,
				 const char *today, int *all_covered)
{
	const struct cat_item *it = si->item;
	size_t i, n = 0;

	*all_covered = 1;
	for (i = 0; i < it->nquestions; i++) {
		const struct answer *a = answer_set_find(answers, it->questions[i].id);
		enum answer_value v = a ? a->value : ANSWER_NONE;

		if (answer_excluded(v) && !si->na_refuted)
			continue;
		if (exception_current(a, today))
			n++;
		else if (v != ANSWER_FULLY)
			*all_covered = 0;
	}
	return n;
}

static enum plan_lane lane_of(const struct score_item *si, unsigned step, unsigned level)
{
	if (si->gating_failed && si->item->risk == CAT_HIGH)
		return LANE_NOW;
	if (step <= level + 1)
		return LANE_NEXT;
	if (step <= level + 3)
		return LANE_LATER;
	return LANE_BACKLOG;
}

double plan_priority(const struct score_item *si, unsigned step, unsigned level, double gap)
{
	double r = (double)score_risk_weight(si->item->risk);
	double effort = si->item->effort == CAT_LOW ? 1.0 : si->item->effort == CAT_MEDIUM ? 2.0 : 3.0;
	int ahead = (int)step - (int)(level + 1);

	return 100.0 * r * gap / effort * pow(0.6, ahead > 0 ? ahead : 0);
}

static int needs_row(const struct score_item *si, double gap)
{
	if (!si->applicable)
		return 0;
	return gap > EPS || si->nunknown || si->na_refuted || !si->has_attested;
}

static void apply_override(struct plan_row *r, const struct plan_override *o)
{
	int st;

	if (!o)
		return;
	if (o->owner && *o->owner) {
		r->owner = o->owner;
		r->overridden |= PLAN_OV_OWNER;
	}
	if (o->due && time_is_date(o->due)) {
		snprintf(r->due, sizeof(r->due), "%s", o->due);
		r->overridden |= PLAN_OV_DUE;
	}
	st = plan_status_parse(o->status);
	if (st >= 0) {
		r->status = (enum plan_status)st;
		r->overridden |= PLAN_OV_STATUS;
	}
}

static void fill_row(const struct plan_input *in, const struct score_item *si, unsigned step,
		     size_t nexcepted, struct plan_row *r)
{
	const struct score *s = in->score;
	struct buf ev = BUF_INIT(BUF_MAX_DEFAULT);

	memset(r, 0, sizeof(*r));
	r->si = si;
	r->item = si->item;
	r->step = step;
	r->kind = si->nunknown || si->na_refuted || !si->has_attested ? PLAN_ASSESS : PLAN_REMEDIATE;
	r->gap = 1.0 - si->effective;
	if (r->gap < EPS)
		r->gap = 0.0;
	r->lane = lane_of(si, step, s->level);
	r->priority = plan_priority(si, step, s->level, r->gap);
	r->quick_win = si->item->risk >= CAT_MEDIUM && si->item->effort == CAT_LOW &&
		       r->gap + EPS >= 0.33;
	plan_date_add(in->today, (long)plan_lane_days(r->lane), r->default_due);
	memcpy(r->due, r->default_due, sizeof(r->due));
	r->owner = "";
	r->status = PLAN_OPEN;
	r->nexcepted = nexcepted;
	apply_override(r, in->overrides ? plan_overrides_find(in->overrides, si->item->id) : NULL);
	r->overdue = r->status != PLAN_DONE && *r->due && strcmp(r->due, in->today) < 0;
	score_evidence_summary(si, &ev);
	r->evidence = buf_detach(&ev, NULL);
}

static void add_exceptions(const struct plan_input *in, const struct score_item *si,
			   struct plan *p, size_t *alloc)
{
	const struct cat_item *it = si->item;
	size_t i;

	for (i = 0; i < it->nquestions; i++) {
		const struct answer *a = answer_set_find(in->answers, it->questions[i].id);
		struct plan_exception *x;
		long left = -1;

		if (!a || a->value != ANSWER_RISK_ACCEPTED)
			continue;
		ALLOC_GROW(p->exceptions, p->nexceptions, *alloc);
		x = &p->exceptions[p->nexceptions++];
		x->item = it;
		x->question = &it->questions[i];
		x->answer = a;
		x->dated = !plan_days_between(in->today, a->expiry, &left);
		x->expired = !x->dated || left < 0;
		x->days_left = x->dated ? left : 0;
		if (x->expired)
			p->nexpired++;
	}
}

enum az_err plan_build(const struct plan_input *in, struct plan *out, struct errmsg *em)
{
	const struct score *s = in->score;
	struct plan p;
	size_t i, j, xalloc = 0;

	if (!in->today || !time_is_date(in->today))
		return errmsg_set(em, AZ_ERR_INVALID, "'%s' is not a date (YYYY-MM-DD)",
				  in->today ? in->today : "");
	memset(&p, 0, sizeof(p));
	snprintf(p.today, sizeof(p.today), "%s", in->today);
	p.level = s->level;
	p.rows = s->nitems ? xcalloc(s->nitems, sizeof(*p.rows)) : NULL;
	for (i = 0; i < s->nsteps; i++) {
		const struct score_step *st = &s->steps[i];
		for (j = 0; j < st->nitems; j++) {
			const struct score_item *si = &s->items[st->first_item + j];
			int covered;
			size_t nx;

			if (!si->applicable)
				continue;
			add_exceptions(in, si, &p, &xalloc);
			nx = excepted_questions(si, in->answers, in->today, &covered);
			if ((nx && covered) || !needs_row(si, 1.0 - si->effective))
				continue;
			fill_row(in, si, st->step->number, nx, &p.rows[p.n++]);
		}
	}
	plan_sort(&p, PLAN_SORT_DEFAULT, 0);
	for (i = 0; i < p.n; i++) {
		p.nlane[p.rows[i].lane]++;
		p.nquick += p.rows[i].quick_win != 0;
		p.nassess += p.rows[i].kind == PLAN_ASSESS;
		p.noverdue += p.rows[i].overdue != 0;
	}
	*out = p;
	return AZ_OK;
}

void plan_release(struct plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->rows[i].evidence);
	free(p->rows);
	free(p->exceptions);
	memset(p, 0, sizeof(*p));
}

const struct plan_row *plan_find(const struct plan *p, const char *item_id)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!strcmp(p->rows[i].item->id, item_id))
			return &p->rows[i];
	return NULL;
}
