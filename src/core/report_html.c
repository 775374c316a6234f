/*
 * The HTML report: one self-contained file. Inline CSS and SVG only; no
 * script, no external resource of any kind, and a Content-Security-Policy
 * that forbids both in case anything slipped through. Every tenant or
 * operator string goes through escape_html(). The page frame, plan and
 * exceptions are in report_html_page.c, the charts in report_svg.c.
 */
#include "escape.h"
#include "report_html_int.h"

static void h(struct buf *o, const char *s)
{
	escape_html(o, s ? s : "", 0);
}

static void meta_row(struct buf *o, const char *k, const char *v)
{
	buf_addf(o, "<tr><td>%s</td><td>", k);
	h(o, v);
	buf_addstr(o, "</td></tr>\n");
}

static void html_header(const struct report *r, struct buf *o)
{
	const struct assessment *a = r->a;

	buf_addstr(o, "<header><p class=\"kicker\">Azure security maturity report</p><h1>");
	h(o, a->name);
	buf_addstr(o, "</h1>\n<table class=\"meta\">\n");
	meta_row(o, "Organisation", a->organisation);
	meta_row(o, "Tenant", a->tenant_id);
	meta_row(o, "Assessor", a->assessor);
	meta_row(o, "Catalog", r->cat->version);
	meta_row(o, "Created", a->created_at);
	if (a->signed_off_at) {
		buf_addstr(o, "<tr><td>Signed off</td><td>");
		h(o, a->signed_off_by);
		buf_addstr(o, ", ");
		h(o, a->signed_off_at);
		buf_addstr(o, "</td></tr>\n");
	} else {
		meta_row(o, "Signed off", "not yet (draft)");
	}
	meta_row(o, "Generated", r->generated_at);
	buf_addstr(o, "</table></header>\n<nav><ol><li><a href=\"#summary\">Executive summary</a></li>"
		      "<li><a href=\"#findings\">Findings by step</a></li>"
		      "<li><a href=\"#plan\">Remediation plan</a></li>"
		      "<li><a href=\"#exceptions\">Exceptions</a></li>"
		      "<li><a href=\"#method\">Method</a></li></ol></nav>\n");
}

static void summary_cards(const struct report *r, struct buf *o)
{
	const struct score *s = r->score;
	const struct plan *p = r->plan;
	char n1[16];

	rfmt1(n1, s->index);
	buf_addf(o, "<div class=\"cards\">\n<div class=\"card\"><div class=\"label\">Maturity level</div>"
		    "<div class=\"big\" id=\"level\">%u <span class=\"of\">of 9</span></div>%s",
		 s->level, s->provisional ? "<div class=\"warn\">provisional: part of it rests on "
					    "answers alone</div>" : "");
	svg_level_gauge(r, o);
	buf_addf(o, "</div>\n<div class=\"card\"><div class=\"label\">Index</div><div class=\"big\" "
		    "id=\"index\">%s</div><div class=\"muted\">out of 100: the mean of the step "
		    "scores</div></div>\n",
		 s->has_index ? n1 : "n/a");
	buf_addf(o, "<div class=\"card\"><div class=\"label\">Contradictions</div><div class=\"big "
		    "major\">%zu</div><div>major (%zu without a note), %zu minor, %zu "
		    "under-reported</div></div>\n",
		 s->ncontra[CONTRA_MAJOR], s->nunacknowledged, s->ncontra[CONTRA_MINOR],
		 s->ncontra[CONTRA_UNDER]);
	buf_addf(o, "<div class=\"card\"><div class=\"label\">Plan</div><div class=\"big\">%zu</div>"
		    "<div>%zu act now, %zu next, %zu later, %zu backlog; %zu quick wins, %zu assess, "
		    "%zu overdue; %zu exceptions (%zu expired); %zu questions unknown</div></div>\n</div>\n",
		 p->n, p->nlane[LANE_NOW], p->nlane[LANE_NEXT], p->nlane[LANE_LATER],
		 p->nlane[LANE_BACKLOG], p->nquick, p->nassess, p->noverdue, p->nexceptions,
		 p->nexpired, s->nunknown);
}

static void summary_trend(const struct report *r, struct buf *o)
{
	buf_addstr(o, "<h3>Trend</h3>\n");
	if (r->ntrend < 2) {
		buf_addstr(o, "<p class=\"muted\">The trend appears once the same tenant has been "
			      "assessed again (azmat new --from).</p>\n");
		return;
	}
	svg_trend(r, o);
}

static void summary_top(const struct report *r, struct buf *o)
{
	size_t i;

	if (!r->plan->n)
		return;
	buf_addstr(o, "<h3>First in the plan</h3>\n<ol class=\"top\">\n");
	for (i = 0; i < r->plan->n && i < 5; i++) {
		const struct plan_row *w = &r->plan->rows[i];
		buf_addf(o, "<li><span class=\"lane lane-%s\">%s</span> <b>%s</b> ",
			 plan_lane_id(w->lane), plan_lane_label(w->lane), w->item->id);
		h(o, w->item->title);
		buf_addf(o, " <span class=\"muted\">(%s, due %s)</span></li>\n", plan_kind_id(w->kind),
			 w->due);
	}
	buf_addstr(o, "</ol>\n");
}

