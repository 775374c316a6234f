/*
 * The reducer: one input in, plain state changed, effect flags out
 * (htop HandlerResult, ncdu input_handle). Navigation lives here; answers,
 * prompts, the note editor and search in their own files.
 */
#include "ui.h"

#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "ui_int.h"
#include "xalloc.h"

const struct cat_item *ui_cur_item(const struct ui_state *s)
{
	const struct cat_step *st;

	if (s->step >= s->cat->nsteps)
		return NULL;
	st = &s->cat->steps[s->step];
	return s->item < st->nitems ? &st->items[s->item] : NULL;
}

const struct cat_question *ui_cur_question(const struct ui_state *s)
{
	const struct cat_item *it = ui_cur_item(s);
	int q = s->pane[SCR_ITEM][0].sel;

	if (!it || q < 0 || (size_t)q >= it->nquestions)
		return NULL;
	return &it->questions[q];
}

int ui_list_len(const struct ui_state *s, enum ui_screen scr)
{
	const struct cat_item *it;

	switch (scr) {
	case SCR_ASSESSMENTS:
		return (int)s->nlist + 1 + ((s->flags & UI_DEMO) ? 1 : 0);
	case SCR_OVERVIEW:
		return (int)s->cat->nsteps;
	case SCR_STEP:
		return s->step < s->cat->nsteps ? (int)s->cat->steps[s->step].nitems : 0;
	case SCR_ITEM:
		it = ui_cur_item(s);
		return it ? (int)it->nquestions : 0;
	case SCR_SEARCH:
		return (int)s->hits.n;
	default:
		return 0;
	}
}

int ui_npanes(const struct ui_state *s, enum ui_screen scr)
{
	int i, n = 0;

	switch (scr) {
	case SCR_HELP:
		return 1;
	case SCR_ITEM:
		return s->item_pane ? 3 : 2;
	case SCR_SCORE:
	case SCR_PLAN:
	case SCR_COMPARE:
	case SCR_EXPORT:
	case SCR_COLLECT:
		/* a later screen has the panes its view model laid out */
		for (i = 0; i < UI_NPANES; i++)
			n += s->hit[i].present;
		return n ? n : 1;
	default:
		return 2;
	}
}

int ui_page(const struct ui_state *s, int pane)
{
	int h = s->hit[pane].present ? s->hit[pane].h : 10;

	return h > 1 ? h - 1 : 1;
}

/* Is pane of the current screen a list (selection) rather than text? */
static int pane_is_list(const struct ui_state *s, int pane)
{
	if (s->screen == SCR_HELP)
		return 0;
	if (s->screen >= SCR_SCORE)
		return s->hit[pane].present ? s->hit[pane].list : pane == 0;
	return pane == 0;
}

/* Another item: its text panes (guidance, evidence) start at their tops. */
static void item_text_panes_top(struct ui_state *s)
{
	int i;

	for (i = 1; i < UI_NPANES; i++)
		s->pane[SCR_ITEM][i].top = 0;
}

/* The selection of the list in pane of the current screen changed to sel. */
static void select_row(struct ui_state *s, int pane, int sel)
{
	const struct ui_screen_ext *x = s->screen >= SCR_SCORE ? s->ext[s->screen] : NULL;
	int n = ui_list_len(s, s->screen);
	struct ui_pane_state *ps = &s->pane[s->screen][x ? pane : 0];

	if (x)
		n = x->list_len ? x->list_len(s, pane) : sel + 1;
	if (sel >= n)
		sel = n - 1;
	if (sel < 0)
		sel = 0;
	ps->sel = sel;
	if (s->screen == SCR_OVERVIEW) {
		if (s->step != (unsigned)sel) {
			s->pane[SCR_STEP][0].sel = 0;
			item_text_panes_top(s);
		}
		s->step = (unsigned)sel;
	} else if (s->screen == SCR_STEP) {
		if (s->item != (unsigned)sel) {
			s->pane[SCR_ITEM][0].sel = 0;
			item_text_panes_top(s);
		}
		s->item = (unsigned)sel;
	}
}

/* Move the focused pane: a list by rows, text by lines. */
static unsigned move(struct ui_state *s, int delta, int absolute)
{
	int pane = s->focus[s->screen];
	struct ui_pane_state *ps = &s->pane[s->screen][pane];

	if (pane_is_list(s, pane)) {
		select_row(s, pane, absolute ? delta : ps->sel + delta);
	} else {
		ps->top = absolute ? delta : ps->top + delta;
		if (ps->top < 0)
			ps->top = 0;
	}
	return UE_REDRAW;
}

