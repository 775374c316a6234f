/*
 * The compare screen: the choice of the other assessment, then the
 * comparison: level and index, the items whose effective score changed
 * (regressions first, weighted by risk) as a list, and beside it the
 * selected item's answer changes and evidence flips, then every evidence
 * flip, every answer change, the steps and plan slippage, each apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "ui_int.h"
#include "vm.h"

static const char *arrow(const struct ui_state *s)
{
	return (s->flags & UI_UTF8) ? " \xe2\x86\x92 " : " -> ";
}

static void choices(const struct ui_state *s, struct vm_pane *p, struct vm_pane *d)
{
	const struct assessment *ch[256];
	size_t n = MIN(ARRAY_SIZE(ch), ui_compare_choices(s, ch, ARRAY_SIZE(ch))), i;
	char line[256];

	vm_set_title(p, "Compare assessment %lld with:", s->a.id);
	for (i = 0; i < n; i++) {
		struct vm_row *r = vm_row_new(p, (int)i);
		char *name = vm_private(s, ch[i]->name, 0);
		snprintf(line, sizeof(line), " %4lld  ", ch[i]->id);
		vm_row_add(r, line, VS_BOLD);
		vm_cell(r, name, MAX(10, p->width - 7 - 24), VS_TEXT);
		snprintf(line, sizeof(line), " %.10s", ch[i]->created_at);
		vm_row_add(r, line, VS_DIM);
		if (*s->a.tenant_id && !strcmp(ch[i]->tenant_id, s->a.tenant_id))
			vm_row_add(r, "  same tenant", VS_INFO);
		free(name);
	}
	if (!n)
		vm_wrap(p, -1, 1, "There is no other assessment in this database to compare with.", VS_DIM);
	vm_set_title(d, "How comparing works");
	vm_wrap(d, -1, 0,
		"Enter compares the open assessment with the selected one; the older of the two "
		"is \"before\". Items are matched by id, so assessments answered against different "
		"catalog versions compare too. Regressions come first, weighted by the item's "
		"risk; evidence flips are listed apart from answer changes.",
		VS_TEXT);
}

static void summary(const struct ui_state *s, const struct diff *f, struct vm_pane *p)
{
	const struct score *x = f->a->score, *y = f->b->score;
	char line[256];

	snprintf(line, sizeof(line), "Level %u%s%u, index %.1f%s%.1f", x->level, arrow(s), y->level,
		 score_round1(x->index), arrow(s), score_round1(y->index));
	vm_line(p, -1, line, y->level < x->level ? VS_ERROR : y->level > x->level ? VS_OK : VS_BOLD);
	snprintf(line, sizeof(line), "%zu regressed, %zu improved; %zu answer%s changed, %zu evidence flip%s, "
		 "%zu task%s slipped",
		 f->nregressed, f->nimproved, f->nanswers, f->nanswers == 1 ? "" : "s", f->nflips,
		 f->nflips == 1 ? "" : "s", f->nslips, f->nslips == 1 ? "" : "s");
	vm_wrap(p, -1, 0, line, VS_DIM);
	if (!f->same_catalog)
		vm_wrap(p, -1, 0, "Different catalog versions: items matched by id.", VS_WARN);
	vm_line(p, -1, "", VS_TEXT);
}

static void item_row(const struct ui_state *s, const struct diff_item *di, int group,
		     struct vm_pane *p)
{
	struct vm_row *r = vm_row_new(p, group);
	int up = di->kind == DIFF_IMPROVED || di->kind == DIFF_NOW_NA;
	const char *mark = (s->flags & UI_UTF8) ? (up ? "\xe2\x96\xb2 " : "\xe2\x96\xbc ") : (up ? "+ " : "- ");
	char num[64];

	vm_row_add(r, mark, up ? VS_OK : VS_ERROR);
	vm_cell(r, di->item->id, 4, VS_BOLD);
	vm_cell(r, di->item->title, MAX(8, p->width - 2 - 4 - 22), VS_TEXT);
	if (di->kind == DIFF_NOW_NA || di->kind == DIFF_NOW_APPLICABLE)
		snprintf(num, sizeof(num), " %s", di->kind == DIFF_NOW_NA ? "now n/a" : "applies now");
	else
		snprintf(num, sizeof(num), " %.2f%s%.2f %+.2f", score_round3(di->before->effective),
			 (s->flags & UI_UTF8) ? "\xe2\x86\x92" : ">", score_round3(di->after->effective),
			 score_round3(di->delta));
	vm_row_add(r, num, up ? VS_OK : VS_ERROR);
}

static const char *value_text(const struct catalog *cat, const struct answer *a)
{
	return vm_answer_label(cat, a ? a->value : ANSWER_NONE);
}

static void answer_change(const struct ui_state *s, const struct diff_answer *a, struct vm_pane *p)
{
	char line[256];

	snprintf(line, sizeof(line), "%-6s %s%s%s%s", a->q->id, value_text(s->cat, a->before), arrow(s),
		 value_text(s->cat, a->after), a->text_changed ? " (text changed)" : "");
	vm_wrap(p, -1, 2, line, a->value_changed ? VS_TEXT : VS_DIM);
}

static void result_text(const struct check_result *r, char *out, size_t n)
{
	if (!r)
		snprintf(out, n, "not collected");
	else if (r->status == CHECK_NOT_ASSESSABLE)
		snprintf(out, n, "n/a (%s)", check_cause_id(r->cause));
	else
		snprintf(out, n, "%s %lu/%lu", check_status_id(r->status), r->healthy, r->total);
}

static void flip(const struct ui_state *s, const struct diff_flip *f, struct vm_pane *p)
{
	char line[256], x[64], y[64];

	result_text(f->before, x, sizeof(x));
	result_text(f->after, y, sizeof(y));
	snprintf(line, sizeof(line), "%s%s: %s%s%s", f->check->id, f->check->gating ? " (gating)" : "",
		 x, arrow(s), y);
	vm_wrap(p, -1, 2, line, VS_TEXT);
}

static int about(const struct cat_check *c, const struct cat_item *it)
{
	size_t j;

	for (j = 0; j < c->nitems; j++)
		if (!strcmp(c->items[j], it->id))
			return 1;
	return 0;
}

/* The selected item's own changes, then everything, each kind apart. */
static void details(const struct ui_state *s, const struct diff *f, struct vm_pane *d)
{
	int sel = s->pane[SCR_COMPARE][0].sel;
	const struct cat_item *it = sel >= 0 && (size_t)sel < f->nitems ? f->items[sel].item : NULL;
	char line[256];
	size_t i;

	vm_set_title(d, "%s", it ? it->id : "Changes");
	if (it) {
		size_t k = 0;
		vm_line(d, -1, "This item's answers", VS_HEADING);
		for (i = 0; i < f->nanswers; i++) {
			if (f->answers[i].q->item != it)
				continue;
			answer_change(s, &f->answers[i], d);
			k++;
		}
		if (!k)
			vm_line(d, -1, "  unchanged", VS_DIM);
		k = 0;
		vm_line(d, -1, "This item's evidence", VS_HEADING);
		for (i = 0; i < f->nflips; i++) {
			if (!about(f->flips[i].check, it))
				continue;
			flip(s, &f->flips[i], d);
			k++;
		}
		if (!k)
			vm_line(d, -1, "  unchanged", VS_DIM);
		vm_line(d, -1, "", VS_TEXT);
	}
	snprintf(line, sizeof(line), "Evidence flips (%zu)", f->nflips);
	vm_line(d, -1, line, VS_HEADING);
	for (i = 0; i < f->nflips; i++)
		flip(s, &f->flips[i], d);
	snprintf(line, sizeof(line), "Answer changes (%zu)", f->nanswers);
	vm_line(d, -1, line, VS_HEADING);
	for (i = 0; i < f->nanswers; i++)
		answer_change(s, &f->answers[i], d);
	snprintf(line, sizeof(line), "Plan slippage (%zu)", f->nslips);
	vm_line(d, -1, line, VS_HEADING);
	for (i = 0; i < f->nslips; i++) {
		snprintf(line, sizeof(line), "%s %s %ld day%s (due %s%s%s)", f->slips[i].item->id,
			 diff_slip_id(f->slips[i].kind), f->slips[i].days, f->slips[i].days == 1 ? "" : "s",
			 f->slips[i].before->due, arrow(s), f->slips[i].after->due);
		vm_wrap(d, -1, 2, line, f->slips[i].kind == SLIP_OVERDUE ? VS_WARN : VS_TEXT);
	}
	vm_line(d, -1, "Steps", VS_HEADING);
	for (i = 0; i < f->nsteps; i++) {
		const struct score_step *x = f->steps[i].before, *y = f->steps[i].after;
		struct vm_row *r = vm_row_new(d, -1);
		snprintf(line, sizeof(line), "  %u ", f->steps[i].step->number);
		vm_row_add(r, line, VS_BOLD);
		vm_cell(r, f->steps[i].step->title, MAX(8, d->width - 4 - 18), VS_TEXT);
		snprintf(line, sizeof(line), " %5.1f%s%5.1f", x->has_score ? score_round1(x->score) : 0.0,
			 arrow(s), y->has_score ? score_round1(y->score) : 0.0);
		vm_row_add(r, line, y->score + 0.05 < x->score ? VS_WARN : VS_TEXT);
	}
}

