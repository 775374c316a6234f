/*
 * An item: its questions with their answers and notes, and beside (or
 * below) them the guidance: how to judge the selected question, why the
 * item matters, what to do, and references. A third pane (the evidence
 * panel) appears when later work registers one (ui_state.item_pane).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "ui_int.h"
#include "vm.h"

#define NOTE_LINES 3

/* Up to max wrapped lines of text under a label, "..." when cut. */
static void detail(struct vm_pane *p, int group, int indent, const char *label, const char *text,
		   enum vm_style style, size_t max)
{
	struct text_lines l = TEXT_LINES_INIT;
	struct buf pad = BUF_INIT(256);
	size_t i;
	int lw = (int)strlen(label);

	for (i = 0; i < (size_t)indent; i++)
		buf_addch(&pad, ' ');
	text_wrap(text, MAX(10, p->width - indent - lw), &l);
	for (i = 0; i < l.n && i < max; i++) {
		struct vm_row *r = vm_row_new(p, group);
		vm_row_add_raw(r, pad.data, pad.len, VS_TEXT);
		if (!i)
			vm_row_add(r, label, VS_DIM);
		else
			for (int k = 0; k < lw; k++)
				vm_row_add_raw(r, " ", 1, VS_TEXT);
		vm_row_add_raw(r, l.v[i], strlen(l.v[i]), style);
		if (i + 1 == max && l.n > max)
			vm_row_add(r, (text_ascii() ? " ..." : " \xe2\x80\xa6"), VS_DIM);
	}
	text_lines_release(&l);
	buf_release(&pad);
}

static void question(const struct ui_state *s, struct vm_pane *p, const struct cat_question *q)
{
	const struct answer *a = answer_set_find(&s->answers, q->id);
	enum answer_value v = a ? a->value : ANSWER_NONE, sug = ui_suggestion(s, q);
	int carried = a && ui_is_carried(s, q->id);
	struct text_lines l = TEXT_LINES_INIT;
	struct buf badge = BUF_INIT(256);
	int group = (int)q->index, indent;
	char idcol[16];
	size_t i;

	snprintf(idcol, sizeof(idcol), "%-6s", q->id);
	buf_addch(&badge, carried ? '?' : '[');
	text_pad(&badge, vm_answer_label(s->cat, v), strlen(vm_answer_label(s->cat, v)), 14);
	buf_addstr(&badge, carried ? "? " : "] ");
	indent = (int)strlen(idcol) + text_width(badge.data, badge.len);
	text_wrap(q->text, MAX(10, p->width - indent), &l);
	for (i = 0; i < l.n; i++) {
		struct vm_row *r = vm_row_new(p, group);
		if (!i) {
			vm_row_add(r, idcol, VS_BOLD);
			vm_row_add_raw(r, badge.data, badge.len, carried ? VS_WARN : vm_answer_style(v));
		} else {
			for (int k = 0; k < indent; k++)
				vm_row_add_raw(r, " ", 1, VS_TEXT);
		}
		vm_row_add_raw(r, l.v[i], strlen(l.v[i]), VS_TEXT);
	}
	if (a && *a->reason) {
		char *t = vm_private(s, a->reason, 0);
		detail(p, group, indent, v == ANSWER_NA ? "why: " : "reason: ", t, VS_TEXT, 2);
		free(t);
	}
	if (a && *a->owner) {
		char *o = vm_private(s, a->owner, 1), line[512];
		snprintf(line, sizeof(line), "%s, review by %s", o, a->expiry);
		detail(p, group, indent, "owner: ", line, VS_TEXT, 1);
		free(o);
	}
	if (a && a->override_reason && *a->override_reason) {
		char *t = vm_private(s, a->override_reason, 0), lab[64];
		snprintf(lab, sizeof(lab), "evidence said %s; why not: ", vm_answer_label(s->cat, a->suggested));
		detail(p, group, indent, lab, t, VS_TEXT, 2);
		free(t);
	} else if (a && a->suggested != ANSWER_NONE && a->value != ANSWER_NONE) {
		detail(p, group, indent, "", "taken from the evidence's suggestion", VS_DIM, 1);
	}
	if (a && *a->note) {
		char *t = vm_private(s, a->note, 0);
		detail(p, group, indent, "note: ", t, VS_INFO, NOTE_LINES);
		free(t);
	}
	if (a && ui_is_carried(s, q->id))
		detail(p, group, indent, "", "carried over, to confirm (a confirms)", VS_WARN, 1);
	else if (sug != ANSWER_NONE) {
		char line[160];
		snprintf(line, sizeof(line), "evidence suggests %s (a takes it)", vm_answer_label(s->cat, sug));
		detail(p, group, indent, "", line, VS_INFO, 2);
	}
	vm_line(p, -1, "", VS_TEXT);
	text_lines_release(&l);
	buf_release(&badge);
}

