/*
 * Scoring one item: its answers (A), its evidence (E) and the verdict.
 * The rules are DESIGN.md section 5; docs/scoring.md says where they had to
 * be interpreted, and score_int.h is the seam to score.c.
 */
#include <stdlib.h>
#include <string.h>

#include "score_int.h"
#include "strutil.h"
#include "xalloc.h"

/* Scores are compared with this tolerance: 0.67 is Largely, not 0.669999. */
#define EPS 1e-9

static int is_carried(const struct score_input *in, const char *qid)
{
	return str_in_list((const char *const *)in->carried, in->ncarried, qid);
}

/* A: question values, counts, and whether a confirmed note exists. */
static void score_answers(const struct score_input *in, struct score_item *si)
{
	const struct cat_item *it = si->item;
	double sum = 0.0;
	size_t i, napp = 0;

	si->nquestions = it->nquestions;
	for (i = 0; i < it->nquestions; i++) {
		const char *qid = it->questions[i].id;
		const struct answer *a = answer_set_find(in->answers, qid);
		enum answer_value v = a ? a->value : ANSWER_NONE;
		int carried = a && is_carried(in, qid);

		if (carried)
			si->ncarried++;
		if (a && !carried &&
		    (!str_is_blank(a->note) ||
		     (a->override_reason && !str_is_blank(a->override_reason))))
			si->noted = 1;
		if (answer_excluded(v)) {
			si->nna++;
			continue;
		}
		napp++;
		if (!answer_is_answered(v)) {
			si->nunknown++;
			continue;
		}
		si->nanswered++;
		if (v == ANSWER_RISK_ACCEPTED)
			si->nrisk_accepted++;
		sum += answer_score(v);
	}
	si->has_attested = si->nanswered > 0;
	if (napp)
		si->attested = sum / (double)napp;
	si->attested_band = score_band_of(si->attested);
}

/* E: the weighted mean ratio of the assessable results; gating failures; scope. */
static void score_evidence(const struct score_input *in, struct score_item *si)
{
	const struct cat_item *it = si->item;
	double sum = 0.0, wsum = 0.0;
	size_t i;

	si->nchecks = it->nchecks;
	si->checks = it->nchecks ? xcalloc(it->nchecks, sizeof(*si->checks)) : NULL;
	for (i = 0; i < it->nchecks; i++) {
		struct score_check *sc = &si->checks[i];

		sc->check = it->checks[i];
		sc->result = in->evidence ? evidence_find(in->evidence, sc->check->id) : NULL;
		sc->ratio = sc->result ? check_result_ratio(sc->result) : -1.0;
		if (sc->ratio < 0)
			continue;
		si->nassessable++;
		sum += sc->ratio * (double)sc->check->weight;
		wsum += (double)sc->check->weight;
		sc->failed = sc->result->status != CHECK_PASS;
		if (!si->scope)
			si->scope = sc;
		if (sc->failed && sc->check->gating && !si->gating_failed)
			si->gating_failed = sc;
	}
	si->has_evidence = si->nassessable > 0;
	if (si->has_evidence)
		si->evidence = sum / wsum;
	si->evidence_band = score_band_of(si->evidence);
}

static void score_contradiction(struct score_item *si)
{
	enum score_band ev = si->evidence_band;

	if (si->na_refuted) {
		si->contradiction = CONTRA_MAJOR;
		return;
	}
	if (!si->has_attested || !si->has_evidence)
		return;
	/* A failed gating check says the evidence is at most Partial. */
	if (si->gating_failed && ev > BAND_PARTIAL)
		ev = BAND_PARTIAL;
	si->band_gap = (int)si->attested_band - (int)ev;
	if (si->band_gap >= 2)
		si->contradiction = CONTRA_MAJOR;
	else if (si->band_gap == 1)
		si->contradiction = CONTRA_MINOR;
	else if (si->band_gap < 0)
		si->contradiction = CONTRA_UNDER;
}

static void score_verdict(struct score_item *si)
{
	double cap = score_band_value(BAND_PARTIAL);

	if (!si->applicable)
		return;
	if (si->has_attested && si->has_evidence) {
		double e = score_band_value(si->evidence_band);
		si->effective = si->attested < e ? si->attested : e;
		si->confidence = CONF_HIGH;
	} else if (si->has_attested) {
		si->effective = si->attested;
		si->confidence = CONF_LOW;
	} else if (si->has_evidence) {
		si->effective = score_band_value(si->evidence_band);
		si->confidence = CONF_MEDIUM;
		si->suggested = 1;
	}
	if (si->gating_failed && si->effective > cap + EPS) {
		si->effective = cap;
		si->capped = 1;
	}
	score_contradiction(si);
	si->achieved = si->has_attested && !si->nunknown && !si->gating_failed &&
		       si->effective + EPS >= score_band_value(BAND_LARGELY);
}

void score_item_compute(const struct score_input *in, const struct cat_item *it,
			struct score_item *si)
{
	memset(si, 0, sizeof(*si));
	si->item = it;
	score_answers(in, si);
	score_evidence(in, si);
	si->na_refuted = si->nna == si->nquestions && si->has_evidence;
	si->applicable = si->nna < si->nquestions || si->na_refuted;
	score_verdict(si);
}

const struct check_result *score_na_refusal(const struct cat_item *it,
					    const struct evidence_set *ev)
{
	size_t i;

	if (!ev)
		return NULL;
	for (i = 0; i < it->nchecks; i++) {
		const struct check_result *r = evidence_find(ev, it->checks[i]->id);
		if (r && check_result_ratio(r) >= 0)
			return r;
	}
	return NULL;
}

void score_item_release(struct score_item *si)
{
	free(si->checks);
	memset(si, 0, sizeof(*si));
}

void score_evidence_summary(const struct score_item *si, struct buf *out)
{
	size_t i, shown = 0;

	if (!si->nchecks) {
		buf_addstr(out, "no automated check");
		return;
	}
	for (i = 0; i < si->nchecks; i++) {
		const struct score_check *sc = &si->checks[i];
		const struct check_result *r = sc->result;

		if (!r)
			continue;
		buf_addf(out, "%s%s %s", shown++ ? "; " : "", sc->check->id, check_status_id(r->status));
		if (r->status == CHECK_PARTIAL || r->status == CHECK_FAIL)
			buf_addf(out, " %lu/%lu", r->healthy, r->total);
		if (r->status == CHECK_NOT_ASSESSABLE)
			buf_addf(out, " (%s)", check_cause_id(r->cause));
	}
	if (!shown)
		buf_addstr(out, "not collected");
}
