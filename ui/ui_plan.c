/*
 * The plan screen's keys: sorting, filtering by lane and owner, opening a
 * task's item, and editing a task's owner, due date and status. Edits go
 * to the app as UE_SAVE_PLAN and show once stored (ui_plan_saved()); the
 * plan is rebuilt from the stored overrides, so edits survive re-scoring.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "strutil.h"
#include "ui_int.h"
#include "vm.h"
#include "xalloc.h"

#define OWNERS_MAX 256

size_t ui_plan_rows(const struct ui_state *s, size_t **idx)
{
	struct plan_filter f = PLAN_FILTER_ALL;

	*idx = NULL;
	if (!s->sc.have_plan || !s->sc.plan.n)
		return 0;
	f.lane = s->plan_view.lane;
	if (s->plan_view.owner_mode == OWNER_NONE)
		f.owner = "";
	else if (s->plan_view.owner_mode == OWNER_NAMED)
		f.owner = s->plan_view.owner;
	*idx = xcalloc(s->sc.plan.n, sizeof(**idx));
	return plan_filter_rows(&s->sc.plan, &f, *idx);
}

const struct plan_row *ui_plan_selected(const struct ui_state *s)
{
	const struct plan_row *row = NULL;
	size_t *idx, n = ui_plan_rows(s, &idx);
	int sel = s->pane[SCR_PLAN][0].sel;

	if (sel >= 0 && (size_t)sel < n)
		row = &s->sc.plan.rows[idx[sel]];
	free(idx);
	return row;
}

static int rows_len(const struct ui_state *s, int pane)
{
	size_t *idx, n;

	if (pane)
		return 0;
	n = ui_plan_rows(s, &idx);
	free(idx);
	return (int)n;
}

/* Select the row of item_id if it is shown, else keep the index in range. */
static void reselect(struct ui_state *s, const char *item_id)
{
	size_t *idx, n = ui_plan_rows(s, &idx), i;
	struct ui_pane_state *ps = &s->pane[SCR_PLAN][0];

	for (i = 0; item_id && i < n; i++) {
		if (!strcmp(s->sc.plan.rows[idx[i]].item->id, item_id)) {
			ps->sel = (int)i;
			free(idx);
			return;
		}
	}
	if (ps->sel >= (int)n)
		ps->sel = (int)n - 1;
	if (ps->sel < 0)
		ps->sel = 0;
	free(idx);
}

/* Change the view, keeping the selected task selected where it stays shown. */
static unsigned view_changed(struct ui_state *s, const char *item_id)
{
	if (s->sc.have_plan)
		plan_sort(&s->sc.plan, s->plan_view.sort, s->plan_view.descending);
	ui_compare_rebuild(s); /* the diff points at plan rows */
	reselect(s, item_id);
	return UE_REDRAW;
}

static const char *selected_id(const struct ui_state *s)
{
	const struct plan_row *row = ui_plan_selected(s);

	return row ? row->item->id : NULL;
}

static unsigned next_sort(struct ui_state *s)
{
	char keep[16];
	const char *id = selected_id(s);

	snprintf(keep, sizeof(keep), "%s", id ? id : "");
	s->plan_view.sort = (enum plan_sort)((s->plan_view.sort + 1) % PLAN_SORT__COUNT);
	s->plan_view.descending = 0;
	ui_message(s, MSG_INFO, "sorted by %s", plan_sort_id(s->plan_view.sort));
	return view_changed(s, keep);
}

static unsigned reverse(struct ui_state *s)
{
	char keep[16];
	const char *id = selected_id(s);

	snprintf(keep, sizeof(keep), "%s", id ? id : "");
	s->plan_view.descending = !s->plan_view.descending;
	ui_message(s, MSG_INFO, "sorted by %s, %s", plan_sort_id(s->plan_view.sort),
		   s->plan_view.descending ? "reversed" : "in order");
	return view_changed(s, keep);
}

static unsigned next_lane(struct ui_state *s)
{
	char keep[16];
	const char *id = selected_id(s);

	snprintf(keep, sizeof(keep), "%s", id ? id : "");
	s->plan_view.lane = s->plan_view.lane + 1 >= LANE__COUNT ? -1 : s->plan_view.lane + 1;
	if (s->plan_view.lane < 0)
		ui_message(s, MSG_INFO, "every lane");
	else
		ui_message(s, MSG_INFO, "lane: %s", plan_lane_label((enum plan_lane)s->plan_view.lane));
	return view_changed(s, keep);
}

