/*
 * The export screen: three choices and a button, drawn like a dialog in
 * the top pane, and below what will be written and how.
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "ui_int.h"
#include "vm.h"

static void choice(struct vm_pane *p, int group, const char *label, const char *value,
		   const char *note, int utf8)
{
	struct vm_row *r = vm_row_new(p, group);
	char v[160];

	vm_cell(r, label, 10, VS_BOLD);
	snprintf(v, sizeof(v), "%s %s %s", utf8 ? "\xe2\x97\x82" : "<", value, utf8 ? "\xe2\x96\xb8" : ">");
	vm_cell(r, v, 18, VS_KEY);
	vm_row_add(r, note, VS_DIM);
}

static void about(const struct ui_state *s, struct vm_pane *d)
{
	const char *what;

	vm_set_title(d, "About this export");
	switch (s->export.what) {
	case EXPORT_PLAN:
		what = "The prioritized plan with owners, due dates and status, and the register of "
		       "accepted risks. CSV is shaped for Jira and Azure DevOps imports.";
		break;
	case EXPORT_DIFF:
		what = s->cmp.have_diff ? "What changed between the two assessments on the compare "
					  "screen: items, answers, evidence and plan slippage."
					: "Nothing is being compared yet: choose an assessment on the "
					  "compare screen (C) first.";
		break;
	default:
		what = "Everything: summary, step scores and level, findings with evidence and "
		       "contradictions, the plan, the exceptions and the method. HTML is one "
		       "self-contained file that prints well.";
		break;
	}
	vm_wrap(d, -1, 0, what, s->export.what == EXPORT_DIFF && !s->cmp.have_diff ? VS_WARN : VS_TEXT);
	vm_line(d, -1, "", VS_TEXT);
	vm_wrap(d, -1, 0,
		"The file is written whole or not at all (a temporary file renamed into place) "
		"and readable by you alone: it describes the tenant's weaknesses. An existing "
		"file is replaced only after you confirm.",
		VS_DIM);
	if (s->flags & UI_PRIVATE) {
		vm_line(d, -1, "", VS_TEXT);
		vm_wrap(d, -1, 0, "The privacy toggle masks the screen only: the file holds the real names.",
			VS_WARN);
	}
}

void vm_export(const struct ui_state *s, const struct catalog *cat, struct vm *vm)
{
	struct vm_pane *p = &vm->pane[0], *d = &vm->pane[1];
	int utf8 = (s->flags & UI_UTF8) != 0;
	struct vm_row *r;

	UNUSED(cat);
	vm_layout(s, vm, 2, vm->wide ? 55 : -9);
	p->list = 1;
	vm_set_title(p, "Export assessment %lld", s->a.id);
	choice(p, 0, "What", ui_export_what_label(s->export.what), "", utf8);
	choice(p, 1, "Format", ui_export_format_label(s->export.format), "", utf8);
	r = vm_row_new(p, 2);
	vm_cell(r, "File", 10, VS_BOLD);
	vm_row_add(r, editor_text(&s->export.file), VS_KEY);
	vm_row_add(r, "  (e edits)", VS_DIM);
	vm_row_new(p, -1);
	r = vm_row_new(p, 3);
	vm_row_add(r, "[ Write the file ]", VS_BOLD);
	vm_row_add(r, "  (w, or Enter here)", VS_DIM);
	about(s, d);
}
