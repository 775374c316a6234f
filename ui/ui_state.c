/*
 * The state's life cycle and what the app layer feeds back into it.
 */
#include "ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "strutil.h"
#include "ui_int.h"
#include "vm.h"
#include "xalloc.h"

#define NOTE_MAX (64 * 1024)
#define QUERY_MAX 200

static const char *const screen_names[] = {
#define UI_SCREEN_NAME(e, name) name,
	UI_SCREEN_LIST(UI_SCREEN_NAME)
#undef UI_SCREEN_NAME
};

const char *ui_screen_name(enum ui_screen s)
{
	return (size_t)s < ARRAY_SIZE(screen_names) ? screen_names[s] : "";
}

enum ui_screen ui_screen_parse(const char *name)
{
	size_t i;

	for (i = 0; name && i < ARRAY_SIZE(screen_names); i++)
		if (!strcmp(screen_names[i], name))
			return (enum ui_screen)i;
	return SCR__COUNT;
}

void ui_init(struct ui_state *s, const struct catalog *cat, int lines, int cols, unsigned flags)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	s->cat = cat;
	s->lines = lines;
	s->cols = cols;
	s->flags = flags;
	s->level = -1;
	s->screen = SCR_ASSESSMENTS;
	s->back = SCR_ASSESSMENTS;
	editor_init(&s->note, NOTE_MAX, 1);
	editor_init(&s->query, QUERY_MAX, 0);
	for (i = 0; i < UI_FORM_FIELDS; i++)
		editor_init(&s->form.f[i], 200, 0);
	editor_init(&s->export.file, 4096, 0);
	ui_collect_init(&s->coll);
	s->plan_view.lane = -1;
	s->export.format = -1; /* chosen when the export screen first opens */
	answer_init(&s->req.answer, "");
}

void ui_release_req_fields(struct ui_state *s)
{
	FREE_AND_NULL(s->req.name);
	FREE_AND_NULL(s->req.org);
	FREE_AND_NULL(s->req.tenant);
	FREE_AND_NULL(s->req.assessor);
	FREE_AND_NULL(s->req.path);
	FREE_AND_NULL(s->req.item_id);
	FREE_AND_NULL(s->req.owner);
	FREE_AND_NULL(s->req.due);
	FREE_AND_NULL(s->req.status);
}

/* Forget the open assessment (the reducer's ui_close() wraps this). */
void ui_forget_assessment(struct ui_state *s)
{
	if (s->open)
		assessment_release(&s->a);
	answer_set_release(&s->answers);
	ui_compare_release(&s->cmp);
	ui_scoring_release(&s->sc);
	strmap_release(&s->private_names, NULL);
	s->have_scores = 0;
	s->level = -1;
	s->open = 0;
}

void ui_release(struct ui_state *s)
{
	size_t i;

	ui_forget_assessment(s);
	ui_privacy_release(s);
	if (s->list) {
		for (i = 0; i < s->nlist; i++)
			assessment_release(&s->list[i]);
		free(s->list);
	}
	free(s->list_progress);
	editor_release(&s->note);
	editor_release(&s->query);
	editor_release(&s->export.file);
	ui_collect_release(&s->coll);
	for (i = 0; i < UI_FORM_FIELDS; i++)
		editor_release(&s->form.f[i]);
	search_hits_release(&s->hits);
	answer_release(&s->req.answer);
	answer_set_release(&s->req.batch);
	ui_release_req_fields(s);
	for (i = 0; i < UI_NPANES; i++)
		free(s->hit[i].group);
	memset(s, 0, sizeof(*s));
}

void ui_register_screen(struct ui_state *s, enum ui_screen scr, const struct ui_screen_ext *ext)
{
	if ((size_t)scr < SCR__COUNT)
		s->ext[scr] = ext;
}

int ui_screen_available(const struct ui_state *s, enum ui_screen scr)
{
	if (scr >= SCR_SCORE && scr < SCR__COUNT)
		return s->ext[scr] && s->ext[scr]->build;
	return scr < SCR__COUNT;
}

enum ui_screen ui_action_screen(enum ui_action a)
{
	switch (a) {
	case ACT_HELP:
		return SCR_HELP;
	case ACT_SEARCH:
		return SCR_SEARCH;
	case ACT_SCORE:
		return SCR_SCORE;
	case ACT_PLAN:
		return SCR_PLAN;
	case ACT_COMPARE:
		return SCR_COMPARE;
	case ACT_EXPORT:
		return SCR_EXPORT;
	case ACT_COLLECT:
		return SCR_COLLECT;
	default:
		return SCR__COUNT;
	}
}

int ui_action_available(const struct ui_state *s, enum ui_action a)
{
	enum ui_screen scr = ui_action_screen(a);

	return scr == SCR__COUNT || ui_screen_available(s, scr);
}

