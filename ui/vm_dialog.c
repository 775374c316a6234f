/*
 * Dialogs drawn over a screen: the answer prompts, the assessment form,
 * the delete confirmation and the note editor. Each is a box whose body
 * is a pane of rows; the cursor goes where the text is being typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "strutil.h"
#include "text.h"
#include "ui_int.h"
#include "vm.h"
#include "xalloc.h"

/* Start a dialog w columns wide; rows are then added to its body. */
static struct vm_pane *box(struct vm *vm, int w, const char *title)
{
	struct vm_dialog *d = &vm->dialog;

	w = MIN(w, vm->cols - 2);
	d->present = 1;
	d->r.w = w;
	d->body.width = w - 4;
	d->body.r.w = w - 4;
	d->body.present = 1;
	d->body.sel = -1;
	d->title = xstrdup(title);
	return &d->body;
}

/* Size the box to its rows (at least min_h lines) and centre it. */
static void box_place(struct vm *vm, int min_h)
{
	struct vm_dialog *d = &vm->dialog;
	int h = MIN(MAX((int)d->body.nrows + 2, min_h), vm->lines - 2);

	d->r.h = h;
	d->r.y = MAX(1, (vm->lines - h) / 2);
	d->r.x = (vm->cols - d->r.w) / 2;
	d->body.r.y = d->r.y + 1;
	d->body.r.x = d->r.x + 2;
	d->body.r.h = h - 2;
}

/*
 * One text field: the part of the text around the cursor that fits,
 * in a highlighted cell run. Returns the cursor's column in the row.
 */
static int field_row(struct vm_pane *p, const struct editor *e, int focused)
{
	struct vm_row *r = vm_row_new(p, -1);
	struct buf shown = BUF_INIT(8192), pad = BUF_INIT(8192);
	const char *t = editor_text(e);
	int w = p->width - 3, before = text_width(t, e->cur);
	size_t start = 0;

	/* scroll horizontally so that the cursor stays visible */
	while (before - text_width(t, start) > w - 1)
		start += utf8_prefix_bytes(t + start, 1);
	text_clean(&shown, t + start, 0);
	vm_row_add(r, "  ", VS_TEXT);
	text_pad(&pad, shown.data, shown.len, w);
	vm_row_add_raw(r, pad.data, pad.len, focused ? VS_KEY : VS_DIM);
	buf_release(&shown);
	buf_release(&pad);
	return 2 + before - text_width(t, start);
}

static void form(const struct ui_state *s, struct vm *vm)
{
	const struct ui_form *f = &s->form;
	const struct cat_question *q = ui_cur_question(s);
	struct vm_pane *p;
	char title[128];
	size_t i;
	int cur_row = 0, cur_col = 0;

	switch (f->kind) {
	case FORM_NA:
		snprintf(title, sizeof(title), "Not applicable: %s", q ? q->id : "");
		break;
	case FORM_RISK:
		snprintf(title, sizeof(title), "Risk accepted: %s", q ? q->id : "");
		break;
	case FORM_NEW:
		snprintf(title, sizeof(title), "New assessment");
		break;
	case FORM_OVERRIDE:
		snprintf(title, sizeof(title), "%s, against the evidence: %s",
			 vm_answer_label(s->cat, f->value), q ? q->id : "");
		break;
	case FORM_PLAN:
		snprintf(title, sizeof(title), "Plan task %s", s->req.item_id ? s->req.item_id : "");
		break;
	case FORM_FILE:
		snprintf(title, sizeof(title), "Export to file");
		break;
	case FORM_COLLECT:
		snprintf(title, sizeof(title), "Collection setting");
		break;
	default:
		snprintf(title, sizeof(title), "Edit assessment %lld", s->req.aid);
		break;
	}
	p = box(vm, 72, title);
	if ((f->kind == FORM_NA || f->kind == FORM_RISK || f->kind == FORM_OVERRIDE) && q) {
		struct text_lines l = TEXT_LINES_INIT;
		text_wrap(q->text, p->width, &l);
		for (i = 0; i < l.n && i < 2; i++)
			vm_line(p, -1, l.v[i], VS_DIM);
		text_lines_release(&l);
		vm_line(p, -1, "", VS_TEXT);
	}
	for (i = 0; i < f->n; i++) {
		int col;
		struct vm_row *r = vm_row_new(p, -1);
		vm_row_add(r, i == f->field ? "> " : "  ", VS_BOLD);
		vm_row_add(r, f->label[i] ? f->label[i] : "", i == f->field ? VS_BOLD : VS_TEXT);
		col = field_row(p, &f->f[i], i == f->field);
		if (i == f->field) {
			cur_row = (int)p->nrows - 1;
			cur_col = col;
		}
		vm_line(p, -1, "", VS_TEXT);
	}
	if (f->error[0])
		vm_line(p, -1, f->error, VS_ERROR);
	else if (f->saving)
		vm_line(p, -1, "saving...", VS_INFO);
	box_place(vm, 0);
	vm->cur_y = p->r.y + cur_row;
	vm->cur_x = p->r.x + cur_col;
}