/* Any owner, then unassigned tasks, then each owner in turn. */
static unsigned next_owner(struct ui_state *s)
{
	const char *owners[OWNERS_MAX];
	struct ui_plan_view *v = &s->plan_view;
	size_t n = 0, i;
	char keep[16];
	const char *id = selected_id(s);

	snprintf(keep, sizeof(keep), "%s", id ? id : "");
	if (s->sc.have_plan)
		n = MIN((size_t)OWNERS_MAX, plan_owners(&s->sc.plan, owners, OWNERS_MAX));
	if (v->owner_mode == OWNER_ANY) {
		v->owner_mode = OWNER_NONE;
	} else if (v->owner_mode == OWNER_NONE) {
		v->owner_mode = n ? OWNER_NAMED : OWNER_ANY;
		if (n)
			snprintf(v->owner, sizeof(v->owner), "%s", owners[0]);
	} else {
		for (i = 0; i < n && strcmp(owners[i], v->owner); i++)
			;
		v->owner_mode = i + 1 < n ? OWNER_NAMED : OWNER_ANY;
		if (i + 1 < n)
			snprintf(v->owner, sizeof(v->owner), "%s", owners[i + 1]);
	}
	/* the owner's name is not put in the message: privacy masks it on screen only */
	ui_message(s, MSG_INFO, "%s", v->owner_mode == OWNER_ANY ? "every owner" :
			     v->owner_mode == OWNER_NONE ? "unassigned tasks" : "one owner's tasks");
	return view_changed(s, keep);
}

static void set_req(char **dst, const char *v)
{
	free(*dst);
	*dst = v ? xstrdup(v) : NULL;
}

static unsigned edit(struct ui_state *s)
{
	const struct plan_row *row = ui_plan_selected(s);

	if (!row || ui_read_only(s))
		return UE_REDRAW;
	ui_form_open(s, FORM_PLAN, 3);
	s->form.label[0] = "Owner (empty: unassigned)";
	s->form.label[1] = "Due (YYYY-MM-DD; empty: the lane's default)";
	s->form.label[2] = "Status: open, in-progress, blocked or done";
	editor_set(&s->form.f[0], row->owner);
	editor_set(&s->form.f[1], (row->overridden & PLAN_OV_DUE) ? row->due : "");
	editor_set(&s->form.f[2], plan_status_id(row->status));
	set_req(&s->req.item_id, row->item->id);
	return UE_REDRAW;
}

static unsigned next_status(struct ui_state *s)
{
	const struct plan_row *row = ui_plan_selected(s);

	if (!row || ui_read_only(s))
		return UE_REDRAW;
	set_req(&s->req.item_id, row->item->id);
	set_req(&s->req.owner, NULL);
	set_req(&s->req.due, NULL);
	set_req(&s->req.status, plan_status_id((enum plan_status)((row->status + 1) % PLAN_STATUS__COUNT)));
	return UE_SAVE_PLAN | UE_REDRAW;
}

unsigned ui_plan_form_submit(struct ui_state *s)
{
	struct errmsg em = ERRMSG_INIT;
	const struct plan_row *row = s->sc.have_plan ? plan_find(&s->sc.plan, s->req.item_id) : NULL;
	const char *owner = editor_text(&s->form.f[0]), *due = editor_text(&s->form.f[1]);
	const char *status = editor_text(&s->form.f[2]);
	char trimmed[256];

	if (!row) {
		s->modal = MODAL_NONE;
		ui_message(s, MSG_ERROR, "the task is no longer in the plan");
		return UE_REDRAW;
	}
	/* the status is a word: surrounding spaces are no reason to refuse it */
	while (*status == ' ')
		status++;
	snprintf(trimmed, sizeof(trimmed), "%s", status);
	trimmed[strcspn(trimmed, " ")] = '\0';
	if (plan_override_check(owner, due, trimmed, &em)) {
		snprintf(s->form.error, sizeof(s->form.error), "%s", errmsg_text(&em));
		s->form.field = strstr(errmsg_text(&em), "owner") ? 0 : strstr(errmsg_text(&em), "due") ? 1 : 2;
		return UE_REDRAW;
	}
	/* only what changed: an unchanged field keeps following the plan */
	set_req(&s->req.owner, strcmp(owner, row->owner) ? owner : NULL);
	set_req(&s->req.due, strcmp(due, (row->overridden & PLAN_OV_DUE) ? row->due : "") ? due : NULL);
	set_req(&s->req.status, strcmp(trimmed, plan_status_id(row->status)) ? trimmed : NULL);
	if (!s->req.owner && !s->req.due && !s->req.status) {
		s->modal = MODAL_NONE;
		ui_message(s, MSG_INFO, "nothing changed");
		return UE_REDRAW;
	}
	s->form.saving = 1;
	return UE_SAVE_PLAN | UE_REDRAW;
}

/* Enter: the task's item, to answer it or look at its evidence. */
static unsigned open_item(struct ui_state *s)
{
	const struct plan_row *row = ui_plan_selected(s);

	return row ? ui_open_item(s, row->item) : 0;
}

static unsigned apply(struct ui_state *s, const struct catalog *cat, const struct ui_input *in)
{
	UNUSED(cat);
	switch (in->act) {
	case ACT_OPEN:
		return s->focus[SCR_PLAN] == 0 ? open_item(s) : 0;
	case ACT_SORT:
		return next_sort(s);
	case ACT_REVERSE:
		return reverse(s);
	case ACT_FILTER_LANE:
		return next_lane(s);
	case ACT_FILTER_OWNER:
		return next_owner(s);
	case ACT_EDIT_PLAN:
		return edit(s);
	case ACT_STATUS:
		return next_status(s);
	default:
		return 0;
	}
}

const struct ui_screen_ext ui_screen_plan = { "Plan", vm_plan, apply, rows_len, 0 };
