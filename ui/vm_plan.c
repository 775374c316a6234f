/*
 * The remediation plan: one row per task in the chosen order and filter
 * (lane, item, priority, title, owner, due date, status), and the
 * selected task in detail: why it is in the plan, what to do, when it is
 * done, and what the operator set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "ui_int.h"
#include "vm.h"

#define W_LANE 8
#define W_ITEM 5
#define W_PRIO 5
#define W_OWNER 14
#define W_DUE 11
#define W_STATUS 12

static enum vm_style lane_style(enum plan_lane l)
{
	switch (l) {
	case LANE_NOW:
		return VS_ANS_LOW;
	case LANE_NEXT:
		return VS_ANS_PARTIAL;
	default:
		return VS_DIM;
	}
}

static enum vm_style status_style(enum plan_status st)
{
	switch (st) {
	case PLAN_DONE:
		return VS_OK;
	case PLAN_BLOCKED:
		return VS_ERROR;
	case PLAN_IN_PROGRESS:
		return VS_INFO;
	default:
		return VS_TEXT;
	}
}

static int title_width(const struct vm_pane *p)
{
	return MAX(8, p->width - W_LANE - W_ITEM - W_PRIO - W_OWNER - W_DUE - W_STATUS);
}

static void header_row(struct vm_pane *p)
{
	struct vm_row *r = vm_row_new(p, -1);

	vm_cell(r, "Lane", W_LANE, VS_DIM);
	vm_cell(r, "Item", W_ITEM, VS_DIM);
	vm_cell(r, "Prio", W_PRIO, VS_DIM);
	vm_cell(r, "Task", title_width(p), VS_DIM);
	vm_cell(r, "Owner", W_OWNER, VS_DIM);
	vm_cell(r, "Due", W_DUE, VS_DIM);
	vm_cell(r, "Status", W_STATUS, VS_DIM);
}

static void task_row(const struct ui_state *s, struct vm_pane *p, const struct plan_row *row,
		     int group)
{
	struct vm_row *r = vm_row_new(p, group);
	char buf[64], *owner;
	struct buf title = BUF_INIT(1024);

	vm_cell(r, plan_lane_label(row->lane), W_LANE, lane_style(row->lane));
	vm_cell(r, row->item->id, W_ITEM, VS_BOLD);
	snprintf(buf, sizeof(buf), "%4.0f", row->priority);
	vm_cell(r, buf, W_PRIO, VS_TEXT);
	if (row->quick_win)
		buf_addstr(&title, (s->flags & UI_UTF8) ? "\xe2\x98\x85 " : "* ");
	if (row->kind == PLAN_ASSESS)
		buf_addstr(&title, "assess: ");
	buf_addstr(&title, row->item->title);
	vm_cell(r, title.data, title_width(p), VS_TEXT);
	owner = vm_private(s, *row->owner ? row->owner : "-", *row->owner != '\0');
	vm_cell(r, owner, W_OWNER, *row->owner ? VS_TEXT : VS_DIM);
	vm_cell(r, row->due, W_DUE, row->overdue ? VS_ERROR : (row->overridden & PLAN_OV_DUE) ? VS_BOLD : VS_TEXT);
	vm_cell(r, plan_status_id(row->status), W_STATUS, status_style(row->status));
	free(owner);
	buf_release(&title);
}

static void detail(const struct ui_state *s, struct vm_pane *p, const struct plan_row *row)
{
	const struct cat_item *it = row->item;
	char line[512], *owner;

	vm_set_title(p, "%s %s", it->id, it->title);
	snprintf(line, sizeof(line), "%s, %s, priority %.0f%s; risk %s, effort %s; gap %.2f",
		 plan_kind_id(row->kind), plan_lane_label(row->lane), row->priority,
		 row->quick_win ? ", quick win" : "", cat_level_name(it->risk),
		 cat_level_name(it->effort), score_round3(row->gap));
	vm_wrap(p, -1, 0, line, VS_DIM);
	owner = vm_private(s, *row->owner ? row->owner : "nobody yet", *row->owner != '\0');
	snprintf(line, sizeof(line), "owner %s; due %s%s%s; status %s", owner, row->due,
		 (row->overridden & PLAN_OV_DUE) ? "" : " (the lane's default)",
		 row->overdue ? ", OVERDUE" : "", plan_status_id(row->status));
	free(owner);
	vm_wrap(p, -1, 0, line, row->overdue ? VS_WARN : VS_TEXT);
	if (row->nexcepted) {
		snprintf(line, sizeof(line), "%zu question%s under a current risk exception",
			 row->nexcepted, row->nexcepted == 1 ? "" : "s");
		vm_wrap(p, -1, 0, line, VS_ANS_RISK);
	}
	vm_line(p, -1, "", VS_TEXT);
	vm_section(p, "Evidence", row->evidence);
	if (row->kind == PLAN_ASSESS)
		vm_section(p, "First", "Answer the item's open questions: an unknown answer blocks the level.");
	vm_section(p, "What to do", it->action);
	vm_section(p, "Done when", it->acceptance);
}

static void exceptions(const struct plan *pl, struct vm_pane *p)
{
	char line[128];

	if (!pl->nexceptions)
		return;
	snprintf(line, sizeof(line), "%zu risk exception%s in the register, %zu expired",
		 pl->nexceptions, pl->nexceptions == 1 ? "" : "s", pl->nexpired);
	vm_wrap(p, -1, 0, line, pl->nexpired ? VS_WARN : VS_DIM);
}

static void title(const struct ui_state *s, struct vm_pane *p, size_t shown)
{
	const struct plan *pl = &s->sc.plan;
	const struct ui_plan_view *v = &s->plan_view;
	const char *lane = v->lane < 0 ? "any lane" : plan_lane_label((enum plan_lane)v->lane);
	const char *owner = v->owner_mode == OWNER_ANY ? "" : v->owner_mode == OWNER_NONE ?
			    ", unassigned" : ", one owner";

	vm_set_title(p, "Plan: %zu of %zu tasks (%zu act now, %zu quick wins), by %s%s, %s%s",
		     shown, pl->n, pl->nlane[LANE_NOW], pl->nquick, plan_sort_id(v->sort),
		     v->descending ? " reversed" : "", lane, owner);
}

void vm_plan(const struct ui_state *s, const struct catalog *cat, struct vm *vm)
{
	struct vm_pane *p = &vm->pane[0], *d = &vm->pane[1];
	const struct plan_row *sel;
	size_t *idx, n, i;
	char *who;

	UNUSED(cat);
	vm_layout(s, vm, 2, vm->wide ? 62 : 58);
	p->list = 1;
	vm_set_title(d, "Task");
	if (!s->sc.have_plan) {
		vm_set_title(p, "Plan");
		vm_wrap(p, -1, 0, "The plan is not known yet.", VS_DIM);
		return;
	}
	n = ui_plan_rows(s, &idx);
	title(s, p, n);
	if (s->plan_view.owner_mode == OWNER_NAMED) {
		who = vm_private(s, s->plan_view.owner, 1);
		vm_set_title(d, "Tasks of %s", who);
		free(who);
	}
	header_row(p);
	for (i = 0; i < n; i++)
		task_row(s, p, &s->sc.plan.rows[idx[i]], (int)i);
	if (!n)
		vm_wrap(p, -1, 0, s->sc.plan.n ? "No task matches the filter (f, w change it)."
					       : "Nothing to do: every item is where it should be.",
			VS_DIM);
	free(idx);
	sel = ui_plan_selected(s);
	if (sel)
		detail(s, d, sel);
	exceptions(&s->sc.plan, d);
}
