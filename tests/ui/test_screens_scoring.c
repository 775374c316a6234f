/*
 * Screen snapshots of the evidence panel, the suggested and carried-over
 * answers, the score dashboard, the plan, the compare screen and the export
 * dialog, at 80x24 and 132x43, with the privacy toggle, and in ASCII.
 * Rewrite them on purpose with UPDATE_GOLDEN=1 and review the diff.
 */
#include "compat.h"
#include "text.h"
#include "ui_test.h"

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

/*
 * Assessment 7 with the shared evidence, 1a carried over from last
 * quarter, 4a answered Fully before the evidence came (a major
 * contradiction), one plan override with a person as owner.
 */
static void scored(struct ui_state *s, struct ut_effects *fx)
{
	static const char *const carried[] = { "1a.1", NULL };
	struct evidence_set ev = EVIDENCE_SET_INIT;
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;
	struct plan_override o;
	const struct cat_item *it = catalog_find_item(cat, "4a");
	char item[] = "4a", owner[] = "Dana Whitfield", due[] = "2026-12-24", status[] = "in-progress";
	size_t i;

	ut_open_scored(s, cat);
	for (i = 0; i < it->nquestions; i++)
		ut_answer(&s->answers, it->questions[i].id, ANSWER_FULLY);
	ut_answer(&s->answers, "1a.1", ANSWER_LARGELY);
	memset(&o, 0, sizeof(o));
	o.item_id = item;
	o.owner = owner;
	o.due = due;
	o.status = status;
	plan_overrides_put(&ov, &o);
	ut_evidence(&ev);
	ut_scoring(s, &ev, carried, &ov);
	ut_run(s, "step 1\ndown\nopen\naccept\ndown\nanswer-partial\ntype sub-legacy-lab and one more are "
		  "still being moved\nsubmit\nup",
	       fx);
}

static void test_item_evidence(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	scored(&s, &fx);
	snap(&s, "item-suggest-80x24.screen");
	ut_run(&s, "next-pane\nnext-pane", &fx);
	snap(&s, "item-evidence-80x24.screen");
	ut_run(&s, "page-down", &fx);
	snap(&s, "item-evidence-scrolled-80x24.screen");
	ut_run(&s, "prev-pane\nprev-pane\npage-up", &fx);
	size(&s, 132, 43);
	snap(&s, "item-evidence-132x43.screen");
	ut_run(&s, "privacy", &fx);
	snap(&s, "item-evidence-private-132x43.screen");
	ut_run(&s, "privacy\ndown\ndown\ndown\nanswer-largely", &fx);
	size(&s, 80, 24);
	snap(&s, "prompt-override-80x24.screen");
	ut_run(&s, "cancel\nback\nup\nopen", &fx);
	snap(&s, "item-carried-80x24.screen");
	ut_run(&s, "back\nback\nstep 2\nopen\nnext-pane\nnext-pane", &fx);
	snap(&s, "item-no-evidence-80x24.screen");
	ui_release(&s);
}

static void test_dashboard(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	scored(&s, &fx);
	ut_run(&s, "score", &fx);
	snap(&s, "dashboard-80x24.screen");
	ut_run(&s, "sign-off", &fx);
	snap(&s, "dashboard-blocked-80x24.screen");
	size(&s, 132, 43);
	snap(&s, "dashboard-132x43.screen");
	ut_run(&s, "open\nedit-note\ntype rollout of the MFA policy ends this month\nsubmit\nscore\n"
		   "sign-off",
	       &fx);
	size(&s, 80, 24);
	snap(&s, "signoff-confirm-80x24.screen");
	ut_run(&s, "yes", &fx);
	ui_signed_off(&s, "2026-11-26T10:00:00Z", "Alex Kim");
	size(&s, 132, 43);
	ut_run(&s, "privacy", &fx);
	snap(&s, "dashboard-signed-private-132x43.screen");
	ui_release(&s);
}

static void test_dashboard_ascii(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	text_set_ascii(1);
	scored(&s, &fx);
	s.flags &= ~(unsigned)UI_UTF8;
	ut_run(&s, "score", &fx);
	snap(&s, "dashboard-ascii-80x24.screen");
	ui_release(&s);
	text_set_ascii(0);
}

static void test_plan(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	scored(&s, &fx);
	ut_run(&s, "plan", &fx);
	snap(&s, "plan-80x24.screen");
	ut_run(&s, "edit-plan", &fx);
	snap(&s, "plan-form-80x24.screen");
	ut_run(&s, "cancel\nsort", &fx);
	size(&s, 132, 43);
	snap(&s, "plan-132x43.screen");
	ut_run(&s, "privacy\nfilter-owner\nfilter-owner", &fx);
	snap(&s, "plan-owner-private-132x43.screen");
	ui_release(&s);
}

static void compared(struct ui_state *s)
{
	struct evidence_set before = EVIDENCE_SET_INIT;
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;
	struct answer_set answers = ANSWER_SET_INIT;
	struct plan_override o;
	struct assessment other;
	char item[] = "4a", due[] = "2026-10-31";

	ut_assessment(&other, 2, "Contoso Q3 (tenant 72f988bf-86f1-41af-91ab-2d7cd011db47)",
		      "2026-08-20T09:00:00Z");
	ut_result(&before, "inventory-subscriptions-under-mg", CHECK_PASS, 4, 4, "all under the tree");
	ut_result(&before, "identity-ca-mfa-all-users", CHECK_PASS, 1, 1, "MFA for everyone");
	ut_answer(&answers, "1b.1", ANSWER_FULLY);
	memset(&o, 0, sizeof(o));
	o.item_id = item;
	o.due = due;
	plan_overrides_put(&ov, &o);
	ui_set_compare(s, &other, &answers, &before, NULL, 0, &ov, "2026-08-20");
}

static void test_compare(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	scored(&s, &fx);
	ut_run(&s, "compare", &fx);
	snap(&s, "compare-pick-80x24.screen");
	ut_run(&s, "down\nopen", &fx);
	compared(&s);
	snap(&s, "compare-80x24.screen");
	size(&s, 132, 43);
	snap(&s, "compare-132x43.screen");
	ut_run(&s, "privacy", &fx);
	snap(&s, "compare-private-132x43.screen");
	ui_release(&s);
}

static void test_export(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	scored(&s, &fx);
	ut_run(&s, "export", &fx);
	snap(&s, "export-80x24.screen");
	ut_run(&s, "next-choice\ndown\nnext-choice\nfile-name", &fx);
	snap(&s, "export-file-80x24.screen");
	ut_run(&s, "cancel", &fx);
	size(&s, 132, 43);
	snap(&s, "export-132x43.screen");
	ui_release(&s);
}

int main(void)
{
	term = ut_term();
	cat = ut_catalog();
	T_RUN(test_item_evidence);
	T_RUN(test_dashboard);
	T_RUN(test_dashboard_ascii);
	T_RUN(test_plan);
	T_RUN(test_compare);
	T_RUN(test_export);
	term_close(&term);
	catalog_free(&cat);
	return t_done();
}
