/*
 * Answering: the one-key answers, the prompts for "not applicable" and
 * "risk accepted", and the note editor. Each asks the app to store the
 * answer (UE_SAVE_ANSWER) and shows it only once the app says it is saved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strutil.h"
#include "timeutil.h"
#include "ui_int.h"
#include "vm.h"
#include "xalloc.h"

#define REASON_MAX 4096
#define OWNER_MAX 200

static void set_str(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src ? src : "");
}

/* Fill req.answer from the question's current answer (or an empty one). */
static void req_from_current(struct ui_state *s, const struct cat_question *q)
{
	const struct answer *cur = answer_set_find(&s->answers, q->id);

	answer_release(&s->req.answer);
	if (cur) {
		answer_copy(&s->req.answer, cur);
	} else {
		answer_init(&s->req.answer, q->id);
	}
}

int ui_read_only(struct ui_state *s)
{
	if (!s->a.signed_off_at)
		return 0;
	ui_message(s, MSG_ERROR, "assessment %lld is signed off and read-only", s->a.id);
	return 1;
}

void ui_form_open(struct ui_state *s, enum ui_form_kind kind, size_t n)
{
	size_t i;

	memset(s->form.label, 0, sizeof(s->form.label));
	s->form.kind = kind;
	s->form.n = n;
	s->form.field = 0;
	s->form.error[0] = '\0';
	s->form.saving = 0;
	for (i = 0; i < UI_FORM_FIELDS; i++) {
		editor_release(&s->form.f[i]);
		editor_init(&s->form.f[i], OWNER_MAX, 0);
	}
	s->modal = MODAL_FORM;
}

static void open_answer_form(struct ui_state *s, const struct cat_question *q, enum answer_value v)
{
	const struct answer *cur = answer_set_find(&s->answers, q->id);

	ui_form_open(s, v == ANSWER_NA ? FORM_NA : FORM_RISK, v == ANSWER_NA ? 1 : 3);
	editor_release(&s->form.f[0]);
	editor_init(&s->form.f[0], REASON_MAX, 0);
	s->form.label[0] = v == ANSWER_NA ? "Why does it not apply?" : "Why is the risk accepted?";
	s->form.label[1] = "Who owns the risk?";
	s->form.label[2] = "Review by (YYYY-MM-DD)";
	if (cur && (cur->value == ANSWER_NA || cur->value == ANSWER_RISK_ACCEPTED)) {
		editor_set(&s->form.f[0], cur->reason);
		editor_set(&s->form.f[1], cur->owner);
		editor_set(&s->form.f[2], cur->expiry);
	}
}

/* Is n refused on q's item? Then say why (the evidence shows the scope). */
static int na_refused(struct ui_state *s, const struct cat_question *q)
{
	const struct check_result *r;

	if (!s->sc.loaded)
		return 0;
	r = score_na_refusal(q->item, &s->sc.ev);
	if (!r)
		return 0;
	if (r->total)
		ui_message(s, MSG_ERROR, "n/a refused: the evidence found %lu resource%s in scope (%s)",
			   r->total, r->total == 1 ? "" : "s", r->check_id);
	else
		ui_message(s, MSG_ERROR, "n/a refused: the evidence shows the scope exists (%s)",
			   r->check_id);
	return 1;
}

/* Save v for q as an ordinary answer (no suggestion involved). */
static unsigned save_value(struct ui_state *s, const struct cat_question *q, enum answer_value v,
			   enum answer_value suggested)
{
	req_from_current(s, q);
	s->req.answer.value = v;
	set_str(&s->req.answer.reason, "");
	set_str(&s->req.answer.owner, "");
	set_str(&s->req.answer.expiry, "");
	s->req.answer.suggested = suggested;
	set_str(&s->req.answer.override_reason, "");
	return UE_SAVE_ANSWER | UE_REDRAW;
}

/*
 * A one-key answer where the evidence suggests one: the same value takes
 * the suggestion; another asks why (the override keeps the evidence).
 */
static unsigned answer_over_suggestion(struct ui_state *s, const struct cat_question *q,
				       enum answer_value v, enum answer_value sug)
{
	char label[200];