size_t ui_contexts(const struct ui_state *s, enum ui_context *out)
{
	size_t n = 0;

	switch (s->modal) {
	case MODAL_FORM:
		out[n++] = CTX_FORM;
		out[n++] = CTX_TEXT;
		return n;
	case MODAL_EDITOR:
		out[n++] = CTX_EDITOR;
		out[n++] = CTX_TEXT;
		return n;
	case MODAL_CONFIRM:
		out[n++] = CTX_CONFIRM;
		return n;
	case MODAL_NONE:
		break;
	}
	if (s->screen == SCR_SEARCH) {
		out[n++] = CTX_SEARCH;
		out[n++] = CTX_TEXT;
		return n;
	}
	if (s->screen == SCR_ASSESSMENTS)
		out[n++] = CTX_ASSESSMENTS;
	else if (s->screen == SCR_OVERVIEW)
		out[n++] = CTX_OVERVIEW;
	else if (s->screen == SCR_ITEM)
		out[n++] = CTX_ITEM;
	else if (s->screen == SCR_SCORE)
		out[n++] = CTX_SCORE;
	else if (s->screen == SCR_PLAN)
		out[n++] = CTX_PLAN;
	else if (s->screen == SCR_COMPARE)
		out[n++] = CTX_COMPARE;
	else if (s->screen == SCR_EXPORT)
		out[n++] = CTX_EXPORT;
	else if (s->screen == SCR_COLLECT)
		out[n++] = CTX_COLLECT;
	out[n++] = CTX_LIST;
	out[n++] = CTX_GLOBAL;
	return n;
}

void ui_message(struct ui_state *s, enum ui_msg_kind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->msg, sizeof(s->msg), fmt, ap);
	va_end(ap);
	s->msg_kind = kind;
}

void ui_set_list(struct ui_state *s, struct assessment *list, struct progress *prog, size_t n)
{
	size_t i;
	int max;

	for (i = 0; i < s->nlist; i++)
		assessment_release(&s->list[i]);
	free(s->list);
	free(s->list_progress);
	s->list = list;
	s->list_progress = prog;
	s->nlist = n;
	max = (int)n + ((s->flags & UI_DEMO) ? 1 : 0);
	if (s->pane[SCR_ASSESSMENTS][0].sel > max)
		s->pane[SCR_ASSESSMENTS][0].sel = max;
	if (s->modal == MODAL_FORM && s->form.kind == FORM_RENAME && s->form.saving)
		s->modal = MODAL_NONE;
}

/* Clamp a stored position to the catalog. */
static void clamp_position(const struct catalog *cat, struct ui_position *p)
{
	const struct cat_step *st;

	if (p->step >= cat->nsteps)
		p->step = 0;
	st = &cat->steps[p->step];
	if (p->item >= st->nitems)
		p->item = 0;
	if (st->nitems && p->question >= st->items[p->item].nquestions)
		p->question = 0;
	if (p->screen != SCR_OVERVIEW && p->screen != SCR_STEP && p->screen != SCR_ITEM)
		p->screen = SCR_OVERVIEW;
	if (p->pane >= UI_NPANES)
		p->pane = 0;
}

void ui_set_open(struct ui_state *s, struct assessment *a, struct answer_set *answers,
		 const char *position)
{
	struct ui_position p;
	size_t i;

	ui_forget_assessment(s);
	s->a = *a;
	memset(a, 0, sizeof(*a));
	s->answers = *answers;
	memset(answers, 0, sizeof(*answers));
	s->open = 1;
	memset(&p, 0, sizeof(p));
	p.screen = SCR_OVERVIEW;
	if (position)
		ui_position_parse(position, &p);
	clamp_position(s->cat, &p);
	s->screen = p.screen;
	s->back = p.screen;
	s->step = p.step;
	s->item = p.item;
	for (i = 0; i < SCR__COUNT; i++) {
		memset(s->pane[i], 0, sizeof(s->pane[i]));
		s->focus[i] = 0;
	}
	s->pane[SCR_OVERVIEW][0].sel = (int)p.step;
	s->pane[SCR_STEP][0].sel = (int)p.item;
	s->pane[SCR_ITEM][0].sel = (int)p.question;
	s->pane[SCR_ITEM][1].top = (int)p.scroll;
	s->focus[p.screen] = (int)p.pane;
	if (s->modal == MODAL_FORM && s->form.kind == FORM_NEW)
		s->modal = MODAL_NONE;
	ui_export_reset(s);
	ui_collect_reset(s);
	ui_privacy_rebuild(s);
	if (s->a.signed_off_at)
		ui_message(s, MSG_INFO, "this assessment is signed off: answers are read-only");
}

