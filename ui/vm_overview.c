/*
 * The roadmap overview: the nine steps with progress (and a score once
 * scoring fills it in), and the selected step's summary and items.
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "vm.h"

void vm_item_badge(const struct ui_state *s, struct vm_row *r, const struct cat_item *it)
{
	struct progress p = progress_item(it, &s->answers);
	char b[32];

	if (p.total && p.answered == p.total)
		snprintf(b, sizeof(b), " done ");
	else
		snprintf(b, sizeof(b), " %zu/%zu  ", p.answered, p.total);
	vm_row_add(r, b, p.answered == p.total ? VS_OK : p.answered ? VS_WARN : VS_DIM);
}

static void step_row(const struct ui_state *s, struct vm_pane *p, size_t i)
{
	const struct cat_step *st = &s->cat->steps[i];
	struct progress pr = progress_step(st, &s->answers);
	struct vm_row *r = vm_row_new(p, (int)i);
	struct buf t = BUF_INIT(4096);
	int tw = p->width - 4 - 12 - 8 - (s->have_scores ? 7 : 0);
	char num[32];

	snprintf(num, sizeof(num), " %u  ", st->number);
	vm_row_add(r, num, VS_BOLD);
	text_pad(&t, st->title, strlen(st->title), MAX(8, tw));
	vm_row_add(r, t.data, VS_TEXT);
	vm_row_add(r, " ", VS_TEXT);
	vm_bar(r, pr.answered, pr.total, 10, (s->flags & UI_UTF8) != 0);
	snprintf(num, sizeof(num), " %3zu/%-3zu", pr.answered, pr.total);
	vm_row_add(r, num, pr.answered == pr.total ? VS_OK : VS_TEXT);
	if (s->have_scores && s->step_score[i] >= 0) {
		snprintf(num, sizeof(num), "  %3.0f%%", s->step_score[i]);
		vm_row_add(r, num, VS_BOLD);
	} else if (s->have_scores) {
		vm_row_add(r, "     -", VS_DIM); /* nothing applicable to score */
	}
	buf_release(&t);
}

static void summary(const struct ui_state *s, struct vm_pane *p)
{
	const struct cat_step *st = &s->cat->steps[MIN(s->step, s->cat->nsteps - 1)];
	size_t j;

	vm_set_title(p, "Step %u: %s", st->number, st->title);
	vm_wrap(p, -1, 0, st->summary, VS_TEXT);
	vm_line(p, -1, "", VS_TEXT);
	for (j = 0; j < st->nitems; j++) {
		struct vm_row *r = vm_row_new(p, -1);
		vm_row_add(r, st->items[j].id, VS_BOLD);
		vm_item_badge(s, r, &st->items[j]);
		vm_row_add(r, st->items[j].title, VS_TEXT);
	}
}

void vm_overview(const struct ui_state *s, struct vm *vm)
{
	struct vm_pane *p = &vm->pane[0];
	struct progress all = progress_all(s->cat, &s->answers);
	size_t i;

	vm_layout(s, vm, 2, vm->wide ? 55 : -((int)s->cat->nsteps + 2));
	p->list = 1;
	if (s->level >= 0)
		vm_set_title(p, "Roadmap: %zu/%zu answered, level %d of 9%s, step scores in %%",
			     all.answered, all.total, s->level,
			     s->level_provisional ? " (provisional)" : "");
	else
		vm_set_title(p, "Roadmap: %zu/%zu answered", all.answered, all.total);
	for (i = 0; i < s->cat->nsteps; i++)
		step_row(s, p, i);
	summary(s, &vm->pane[1]);
}
