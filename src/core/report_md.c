/*
 * The Markdown report: the same content as the HTML report, for wikis.
 * Every tenant or operator string goes through escape_md(); table cells are
 * single lines.
 */
#include <string.h>

#include "escape.h"
#include "report_int.h"

static void md(struct buf *o, const char *s)
{
	escape_md(o, s ? s : "", 0);
}

static void md_row2(struct buf *o, const char *k, const char *v)
{
	buf_addf(o, "| %s | ", k);
	md(o, v);
	buf_addstr(o, " |\n");
}

static void md_header(const struct report *r, struct buf *o)
{
	const struct assessment *a = r->a;

	buf_addstr(o, "# Azure security maturity report: ");
	md(o, a->name);
	buf_addstr(o, "\n\n| | |\n|---|---|\n");
	md_row2(o, "Organisation", a->organisation);
	md_row2(o, "Tenant", a->tenant_id);
	md_row2(o, "Assessor", a->assessor);
	md_row2(o, "Catalog", r->cat->version);
	md_row2(o, "Created", a->created_at);
	if (a->signed_off_at) {
		buf_addstr(o, "| Signed off | ");
		md(o, a->signed_off_by);
		buf_addstr(o, ", ");
		md(o, a->signed_off_at);
		buf_addstr(o, " |\n");
	} else {
		md_row2(o, "Signed off", "not yet (draft)");
	}
	md_row2(o, "Generated", r->generated_at);
	buf_addch(o, '\n');
}

static void md_summary_numbers(const struct report *r, struct buf *o)
{
	const struct score *s = r->score;
	const struct plan *p = r->plan;
	char n1[16];
	size_t i;

	buf_addf(o, "**Maturity level %u of 9**%s. ", s->level,
		 s->provisional ? " (provisional: part of it rests on answers alone)" : "");
	if (s->has_index) {
		rfmt1(n1, s->index);
		buf_addf(o, "**Index %s** out of 100.\n", n1);
	} else {
		buf_addstr(o, "No index: nothing is applicable.\n");
	}
	if (s->nahead) {
		buf_addstr(o, "\nAhead of the roadmap: step");
		for (i = 0; i < s->nsteps; i++)
			if (s->steps[i].ahead)
				buf_addf(o, " %u", s->steps[i].step->number);
		buf_addstr(o, ".\n");
	}
	buf_addf(o,
		 "\n- Contradictions: %zu major (%zu without a note), %zu minor, %zu under-reported\n"
		 "- Unknown or unanswered questions: %zu\n"
		 "- Plan: %zu tasks (%zu act now, %zu next, %zu later, %zu backlog); %zu quick wins, "
		 "%zu assess tasks, %zu overdue\n"
		 "- Exceptions: %zu (%zu expired)\n\n",
		 s->ncontra[CONTRA_MAJOR], s->nunacknowledged, s->ncontra[CONTRA_MINOR],
		 s->ncontra[CONTRA_UNDER], s->nunknown, p->n, p->nlane[LANE_NOW], p->nlane[LANE_NEXT],
		 p->nlane[LANE_LATER], p->nlane[LANE_BACKLOG], p->nquick, p->nassess, p->noverdue,
		 p->nexceptions, p->nexpired);
}

static void md_steps_table(const struct report *r, struct buf *o)
{
	const struct score *s = r->score;
	char n1[16];
	size_t i;

	buf_addstr(o, "### Step scores\n\n| Step | Title | Score | Achieved |\n|---:|---|---:|---|\n");
	for (i = 0; i < s->nsteps; i++) {
		const struct score_step *st = &s->steps[i];
		rfmt1(n1, st->score);
		buf_addf(o, "| %u | ", st->step->number);
		md(o, st->step->title);
		buf_addf(o, " | %s | %s |\n", st->has_score ? n1 : "n/a",
			 st->ahead ? "yes, ahead" : st->achieved ? "yes" : "no");
	}
	buf_addch(o, '\n');
}

static void md_trend(const struct report *r, struct buf *o)
{
	char n1[16];
	size_t i;

	if (r->ntrend < 2)
		return;
	buf_addstr(o, "### Trend\n\n| Assessment | Date | Index | Level |\n|---|---|---:|---:|\n");
	for (i = 0; i < r->ntrend; i++) {
		const struct report_trend *t = &r->trend[i];
		rfmt1(n1, t->index);
		buf_addf(o, "| %lld ", t->id);
		md(o, t->name);
		buf_addf(o, " | %s | %s | %u%s |\n", t->date, t->has_index ? n1 : "n/a", t->level,
			 t->provisional ? " (provisional)" : "");
	}
	buf_addch(o, '\n');
}

static void md_top(const struct report *r, struct buf *o)
{
	size_t i;

	if (!r->plan->n)
		return;
	buf_addstr(o, "### First in the plan\n\n");
	for (i = 0; i < r->plan->n && i < 5; i++) {
		const struct plan_row *p = &r->plan->rows[i];
		buf_addf(o, "%zu. %s %s: ", i + 1, plan_lane_label(p->lane), p->item->id);
		md(o, p->item->title);
		buf_addf(o, " (%s, due %s)\n", plan_kind_id(p->kind), p->due);
	}
	buf_addch(o, '\n');
}

