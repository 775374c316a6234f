/*
 * The reducer with evidence, scores and plan in the state, driven by
 * action scripts: suggested answers taken with one key or overridden with
 * a reason, "not applicable" refused where the evidence shows the scope,
 * carried-over answers confirmed, the dashboard's sign-off gate, the plan's
 * sorting, filters and edits, the comparison and the export dialog.
 */
#include "compat.h"
#include "report.h"
#include "ui_int.h"
#include "ui_test.h"
#include "vm.h"

static struct catalog *cat;

/* The state with the shared evidence, on item 1b (every question with a suggestion). */
static void open_1b(struct ui_state *s, struct ut_effects *fx)
{
	struct evidence_set ev = EVIDENCE_SET_INIT;

	ut_open_scored(s, cat);
	ut_evidence(&ev);
	ut_scoring(s, &ev, NULL, NULL);
	ut_run(s, "step 1\ndown\nopen", fx);
	T_EQ_STR(ui_cur_item(s)->id, "1b");
}

static void test_suggestion_taken_or_overridden(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	const struct answer *a;
	unsigned e;

	open_1b(&s, &fx);
	T_EQ_INT(ui_suggestion(&s, ui_cur_question(&s)), ANSWER_FULLY);
	/* one key takes it */
	e = ut_run(&s, "accept", &fx);
	T_ASSERT(e & UE_SAVE_ANSWER);
	a = answer_set_find(&s.answers, "1b.1");
	T_REQUIRE(a != NULL);
	T_EQ_INT(a->value, ANSWER_FULLY);
	T_EQ_INT(a->suggested, ANSWER_FULLY);
	T_EQ_STR(a->override_reason, "");
	T_CONTAINS(s.msg, "as the evidence suggests");
	/* answered now: no suggestion, nothing to accept */
	T_EQ_INT(ui_suggestion(&s, ui_cur_question(&s)), ANSWER_NONE);
	/* another value asks why, and nothing is saved until a reason is given */
	e = ut_run(&s, "down\nanswer-partial", &fx);
	T_ASSERT(!(e & UE_SAVE_ANSWER));
	T_EQ_INT(s.modal, MODAL_FORM);
	T_EQ_INT(s.form.kind, FORM_OVERRIDE);
	e = ut_run(&s, "submit", &fx);
	T_ASSERT(!(e & UE_SAVE_ANSWER));
	T_CONTAINS(s.form.error, "differs from the evidence");
	e = ut_run(&s, "type two subscriptions are still being moved\nsubmit", &fx);
	T_ASSERT(e & UE_SAVE_ANSWER);
	T_EQ_INT(s.modal, MODAL_NONE);
	a = answer_set_find(&s.answers, "1b.2");
	T_REQUIRE(a != NULL);
	T_EQ_INT(a->value, ANSWER_PARTIAL);
	T_EQ_INT(a->suggested, ANSWER_FULLY);
	T_EQ_STR(a->override_reason, "two subscriptions are still being moved");
	T_CONTAINS(s.msg, "overrides the evidence's Fully");
	/* the same value as the suggestion is taking it: no prompt */
	e = ut_run(&s, "down\nanswer-fully", &fx);
	T_ASSERT(e & UE_SAVE_ANSWER);
	T_EQ_INT(answer_set_find(&s.answers, "1b.3")->suggested, ANSWER_FULLY);
	/* cancelling an override leaves the question unanswered */
	ut_run(&s, "down\nanswer-not-started\ncancel", &fx);
	T_EQ_INT(ut_value(&s, "1b.4"), ANSWER_NONE);
	/* evidence can lower an answer, never raise it: 1b stays at min(A, band E) */
	T_ASSERT(ui_item_score(&s, ui_cur_item(&s))->effective < 1.0);
	ui_release(&s);
}