	if (answer_score(v) == answer_score(sug))
		return save_value(s, q, v, sug);
	ui_form_open(s, FORM_OVERRIDE, 1);
	editor_release(&s->form.f[0]);
	editor_init(&s->form.f[0], REASON_MAX, 0);
	s->form.value = v;
	snprintf(label, sizeof(label), "The evidence suggests %s. Why %s?",
		 vm_answer_label(s->cat, sug), vm_answer_label(s->cat, v));
	snprintf(s->form.label_text, sizeof(s->form.label_text), "%s", label);
	s->form.label[0] = s->form.label_text;
	return UE_REDRAW;
}

/* a: take the evidence's suggestion, or confirm a carried-over answer. */
static unsigned accept(struct ui_state *s, const struct cat_question *q)
{
	enum answer_value sug;

	if (!q || ui_read_only(s))
		return UE_REDRAW;
	if (ui_is_carried(s, q->id)) {
		req_from_current(s, q);
		return UE_SAVE_ANSWER | UE_REDRAW;
	}
	sug = ui_suggestion(s, q);
	if (sug != ANSWER_NONE)
		return save_value(s, q, sug, sug);
	ui_message(s, MSG_INFO, "%s: nothing to accept (no evidence suggestion, nothing carried over)",
		   q->id);
	return UE_REDRAW;
}

/*
 * A: every suggestion of the item taken and every carried-over answer
 * confirmed, in one go, so that the item is not scored half-answered (an
 * open question counts 0) between two keys.
 */
static unsigned accept_all(struct ui_state *s)
{
	const struct cat_item *it = ui_cur_item(s);
	size_t i;

	if (!it || ui_read_only(s))
		return UE_REDRAW;
	answer_set_release(&s->req.batch);
	for (i = 0; i < it->nquestions; i++) {
		const struct cat_question *q = &it->questions[i];
		enum answer_value sug = ui_suggestion(s, q);
		if (sug == ANSWER_NONE && !ui_is_carried(s, q->id))
			continue;
		if (sug != ANSWER_NONE)
			save_value(s, q, sug, sug); /* the request it prepares goes into the batch */
		else
			req_from_current(s, q);
		answer_set_put(&s->req.batch, &s->req.answer);
	}
	if (!s->req.batch.n) {
		ui_message(s, MSG_INFO, "%s: nothing to accept (no evidence suggestion, nothing "
					"carried over)", it->id);
		return UE_REDRAW;
	}
	return UE_SAVE_ANSWERS | UE_REDRAW;
}

int ui_batch_next(struct ui_state *s)
{
	struct answer_set *b = &s->req.batch;

	if (!b->n)
		return 0;
	answer_release(&s->req.answer);
	s->req.answer = b->a[0];
	memmove(b->a, b->a + 1, (b->n - 1) * sizeof(b->a[0]));
	b->n--;
	return 1;
}

void ui_batch_saved(struct ui_state *s, size_t saved, int failed)
{
	const struct cat_item *it = ui_cur_item(s);

	answer_set_release(&s->req.batch);
	if (!failed && saved > 1)
		ui_message(s, MSG_OK, "saved %zu answers of %s: the evidence's suggestions taken, "
				      "carried-over answers confirmed", saved, it ? it->id : "");
}

