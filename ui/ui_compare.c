/*
 * The compare screen: first a choice among the other assessments in the
 * store, then what changed between the two (src/core/diff.h), the older
 * one being "before". The app loads the chosen assessment (UE_COMPARE,
 * ui_set_compare()); the diff is rebuilt here whenever the open side is
 * rescored.
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "ui_int.h"
#include "vm.h"

void ui_compare_release(struct ui_compare *c)
{
	if (c->have_diff)
		diff_release(&c->diff);
	ui_scoring_release(&c->sc);
	answer_set_release(&c->answers);
	if (c->loaded)
		assessment_release(&c->a);
	memset(c, 0, sizeof(*c));
}

static void side(struct diff_side *d, const struct assessment *a, const struct answer_set *answers,
		 const struct ui_scoring *sc)
{
	d->a = a;
	d->answers = answers;
	d->evidence = &sc->ev;
	d->score = &sc->score;
	d->plan = &sc->plan;
}

void ui_compare_rebuild(struct ui_state *s)
{
	struct ui_compare *c = &s->cmp;

	if (c->have_diff)
		diff_release(&c->diff);
	c->have_diff = 0;
	if (!c->loaded || !s->sc.have_plan || !c->sc.have_plan)
		return;
	side(c->open_is_after ? &c->after : &c->before, &s->a, &s->answers, &s->sc);
	side(c->open_is_after ? &c->before : &c->after, &c->a, &c->answers, &c->sc);
	diff_build(&c->before, &c->after, &c->diff);
	c->have_diff = 1;
}

void ui_set_compare(struct ui_state *s, struct assessment *a, struct answer_set *answers,
		    struct evidence_set *ev, char **carried, size_t ncarried,
		    struct plan_overrides *ov, const char *today)
{
	struct ui_compare *c = &s->cmp;
	int order;

	ui_compare_release(c);
	c->a = *a;
	memset(a, 0, sizeof(*a));
	c->answers = *answers;
	memset(answers, 0, sizeof(*answers));
	c->loaded = 1;
	ui_scoring_take(&c->sc, ev, carried, ncarried, ov, today);
	ui_scoring_compute(&c->sc, s->cat, &c->answers);
	order = strcmp(s->a.created_at ? s->a.created_at : "", c->a.created_at ? c->a.created_at : "");
	c->open_is_after = order > 0 || (order == 0 && s->a.id > c->a.id);
	ui_compare_rebuild(s);
	s->pane[SCR_COMPARE][0].sel = 0;
	s->pane[SCR_COMPARE][0].top = 0;
	s->pane[SCR_COMPARE][1].top = 0;
	ui_message(s, MSG_OK, "comparing %lld (before) with %lld (after)",
		   c->open_is_after ? c->a.id : s->a.id, c->open_is_after ? s->a.id : c->a.id);
}

/* The assessments that can be chosen: every one in the list but the open one. */
size_t ui_compare_choices(const struct ui_state *s, const struct assessment **out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < s->nlist; i++) {
		if (s->open && s->list[i].id == s->a.id)
			continue;
		if (n < max)
			out[n] = &s->list[i];
		n++;
	}
	return n;
}

int ui_compare_picking(const struct ui_state *s)
{
	return !s->cmp.have_diff || s->cmp.picking;
}

static int rows_len(const struct ui_state *s, int pane)
{
	if (pane)
		return 0;
	if (ui_compare_picking(s))
		return (int)ui_compare_choices(s, NULL, 0);
	return (int)s->cmp.diff.nitems;
}

static unsigned choose(struct ui_state *s)
{
	const struct assessment *ch[256];
	size_t n = MIN(ARRAY_SIZE(ch), ui_compare_choices(s, ch, ARRAY_SIZE(ch)));
	int sel = s->pane[SCR_COMPARE][0].sel;

	if (sel < 0 || (size_t)sel >= n)
		return 0;
	s->req.aid = ch[sel]->id;
	s->cmp.picking = 0;
	return UE_COMPARE | UE_REDRAW;
}

/* Enter on a changed item: open it in the open assessment. */
static unsigned open_item(struct ui_state *s)
{
	int sel = s->pane[SCR_COMPARE][0].sel;

	if (sel < 0 || (size_t)sel >= s->cmp.diff.nitems)
		return 0;
	return ui_open_item(s, s->cmp.diff.items[sel].item);
}

static unsigned apply(struct ui_state *s, const struct catalog *cat, const struct ui_input *in)
{
	UNUSED(cat);
	switch (in->act) {
	case ACT_OPEN:
		if (s->focus[SCR_COMPARE])
			return 0;
		return ui_compare_picking(s) ? choose(s) : open_item(s);
	case ACT_CHOOSE:
		s->cmp.picking = 1;
		s->pane[SCR_COMPARE][0].sel = 0;
		s->focus[SCR_COMPARE] = 0;
		return UE_REDRAW;
	case ACT_BACK:
		if (s->cmp.picking && s->cmp.have_diff) {
			s->cmp.picking = 0; /* back to the comparison shown before */
			return UE_REDRAW;
		}
		return 0;
	default:
		return 0;
	}
}

const struct ui_screen_ext ui_screen_compare = { "Compare", vm_compare, apply, rows_len, 0 };