/* Sign-off and overwrite: what happens, then the keys. */
static void confirm_other(const struct ui_state *s, struct vm *vm)
{
	struct vm_pane *p;
	char text[600], *who;

	if (s->confirm == CONFIRM_SIGNOFF) {
		p = box(vm, 64, "Sign off");
		who = vm_private(s, s->who ? s->who : "", 1);
		snprintf(text, sizeof(text),
			 "Sign off assessment %lld as %s? Its answers, notes and plan become "
			 "read-only for good; reports show who signed it off and when.",
			 s->a.id, who);
		free(who);
		vm_wrap(p, -1, 0, text, VS_TEXT);
		vm_line(p, -1, "", VS_TEXT);
		vm_line(p, -1, "y signs off; any other key does not", VS_BOLD);
	} else {
		p = box(vm, 64, "Replace the file?");
		snprintf(text, sizeof(text), "%s exists. Replace it with this export?",
			 editor_text(&s->export.file));
		vm_wrap(p, -1, 0, text, VS_TEXT);
		vm_line(p, -1, "", VS_TEXT);
		vm_line(p, -1, "y replaces it; any other key keeps it", VS_BOLD);
	}
	box_place(vm, 0);
}

static void confirm(const struct ui_state *s, struct vm *vm)
{
	struct vm_pane *p;
	const char *name = "";
	char *shown, text[512];
	size_t i;

	if (s->confirm != CONFIRM_DELETE) {
		confirm_other(s, vm);
		return;
	}
	p = box(vm, 64, "Delete");
	for (i = 0; i < s->nlist; i++)
		if (s->list[i].id == s->req.aid)
			name = s->list[i].name;
	shown = vm_private(s, name, 0);
	snprintf(text, sizeof(text),
		 "Delete assessment %lld, \"%s\", with all its answers, notes, history and "
		 "settings? This cannot be undone.",
		 s->req.aid, shown);
	vm_wrap(p, -1, 0, text, VS_TEXT);
	vm_line(p, -1, "", VS_TEXT);
	vm_line(p, -1, "y deletes it; any other key keeps it", VS_BOLD);
	box_place(vm, 0);
	free(shown);
}

static void note(const struct ui_state *s, struct vm *vm)
{
	const struct cat_question *q = ui_cur_question(s);
	struct editor_line *lines;
	struct vm_pane *p;
	size_t n, i;
	int width = ui_editor_width(s), row, col, visible, top, base;
	char title[64];

	snprintf(title, sizeof(title), "Note for %s", q ? q->id : "");
	p = box(vm, vm->cols - 4, title);
	vm->dialog.body.r.h = vm->lines - 6;
	if (q) {
		struct text_lines l = TEXT_LINES_INIT;
		text_wrap(q->text, p->width, &l);
		for (i = 0; i < l.n && i < 2; i++)
			vm_line(p, -1, l.v[i], VS_DIM);
		text_lines_release(&l);
	}
	vm_line(p, -1, s->note_saving ? "saving..." : "", VS_INFO);
	n = editor_layout(&s->note, width, &lines);
	editor_cursor(&s->note, width, &row, &col);
	visible = MAX(1, p->r.h - (int)p->nrows);
	top = s->note.top;
	if (row < top)
		top = row;
	if (row >= top + visible)
		top = row - visible + 1;
	base = (int)p->nrows;
	for (i = (size_t)top; i < n && (int)(i - (size_t)top) < visible; i++) {
		char *line = xstrndup(editor_text(&s->note) + lines[i].start,
				      lines[i].end - lines[i].start);
		vm_line(p, -1, line, VS_TEXT);
		free(line);
	}
	box_place(vm, vm->lines - 4);
	vm->cur_y = p->r.y + base + (row - top);
	vm->cur_x = p->r.x + col;
	p->top = top;
	free(lines);
}

void vm_dialog(const struct ui_state *s, struct vm *vm)
{
	switch (s->modal) {
	case MODAL_FORM:
		form(s, vm);
		break;
	case MODAL_CONFIRM:
		confirm(s, vm);
		break;
	case MODAL_EDITOR:
		note(s, vm);
		break;
	default:
		break;
	}
}