static void test_not_applicable_refused_by_evidence(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct evidence_set ev = EVIDENCE_SET_INIT;
	unsigned e;

	ut_open_scored(&s, cat);
	ut_evidence(&ev);
	ut_scoring(&s, &ev, NULL, NULL);
	ut_run(&s, "step 1\ndown\nopen", &fx);
	e = ut_run(&s, "answer-na", &fx);
	T_ASSERT(!(e & UE_SAVE_ANSWER));
	T_EQ_INT(s.modal, MODAL_NONE);
	T_EQ_INT(s.msg_kind, MSG_ERROR);
	T_CONTAINS(s.msg, "n/a refused");
	T_CONTAINS(s.msg, "4 resources in scope");
	T_CONTAINS(s.msg, "inventory-subscriptions-under-mg");
	/* an item without results may still be not applicable (with a reason) */
	ut_run(&s, "back\nback\nstep 2\nopen", &fx);
	T_EQ_STR(ui_cur_item(&s)->id, "2a");
	ut_run(&s, "answer-na", &fx);
	T_EQ_INT(s.modal, MODAL_FORM);
	T_EQ_INT(s.form.kind, FORM_NA);
	ui_release(&s);
}

/* A: every suggestion of the item at once; a failed save keeps the rest unsaved and says so. */
static void test_accept_all(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	const struct answer *a;
	size_t i, before;
	unsigned e;

	open_1b(&s, &fx);
	/* the first save fails: nothing is taken, the error shows */
	fx.fail_saves = 1;
	ut_run(&s, "accept-all", &fx);
	T_CONTAINS(s.msg, "not saved");
	T_EQ_INT(s.req.batch.n, 0);
	T_ASSERT(answer_set_find(&s.answers, "1b.1") == NULL);
	fx.fail_saves = 0;
	before = (size_t)fx.saves;
	e = ut_run(&s, "accept-all", &fx);
	T_ASSERT(e & UE_SAVE_ANSWERS);
	T_EQ_INT((size_t)fx.saves - before, ui_cur_item(&s)->nquestions);
	for (i = 0; i < ui_cur_item(&s)->nquestions; i++) {
		a = answer_set_find(&s.answers, ui_cur_item(&s)->questions[i].id);
		T_REQUIRE(a != NULL);
		T_EQ_INT(a->value, ANSWER_FULLY);
		T_EQ_INT(a->suggested, ANSWER_FULLY);
		T_EQ_INT(ui_suggestion(&s, &ui_cur_item(&s)->questions[i]), ANSWER_NONE);
	}
	T_CONTAINS(s.msg, "saved 4 answers of 1b");
	/* the item is scored as fully answered at once: no half-answered dip */
	T_NEAR(ui_item_score(&s, ui_cur_item(&s))->attested, 1.0, 1e-9);
	/* nothing left to take */
	e = ut_run(&s, "accept-all", &fx);
	T_ASSERT(!(e & UE_SAVE_ANSWERS));
	T_CONTAINS(s.msg, "nothing to accept");
	ui_release(&s);
}

static void test_gating_failure_caps_the_suggestion(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct evidence_set ev = EVIDENCE_SET_INIT;
	const struct score_item *si;

	ut_open_scored(&s, cat);
	ut_evidence(&ev);
	/* with the fixture's 3 passes (weight 1 each) and the failed MFA policy (weight 3) */
	ut_result(&ev, "identity-ca-legacy-auth-blocked", CHECK_PASS, 1, 1, "blocked"); /* weight 2 */
	ut_result(&ev, "identity-ca-device-code-blocked", CHECK_PASS, 1, 1, "blocked");
	ut_scoring(&s, &ev, NULL, NULL);
	ut_run(&s, "step 4\nopen", &fx);
	T_EQ_STR(ui_cur_item(&s)->id, "4a");
	si = ui_item_score(&s, ui_cur_item(&s));
	T_REQUIRE(si != NULL);
	T_NEAR(si->evidence, 6.0 / 9.0, 1e-9);
	T_EQ_INT(si->evidence_band, BAND_LARGELY);
	T_ASSERT(si->gating_failed != NULL);
	T_EQ_INT(ui_suggestion(&s, ui_cur_question(&s)), ANSWER_PARTIAL);
	ui_release(&s);
}