static void html_summary(const struct report *r, struct buf *o)
{
	const struct score *s = r->score;
	size_t i;

	buf_addstr(o, "<section id=\"summary\"><h2>Executive summary</h2>\n");
	summary_cards(r, o);
	if (s->nahead) {
		buf_addstr(o, "<p>Ahead of the roadmap: step");
		for (i = 0; i < s->nsteps; i++)
			if (s->steps[i].ahead)
				buf_addf(o, " %u", s->steps[i].step->number);
		buf_addstr(o, ".</p>\n");
	}
	buf_addstr(o, "<h3>Step scores</h3>\n");
	svg_step_bars(r, o);
	summary_trend(r, o);
	summary_top(r, o);
	buf_addstr(o, "</section>\n");
}

static void html_questions(const struct report *r, const struct cat_item *it, struct buf *o)
{
	size_t i;

	buf_addstr(o, "<table class=\"questions\"><thead><tr><th>Question</th><th>Answer</th>"
		      "<th>Note</th></tr></thead><tbody>\n");
	for (i = 0; i < it->nquestions; i++) {
		const struct cat_question *q = &it->questions[i];
		const struct answer *a = answer_set_find(r->answers, q->id);
		buf_addf(o, "<tr><td><b>%s</b> ", q->id);
		h(o, q->text);
		buf_addstr(o, "</td><td>");
		h(o, report_answer_label(r->cat, a ? a->value : ANSWER_NONE));
		if (a && report_is_carried(r, q->id))
			buf_addstr(o, " <span class=\"badge\">carried over, to confirm</span>");
		if (a && *a->reason) {
			buf_addstr(o, "<br><span class=\"muted\">reason:</span> ");
			h(o, a->reason);
		}
		if (report_suggestion_state(a) == REPORT_SUG_ACCEPTED) {
			buf_addstr(o, "<br><span class=\"muted\">as the evidence suggested</span>");
		} else if (report_suggestion_state(a) == REPORT_SUG_OVERRIDDEN) {
			buf_addstr(o, "<br><span class=\"muted\">overrides the evidence, which "
				      "suggested</span> ");
			h(o, report_answer_label(r->cat, a->suggested));
			buf_addstr(o, ": ");
			h(o, a->override_reason);
		}
		buf_addstr(o, "</td><td>");
		escape_html(o, a ? a->note : "", 1);
		buf_addstr(o, "</td></tr>\n");
	}
	buf_addstr(o, "</tbody></table>\n");
}

static void html_offenders(const struct report *r, const struct check_result *res, struct buf *o)
{
	size_t i, shown = report_offenders_shown(r, res);

	if (!res->offending_total)
		return;
	buf_addf(o, "<details open><summary>Offending resources of %s: %lu", res->check_id,
		 res->offending_total);
	if (shown < res->offending_total)
		buf_addf(o, " (the first %zu shown)", shown);
	buf_addstr(o, "</summary>\n");
	if (shown)
		buf_addstr(o, "<table class=\"offenders\"><thead><tr><th>Resource</th><th>Name</th>"
			      "<th>Detail</th></tr></thead><tbody>\n");
	for (i = 0; i < shown; i++) {
		buf_addstr(o, "<tr><td class=\"rid\">");
		h(o, res->offenders[i].id);
		buf_addstr(o, "</td><td>");
		h(o, res->offenders[i].name);
		buf_addstr(o, "</td><td>");
		h(o, res->offenders[i].detail);
		buf_addstr(o, "</td></tr>\n");
	}
	buf_addstr(o, shown ? "</tbody></table></details>\n" : "</details>\n");
}

static void html_evidence(const struct report *r, const struct score_item *si, struct buf *o)
{
	size_t i;

	if (!si->nchecks)
		return;
	buf_addstr(o, "<table class=\"evidence\"><thead><tr><th>Check</th><th>Gating</th>"
		      "<th>Status</th><th>Healthy</th><th>Summary</th></tr></thead><tbody>\n");
	for (i = 0; i < si->nchecks; i++) {
		const struct score_check *sc = &si->checks[i];
		const struct check_result *res = sc->result;
		buf_addf(o, "<tr><td><b>%s</b> ", sc->check->id);
		h(o, sc->check->title);
		buf_addf(o, "</td><td>%s</td>", sc->check->gating ? "yes" : "no");
		if (!res) {
			buf_addstr(o, "<td>not collected</td><td></td><td></td></tr>\n");
			continue;
		}
		buf_addf(o, "<td class=\"st-%s\">%s", check_status_id(res->status),
			 check_status_id(res->status));
		if (res->status == CHECK_NOT_ASSESSABLE)
			buf_addf(o, " (%s)", check_cause_text(res->cause));
		buf_addf(o, "</td><td>%lu/%lu</td><td>", res->healthy, res->total);
		h(o, res->summary);
		buf_addstr(o, "</td></tr>\n");
	}
	buf_addstr(o, "</tbody></table>\n");
	for (i = 0; i < si->nchecks; i++)
		if (si->checks[i].result)
			html_offenders(r, si->checks[i].result, o);
}