static const char *heading(enum diff_kind k)
{
	return k == DIFF_REGRESSED ? "Regressions" : k == DIFF_IMPROVED ? "Improvements" : "Applicability";
}

void vm_compare(const struct ui_state *s, const struct catalog *cat, struct vm *vm)
{
	const struct diff *f = &s->cmp.diff;
	struct vm_pane *p = &vm->pane[0], *d = &vm->pane[1];
	char *x, *y;
	size_t i;

	UNUSED(cat);
	vm_layout(s, vm, 2, vm->wide ? 55 : 55);
	p->list = 1;
	if (ui_compare_picking(s)) {
		choices(s, p, d);
		return;
	}
	x = vm_private(s, f->a->a->name, 0);
	y = vm_private(s, f->b->a->name, 0);
	vm_set_title(p, "%lld %s%s%lld %s", f->a->a->id, x, arrow(s), f->b->a->id, y);
	free(x);
	free(y);
	summary(s, f, p);
	for (i = 0; i < f->nitems; i++) {
		const char *h = heading(f->items[i].kind);
		if (!i || strcmp(h, heading(f->items[i - 1].kind)))
			vm_line(p, -1, h, VS_HEADING);
		item_row(s, &f->items[i], (int)i, p);
	}
	if (!f->nitems)
		vm_wrap(p, -1, 0, "No item's effective score changed.", VS_DIM);
	details(s, f, d);
}