static void test_carried_answers_confirmed(void)
{
	static const char *const carried[] = { "1a.1", "1a.2", NULL };
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct evidence_set ev = EVIDENCE_SET_INIT;
	struct vm vm;
	size_t i;
	int shown = 0;
	unsigned e;

	ut_open_scored(&s, cat);
	ut_answer(&s.answers, "1a.1", ANSWER_LARGELY);
	ut_answer(&s.answers, "1a.2", ANSWER_PARTIAL);
	ut_scoring(&s, &ev, carried, NULL);
	ut_run(&s, "step 1\nopen", &fx);
	T_ASSERT(ui_is_carried(&s, "1a.1"));
	vm_build(&s, &vm);
	for (i = 0; i < vm.pane[0].nrows; i++)
		if (strstr(vm.pane[0].rows[i].text, "carried over, to confirm"))
			shown++;
	T_EQ_INT(shown, 2);
	vm_release(&vm);
	/* a confirms: the same answer, written again */
	e = ut_run(&s, "accept", &fx);
	T_ASSERT(e & UE_SAVE_ANSWER);
	T_EQ_INT(s.req.answer.value, ANSWER_LARGELY);
	T_ASSERT(!ui_is_carried(&s, "1a.1"));
	T_CONTAINS(s.msg, "(confirmed)");
	/* answering again confirms too */
	ut_run(&s, "down\nanswer-largely", &fx);
	T_ASSERT(!ui_is_carried(&s, "1a.2"));
	T_EQ_INT(s.sc.ncarried, 0);
	ui_release(&s);
}

/*
 * 4a answered Fully throughout before the evidence came, which puts it at
 * Partial (a failed gating check): a major contradiction. (Answered after
 * it, each answer would have asked for the override's reason.)
 */
static void contradicted(struct ui_state *s, struct ut_effects *fx)
{
	struct evidence_set ev = EVIDENCE_SET_INIT;
	const struct cat_item *it = catalog_find_item(cat, "4a");
	size_t i;

	ut_open_scored(s, cat);
	for (i = 0; i < it->nquestions; i++)
		ut_answer(&s->answers, it->questions[i].id, ANSWER_FULLY);
	ut_evidence(&ev);
	ut_scoring(s, &ev, NULL, NULL);
	(void)fx;
}

static void test_signoff_blocked_until_noted(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	const struct score_item *si;
	unsigned e;

	contradicted(&s, &fx);
	si = score_find_item(&s.sc.score, "4a");
	T_REQUIRE(si != NULL);
	T_EQ_INT(si->contradiction, CONTRA_MAJOR);
	ut_run(&s, "score", &fx);
	T_EQ_INT(s.screen, SCR_SCORE);
	T_EQ_INT(s.focus[SCR_SCORE], 1);
	e = ut_run(&s, "sign-off", &fx);
	T_ASSERT(!(e & UE_SIGNOFF));
	T_EQ_INT(s.modal, MODAL_NONE);
	T_CONTAINS(s.msg, "sign-off blocked: 1 major contradiction without a note (4a)");
	/* Enter on the contradiction opens its item; a note explains it */
	ut_run(&s, "open", &fx);
	T_EQ_INT(s.screen, SCR_ITEM);
	T_EQ_STR(ui_cur_item(&s)->id, "4a");
	ut_run(&s, "edit-note\ntype the gating MFA policy is being rolled out this month\nsubmit", &fx);
	T_ASSERT(score_find_item(&s.sc.score, "4a")->noted);
	ut_run(&s, "score", &fx);
	e = ut_run(&s, "sign-off", &fx);
	T_EQ_INT(s.modal, MODAL_CONFIRM);
	T_EQ_INT(s.confirm, CONFIRM_SIGNOFF);
	e = ut_run(&s, "yes", &fx);
	T_ASSERT(e & UE_SIGNOFF);
	/* the app signed it off: read-only from now on */
	ui_signed_off(&s, "2026-11-26T10:00:00Z", "Ana Lead");
	T_EQ_STR(s.sc.today, "2026-11-26");
	ut_run(&s, "sign-off", &fx);
	T_CONTAINS(s.msg, "already signed off");
	ut_run(&s, "open", &fx);
	e = ut_run(&s, "answer-partial", &fx);
	T_ASSERT(!(e & UE_SAVE_ANSWER));
	T_CONTAINS(s.msg, "read-only");
	ut_run(&s, "plan\nedit-plan", &fx);
	T_EQ_INT(s.modal, MODAL_NONE);
	T_CONTAINS(s.msg, "read-only");
	ui_release(&s);
}