void ui_goto_item(struct ui_state *s, size_t k, int q)
{
	const struct cat_item *it = s->cat->items[k];

	s->step = it->step->number - 1;
	s->item = (unsigned)(it - s->cat->steps[s->step].items);
	s->pane[SCR_OVERVIEW][0].sel = (int)s->step;
	s->pane[SCR_STEP][0].sel = (int)s->item;
	s->pane[SCR_ITEM][0].sel = q;
	item_text_panes_top(s);
	s->screen = SCR_ITEM;
}

unsigned ui_open_item(struct ui_state *s, const struct cat_item *it)
{
	size_t k;

	for (k = 0; it && k < s->cat->nitems; k++) {
		if (s->cat->items[k] != it)
			continue;
		ui_goto_item(s, k, 0);
		return UE_REDRAW | ui_save_position(s);
	}
	return 0;
}

/* The roadmap index of the current item. */
static size_t item_index(const struct ui_state *s)
{
	const struct cat_item *it = ui_cur_item(s);
	size_t k;

	for (k = 0; it && k < s->cat->nitems; k++)
		if (s->cat->items[k] == it)
			return k;
	return 0;
}

/* ] and [: the next item on the item screen, the next step elsewhere. */
static unsigned next_prev(struct ui_state *s, int dir)
{
	if (s->screen == SCR_ITEM) {
		size_t k = item_index(s);
		if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= s->cat->nitems)) {
			ui_message(s, MSG_INFO, "%s item of the roadmap", dir < 0 ? "first" : "last");
			return UE_REDRAW;
		}
		ui_goto_item(s, dir < 0 ? k - 1 : k + 1, 0);
		return UE_REDRAW | UE_SAVE_POSITION;
	}
	if (s->screen == SCR_STEP) {
		if ((dir < 0 && s->step == 0) || (dir > 0 && s->step + 1 >= s->cat->nsteps))
			return UE_REDRAW;
		s->step = dir < 0 ? s->step - 1 : s->step + 1;
		s->item = 0;
		s->pane[SCR_OVERVIEW][0].sel = (int)s->step;
		s->pane[SCR_STEP][0].sel = 0;
		return UE_REDRAW | UE_SAVE_POSITION;
	}
	if (s->screen == SCR_OVERVIEW || s->screen == SCR_ASSESSMENTS)
		return move(s, dir, 0);
	return 0;
}

/* Remember the position of the open assessment in req for UE_SAVE_POSITION. */
unsigned ui_save_position(struct ui_state *s)
{
	if (!s->open)
		return 0;
	s->req.aid = s->a.id;
	ui_position_get(s, &s->req.pos);
	return UE_SAVE_POSITION;
}

/* Leave the open assessment for the list. */
static unsigned close_assessment(struct ui_state *s)
{
	unsigned fx;

	if (ui_collect_busy(s)) {
		ui_message(s, MSG_INFO, "a collection is running for this assessment: E shows it, c cancels it");
		return UE_REDRAW;
	}
	fx = ui_save_position(s);

	ui_forget_assessment(s);
	s->screen = SCR_ASSESSMENTS;
	s->back = SCR_ASSESSMENTS;
	return fx | UE_LOAD_LIST | UE_REDRAW;
}

static unsigned open_selection(struct ui_state *s)
{
	int sel = s->pane[s->screen][0].sel;

	switch (s->screen) {
	case SCR_ASSESSMENTS:
		if (sel < (int)s->nlist) {
			s->req.aid = s->list[sel].id;
			return UE_OPEN | UE_REDRAW;
		}
		if (sel == (int)s->nlist) {
			ui_open_assessment_form(s, FORM_NEW);
			return UE_REDRAW;
		}
		return UE_DEMO | UE_REDRAW;
	case SCR_OVERVIEW:
		s->screen = SCR_STEP;
		s->pane[SCR_STEP][0].sel = (int)s->item;
		return ui_save_position(s) | UE_REDRAW;
	case SCR_STEP:
		if (!ui_cur_item(s))
			return 0;
		s->screen = SCR_ITEM;
		return ui_save_position(s) | UE_REDRAW;
	case SCR_ITEM:
		ui_message(s, MSG_INFO, "answer with 1-5, n, r or u; e edits the note");
		return UE_REDRAW;
	default:
		return 0;
	}
}

static unsigned go_back(struct ui_state *s, int quit)
{
	switch (s->screen) {
	case SCR_ASSESSMENTS:
		return quit ? UE_QUIT : 0;
	case SCR_OVERVIEW:
		return close_assessment(s);
	case SCR_STEP:
		s->screen = SCR_OVERVIEW;
		return ui_save_position(s) | UE_REDRAW;
	case SCR_ITEM:
		s->screen = SCR_STEP;
		s->pane[SCR_STEP][0].sel = (int)s->item;
		return ui_save_position(s) | UE_REDRAW;
	default:
		s->screen = s->open ? s->back : SCR_ASSESSMENTS;
		return UE_REDRAW;
	}
}

