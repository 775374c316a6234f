/*
 * What the report renderers share: dispatch, number formats, the method
 * text and the CSV priorities.
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

#include "report_int.h"
#include "strutil.h"

int report_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "json"))
		return REPORT_JSON;
	if (!strcmp(s, "md") || !strcmp(s, "markdown"))
		return REPORT_MD;
	if (!strcmp(s, "html"))
		return REPORT_HTML;
	if (!strcmp(s, "csv"))
		return REPORT_CSV;
	return -1;
}

enum az_err report_render(const struct report *r, enum report_format f, struct buf *out,
			  struct errmsg *em)
{
	switch (f) {
	case REPORT_JSON:
		return report_json(r, out, em);
	case REPORT_MD:
		return report_md(r, out, em);
	case REPORT_HTML:
		return report_html(r, out, em);
	case REPORT_CSV:
		return report_csv(r, out, em);
	}
	return errmsg_set(em, AZ_ERR_USAGE, "unknown report format");
}

enum az_err report_plan_render(const struct report *r, enum report_format f, struct buf *out,
			       struct errmsg *em)
{
	switch (f) {
	case REPORT_JSON:
		return report_plan_json(r, out, em);
	case REPORT_MD:
		return report_plan_md(r, out, em);
	case REPORT_HTML:
		return report_plan_html(r, out, em);
	case REPORT_CSV:
		return report_csv(r, out, em);
	}
	return errmsg_set(em, AZ_ERR_USAGE, "unknown report format");
}

void rfmt1(char out[16], double v)
{
	snprintf(out, 16, "%.1f", score_round1(v));
}

void rfmt3(char out[16], double v)
{
	size_t n;

	snprintf(out, 16, "%.3f", score_round3(v));
	n = strlen(out);
	while (n > 1 && out[n - 1] == '0')
		out[--n] = 0;
	if (n > 1 && out[n - 1] == '.')
		out[--n] = 0;
}

const char *report_answer_label(const struct catalog *cat, enum answer_value v)
{
	if (v < 0 || v >= ANSWER__COUNT)
		return "Unanswered";
	return cat->answers[v].label ? cat->answers[v].label : answer_id(v);
}

int report_is_carried(const struct report *r, const char *qid)
{
	return str_in_list(r->carried, r->ncarried, qid);
}

enum report_suggestion report_suggestion_state(const struct answer *a)
{
	if (!a || a->suggested == ANSWER_NONE || a->value == ANSWER_NONE)
		return REPORT_SUG_NONE;
	return a->suggested == a->value ? REPORT_SUG_ACCEPTED : REPORT_SUG_OVERRIDDEN;
}

size_t report_offenders_shown(const struct report *r, const struct check_result *res)
{
	if (!r->max_offenders || res->noffenders < r->max_offenders)
		return res->noffenders;
	return r->max_offenders;
}

const char *report_contradiction_text(const struct score_item *si)
{
	if (si->na_refuted)
		return "Answered not applicable, but the evidence shows resources in scope.";
	switch (si->contradiction) {
	case CONTRA_MAJOR:
		return "Major: the answers are two or more bands above the evidence.";
	case CONTRA_MINOR:
		return "Minor: the answers are one band above the evidence.";
	case CONTRA_UNDER:
		return "Under-reported: the evidence is better than the answers.";
	default:
		return "";
	}
}

const char *report_lane_priority(enum plan_lane l)
{
	static const char *const names[LANE__COUNT] = { "Highest", "High", "Medium", "Low" };

	return l < LANE__COUNT ? names[l] : "Low";
}

enum az_err report_check_size(const struct buf *out, struct errmsg *em)
{
	if (out->len + ((size_t)1 << 20) > out->max)
		return errmsg_set(em, AZ_ERR_TOOBIG, "the report is larger than %zu MiB",
				  out->max >> 20);
	return AZ_OK;
}

const char *const report_method[] = {
	"Each question is answered on a fixed scale: Not started and Planned count 0, Partial 0.33, "
	"Largely 0.67, Fully 1. Risk accepted and Unknown count 0; Not applicable leaves the "
	"question out. The attested score of an item is the mean of its applicable questions.",
	"Automated checks give evidence. Each assessable result counts 1 for a pass, 0 for a fail "
	"and healthy/total when partial; the evidence ratio of an item is their mean. The ratio "
	"maps to a band: above 0.85 Fully, above 0.5 Largely, above 0.15 Partial, else Not started. "
	"Results that could not be assessed (permission, licence, throttling, nothing in scope) "
	"count neither way.",
	"The effective score of an item is the lower of the attested score and the evidence band: "
	"evidence can lower an answer, never raise it. Without evidence the answers stand alone "
	"(low confidence); without answers the evidence band is a suggestion to confirm (medium "
	"confidence). A failed gating check caps the item at Partial.",
	"An answer two or more bands above the evidence is a major contradiction, one band a minor "
	"one; evidence better than the answer is under-reported. A major contradiction needs a "
	"note before the assessment can be signed off.",
	"A step scores the risk-weighted mean (high 3, medium 2, low 1) of its applicable items, "
	"from 0 to 100; the index is the mean of the step scores. The maturity level is the "
	"highest step N such that steps 1 to N are achieved: every applicable item at least "
	"Largely, nothing unknown, no failed gating check. It is provisional while an item within "
	"it that evidence could judge rests on answers alone.",
	"Remediation priority is 100 x risk (3/2/1) x gap / effort (1/2/3), reduced by 0.6 for "
	"each step beyond the next one. Lanes: act now for a failed gating check on a high-risk "
	"item, next for steps up to the level plus one, later for the two steps after, backlog "
	"for the rest; default due dates 14, 90, 180 and 365 days. A quick win is an item of at "
	"least medium risk and low effort with a gap of at least 0.33.",
	NULL,
};