static const struct plan_row *selected(const struct ui_state *s)
{
	return ui_plan_selected(s);
}

static void test_plan_sort_filter_and_edit(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;
	struct plan_override o;
	const struct plan_row *row;
	char first[16];
	unsigned e;

	contradicted(&s, &fx);
	ut_run(&s, "plan", &fx);
	T_EQ_INT(s.screen, SCR_PLAN);
	row = selected(&s);
	T_REQUIRE(row != NULL);
	snprintf(first, sizeof(first), "%s", row->item->id);
	/* sorting keeps the selected task selected */
	ut_run(&s, "sort", &fx);
	T_EQ_INT(s.plan_view.sort, PLAN_SORT_PRIORITY);
	T_EQ_STR(selected(&s)->item->id, first);
	ut_run(&s, "sort\nsort\nsort\nsort\nsort", &fx);
	T_EQ_INT(s.plan_view.sort, PLAN_SORT_DEFAULT);
	/* a lane at a time */
	ut_run(&s, "filter-lane", &fx);
	T_EQ_INT(s.plan_view.lane, LANE_NOW);
	ut_run(&s, "filter-lane\nfilter-lane\nfilter-lane\nfilter-lane", &fx);
	T_EQ_INT(s.plan_view.lane, -1);
	/* edit: a bad date is refused in the form */
	ut_run(&s, "top\nedit-plan", &fx);
	T_EQ_INT(s.form.kind, FORM_PLAN);
	ut_run(&s, "type Dana Whitfield\nnext-field\ntype 2026-13-40\nsubmit", &fx);
	T_CONTAINS(s.form.error, "due date");
	T_EQ_INT(s.form.field, 1);
	e = ut_run(&s, "kill-line\ntype 2026-12-24\nnext-field\nkill-line\ntype in-progress\nsubmit", &fx);
	T_ASSERT(e & UE_SAVE_PLAN);
	T_EQ_STR(s.req.owner, "Dana Whitfield");
	T_EQ_STR(s.req.due, "2026-12-24");
	T_EQ_STR(s.req.status, "in-progress");
	/* the app stored it and hands back every override */
	memset(&o, 0, sizeof(o));
	o.item_id = s.req.item_id;
	o.owner = s.req.owner;
	o.due = s.req.due;
	o.status = s.req.status;
	plan_overrides_put(&ov, &o);
	ui_plan_saved(&s, &ov);
	T_EQ_INT(s.modal, MODAL_NONE);
	row = plan_find(&s.sc.plan, s.req.item_id);
	T_REQUIRE(row != NULL);
	T_EQ_STR(row->owner, "Dana Whitfield");
	T_EQ_STR(row->due, "2026-12-24");
	T_EQ_INT(row->status, PLAN_IN_PROGRESS);
	/* survives re-scoring: an answer changes, the override stays */
	ut_run(&s, "back\nstep 1\nopen\nanswer-partial\nplan", &fx);
	T_EQ_STR(plan_find(&s.sc.plan, o.item_id ? s.req.item_id : "")->owner, "Dana Whitfield");
	/* the owner filter: unassigned, then Dana's tasks alone */
	ut_run(&s, "filter-owner\nfilter-owner", &fx);
	T_EQ_INT(s.plan_view.owner_mode, OWNER_NAMED);
	T_EQ_STR(s.plan_view.owner, "Dana Whitfield");
	T_EQ_INT(ui_screen_plan.list_len(&s, 0), 1);
	/* t moves the status on, straight to the store */
	e = ut_run(&s, "status", &fx);
	T_ASSERT(e & UE_SAVE_PLAN);
	T_EQ_STR(s.req.status, "blocked");
	T_ASSERT(s.req.owner == NULL && s.req.due == NULL);
	ui_release(&s);
}