static unsigned goto_step(struct ui_state *s, int n)
{
	if (n < 1 || (size_t)n > s->cat->nsteps)
		return 0;
	s->pane[SCR_OVERVIEW][0].sel = n - 1;
	if (s->step != (unsigned)(n - 1)) {
		s->item = 0;
		s->pane[SCR_STEP][0].sel = 0;
	}
	s->step = (unsigned)(n - 1);
	s->screen = SCR_STEP;
	return ui_save_position(s) | UE_REDRAW;
}

static unsigned show_overlay(struct ui_state *s, enum ui_screen scr)
{
	if (s->screen == scr)
		return go_back(s, 0);
	if (scr == SCR_SEARCH && !s->open) {
		ui_message(s, MSG_INFO, "open an assessment first, then search its roadmap");
		return UE_REDRAW;
	}
	if (scr >= SCR_SCORE && !ui_screen_available(s, scr)) {
		ui_message(s, MSG_INFO, "the %s screen is not part of this build", ui_screen_name(scr));
		return UE_REDRAW;
	}
	if (scr >= SCR_SCORE && !s->open) {
		ui_message(s, MSG_INFO, "open an assessment first");
		return UE_REDRAW;
	}
	if (s->screen == SCR_OVERVIEW || s->screen == SCR_STEP || s->screen == SCR_ITEM ||
	    s->screen == SCR_ASSESSMENTS)
		s->back = s->screen;
	s->screen = scr;
	s->focus[scr] = scr >= SCR_SCORE ? s->ext[scr]->focus : 0;
	if (scr == SCR_HELP)
		s->pane[SCR_HELP][0].top = 0;
	if (scr == SCR_SEARCH)
		search_run(s->cat, editor_text(&s->query), &s->hits);
	/* the comparison chooses among the assessments in the store now */
	return UE_REDRAW | (scr >= SCR_SCORE ? UE_RESCORE : 0) | (scr == SCR_COMPARE ? UE_LOAD_LIST : 0);
}

/* Which hit pane holds screen cell (y, x); -1 for none. */
static int pane_at(const struct ui_state *s, int y, int x)
{
	int i;

	for (i = 0; i < UI_NPANES; i++) {
		const struct ui_hit *h = &s->hit[i];
		if (h->present && y >= h->y - 1 && y < h->y + h->h && x >= h->x && x < h->x + h->w)
			return i;
	}
	return -1;
}

unsigned ui_mouse(struct ui_state *s, const struct ui_input *in)
{
	int pane = pane_at(s, in->y, in->x), row, group;
	const struct ui_hit *h;

	if (pane < 0 || s->modal != MODAL_NONE)
		return 0;
	h = &s->hit[pane];
	s->focus[s->screen] = pane;
	if (in->act == ACT_WHEEL_UP || in->act == ACT_WHEEL_DOWN)
		return move(s, (in->act == ACT_WHEEL_UP ? -1 : 1) * (h->list ? 1 : 3), 0);
	row = in->y - h->y;
	if (!h->list || row < 0 || row >= h->h)
		return UE_REDRAW;
	group = h->group[row];
	if (group < 0)
		return UE_REDRAW;
	if (group == s->pane[s->screen][pane].sel && s->screen != SCR_ITEM) {
		const struct ui_input open = { .act = ACT_OPEN };
		if (s->screen >= SCR_SCORE && s->ext[s->screen]->apply)
			return s->ext[s->screen]->apply(s, s->cat, &open);
		return s->screen == SCR_SEARCH ? ui_search_input(s, &open) : open_selection(s);
	}
	select_row(s, pane, group);
	return UE_REDRAW;
}

static unsigned cycle_pane(struct ui_state *s, int dir)
{
	int n = ui_npanes(s, s->screen);

	s->focus[s->screen] = (s->focus[s->screen] + dir + n) % n;
	return UE_REDRAW;
}

/* Keys that mean the same on every screen without a dialog. */
static unsigned global(struct ui_state *s, const struct ui_input *in, int *handled)
{
	*handled = 1;
	if (ui_action_screen(in->act) != SCR__COUNT)
		return show_overlay(s, ui_action_screen(in->act));
	switch (in->act) {
	case ACT_PRIVACY:
		s->flags ^= UI_PRIVATE;
		ui_message(s, MSG_INFO, "privacy %s",
			   (s->flags & UI_PRIVATE) ? "on: names and identifiers are masked"
						   : "off");
		return UE_REDRAW;
	case ACT_QUIT_NOW:
		return ui_save_position(s) | UE_QUIT;
	case ACT_CLICK:
	case ACT_WHEEL_UP:
	case ACT_WHEEL_DOWN:
		return ui_mouse(s, in);
	default:
		*handled = 0;
		return 0;
	}
}