static void md_questions(const struct report *r, const struct cat_item *it, struct buf *o)
{
	size_t i;

	buf_addstr(o, "| Question | Answer | Note |\n|---|---|---|\n");
	for (i = 0; i < it->nquestions; i++) {
		const struct cat_question *q = &it->questions[i];
		const struct answer *a = answer_set_find(r->answers, q->id);
		buf_addf(o, "| %s ", q->id);
		md(o, q->text);
		buf_addstr(o, " | ");
		md(o, report_answer_label(r->cat, a ? a->value : ANSWER_NONE));
		if (a && report_is_carried(r, q->id))
			buf_addstr(o, " (carried over, to confirm)");
		if (a && *a->reason) {
			buf_addstr(o, "; reason: ");
			md(o, a->reason);
		}
		if (report_suggestion_state(a) == REPORT_SUG_ACCEPTED) {
			buf_addstr(o, "; as the evidence suggested");
		} else if (report_suggestion_state(a) == REPORT_SUG_OVERRIDDEN) {
			buf_addstr(o, "; overrides the evidence, which suggested ");
			md(o, report_answer_label(r->cat, a->suggested));
			buf_addstr(o, ": ");
			md(o, a->override_reason);
		}
		buf_addstr(o, " | ");
		md(o, a ? a->note : "");
		buf_addstr(o, " |\n");
	}
	buf_addch(o, '\n');
}

static void md_offenders(const struct report *r, const struct check_result *res, struct buf *o)
{
	size_t i, shown = report_offenders_shown(r, res);

	if (!res->offending_total)
		return;
	buf_addf(o, "\nOffending resources of %s: %lu", res->check_id, res->offending_total);
	if (shown < res->offending_total)
		buf_addf(o, " (the first %zu shown)", shown);
	buf_addstr(o, "\n\n");
	if (!shown)
		return;
	buf_addstr(o, "| Resource | Name | Detail |\n|---|---|---|\n");
	for (i = 0; i < shown; i++) {
		buf_addstr(o, "| ");
		md(o, res->offenders[i].id);
		buf_addstr(o, " | ");
		md(o, res->offenders[i].name);
		buf_addstr(o, " | ");
		md(o, res->offenders[i].detail);
		buf_addstr(o, " |\n");
	}
}

static void md_evidence(const struct report *r, const struct score_item *si, struct buf *o)
{
	size_t i;

	if (!si->nchecks)
		return;
	buf_addstr(o, "| Check | Gating | Status | Healthy | Summary |\n|---|---|---|---|---|\n");
	for (i = 0; i < si->nchecks; i++) {
		const struct score_check *sc = &si->checks[i];
		const struct check_result *res = sc->result;
		buf_addf(o, "| %s ", sc->check->id);
		md(o, sc->check->title);
		buf_addf(o, " | %s | ", sc->check->gating ? "yes" : "no");
		if (!res) {
			buf_addstr(o, "not collected | | |\n");
			continue;
		}
		buf_addstr(o, check_status_id(res->status));
		if (res->status == CHECK_NOT_ASSESSABLE)
			buf_addf(o, " (%s)", check_cause_text(res->cause));
		buf_addf(o, " | %lu/%lu | ", res->healthy, res->total);
		md(o, res->summary);
		buf_addstr(o, " |\n");
	}
	for (i = 0; i < si->nchecks; i++)
		if (si->checks[i].result)
			md_offenders(r, si->checks[i].result, o);
	buf_addch(o, '\n');
}

static void md_item(const struct report *r, const struct score_item *si, struct buf *o)
{
	const struct cat_item *it = si->item;
	char a[16], e[16], f[16];

	buf_addf(o, "#### %s ", it->id);
	md(o, it->title);
	buf_addf(o, "\n\nRisk %s, effort %s. ", cat_level_name(it->risk), cat_level_name(it->effort));
	if (!si->applicable) {
		buf_addstr(o, "Not applicable.\n\n");
		md_questions(r, it, o);
		return;
	}
	rfmt3(a, si->attested);
	rfmt3(e, si->evidence);
	rfmt3(f, si->effective);
	buf_addf(o, "Attested %s, evidence %s, **effective %s** (%s), confidence %s.",
		 si->has_attested ? a : "n/a", si->has_evidence ? e : "n/a", f,
		 score_band_label(score_band_of(si->effective)), score_confidence_id(si->confidence));
	if (si->gating_failed)
		buf_addf(o, " Capped at Partial: the gating check %s failed.", si->gating_failed->check->id);
	if (si->contradiction) {
		buf_addf(o, "\n\n**Contradiction.** %s", report_contradiction_text(si));
		if (si->contradiction == CONTRA_MAJOR && !si->noted)
			buf_addstr(o, " No note explains it yet.");
	}
	buf_addstr(o, "\n\n");
	md_questions(r, it, o);
	md_evidence(r, si, o);
}

