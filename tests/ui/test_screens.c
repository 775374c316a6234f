/*
 * Screen snapshots: the real drawing code renders into a headless ncurses
 * screen (output to /dev/null) at fixed sizes, the screen is read back as
 * text, and compared with reviewed golden files in tests/ui/golden/.
 * Rewrite them on purpose with UPDATE_GOLDEN=1 and review the diff.
 */
#include "term.h"
#include "text.h"
#include "ui_test.h"
#include "vm.h"

static struct catalog *cat;
static struct term *term;

static void snap(struct ui_state *s, const char *name)
{
	ut_snap(term, s, name);
}

static void size(struct ui_state *s, int cols, int lines)
{
	ut_size(s, cols, lines);
}

/* An open assessment with a spread of answers on item 1a and 4a. */
static void workshop(struct ui_state *s, struct ut_effects *fx)
{
	ut_list(s, 3);
	ut_open(s, NULL);
	ut_run(s,
	       "step 1\nopen\nanswer-largely\ndown\nanswer-na\ntype only the sandbox subscriptions, "
	       "billed to the lab\nnewline\ndown\nanswer-risk\ntype contacts move to a group "
	       "mailbox in Q2\nnewline\ntype Dana Whitfield\nnewline\ntype 2027-03-31\nnewline\n"
	       "edit-note\ntype Mailbox secops@contoso.com covers sub "
	       "0b1f6471-1bf0-4dda-aec3-cb9272f09590\nnewline\ntype second line\nsubmit\n"
	       "down\nanswer-unknown\nup\nup\nup",
	       fx);
}

static void test_first_run(void)
{
	struct ui_state s;

	ui_init(&s, cat, 24, 80, UI_UTF8 | UI_DEMO);
	ut_list(&s, 0);
	snap(&s, "first-run-80x24.screen");
	ui_release(&s);
}

static void test_assessments(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	ui_init(&s, cat, 24, 80, UI_UTF8);
	ut_list(&s, 3);
	snap(&s, "assessments-80x24.screen");
	ut_run(&s, "new\ntype Contoso Q1 2027\nnext-field\ntype Contoso", &fx);
	snap(&s, "assessment-new-80x24.screen");
	ut_run(&s, "cancel\ndown\ndelete", &fx);
	snap(&s, "assessment-delete-80x24.screen");
	ui_release(&s);
}

static void test_overview_and_step(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	ui_init(&s, cat, 24, 80, UI_UTF8);
	workshop(&s, &fx);
	ut_run(&s, "back\nback", &fx);
	snap(&s, "overview-80x24.screen");
	size(&s, 132, 43);
	snap(&s, "overview-132x43.screen");
	size(&s, 80, 24);
	ut_run(&s, "step 3", &fx);
	snap(&s, "step-80x24.screen");
	/* the score column and level appear once scoring fills them */
	{
		static const double scores[CAT_NSTEPS] = { 83, 40, 12.5, -1, 0, 100, 66.7, 5, 0 };
		memcpy(s.step_score, scores, sizeof(scores));
		s.have_scores = 1;
		s.level = 1;
		s.level_provisional = 1;
		ut_run(&s, "back", &fx);
		snap(&s, "overview-scores-80x24.screen");
	}
	ui_release(&s);
}

static void test_item(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	ui_init(&s, cat, 24, 80, UI_UTF8);
	workshop(&s, &fx);
	snap(&s, "item-80x24.screen");
	size(&s, 132, 43);
	snap(&s, "item-132x43.screen");
	ut_run(&s, "privacy", &fx);
	snap(&s, "item-private-132x43.screen");
	ut_run(&s, "privacy", &fx);
	size(&s, 80, 24);
	ut_run(&s, "down\ndown\nanswer-risk", &fx);
	snap(&s, "prompt-risk-80x24.screen");
	ut_run(&s, "cancel\nedit-note\nkey Up\nkey End", &fx);
	snap(&s, "note-editor-80x24.screen");
	ut_run(&s, "cancel\nnext-pane\npage-down", &fx);
	snap(&s, "item-guidance-scrolled-80x24.screen");
	ui_release(&s);
}

static void test_help_search_small(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	ui_init(&s, cat, 24, 80, UI_UTF8);
	workshop(&s, &fx);
	ut_run(&s, "help", &fx);
	snap(&s, "help-80x24.screen");
	ut_run(&s, "back\nsearch\ntype guest access", &fx);
	snap(&s, "search-80x24.screen");
	ut_run(&s, "back", &fx);
	size(&s, 60, 20);
	snap(&s, "too-small-60x20.screen");
	ui_release(&s);
}

static void test_ascii(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	text_set_ascii(1);
	ui_init(&s, cat, 24, 80, 0);
	workshop(&s, &fx);
	snap(&s, "item-ascii-80x24.screen");
	ut_run(&s, "back\nback", &fx);
	snap(&s, "overview-ascii-80x24.screen");
	ui_release(&s);
	text_set_ascii(0);
}

int main(void)
{
	term = ut_term();
	cat = ut_catalog();
	T_RUN(test_first_run);
	T_RUN(test_assessments);
	T_RUN(test_overview_and_step);
	T_RUN(test_item);
	T_RUN(test_help_search_small);
	T_RUN(test_ascii);
	term_close(&term);
	catalog_free(&cat);
	return t_done();
}