unsigned ui_answer_key(struct ui_state *s, enum ui_action act)
{
	static const struct {
		enum ui_action act;
		enum answer_value v;
	} keys[] = {
		{ ACT_ANSWER_NOT_STARTED, ANSWER_NOT_STARTED }, { ACT_ANSWER_PLANNED, ANSWER_PLANNED },
		{ ACT_ANSWER_PARTIAL, ANSWER_PARTIAL },         { ACT_ANSWER_LARGELY, ANSWER_LARGELY },
		{ ACT_ANSWER_FULLY, ANSWER_FULLY },             { ACT_ANSWER_NA, ANSWER_NA },
		{ ACT_ANSWER_RISK, ANSWER_RISK_ACCEPTED },      { ACT_ANSWER_UNKNOWN, ANSWER_UNKNOWN },
		{ ACT_ANSWER_CLEAR, ANSWER_NONE },
	};
	const struct cat_question *q = ui_cur_question(s);
	enum answer_value sug;
	size_t i;

	if (act == ACT_ACCEPT)
		return accept(s, q);
	if (act == ACT_ACCEPT_ALL)
		return accept_all(s);
	if (act == ACT_EDIT_NOTE && q) {
		const struct answer *cur = answer_set_find(&s->answers, q->id);
		if (ui_read_only(s))
			return UE_REDRAW;
		editor_set(&s->note, cur ? cur->note : "");
		s->note_saving = 0;
		s->modal = MODAL_EDITOR;
		return UE_REDRAW;
	}
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (keys[i].act != act)
			continue;
		if (!q || ui_read_only(s))
			return UE_REDRAW;
		if (keys[i].v == ANSWER_NA && na_refused(s, q))
			return UE_REDRAW;
		if (keys[i].v == ANSWER_NA || keys[i].v == ANSWER_RISK_ACCEPTED) {
			open_answer_form(s, q, keys[i].v);
			return UE_REDRAW;
		}
		sug = ui_suggestion(s, q);
		if (sug != ANSWER_NONE && keys[i].v >= ANSWER_NOT_STARTED && keys[i].v <= ANSWER_FULLY)
			return answer_over_suggestion(s, q, keys[i].v, sug);
		return save_value(s, q, keys[i].v, ANSWER_NONE);
	}
	return 0;
}

int ui_edit_text(struct editor *e, const struct ui_input *in, int width)
{
	switch (in->act) {
	case ACT_CHAR:
		editor_insert_cp(e, in->cp);
		return 1;
	case ACT_TYPE:
		editor_insert(e, in->text ? in->text : "", in->text ? strlen(in->text) : 0);
		return 1;
	case ACT_BACKSPACE:
		editor_backspace(e);
		return 1;
	case ACT_DELETE_CHAR:
		editor_delete(e);
		return 1;
	case ACT_CUR_LEFT:
		editor_left(e);
		return 1;
	case ACT_CUR_RIGHT:
		editor_right(e);
		return 1;
	case ACT_CUR_HOME:
		editor_home(e);
		return 1;
	case ACT_CUR_END:
		editor_end(e);
		return 1;
	case ACT_KILL_LINE:
		editor_kill_line(e);
		return 1;
	case ACT_CUR_UP:
		editor_up(e, width);
		return 1;
	case ACT_CUR_DOWN:
		editor_down(e, width);
		return 1;
	default:
		return 0;
	}
}

/* Check the answer prompt; on success fill req.answer. */
static int answer_form_ok(struct ui_state *s)
{
	const struct cat_question *q = ui_cur_question(s);
	const char *reason = editor_text(&s->form.f[0]);
	const char *owner = editor_text(&s->form.f[1]);
	const char *expiry = editor_text(&s->form.f[2]);
	int risk = s->form.kind == FORM_RISK;

	if (!q)
		return 0;
	if (str_is_blank(reason)) {
		s->form.field = 0;
		snprintf(s->form.error, sizeof(s->form.error), "%s",
			 risk ? "say why the risk is accepted" : "say why the question does not apply");
		return 0;
	}
	if (risk && str_is_blank(owner)) {
		s->form.field = 1;
		snprintf(s->form.error, sizeof(s->form.error), "name who owns the risk");
		return 0;
	}
	if (risk && !time_is_date(expiry)) {
		s->form.field = 2;
		snprintf(s->form.error, sizeof(s->form.error),
			 "the review date must be a real date written YYYY-MM-DD");
		return 0;
	}
	req_from_current(s, q);
	s->req.answer.value = risk ? ANSWER_RISK_ACCEPTED : ANSWER_NA;
	set_str(&s->req.answer.reason, reason);
	set_str(&s->req.answer.owner, risk ? owner : "");
	set_str(&s->req.answer.expiry, risk ? expiry : "");
	s->req.answer.suggested = ANSWER_NONE;
	set_str(&s->req.answer.override_reason, "");
	return 1;
}