static void md_findings(const struct report *r, struct buf *o)
{
	const struct score *s = r->score;
	char n1[16];
	size_t i, j;

	buf_addstr(o, "## Findings by step\n\n");
	for (i = 0; i < s->nsteps; i++) {
		const struct score_step *st = &s->steps[i];
		rfmt1(n1, st->score);
		buf_addf(o, "### Step %u: ", st->step->number);
		md(o, st->step->title);
		buf_addf(o, " (%s%s)\n\n", st->has_score ? n1 : "n/a",
			 st->achieved && st->has_score ? ", achieved" : "");
		for (j = 0; j < st->nitems; j++)
			md_item(r, &s->items[st->first_item + j], o);
	}
}

static void md_plan(const struct report *r, struct buf *o)
{
	const struct plan *p = r->plan;
	char n1[16], g[16];
	size_t i;

	buf_addf(o, "## Remediation plan\n\nAs of %s, cut at level %u.\n\n", p->today, p->level);
	if (!p->n) {
		buf_addstr(o, "Nothing to do.\n\n");
		return;
	}
	buf_addstr(o, "| # | Lane | Item | Task | Priority | Gap | Due | Owner | Status | Evidence |\n"
		      "|---:|---|---|---|---:|---:|---|---|---|---|\n");
	for (i = 0; i < p->n; i++) {
		const struct plan_row *w = &p->rows[i];
		rfmt1(n1, w->priority);
		rfmt3(g, w->gap);
		buf_addf(o, "| %zu | %s | %s | %s", i + 1, plan_lane_label(w->lane), w->item->id,
			 w->kind == PLAN_ASSESS ? "Assess: " : "");
		md(o, w->item->title);
		buf_addf(o, "%s | %s | %s | %s%s | ", w->quick_win ? " (quick win)" : "", n1, g, w->due,
			 w->overdue ? " (overdue)" : "");
		md(o, w->owner);
		buf_addf(o, " | %s | ", plan_status_id(w->status));
		md(o, w->evidence);
		buf_addstr(o, " |\n");
	}
	buf_addstr(o, "\n### Actions\n\n");
	for (i = 0; i < p->n; i++) {
		const struct plan_row *w = &p->rows[i];
		buf_addf(o, "%zu. **%s** ", i + 1, w->item->id);
		md(o, w->item->action);
		buf_addstr(o, " Done when: ");
		md(o, w->item->acceptance);
		buf_addch(o, '\n');
	}
	buf_addch(o, '\n');
}

static void md_exceptions(const struct report *r, struct buf *o)
{
	const struct plan *p = r->plan;
	size_t i;

	buf_addstr(o, "## Exceptions (risk accepted)\n\n");
	if (!p->nexceptions) {
		buf_addstr(o, "None.\n\n");
		return;
	}
	buf_addstr(o, "| Question | Owner | Reason | Expiry | Status |\n|---|---|---|---|---|\n");
	for (i = 0; i < p->nexceptions; i++) {
		const struct plan_exception *x = &p->exceptions[i];
		buf_addf(o, "| %s | ", x->question->id);
		md(o, x->answer->owner);
		buf_addstr(o, " | ");
		md(o, x->answer->reason);
		buf_addstr(o, " | ");
		md(o, x->answer->expiry);
		buf_addf(o, " | %s |\n", x->expired ? "expired: back in the plan" : "current");
	}
	buf_addch(o, '\n');
}

static void md_method(const struct report *r, struct buf *o)
{
	size_t i;

	buf_addstr(o, "## Method\n\n");
	for (i = 0; report_method[i]; i++)
		buf_addf(o, "%s\n\n", report_method[i]);
	if (!r->nruns)
		return;
	buf_addstr(o, "| Evidence run | Source | Started | Status | Identity | Cloud |\n"
		      "|---:|---|---|---|---|---|\n");
	for (i = 0; i < r->nruns; i++) {
		const struct evidence_run *u = &r->runs[i];
		buf_addf(o, "| %lld | %s | %s | %s | ", u->id, u->source, u->started_at,
			 run_status_id(u->status));
		md(o, u->identity);
		buf_addstr(o, " | ");
		md(o, u->cloud);
		buf_addstr(o, " |\n");
	}
	buf_addch(o, '\n');
}

enum az_err report_md(const struct report *r, struct buf *out, struct errmsg *em)
{
	md_header(r, out);
	buf_addstr(out, "## Executive summary\n\n");
	md_summary_numbers(r, out);
	md_steps_table(r, out);
	md_trend(r, out);
	md_top(r, out);
	md_findings(r, out);
	md_plan(r, out);
	md_exceptions(r, out);
	md_method(r, out);
	return report_check_size(out, em);
}

enum az_err report_plan_md(const struct report *r, struct buf *out, struct errmsg *em)
{
	buf_addstr(out, "# Remediation plan: ");
	md(out, r->a->name);
	buf_addstr(out, "\n\n");
	md_plan(r, out);
	md_exceptions(r, out);
	return report_check_size(out, em);
}