static void test_compare_chooses_and_shows_regressions(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct evidence_set ev = EVIDENCE_SET_INIT, before = EVIDENCE_SET_INIT;
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;
	struct answer_set answers = ANSWER_SET_INIT;
	struct assessment other;
	unsigned e;

	ut_open_scored(&s, cat);
	ut_evidence(&ev);
	ut_scoring(&s, &ev, NULL, NULL);
	ut_run(&s, "compare", &fx);
	T_EQ_INT(s.screen, SCR_COMPARE);
	T_ASSERT(ui_compare_picking(&s));
	T_EQ_INT(ui_screen_compare.list_len(&s, 0), 3); /* the list holds 3, none is 7 */
	e = ut_run(&s, "down\nopen", &fx);
	T_ASSERT(e & UE_COMPARE);
	T_EQ_INT(s.req.aid, 2);
	/* the app loads assessment 2: last quarter, 1b all Fully and passing */
	ut_assessment(&other, 2, "Contoso Q3", "2026-08-20T09:00:00Z");
	ut_result(&before, "inventory-subscriptions-under-mg", CHECK_PASS, 4, 4, "all under the tree");
	ut_answer(&answers, "1b.1", ANSWER_FULLY);
	ui_set_compare(&s, &other, &answers, &before, NULL, 0, &ov, "2026-08-20");
	T_ASSERT(s.cmp.have_diff);
	T_ASSERT(s.cmp.open_is_after);
	T_ASSERT(!ui_compare_picking(&s));
	T_EQ_INT(s.cmp.diff.a->a->id, 2);
	/* 2c lost its passing check: a regression, first */
	T_ASSERT(s.cmp.diff.nregressed >= 1);
	T_EQ_STR(s.cmp.diff.items[0].item->id, "2c");
	T_EQ_INT(s.cmp.diff.items[0].kind, DIFF_REGRESSED);
	T_ASSERT(s.cmp.diff.nflips >= 1);
	T_EQ_INT(s.cmp.diff.nanswers, 1); /* 1b.1 was Fully, is unanswered */
	/* Enter opens the item; answering it rebuilds the comparison */
	ut_run(&s, "open", &fx);
	T_EQ_INT(s.screen, SCR_ITEM);
	T_EQ_STR(ui_cur_item(&s)->id, "2c");
	ut_run(&s, "accept\ncompare", &fx);
	T_ASSERT(s.cmp.have_diff);
	T_EQ_INT(s.cmp.diff.nanswers, 2);
	/* c: choose another; Esc returns to the comparison */
	ut_run(&s, "choose", &fx);
	T_ASSERT(ui_compare_picking(&s));
	ut_run(&s, "back", &fx);
	T_ASSERT(!ui_compare_picking(&s));
	T_EQ_INT(s.screen, SCR_COMPARE);
	ui_release(&s);
}

