/*
 * The open assessment's evidence, score and plan in the state: what the
 * app loaded is handed over once (ui_set_scoring()), and everything
 * computed from it is recomputed here, purely, whenever an answer or a
 * plan edit is saved. So the screens always show the score of the answers
 * on screen, and the reducer's tests see real scores.
 */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "strutil.h"
#include "ui_int.h"
#include "xalloc.h"

void ui_scoring_release(struct ui_scoring *sc)
{
	size_t i;

	if (sc->have_plan)
		plan_release(&sc->plan);
	if (sc->have_score)
		score_release(&sc->score);
	plan_overrides_release(&sc->ov);
	for (i = 0; i < sc->ncarried; i++)
		free(sc->carried[i]);
	free(sc->carried);
	evidence_release(&sc->ev);
	memset(sc, 0, sizeof(*sc));
}

void ui_scoring_compute(struct ui_scoring *sc, const struct catalog *cat,
			const struct answer_set *answers)
{
	struct score_input in;
	struct plan_input pin;

	if (sc->have_plan)
		plan_release(&sc->plan);
	if (sc->have_score)
		score_release(&sc->score);
	sc->have_plan = sc->have_score = 0;
	if (!sc->loaded)
		return;
	memset(&in, 0, sizeof(in));
	in.cat = cat;
	in.answers = answers;
	in.evidence = &sc->ev;
	in.carried = sc->carried;
	in.ncarried = sc->ncarried;
	score_compute(&in, &sc->score);
	sc->have_score = 1;
	pin.score = &sc->score;
	pin.answers = answers;
	pin.overrides = &sc->ov;
	pin.today = sc->today;
	/* the app gives a real date; a bad one only leaves the plan out */
	sc->have_plan = plan_build(&pin, &sc->plan, NULL) == AZ_OK;
}

void ui_scoring_take(struct ui_scoring *sc, struct evidence_set *ev, char **carried,
		     size_t ncarried, struct plan_overrides *ov, const char *today)
{
	ui_scoring_release(sc);
	sc->loaded = 1;
	sc->ev = *ev;
	memset(ev, 0, sizeof(*ev));
	sc->carried = carried;
	sc->ncarried = ncarried;
	sc->ov = *ov;
	memset(ov, 0, sizeof(*ov));
	snprintf(sc->today, sizeof(sc->today), "%s", today ? today : "");
}

void ui_rescore(struct ui_state *s)
{
	size_t i;

	ui_scoring_compute(&s->sc, s->cat, &s->answers);
	if (s->sc.have_score) {
		const struct score *sc = &s->sc.score;
		for (i = 0; i < CAT_NSTEPS && i < sc->nsteps; i++)
			s->step_score[i] = sc->steps[i].has_score ? sc->steps[i].score : -1;
		s->have_scores = 1;
		s->level = (int)sc->level;
		s->level_provisional = sc->provisional;
	}
	if (s->sc.have_plan)
		plan_sort(&s->sc.plan, s->plan_view.sort, s->plan_view.descending);
	ui_compare_rebuild(s);
}

void ui_set_scoring(struct ui_state *s, struct evidence_set *ev, char **carried, size_t ncarried,
		    struct plan_overrides *ov, const char *today)
{
	ui_scoring_take(&s->sc, ev, carried, ncarried, ov, today);
	ui_privacy_rebuild(s);
	ui_rescore(s);
}

void ui_plan_saved(struct ui_state *s, struct plan_overrides *ov)
{
	size_t i;

	plan_overrides_release(&s->sc.ov);
	s->sc.ov = *ov;
	memset(ov, 0, sizeof(*ov));
	if (s->modal == MODAL_FORM && s->form.kind == FORM_PLAN)
		s->modal = MODAL_NONE;
	s->form.saving = 0;
	for (i = 0; i < s->sc.ov.n; i++)
		ui_privacy_add(s, s->sc.ov.o[i].owner);
	ui_rescore(s);
	ui_message(s, MSG_OK, "saved the plan task of %s", s->req.item_id ? s->req.item_id : "");
}

/* The question was answered: a carried-over answer is now confirmed. */
void ui_scoring_confirmed(struct ui_state *s, const char *question_id)
{
	size_t i;

	for (i = 0; i < s->sc.ncarried; i++) {
		if (strcmp(s->sc.carried[i], question_id))
			continue;
		free(s->sc.carried[i]);
		memmove(&s->sc.carried[i], &s->sc.carried[i + 1],
			(s->sc.ncarried - i - 1) * sizeof(*s->sc.carried));
		s->sc.ncarried--;
		return;
	}
}

void ui_signed_off(struct ui_state *s, const char *at, const char *by)
{
	free(s->a.signed_off_at);
	s->a.signed_off_at = xstrdup(at ? at : "");
	free(s->a.signed_off_by);
	s->a.signed_off_by = xstrdup(by ? by : "");
	if (s->sc.loaded && at && strlen(at) >= 10)
		snprintf(s->sc.today, sizeof(s->sc.today), "%.10s", at);
	ui_rescore(s);
	ui_message(s, MSG_OK, "signed off: read-only now");
}

int ui_is_carried(const struct ui_state *s, const char *question_id)
{
	return str_in_list((const char *const *)s->sc.carried, s->sc.ncarried, question_id);
}

const struct score_item *ui_item_score(const struct ui_state *s, const struct cat_item *it)
{
	return s->sc.have_score && it ? score_find_item(&s->sc.score, it->id) : NULL;
}

enum answer_value ui_suggestion(const struct ui_state *s, const struct cat_question *q)
{
	static const enum answer_value of_band[BAND__COUNT] = {
		ANSWER_NOT_STARTED, ANSWER_PARTIAL, ANSWER_LARGELY, ANSWER_FULLY
	};
	const struct answer *a = answer_set_find(&s->answers, q->id);
	const struct score_item *si = ui_item_score(s, q->item);
	enum score_band band;

	if (a && a->value != ANSWER_NONE && a->value != ANSWER_UNKNOWN)
		return ANSWER_NONE;
	if (!si || !si->has_evidence)
		return ANSWER_NONE;
	band = si->evidence_band;
	if (si->gating_failed && band > BAND_PARTIAL)
		band = BAND_PARTIAL;
	return of_band[band];
}
