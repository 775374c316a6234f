/*
 * A step: its items with answered-state badges, and the selected item's
 * roadmap line and why it matters.
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "vm.h"

void vm_step(const struct ui_state *s, struct vm *vm)
{
	const struct cat_step *st = &s->cat->steps[MIN(s->step, s->cat->nsteps - 1)];
	struct progress pr = progress_step(st, &s->answers);
	struct vm_pane *p = &vm->pane[0], *d = &vm->pane[1];
	const struct cat_item *it;
	char line[160];
	size_t j;

	vm_layout(s, vm, 2, vm->wide ? 55 : -((int)st->nitems + 2));
	p->list = 1;
	vm_set_title(p, "Step %u: %s (%zu/%zu answered)", st->number, st->title, pr.answered,
		     pr.total);
	for (j = 0; j < st->nitems; j++) {
		struct vm_row *r = vm_row_new(p, (int)j);
		vm_row_add(r, " ", VS_TEXT);
		vm_row_add(r, st->items[j].id, VS_BOLD);
		vm_item_badge(s, r, &st->items[j]);
		vm_row_add(r, st->items[j].title, VS_TEXT);
	}
	if (s->item >= st->nitems)
		return;
	it = &st->items[s->item];
	vm_set_title(d, "%s %s", it->id, it->title);
	snprintf(line, sizeof(line), "risk %s, effort %s, %zu question%s", cat_level_name(it->risk),
		 cat_level_name(it->effort), it->nquestions, it->nquestions == 1 ? "" : "s");
	vm_line(d, -1, line, VS_DIM);
	vm_line(d, -1, "", VS_TEXT);
	vm_section(d, "Roadmap", it->roadmap);
	vm_section(d, "Why it matters", it->why);
}