static void test_export_dialog(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct evidence_set ev = EVIDENCE_SET_INIT;
	unsigned e;

	ut_open_scored(&s, cat);
	ut_scoring(&s, &ev, NULL, NULL);
	ut_run(&s, "export", &fx);
	T_EQ_INT(s.screen, SCR_EXPORT);
	T_EQ_STR(editor_text(&s.export.file), "azmat-7-report.html");
	/* the format follows the default name; What cycles report, plan, diff */
	ut_run(&s, "down\nnext-choice", &fx);
	T_EQ_STR(editor_text(&s.export.file), "azmat-7-report.md");
	ut_run(&s, "up\nnext-choice", &fx);
	T_EQ_INT(s.export.what, EXPORT_PLAN);
	T_EQ_STR(editor_text(&s.export.file), "azmat-7-plan.md");
	ut_run(&s, "next-choice", &fx);
	T_EQ_INT(s.export.what, EXPORT_DIFF);
	e = ut_run(&s, "write", &fx);
	T_ASSERT(!(e & UE_EXPORT));
	T_CONTAINS(s.msg, "nothing to compare");
	/* a typed name keeps its stem when the format changes */
	ut_run(&s, "next-choice\nfile-name\nkill-line\ntype out/Contoso Q4.md\nsubmit", &fx);
	T_EQ_STR(editor_text(&s.export.file), "out/Contoso Q4.md");
	ut_run(&s, "down\nprev-choice", &fx);
	T_EQ_INT(s.export.format, REPORT_HTML);
	T_EQ_STR(editor_text(&s.export.file), "out/Contoso Q4.html");
	e = ut_run(&s, "write", &fx);
	T_ASSERT(e & UE_EXPORT);
	T_EQ_STR(s.req.path, "out/Contoso Q4.html");
	T_EQ_INT(s.req.export_what, EXPORT_REPORT);
	T_EQ_INT(s.req.export_format, REPORT_HTML);
	T_EQ_INT(s.req.overwrite, 0);
	/* the file exists: ask, then write over it */
	ui_export_exists(&s);
	T_EQ_INT(s.modal, MODAL_CONFIRM);
	e = ut_run(&s, "cancel", &fx);
	T_ASSERT(!(e & UE_EXPORT));
	ui_export_exists(&s);
	e = ut_run(&s, "yes", &fx);
	T_ASSERT(e & UE_EXPORT);
	T_EQ_INT(s.req.overwrite, 1);
	ui_exported(&s, 2048);
	T_CONTAINS(s.msg, "wrote Contoso Q4.html (2 KiB) in out");
	ui_release(&s);
}

/* Every new screen builds at both sizes with the privacy toggle, and masks. */
static void test_privacy_on_new_screens(void)
{
	static const enum ui_screen scr[] = { SCR_ITEM, SCR_SCORE, SCR_PLAN, SCR_COMPARE, SCR_EXPORT };
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct evidence_set ev = EVIDENCE_SET_INIT;
	struct vm vm;
	size_t i, k, p;

	ut_open_scored(&s, cat);
	ut_evidence(&ev);
	ut_scoring(&s, &ev, NULL, NULL);
	ut_run(&s, "step 1\ndown\nopen\nprivacy\nresize 132 43", &fx);
	for (i = 0; i < ARRAY_SIZE(scr); i++) {
		if (scr[i] != SCR_ITEM)
			ut_run(&s, ui_screen_name(scr[i]), &fx);
		vm_build(&s, &vm);
		for (p = 0; p < UI_NPANES; p++) {
			for (k = 0; k < vm.pane[p].nrows; k++) {
				const char *t = vm.pane[p].rows[k].text;
				T_ASSERT(!strstr(t, "sub-legacy-lab"));
				T_ASSERT(!strstr(t, "0b1f6471"));
				T_ASSERT(!strstr(t, "72f988bf"));
			}
		}
		vm_release(&vm);
		if (scr[i] != SCR_ITEM)
			ut_run(&s, "back", &fx);
	}
	ui_release(&s);
}

int main(void)
{
	cat = ut_catalog();
	T_RUN(test_suggestion_taken_or_overridden);
	T_RUN(test_not_applicable_refused_by_evidence);
	T_RUN(test_accept_all);
	T_RUN(test_gating_failure_caps_the_suggestion);
	T_RUN(test_carried_answers_confirmed);
	T_RUN(test_signoff_blocked_until_noted);
	T_RUN(test_plan_sort_filter_and_edit);
	T_RUN(test_compare_chooses_and_shows_regressions);
	T_RUN(test_export_dialog);
	T_RUN(test_privacy_on_new_screens);
	catalog_free(&cat);
	return t_done();
}