static void item_verdict(const struct score_item *si, struct buf *o)
{
	char a[16], e[16], f[16];

	rfmt3(a, si->attested);
	rfmt3(e, si->evidence);
	rfmt3(f, si->effective);
	buf_addf(o, "<p class=\"verdict\">Attested <b>%s</b>, evidence <b>%s</b>, effective "
		    "<b class=\"eff\">%s</b> (%s), confidence %s.",
		 si->has_attested ? a : "n/a", si->has_evidence ? e : "n/a", f,
		 score_band_label(score_band_of(si->effective)), score_confidence_id(si->confidence));
	if (si->gating_failed)
		buf_addf(o, " Capped at Partial: the gating check %s failed.",
			 si->gating_failed->check->id);
	buf_addstr(o, "</p>\n");
	if (si->contradiction)
		buf_addf(o, "<p class=\"contra %s\"><b>Contradiction.</b> %s%s</p>\n",
			 si->contradiction == CONTRA_MAJOR ? "major" :
			 si->contradiction == CONTRA_MINOR ? "minor" : "under",
			 report_contradiction_text(si),
			 si->contradiction == CONTRA_MAJOR && !si->noted ? " No note explains it yet." : "");
}

static void html_item(const struct report *r, const struct score_item *si, struct buf *o)
{
	const struct cat_item *it = si->item;

	buf_addf(o, "<article class=\"item contra-%s\" id=\"item-%s\"><h4>%s ",
		 score_contradiction_id(si->contradiction), it->id, it->id);
	h(o, it->title);
	buf_addf(o, "</h4>\n<p class=\"muted\">Risk %s, effort %s.%s</p>\n", cat_level_name(it->risk),
		 cat_level_name(it->effort), si->applicable ? "" : " Not applicable.");
	if (si->applicable)
		item_verdict(si, o);
	html_questions(r, it, o);
	html_evidence(r, si, o);
	buf_addstr(o, "</article>\n");
}

static void html_findings(const struct report *r, struct buf *o)
{
	const struct score *s = r->score;
	char n1[16];
	size_t i, j;

	buf_addstr(o, "<section id=\"findings\"><h2>Findings by step</h2>\n");
	for (i = 0; i < s->nsteps; i++) {
		const struct score_step *st = &s->steps[i];
		rfmt1(n1, st->score);
		buf_addf(o, "<section class=\"step\" id=\"step-%u\"><h3>Step %u: ", st->step->number,
			 st->step->number);
		h(o, st->step->title);
		buf_addf(o, " <span class=\"score\">%s</span>%s</h3>\n", st->has_score ? n1 : "n/a",
			 st->ahead ? " <span class=\"badge\">ahead</span>"
			 : st->achieved && st->has_score ? " <span class=\"badge\">achieved</span>" : "");
		for (j = 0; j < st->nitems; j++)
			html_item(r, &s->items[st->first_item + j], o);
		buf_addstr(o, "</section>\n");
	}
	buf_addstr(o, "</section>\n");
}

static void html_method(const struct report *r, struct buf *o)
{
	size_t i;

	buf_addstr(o, "<section id=\"method\"><h2>Method</h2>\n");
	for (i = 0; report_method[i]; i++) {
		buf_addstr(o, "<p>");
		h(o, report_method[i]);
		buf_addstr(o, "</p>\n");
	}
	if (r->nruns)
		buf_addstr(o, "<table><thead><tr><th>Evidence run</th><th>Source</th><th>Started</th>"
			      "<th>Status</th><th>Identity</th><th>Cloud</th></tr></thead><tbody>\n");
	for (i = 0; i < r->nruns; i++) {
		const struct evidence_run *u = &r->runs[i];
		buf_addf(o, "<tr><td>%lld</td><td>", u->id);
		h(o, u->source);
		buf_addstr(o, "</td><td>");
		h(o, u->started_at);
		buf_addf(o, "</td><td>%s</td><td>", run_status_id(u->status));
		h(o, u->identity);
		buf_addstr(o, "</td><td>");
		h(o, u->cloud);
		buf_addstr(o, "</td></tr>\n");
	}
	if (r->nruns)
		buf_addstr(o, "</tbody></table>\n");
	buf_addstr(o, "</section>\n");
}

enum az_err report_html(const struct report *r, struct buf *out, struct errmsg *em)
{
	html_page_open(out, "Azure security maturity report: ", r->a->name);
	html_header(r, out);
	html_summary(r, out);
	html_findings(r, out);
	html_plan(r, out);
	html_exceptions(r, out);
	html_method(r, out);
	buf_addstr(out, "<footer class=\"muted\">Generated by azmat ");
	h(out, r->tool_version);
	buf_addstr(out, " on ");
	h(out, r->generated_at);
	buf_addstr(out, ".</footer>\n");
	html_page_close(out);
	return report_check_size(out, em);
}