void ui_answer_saved(struct ui_state *s)
{
	const struct answer *a = &s->req.answer;
	const struct cat_question *q = catalog_find_question(s->cat, a->question_id);
	const char *how = "";
	char why[120];

	if (ui_is_carried(s, a->question_id))
		how = " (confirmed)";
	if (a->suggested != ANSWER_NONE && a->override_reason && *a->override_reason) {
		snprintf(why, sizeof(why), " (overrides the evidence's %s)",
			 vm_answer_label(s->cat, a->suggested));
		how = why;
	} else if (a->suggested != ANSWER_NONE) {
		how = " (as the evidence suggests)";
	}
	answer_set_put(&s->answers, a);
	ui_privacy_add(s, a->owner);
	ui_privacy_add(s, a->updated_by);
	ui_scoring_confirmed(s, a->question_id);
	ui_rescore(s);
	if (s->modal == MODAL_FORM &&
	    (s->form.kind == FORM_NA || s->form.kind == FORM_RISK || s->form.kind == FORM_OVERRIDE))
		s->modal = MODAL_NONE;
	if (s->modal == MODAL_EDITOR && s->note_saving)
		s->modal = MODAL_NONE;
	s->form.saving = 0;
	s->note_saving = 0;
	if (a->value == ANSWER_NONE)
		ui_message(s, MSG_OK, "saved %s: %s", a->question_id,
			   *a->note ? "the note (no answer yet)" : "answer cleared");
	else
		ui_message(s, MSG_OK, "saved %s: %s%s%s", a->question_id,
			   vm_answer_label(s->cat, a->value), q && *a->note ? " (with note)" : "", how);
}

void ui_failed(struct ui_state *s, unsigned effect, const char *msg)
{
	UNUSED(effect);
	s->form.saving = 0;
	s->note_saving = 0;
	if (s->modal == MODAL_FORM)
		snprintf(s->form.error, sizeof(s->form.error), "not saved: %s", msg);
	ui_message(s, MSG_ERROR, "not saved: %s", msg);
}

void ui_position_get(const struct ui_state *s, struct ui_position *out)
{
	enum ui_screen scr = s->screen;

	if (scr != SCR_OVERVIEW && scr != SCR_STEP && scr != SCR_ITEM)
		scr = s->back;
	if (scr != SCR_OVERVIEW && scr != SCR_STEP && scr != SCR_ITEM)
		scr = SCR_OVERVIEW;
	out->screen = scr;
	out->step = s->step;
	out->item = s->item;
	out->question = (unsigned)MAX(0, s->pane[SCR_ITEM][0].sel);
	out->scroll = (unsigned)MAX(0, s->pane[SCR_ITEM][1].top);
	out->pane = (unsigned)MAX(0, s->focus[scr]);
}

void ui_position_format(const struct ui_position *p, char *out, size_t n)
{
	snprintf(out, n, "v1 screen=%s step=%u item=%u question=%u scroll=%u pane=%u",
		 ui_screen_name(p->screen), p->step, p->item, p->question, p->scroll, p->pane);
}

int ui_position_parse(const char *s, struct ui_position *out)
{
	struct ui_position p;
	char word[64];
	size_t k;

	memset(&p, 0, sizeof(p));
	p.screen = SCR__COUNT;
	if (!s || !str_has_prefix(s, "v1 "))
		return -1;
	s += 3;
	while (*s) {
		const char *eq;
		long v;
		while (*s == ' ')
			s++;
		for (k = 0; s[k] && s[k] != ' '; k++)
			;
		if (!k)
			break;
		if (k >= sizeof(word))
			return -1;
		memcpy(word, s, k);
		word[k] = '\0';
		s += k;
		eq = strchr(word, '=');
		if (!eq)
			return -1;
		word[eq - word] = '\0';
		if (!strcmp(word, "screen")) {
			p.screen = ui_screen_parse(eq + 1);
			continue;
		}
		if (str_to_long(eq + 1, 0, 100000, &v))
			return -1;
		if (!strcmp(word, "step"))
			p.step = (unsigned)v;
		else if (!strcmp(word, "item"))
			p.item = (unsigned)v;
		else if (!strcmp(word, "question"))
			p.question = (unsigned)v;
		else if (!strcmp(word, "scroll"))
			p.scroll = (unsigned)v;
		else if (!strcmp(word, "pane"))
			p.pane = (unsigned)v;
	}
	if (p.screen == SCR__COUNT)
		return -1;
	*out = p;
	return 0;
}

void ui_sync(struct ui_state *s, const struct vm *vm)
{
	size_t i;
	int r;

	for (i = 0; i < UI_NPANES; i++) {
		const struct vm_pane *p = &vm->pane[i];
		struct ui_hit *h = &s->hit[i];
		free(h->group);
		memset(h, 0, sizeof(*h));
		if (vm->too_small || !p->present)
			continue;
		s->pane[vm->screen][i].top = p->top;
		h->present = 1;
		h->list = p->list;
		h->y = p->r.y + 1;
		h->x = p->r.x;
		h->h = p->r.h - 1;
		h->w = p->r.w;
		h->top = p->top;
		if (h->h < 1)
			continue;
		h->group = xcalloc((size_t)h->h, sizeof(int));
		for (r = 0; r < h->h; r++) {
			size_t row = (size_t)(p->top + r);
			h->group[r] = row < p->nrows ? p->rows[row].group : -1;
		}
	}
	if (s->modal == MODAL_EDITOR && vm->dialog.present)
		s->note.top = vm->dialog.body.top;
}
