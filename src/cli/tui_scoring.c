/*
 * The TUI's scoring extension (tui_app.h): once an assessment is open, its
 * step scores and maturity level (src/core/score.h) fill the roadmap
 * overview's score column and level, and are recomputed after every saved
 * answer. The evidence and the carried-over answers are read once when the
 * assessment opens; the answers are the state's own, so a recomputation
 * needs no store access.
 *
 * The score dashboard, plan, compare and export screens belong here too
 * (registered with ui_register_screen() in start()); they are not built yet.
 */
#include <string.h>

#include "score.h"
#include "store_plan.h"
#include "tui_app.h"
#include "ui.h"

static struct {
	long long id;
	struct evidence_set ev;
	char **carried;
	size_t ncarried;
} the;

static void forget(void)
{
	evidence_release(&the.ev);
	store_strings_free(the.carried, the.ncarried);
	memset(&the, 0, sizeof(the));
}

static void compute(struct ui_state *s)
{
	struct score_input in;
	struct score sc;
	size_t i;

	s->have_scores = 0;
	s->level = -1;
	if (!s->open || s->a.id != the.id)
		return;
	memset(&in, 0, sizeof(in));
	in.cat = s->cat;
	in.answers = &s->answers;
	in.evidence = &the.ev;
	in.carried = the.carried;
	in.ncarried = the.ncarried;
	score_compute(&in, &sc);
	for (i = 0; i < CAT_NSTEPS && i < sc.nsteps; i++)
		s->step_score[i] = sc.steps[i].has_score ? sc.steps[i].score : -1;
	s->have_scores = 1;
	s->level = (int)sc.level;
	s->level_provisional = sc.provisional;
	score_release(&sc);
}

static void opened(struct cli *c, struct store *st, struct ui_state *s)
{
	struct errmsg em = ERRMSG_INIT;

	(void)c;
	forget();
	if (store_evidence_current(st, s->a.id, 0, &the.ev, &em) ||
	    store_carried_load(st, s->a.id, &the.carried, &the.ncarried, &em)) {
		forget();
		s->have_scores = 0;
		s->level = -1;
		ui_message(s, MSG_ERROR, "cannot score: %s", errmsg_text(&em));
		return;
	}
	the.id = s->a.id;
	compute(s);
}

static void changed(struct cli *c, struct store *st, struct ui_state *s)
{
	(void)c;
	(void)st;
	compute(s);
}

static void stop(struct cli *c, struct ui_state *s)
{
	(void)c;
	(void)s;
	forget();
}

const struct tui_ext tui_ext_scoring = { "scoring", NULL, opened, changed, stop };