/* The override prompt: a reason is required; the evidence stays as it is. */
static int override_form_ok(struct ui_state *s)
{
	const struct cat_question *q = ui_cur_question(s);
	const char *reason = editor_text(&s->form.f[0]);
	enum answer_value sug;

	if (!q)
		return 0;
	sug = ui_suggestion(s, q);
	if (str_is_blank(reason)) {
		snprintf(s->form.error, sizeof(s->form.error),
			 "say why the answer differs from the evidence (Esc keeps it unanswered)");
		return 0;
	}
	save_value(s, q, s->form.value, sug);
	set_str(&s->req.answer.override_reason, reason);
	return 1;
}

static int assessment_form_ok(struct ui_state *s)
{
	if (str_is_blank(editor_text(&s->form.f[0]))) {
		s->form.field = 0;
		snprintf(s->form.error, sizeof(s->form.error), "the assessment needs a name");
		return 0;
	}
	ui_release_req_fields(s);
	s->req.name = xstrdup(editor_text(&s->form.f[0]));
	s->req.org = xstrdup(editor_text(&s->form.f[1]));
	s->req.tenant = xstrdup(editor_text(&s->form.f[2]));
	s->req.assessor = xstrdup(editor_text(&s->form.f[3]));
	return 1;
}

static unsigned form_submit(struct ui_state *s)
{
	if (s->form.saving)
		return 0;
	s->form.error[0] = '\0';
	if (s->form.kind == FORM_NA || s->form.kind == FORM_RISK || s->form.kind == FORM_OVERRIDE) {
		if (!(s->form.kind == FORM_OVERRIDE ? override_form_ok(s) : answer_form_ok(s)))
			return UE_REDRAW;
		s->form.saving = 1;
		return UE_SAVE_ANSWER | UE_REDRAW;
	}
	if (s->form.kind == FORM_PLAN)
		return ui_plan_form_submit(s);
	if (s->form.kind == FORM_FILE)
		return ui_export_file_submit(s);
	if (s->form.kind == FORM_COLLECT)
		return ui_collect_form_submit(s);
	if (!assessment_form_ok(s))
		return UE_REDRAW;
	s->form.saving = 1;
	return (s->form.kind == FORM_NEW ? UE_CREATE : UE_UPDATE) | UE_REDRAW;
}

unsigned ui_form_input(struct ui_state *s, const struct ui_input *in)
{
	struct editor *e = &s->form.f[s->form.field];

	switch (in->act) {
	case ACT_NEWLINE:
		if (s->paste) {
			editor_insert(e, " ", 1);
			return UE_REDRAW;
		}
		if (s->form.field + 1 < s->form.n) {
			s->form.field++;
			return UE_REDRAW;
		}
		return form_submit(s);
	case ACT_NEXT_FIELD:
		s->form.field = (s->form.field + 1) % s->form.n;
		return UE_REDRAW;
	case ACT_PREV_FIELD:
		s->form.field = (s->form.field + s->form.n - 1) % s->form.n;
		return UE_REDRAW;
	case ACT_SUBMIT:
		return form_submit(s);
	case ACT_CANCEL:
		s->modal = MODAL_NONE;
		s->form.saving = 0;
		ui_message(s, MSG_INFO, "cancelled: nothing changed");
		return UE_REDRAW;
	default:
		return ui_edit_text(e, in, 1000) ? UE_REDRAW : 0;
	}
}

unsigned ui_editor_input(struct ui_state *s, const struct ui_input *in)
{
	const struct cat_question *q = ui_cur_question(s);

	switch (in->act) {
	case ACT_NEWLINE:
		editor_insert(&s->note, "\n", 1);
		return UE_REDRAW;
	case ACT_SUBMIT:
		if (s->note_saving || !q)
			return 0;
		if (!s->note.dirty) {
			s->modal = MODAL_NONE;
			return UE_REDRAW;
		}
		req_from_current(s, q);
		set_str(&s->req.answer.note, editor_text(&s->note));
		s->note_saving = 1;
		return UE_SAVE_ANSWER | UE_REDRAW;
	case ACT_CANCEL:
		s->modal = MODAL_NONE;
		s->note_saving = 0;
		ui_message(s, MSG_INFO, s->note.dirty ? "note changes discarded" : "note unchanged");
		return UE_REDRAW;
	default:
		return ui_edit_text(&s->note, in, ui_editor_width(s)) ? UE_REDRAW : 0;
	}
}

