/*
 * The item screen's evidence panel (ui_state.item_pane): what the item's
 * checks found, each with its status, summary, the cause when it could
 * not be judged, the offending resources and when it was collected; and
 * above them the evidence ratio, its band and the answer it suggests.
 * Everything from the tenant goes through the privacy toggle: resource
 * names are masked whole, ids and free text have their identifiers masked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "ui_int.h"
#include "vm.h"

/*
 * Offending resources listed per check; the rest are counted. The app
 * loads as many (STORE_OFFENDERS_FIRST), so a tenant with 100,000 of them
 * opens as fast as one with none.
 */
#define SHOWN_MAX 200

enum vm_style vm_check_style(enum check_status st)
{
	switch (st) {
	case CHECK_PASS:
		return VS_OK;
	case CHECK_FAIL:
		return VS_ANS_LOW;
	case CHECK_PARTIAL:
		return VS_ANS_PARTIAL;
	default:
		return VS_DIM;
	}
}

const char *vm_check_label(enum check_status st)
{
	switch (st) {
	case CHECK_PASS:
		return "PASS";
	case CHECK_FAIL:
		return "FAIL";
	case CHECK_PARTIAL:
		return "PART";
	default:
		return "n/a";
	}
}

/* A line of tenant text, masked when private (name: wholly a name). */
static void tenant_line(const struct ui_state *s, struct vm_pane *p, int indent, const char *label,
			const char *text, int name, enum vm_style style)
{
	char *shown;
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	if (!text || !*text)
		return;
	shown = vm_private(s, text, name);
	buf_addf(&b, "%s%s", label, shown);
	vm_wrap(p, -1, indent, b.data, style);
	buf_release(&b);
	free(shown);
}

static void offenders(const struct ui_state *s, struct vm_pane *p, const struct check_result *r)
{
	size_t i, shown = MIN(r->noffenders, (size_t)SHOWN_MAX);
	char line[160];

	if (!r->offending_total && !r->noffenders)
		return;
	snprintf(line, sizeof(line), "%lu offending resource%s%s", r->offending_total,
		 r->offending_total == 1 ? "" : "s", r->offending_total ? ":" : "");
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 2, line, VS_BOLD);
	for (i = 0; i < shown; i++) {
		const struct offender *o = &r->offenders[i];
		tenant_line(s, p, 4, "", *o->name ? o->name : o->id, 1, VS_TEXT);
		if (*o->name)
			tenant_line(s, p, 6, "", o->id, 0, VS_DIM);
		tenant_line(s, p, 6, "", o->detail, 0, VS_INFO);
	}
	if (r->offending_total > shown) {
		snprintf(line, sizeof(line), "... and %lu more (the report lists every stored one)",
			 r->offending_total - (unsigned long)shown);
		vm_wrap(p, -1, 4, line, VS_DIM);
	}
}

static void check(const struct ui_state *s, struct vm_pane *p, const struct score_check *c)
{
	const struct check_result *r = c->result;
	struct vm_row *row;
	char line[256];

	vm_line(p, -1, "", VS_TEXT);
	row = vm_row_new(p, -1);
	if (!r) {
		vm_row_add(row, "--    ", VS_DIM);
		vm_row_add(row, c->check->id, VS_BOLD);
		vm_row_add(row, "  not collected yet", VS_DIM);
	} else {
		vm_row_add(row, vm_check_label(r->status), vm_check_style(r->status));
		vm_row_add(row, "  ", VS_TEXT);
		vm_row_add(row, c->check->id, VS_BOLD);
		if (r->status == CHECK_PARTIAL || (r->status != CHECK_NOT_ASSESSABLE && r->total)) {
			snprintf(line, sizeof(line), "  %lu/%lu healthy", r->healthy, r->total);
			vm_row_add(row, line, VS_TEXT);
		}
	}
	if (c->check->gating)
		vm_row_add(row, "  gating", c->failed ? VS_ERROR : VS_DIM);
	vm_wrap(p, -1, 2, c->check->title, VS_DIM);
	if (!r)
		return;
	tenant_line(s, p, 2, "", r->summary, 0, VS_TEXT);
	if (r->status == CHECK_NOT_ASSESSABLE) {
		snprintf(line, sizeof(line), "not assessable: %s", check_cause_text(r->cause));
		vm_wrap(p, -1, 2, line, VS_WARN);
		if (r->cause == CAUSE_PERMISSION && c->check->permission)
			tenant_line(s, p, 2, "needs: ", c->check->permission, 0, VS_DIM);
		if (r->cause == CAUSE_LICENCE && c->check->licence)
			tenant_line(s, p, 2, "needs the licence: ", c->check->licence, 0, VS_DIM);
	}
	snprintf(line, sizeof(line), "collected %.10s %.5s", r->collected_at,
		 r->collected_at + MIN(strlen(r->collected_at), (size_t)11));
	vm_wrap(p, -1, 2, line, VS_DIM);
	offenders(s, p, r);
}

/* The ratio, its band, the gating cap, and what it suggests. */
static void verdict(const struct ui_state *s, struct vm_pane *p, const struct score_item *si)
{
	size_t i, open = 0;
	enum answer_value sug = ANSWER_NONE;
	char line[256];

	if (!si->has_evidence) {
		vm_wrap(p, -1, 0, si->nchecks ? "Nothing judged yet: no suggestion." : "", VS_DIM);
		return;
	}
	snprintf(line, sizeof(line), "E %.2f (%s) from %zu of %zu check%s", score_round3(si->evidence),
		 score_band_label(si->evidence_band), si->nassessable, si->nchecks,
		 si->nchecks == 1 ? "" : "s");
	vm_wrap(p, -1, 0, line, vm_band_style(si->evidence_band));
	if (si->gating_failed) {
		snprintf(line, sizeof(line), "gating check %s failed: at most Partial",
			 si->gating_failed->check->id);
		vm_wrap(p, -1, 0, line, VS_WARN);
	}
	for (i = 0; i < si->item->nquestions; i++) {
		enum answer_value v = ui_suggestion(s, &si->item->questions[i]);
		if (v != ANSWER_NONE) {
			sug = v;
			open++;
		}
	}
	if (open) {
		snprintf(line, sizeof(line), "suggests %s for %zu open question%s: %s, 1-5 override",
			 vm_answer_label(s->cat, sug), open, open == 1 ? "" : "s",
			 open == 1 ? "a takes it" : "a one, A all");
		vm_wrap(p, -1, 0, line, VS_INFO);
	}
}

void ui_evidence_pane(const struct ui_state *s, const struct catalog *cat, const struct cat_item *it,
		      int width, struct vm_pane *pane)
{
	const struct score_item *si = ui_item_score(s, it);
	size_t i;

	UNUSED(cat);
	UNUSED(width);
	if (!it->nchecks) {
		vm_wrap(pane, -1, 0, "No automated check gives evidence for this item: the answers alone count.",
			VS_DIM);
		return;
	}
	if (!si) {
		vm_wrap(pane, -1, 0, "The evidence is not loaded.", VS_DIM);
		return;
	}
	vm_set_title(pane, "Evidence: %zu check%s", it->nchecks, it->nchecks == 1 ? "" : "s");
	verdict(s, pane, si);
	for (i = 0; i < si->nchecks; i++)
		check(s, pane, &si->checks[i]);
}
