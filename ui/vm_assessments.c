/*
 * The assessments screen: the list (and, on a first run, the offer to
 * create one or open the demo), with the selected one's details.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "vm.h"

static void list_row(const struct ui_state *s, struct vm_pane *p, size_t i)
{
	const struct assessment *a = &s->list[i];
	const struct progress *pr = s->list_progress ? &s->list_progress[i] : NULL;
	struct vm_row *r = vm_row_new(p, (int)i);
	struct buf name = BUF_INIT(4096);
	char *n = vm_private(s, a->name, 0), num[64];
	int wname = MAX(10, p->width - 30);

	snprintf(num, sizeof(num), "%4lld  ", a->id);
	vm_row_add(r, num, VS_DIM);
	text_clean(&name, n, 0);
	{
		struct buf padded = BUF_INIT(8192);
		text_pad(&padded, name.data, name.len, wname);
		vm_row_add_raw(r, padded.data, padded.len, VS_BOLD);
		buf_release(&padded);
	}
	if (pr) {
		snprintf(num, sizeof(num), " %3zu/%-3zu ", pr->answered, pr->total);
		vm_row_add(r, num, pr->answered == pr->total && pr->total ? VS_OK : VS_TEXT);
	}
	snprintf(num, sizeof(num), " %.10s", a->updated_at);
	vm_row_add(r, num, VS_DIM);
	if (a->signed_off_at)
		vm_row_add(r, " signed off", VS_INFO);
	free(n);
	buf_release(&name);
}

static void field(const struct ui_state *s, struct vm_pane *p, const char *label, const char *value,
		  int name)
{
	struct vm_row *r;
	char *v;

	if (!value || !*value)
		return;
	v = vm_private(s, value, name);
	r = vm_row_new(p, -1);
	vm_row_add(r, label, VS_DIM);
	vm_row_add(r, v, VS_TEXT);
	free(v);
}

static void details(const struct ui_state *s, struct vm_pane *p, int sel)
{
	const struct assessment *a;
	const struct progress *pr;
	struct vm_row *r;
	char line[128];

	if (sel == (int)s->nlist) {
		vm_set_title(p, "New assessment");
		vm_wrap(p, -1, 0,
			"Start a new assessment: give it a name and, if you like, the organisation, "
			"its Entra tenant id and who is assessing. Answers, notes and where you are "
			"are saved as you go.",
			VS_TEXT);
		return;
	}
	if (sel > (int)s->nlist) {
		vm_set_title(p, "Demo assessment");
		vm_wrap(p, -1, 0,
			"Open a fictional tenant with evidence and a few sample answers, to see what "
			"azmat does without touching a real tenant.",
			VS_TEXT);
		return;
	}
	if (sel < 0)
		return;
	a = &s->list[sel];
	vm_set_title(p, "Assessment %lld", a->id);
	field(s, p, "Name          ", a->name, 0);
	field(s, p, "Organisation  ", a->organisation, 1);
	field(s, p, "Tenant        ", a->tenant_id, 1);
	field(s, p, "Assessor      ", a->assessor, 1);
	field(s, p, "Catalog       ", a->catalog_version, 0);
	field(s, p, "Created       ", a->created_at, 0);
	field(s, p, "Updated       ", a->updated_at, 0);
	field(s, p, "Signed off    ", a->signed_off_at, 0);
	pr = s->list_progress ? &s->list_progress[sel] : NULL;
	if (pr) {
		vm_line(p, -1, "", VS_TEXT);
		r = vm_row_new(p, -1);
		vm_row_add(r, "Answered      ", VS_DIM);
		vm_bar(r, pr->answered, pr->total, 20, (s->flags & UI_UTF8) != 0);
		snprintf(line, sizeof(line), " %zu of %zu", pr->answered, pr->total);
		vm_row_add(r, line, VS_TEXT);
	}
}

void vm_assessments(const struct ui_state *s, struct vm *vm)
{
	struct vm_pane *p = &vm->pane[0];
	int extra = (s->flags & UI_DEMO) ? 2 : 1;
	size_t i;

	vm_layout(s, vm, 2, vm->wide ? 55 : -((int)MIN(s->nlist, 10) + extra + 4));
	p->list = 1;
	vm_set_title(p, "Assessments (%zu)", s->nlist);
	if (!s->nlist) {
		vm_line(p, -1, "No assessments yet. Start one:", VS_HEADING);
		vm_line(p, -1, "", VS_TEXT);
	}
	for (i = 0; i < s->nlist; i++)
		list_row(s, p, i);
	vm_line(p, (int)s->nlist, "  + Create a new assessment", VS_KEY);
	if (s->flags & UI_DEMO)
		vm_line(p, (int)s->nlist + 1, "  + Open the demo assessment", VS_KEY);
	details(s, &vm->pane[1], s->pane[SCR_ASSESSMENTS][0].sel);
}