void ui_open_assessment_form(struct ui_state *s, enum ui_form_kind kind)
{
	int sel = s->pane[SCR_ASSESSMENTS][0].sel;

	ui_form_open(s, kind, 4);
	s->form.label[0] = "Name";
	s->form.label[1] = "Organisation";
	s->form.label[2] = "Entra tenant id";
	s->form.label[3] = "Assessor";
	if (kind == FORM_RENAME && sel >= 0 && (size_t)sel < s->nlist) {
		s->req.aid = s->list[sel].id;
		editor_set(&s->form.f[0], s->list[sel].name);
		editor_set(&s->form.f[1], s->list[sel].organisation);
		editor_set(&s->form.f[2], s->list[sel].tenant_id);
		editor_set(&s->form.f[3], s->list[sel].assessor);
	} else {
		editor_set(&s->form.f[3], s->who ? s->who : "");
	}
}

unsigned ui_confirm_open(struct ui_state *s, enum ui_confirm_kind kind)
{
	s->confirm = kind;
	s->modal = MODAL_CONFIRM;
	return UE_REDRAW;
}

unsigned ui_confirm_input(struct ui_state *s, const struct ui_input *in)
{
	static const char *const declined[] = {
		[CONFIRM_DELETE] = "not deleted",
		[CONFIRM_SIGNOFF] = "not signed off",
		[CONFIRM_OVERWRITE] = "not written: the file is as it was",
	};
	int sel = s->pane[SCR_ASSESSMENTS][0].sel;

	if (s->modal != MODAL_CONFIRM) {
		/* ACT_DELETE on the assessments screen: ask first. */
		if (sel < 0 || (size_t)sel >= s->nlist)
			return 0;
		s->req.aid = s->list[sel].id;
		return ui_confirm_open(s, CONFIRM_DELETE);
	}
	s->modal = MODAL_NONE;
	if (in->act != ACT_YES) {
		ui_message(s, MSG_INFO, "%s", declined[s->confirm]);
		return UE_REDRAW;
	}
	switch (s->confirm) {
	case CONFIRM_SIGNOFF:
		return ui_dashboard_signoff_confirmed(s);
	case CONFIRM_OVERWRITE:
		return ui_export_overwrite_confirmed(s);
	default:
		return UE_DELETE | UE_REDRAW;
	}
}

unsigned ui_search_input(struct ui_state *s, const struct ui_input *in)
{
	struct ui_pane_state *ps = &s->pane[SCR_SEARCH][0];
	const struct search_hit *h;
	size_t k;

	switch (in->act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN: {
		int d = in->act == ACT_UP ? -1 : in->act == ACT_DOWN ? 1 : ui_page(s, 0);
		if (in->act == ACT_PAGE_UP)
			d = -d;
		ps->sel += d;
		if (ps->sel >= (int)s->hits.n)
			ps->sel = (int)s->hits.n - 1;
		if (ps->sel < 0)
			ps->sel = 0;
		return UE_REDRAW;
	}
	case ACT_OPEN:
		if (ps->sel < 0 || (size_t)ps->sel >= s->hits.n)
			return 0;
		h = &s->hits.v[ps->sel];
		for (k = 0; k < s->cat->nitems; k++)
			if (s->cat->items[k] == h->item)
				break;
		ui_goto_item(s, k, h->q ? (int)h->q->index : 0);
		s->back = SCR_ITEM;
		return UE_REDRAW | ui_save_position(s);
	case ACT_BACK:
		s->screen = s->back;
		return UE_REDRAW;
	case ACT_CLICK:
	case ACT_WHEEL_UP:
	case ACT_WHEEL_DOWN:
		return ui_mouse(s, in);
	default:
		if (!ui_edit_text(&s->query, in, 1000))
			return 0;
		search_run(s->cat, editor_text(&s->query), &s->hits);
		ps->sel = 0;
		ps->top = 0;
		return UE_REDRAW;
	}
}