static unsigned navigate(struct ui_state *s, const struct ui_input *in)
{
	int pane = s->focus[s->screen], page = ui_page(s, pane);

	switch (in->act) {
	case ACT_UP:
		return move(s, -1, 0);
	case ACT_DOWN:
		return move(s, 1, 0);
	case ACT_PAGE_UP:
		return move(s, -page, 0);
	case ACT_PAGE_DOWN:
		return move(s, page, 0);
	case ACT_TOP:
		return move(s, 0, 1);
	case ACT_BOTTOM:
		return move(s, 1 << 20, 1);
	case ACT_OPEN:
		return open_selection(s);
	case ACT_BACK:
		return go_back(s, 0);
	case ACT_QUIT:
		return go_back(s, 1);
	case ACT_NEXT_PANE:
		return cycle_pane(s, 1);
	case ACT_PREV_PANE:
		return cycle_pane(s, -1);
	case ACT_NEXT:
		return next_prev(s, 1);
	case ACT_PREV:
		return next_prev(s, -1);
	case ACT_GOTO_STEP:
		return s->screen == SCR_OVERVIEW ? goto_step(s, in->arg) : 0;
	case ACT_NEW:
	case ACT_RENAME:
		if (s->screen != SCR_ASSESSMENTS)
			return 0;
		if (in->act == ACT_RENAME && s->pane[SCR_ASSESSMENTS][0].sel >= (int)s->nlist)
			return 0;
		ui_open_assessment_form(s, in->act == ACT_NEW ? FORM_NEW : FORM_RENAME);
		return UE_REDRAW;
	case ACT_DELETE:
		return s->screen == SCR_ASSESSMENTS ? ui_confirm_input(s, in) : 0;
	default:
		return s->screen == SCR_ITEM ? ui_answer_key(s, in->act) : 0;
	}
}

static int too_small(const struct ui_state *s)
{
	return s->lines < 24 || s->cols < 80;
}

/*
 * Nothing can be seen, so nothing is answered, opened or saved. Text typed
 * into an open prompt or the note editor still lands there: keys typed
 * just before a resize can arrive just after it, and must not be lost.
 */
static unsigned while_too_small(struct ui_state *s, const struct ui_input *in)
{
	struct editor *e = NULL;

	if (in->act == ACT_QUIT || in->act == ACT_QUIT_NOW)
		return s->modal == MODAL_NONE ? ui_save_position(s) | UE_QUIT : 0;
	if (s->modal == MODAL_EDITOR)
		e = &s->note;
	else if (s->modal == MODAL_FORM)
		e = &s->form.f[s->form.field];
	else if (s->screen == SCR_SEARCH)
		e = &s->query;
	if (!e)
		return 0;
	if (in->act == ACT_NEWLINE && s->modal == MODAL_EDITOR) {
		editor_insert(e, "\n", 1);
		return 0;
	}
	if (!ui_edit_text(e, in, ui_editor_width(s)))
		return 0;
	if (e == &s->query)
		search_run(s->cat, editor_text(&s->query), &s->hits);
	return UE_REDRAW;
}

unsigned ui_apply(struct ui_state *s, const struct ui_input *in)
{
	unsigned fx;
	int handled;

	switch (in->act) {
	case ACT_NONE:
		return 0;
	case ACT_RESIZE:
		s->lines = in->y;
		s->cols = in->x;
		return UE_REDRAW;
	case ACT_DUMP:
		free(s->req.path);
		s->req.path = xstrdup(in->text ? in->text : "");
		return UE_DUMP;
	case ACT_PASTE_BEGIN:
		s->paste = 1;
		return 0;
	case ACT_PASTE_END:
		s->paste = 0;
		return UE_REDRAW;
	case ACT_COLLECT_EVENT:
		/* the background reports whatever the screen or dialog */
		return in->ev ? ui_collect_event(s, in->ev) : 0;
	default:
		break;
	}
	if (too_small(s))
		return while_too_small(s, in);
	if (s->modal == MODAL_FORM)
		return ui_form_input(s, in);
	if (s->modal == MODAL_EDITOR)
		return ui_editor_input(s, in);
	if (s->modal == MODAL_CONFIRM)
		return ui_confirm_input(s, in);
	if (s->screen == SCR_SEARCH)
		return ui_search_input(s, in);
	/* Pasted text outside a text field must not turn into answers. */
	if (s->paste)
		return 0;
	s->msg_kind = MSG_NONE;
	if (s->screen >= SCR_SCORE && s->ext[s->screen] && s->ext[s->screen]->apply) {
		fx = s->ext[s->screen]->apply(s, s->cat, in);
		if (fx)
			return fx;
	}
	fx = global(s, in, &handled);
	if (handled)
		return fx;
	return navigate(s, in);
}
