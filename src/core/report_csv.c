/*
 * The plan as CSV for trackers (Jira, Azure DevOps): one row per task with
 * title, description, priority, labels, owner and due date first, then the
 * plan's own columns. Every field goes through escape_csv(), which quotes
 * it and neutralises spreadsheet formulas. Lines end in CRLF (RFC 4180).
 */
#include "escape.h"
#include "report_int.h"

static void field(struct buf *o, const char *s, int first)
{
	if (!first)
		buf_addch(o, ',');
	escape_csv(o, s ? s : "", 1);
}

static void description(const struct report *r, const struct plan_row *w, struct buf *d)
{
	size_t i;

	(void)r;
	if (w->kind == PLAN_ASSESS)
		buf_addstr(d, "Answer the open questions of this item and confirm any answer "
			      "suggested by evidence, then act on the gap.\n\n");
	buf_addstr(d, w->item->action);
	buf_addstr(d, "\n\nDone when: ");
	buf_addstr(d, w->item->acceptance);
	buf_addstr(d, "\n\nEvidence: ");
	escape_line(d, w->evidence);
	if (w->item->nrefs)
		buf_addstr(d, "\n\nReferences:");
	for (i = 0; i < w->item->nrefs; i++)
		buf_addf(d, "\n%s", w->item->refs[i].url);
}

static void row(const struct report *r, const struct plan_row *w, struct buf *o)
{
	struct buf t = BUF_INIT(BUF_MAX_DEFAULT);
	char n1[16], g[16];

	buf_addf(&t, "%s%s: %s", w->kind == PLAN_ASSESS ? "Assess " : "", w->item->id,
		 w->item->title);
	field(o, t.data, 1);
	buf_reset(&t);
	description(r, w, &t);
	field(o, t.data, 0);
	field(o, report_lane_priority(w->lane), 0);
	buf_reset(&t);
	buf_addf(&t, "azmat step-%u %s %s risk-%s%s", w->step, plan_lane_id(w->lane),
		 plan_kind_id(w->kind), cat_level_name(w->item->risk),
		 w->quick_win ? " quick-win" : "");
	field(o, t.data, 0);
	field(o, w->owner, 0);
	field(o, w->due, 0);
	field(o, plan_status_id(w->status), 0);
	field(o, w->item->id, 0);
	buf_reset(&t);
	buf_addf(&t, "%u", w->step);
	field(o, t.data, 0);
	field(o, plan_lane_label(w->lane), 0);
	field(o, plan_kind_id(w->kind), 0);
	rfmt1(n1, w->priority);
	field(o, n1, 0);
	rfmt3(g, w->gap);
	field(o, g, 0);
	field(o, w->quick_win ? "yes" : "no", 0);
	buf_addstr(o, "\r\n");
	buf_release(&t);
}

enum az_err report_csv(const struct report *r, struct buf *out, struct errmsg *em)
{
	size_t i;

	buf_addstr(out, "Title,Description,Priority,Labels,Owner,Due Date,Status,Item,Step,Lane,"
			"Kind,Priority Score,Gap,Quick Win\r\n");
	for (i = 0; i < r->plan->n; i++)
		row(r, &r->plan->rows[i], out);
	return report_check_size(out, em);
}