static void references(struct vm_pane *p, const struct cat_item *it)
{
	size_t i;

	if (!it->nrefs)
		return;
	vm_line(p, -1, "References", VS_HEADING);
	for (i = 0; i < it->nrefs; i++) {
		vm_wrap(p, -1, 0, it->refs[i].title, VS_TEXT);
		vm_wrap(p, -1, 2, it->refs[i].url, VS_DIM);
	}
	vm_line(p, -1, "", VS_TEXT);
}

static void mappings(struct vm_pane *p, const struct cat_item *it)
{
	struct buf b = BUF_INIT(4096);
	size_t i;

	for (i = 0; i < it->nprinciples; i++)
		buf_addf(&b, "%s%s", b.len ? ", " : "", it->principles[i]);
	for (i = 0; i < it->ncis; i++)
		buf_addf(&b, "%sCIS %s", b.len ? ", " : "", it->cis[i]);
	for (i = 0; i < it->nmcsb; i++)
		buf_addf(&b, "%sMCSB %s", b.len ? ", " : "", it->mcsb[i]);
	vm_section(p, "Maps to", b.data);
	buf_release(&b);
}

static void guidance(const struct ui_state *s, struct vm_pane *p, const struct cat_item *it)
{
	const struct cat_question *q = ui_cur_question(s);
	char line[128];

	vm_set_title(p, "%s", s->item_pane && !(s->cols >= VM_WIDE) ? "Guidance (Tab: evidence)" : "Guidance");
	if (q) {
		const struct answer *a = answer_set_find(&s->answers, q->id);
		if (a && a->updated_by && *a->updated_by) {
			char *who = vm_private(s, a->updated_by, 1), last[256];
			snprintf(last, sizeof(last), "%s last changed by %s, %.10s %.5s", q->id, who,
				 a->updated_at, a->updated_at + MIN(strlen(a->updated_at), (size_t)11));
			vm_line(p, -1, last, VS_DIM);
			vm_line(p, -1, "", VS_TEXT);
			free(who);
		}
	}
	if (q && q->hint && *q->hint) {
		snprintf(line, sizeof(line), "How to judge %s", q->id);
		vm_section(p, line, q->hint);
	}
	vm_section(p, "Why it matters", it->why);
	vm_section(p, "Guidance", it->guidance);
	vm_section(p, "What to do", it->action);
	vm_section(p, "Done when", it->acceptance);
	vm_section(p, "Questionnaire only", it->questionnaire_only);
	references(p, it);
	mappings(p, it);
}

void vm_item(const struct ui_state *s, struct vm *vm)
{
	const struct cat_item *it = ui_cur_item(s);
	struct vm_pane *p = &vm->pane[0];
	size_t i;

	/* stacked, the focused pane gets the larger share */
	vm_layout(s, vm, ui_npanes(s, SCR_ITEM), vm->wide ? 50 : s->focus[SCR_ITEM] ? 40 : 62);
	p->list = 1;
	if (!it)
		return;
	vm_set_title(p, "%s %s", it->id, it->title);
	for (i = 0; i < it->nquestions; i++)
		question(s, p, &it->questions[i]);
	guidance(s, &vm->pane[1], it);
	if (s->item_pane && vm->pane[2].present) {
		struct vm_pane *e = &vm->pane[2];
		vm_set_title(e, "%s", s->item_pane_title ? s->item_pane_title : "Evidence");
		s->item_pane(s, s->cat, it, e->width, e);
	}
}
