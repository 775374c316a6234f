/*
 * The reducer, driven by action scripts (the --script language) against
 * the real catalog: navigation, answering, prompts, the note editor,
 * position, search, privacy, paste safety, too-small terminals, mouse.
 */
#include "ui_test.h"
#include "ui_int.h"
#include "vm.h"

static struct catalog *cat;

static void fresh(struct ui_state *s, unsigned flags)
{
	ui_init(s, cat, 24, 80, UI_UTF8 | flags);
}

/* A state with one assessment in the list, open at pos (NULL: the overview). */
static void opened(struct ui_state *s, const char *pos)
{
	fresh(s, 0);
	ut_list(s, 1);
	ut_open(s, pos);
}

static void test_first_run_offers_create_and_demo(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	unsigned e;

	fresh(&s, UI_DEMO);
	ut_list(&s, 0);
	T_EQ_INT(s.screen, SCR_ASSESSMENTS);
	T_EQ_INT(s.pane[SCR_ASSESSMENTS][0].sel, 0); /* "Create a new assessment" */
	ut_run(&s, "open", &fx);
	T_EQ_INT(s.modal, MODAL_FORM);
	T_EQ_INT(s.form.kind, FORM_NEW);
	/* Enter on the last field without a name: refused, focus back on the name */
	e = ut_run(&s, "newline\nnewline\nnewline\nnewline", &fx);
	T_ASSERT(!(e & UE_CREATE));
	T_EQ_INT(s.form.field, 0);
	T_CONTAINS(s.form.error, "name");
	e = ut_run(&s, "type Fabrikam Q1\nnext-field\ntype Fabrikam\nsubmit", &fx);
	T_ASSERT(e & UE_CREATE);
	T_EQ_STR(s.req.name, "Fabrikam Q1");
	T_EQ_STR(s.req.org, "Fabrikam");
	T_EQ_INT(s.modal, MODAL_FORM); /* open until the app has created it */
	ut_open(&s, NULL);
	T_EQ_INT(s.modal, MODAL_NONE);
	T_EQ_INT(s.screen, SCR_OVERVIEW);
	ui_release(&s);

	fresh(&s, UI_DEMO);
	ut_list(&s, 0);
	e = ut_run(&s, "down\nopen", &fx);
	T_ASSERT(e & UE_DEMO);
	ui_release(&s);

	fresh(&s, 0);
	ut_list(&s, 0);
	T_EQ_INT(s.flags & UI_DEMO, 0);
	ui_release(&s);
}

static void test_walk_every_item_with_next(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	size_t k;

	opened(&s, NULL);
	ut_run(&s, "open\nopen", &fx);
	T_EQ_INT(s.screen, SCR_ITEM);
	for (k = 0; k + 1 < cat->nitems; k++) {
		const struct cat_item *it = &cat->steps[s.step].items[s.item];
		T_EQ_STR(it->id, cat->items[k]->id);
		ut_run(&s, "next", &fx);
	}
	T_EQ_STR(cat->steps[s.step].items[s.item].id, "9b");
	ut_run(&s, "next", &fx);
	T_CONTAINS(s.msg, "last item");
	ut_run(&s, "prev", &fx);
	T_EQ_STR(cat->steps[s.step].items[s.item].id, "9a");
	T_ASSERT(fx.positions > 0);
	ui_release(&s);
}

static void test_one_key_answers_show_only_when_saved(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	unsigned e;

	opened(&s, NULL);
	ut_run(&s, "step 4\nopen", &fx);
	T_EQ_INT(s.screen, SCR_ITEM);
	e = ut_run(&s, "key 4", &fx);
	T_ASSERT(e & UE_SAVE_ANSWER);
	T_EQ_STR(s.req.answer.question_id, "4a.1");
	T_EQ_INT(ut_value(&s, "4a.1"), ANSWER_LARGELY);
	T_CONTAINS(s.msg, "saved 4a.1");
	ut_run(&s, "down\nkey 5\ndown\nkey 3\ndown\nkey 2\ndown\nkey 1\ndown\nkey u", &fx);
	T_EQ_INT(ut_value(&s, "4a.2"), ANSWER_FULLY);
	T_EQ_INT(ut_value(&s, "4a.3"), ANSWER_PARTIAL);
	T_EQ_INT(ut_value(&s, "4a.4"), ANSWER_PLANNED);
	T_EQ_INT(ut_value(&s, "4a.5"), ANSWER_NOT_STARTED);
	T_EQ_INT(ut_value(&s, "4a.6"), ANSWER_UNKNOWN);
	/* a failed write: the old answer stays on screen, the error says so */
	fx.fail_saves = 1;
	ut_run(&s, "up\nanswer-fully", &fx);
	T_EQ_INT(ut_value(&s, "4a.5"), ANSWER_NOT_STARTED);
	T_EQ_INT(s.msg_kind, MSG_ERROR);
	T_CONTAINS(s.msg, "not saved");
	fx.fail_saves = 0;
	ut_run(&s, "answer-clear", &fx);
	T_EQ_INT(ut_value(&s, "4a.5"), ANSWER_NONE);
	ui_release(&s);
}

static void test_not_applicable_needs_a_justification(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	const struct answer *a;
	unsigned e;

	opened(&s, "v1 screen=item step=0 item=0 question=1 scroll=0 pane=0");
	e = ut_run(&s, "key n", &fx);
	T_EQ_INT(s.modal, MODAL_FORM);
	T_EQ_INT(s.form.kind, FORM_NA);
	T_ASSERT(!(e & UE_SAVE_ANSWER));
	e = ut_run(&s, "newline", &fx);
	T_ASSERT(!(e & UE_SAVE_ANSWER));
	T_CONTAINS(s.form.error, "does not apply");
	e = ut_run(&s, "type only sandbox subscriptions\nnewline", &fx);
	T_ASSERT(e & UE_SAVE_ANSWER);
	T_EQ_INT(s.modal, MODAL_NONE);
	a = answer_set_find(&s.answers, "1a.2");
	T_REQUIRE(a);
	T_EQ_INT(a->value, ANSWER_NA);
	T_EQ_STR(a->reason, "only sandbox subscriptions");
	/* cancelling a prompt changes nothing */
	ut_run(&s, "down\nanswer-na\ntype whatever\ncancel", &fx);
	T_EQ_INT(ut_value(&s, "1a.3"), ANSWER_NONE);
	T_EQ_INT(s.modal, MODAL_NONE);
	ui_release(&s);
}

static void test_risk_accepted_needs_reason_owner_expiry(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	const struct answer *a;

	opened(&s, "v1 screen=item step=0 item=0 question=0 scroll=0 pane=0");
	ut_run(&s, "answer-risk\ntype budget in Q2\nnewline\nnewline", &fx);
	T_EQ_INT(s.modal, MODAL_FORM);
	T_EQ_INT(s.form.field, 2);
	ut_run(&s, "submit", &fx);
	T_EQ_INT(s.form.field, 1);
	T_CONTAINS(s.form.error, "owns");
	ut_run(&s, "type CISO\nnext-field\ntype 2027-02-30\nnewline", &fx);
	T_EQ_INT(s.form.field, 2);
	T_CONTAINS(s.form.error, "date");
	T_EQ_INT(ut_value(&s, "1a.1"), ANSWER_NONE);
	ut_run(&s, "key Ctrl-U\ntype 2027-06-30\nnewline", &fx);
	a = answer_set_find(&s.answers, "1a.1");
	T_REQUIRE(a);
	T_EQ_INT(a->value, ANSWER_RISK_ACCEPTED);
	T_EQ_STR(a->owner, "CISO");
	T_EQ_STR(a->expiry, "2027-06-30");
	/* reopening the prompt shows what was given */
	ut_run(&s, "answer-risk", &fx);
	T_EQ_STR(editor_text(&s.form.f[1]), "CISO");
	ut_run(&s, "cancel\nanswer-fully", &fx);
	a = answer_set_find(&s.answers, "1a.1");
	T_EQ_INT(a->value, ANSWER_FULLY);
	T_EQ_STR(a->reason, "");
	T_EQ_STR(a->owner, "");
	T_EQ_STR(a->expiry, "");
	ui_release(&s);
}

static void test_note_editor_keeps_text_until_saved(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	const struct answer *a;
	unsigned e;

	opened(&s, "v1 screen=item step=1 item=0 question=0 scroll=0 pane=0");
	ut_run(&s, "answer-partial\nedit-note", &fx);
	T_EQ_INT(s.modal, MODAL_EDITOR);
	ut_run(&s, "type Workspace: law-sec-prod\nnewline\ntype Gr\xc3\xbc\xc3\x9f" "e\nbackspace", &fx);
	T_EQ_STR(editor_text(&s.note), "Workspace: law-sec-prod\nGr\xc3\xbc\xc3\x9f");
	fx.fail_saves = 1;
	e = ut_run(&s, "submit", &fx);
	T_ASSERT(e & UE_SAVE_ANSWER);
	T_EQ_INT(s.modal, MODAL_EDITOR); /* still open, text intact */
	T_EQ_STR(editor_text(&s.note), "Workspace: law-sec-prod\nGr\xc3\xbc\xc3\x9f");
	T_EQ_INT(s.msg_kind, MSG_ERROR);
	fx.fail_saves = 0;
	ut_run(&s, "key Esc", &fx); /* Esc saves */
	T_EQ_INT(s.modal, MODAL_NONE);
	a = answer_set_find(&s.answers, "2a.1");
	T_REQUIRE(a);
	T_EQ_STR(a->note, "Workspace: law-sec-prod\nGr\xc3\xbc\xc3\x9f");
	T_EQ_INT(a->value, ANSWER_PARTIAL); /* the note keeps the answer */
	/* discard */
	ut_run(&s, "edit-note\ntype more\nkey Ctrl-G", &fx);
	T_EQ_STR(answer_set_find(&s.answers, "2a.1")->note, "Workspace: law-sec-prod\nGr\xc3\xbc\xc3\x9f");
	/* and a new answer keeps the note */
	ut_run(&s, "answer-fully", &fx);
	T_EQ_STR(answer_set_find(&s.answers, "2a.1")->note, "Workspace: law-sec-prod\nGr\xc3\xbc\xc3\x9f");
	ui_release(&s);
}

static void test_paste_never_answers(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	opened(&s, "v1 screen=item step=0 item=0 question=0 scroll=0 pane=0");
	ut_run(&s, "paste-begin\nkey 4\nkey j\nkey 5\npaste-end", &fx);
	T_EQ_INT(fx.saves, 0);
	T_EQ_INT(s.pane[SCR_ITEM][0].sel, 0);
	/* inside the editor a paste keeps its line breaks */
	ut_run(&s, "edit-note\npaste-begin\ntype a\nnewline\ntype b\npaste-end", &fx);
	T_EQ_STR(editor_text(&s.note), "a\nb");
	ut_run(&s, "cancel\nanswer-na\npaste-begin\ntype one\nnewline\ntype two\npaste-end", &fx);
	T_EQ_INT(s.modal, MODAL_FORM); /* a pasted newline did not submit */
	T_EQ_STR(editor_text(&s.form.f[0]), "one two");
	ui_release(&s);
}

static void test_position_saved_and_restored(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct ui_position p, q;
	char text[160];
	unsigned e;

	opened(&s, NULL);
	ut_run(&s, "step 5\ndown\nopen\ndown\ndown\nnext-pane\npage-down", &fx);
	T_EQ_INT(s.screen, SCR_ITEM);
	ui_position_get(&s, &p);
	T_EQ_INT(p.step, 4);
	T_EQ_INT(p.item, 1);
	T_EQ_INT(p.question, 2);
	T_EQ_INT(p.pane, 1);
	T_ASSERT(p.scroll > 0);
	ui_position_format(&p, text, sizeof(text));
	T_EQ_INT(ui_position_parse(text, &q), 0);
	T_EQ_INT(memcmp(&p, &q, sizeof(p)), 0);
	T_EQ_INT(ui_position_parse("v2 screen=item", &q), -1);
	T_EQ_INT(ui_position_parse("v1 screen=nowhere", &q), -1);
	T_EQ_INT(ui_position_parse("v1 step=x screen=item", &q), -1);
	/* leaving the assessment stores where it was */
	e = ut_run(&s, "quit-now", &fx);
	T_ASSERT(e & UE_QUIT);
	T_ASSERT(e & UE_SAVE_POSITION);
	T_EQ_INT(fx.last_pos.step, 4);
	T_EQ_INT(s.req.aid, 7);
	/* and opening restores it, clamped to the catalog */
	ut_open(&s, text);
	T_EQ_INT(s.screen, SCR_ITEM);
	T_EQ_INT(s.step, 4);
	T_EQ_INT(s.item, 1);
	T_EQ_INT(s.pane[SCR_ITEM][0].sel, 2);
	ut_open(&s, "v1 screen=item step=40 item=9 question=9 scroll=0 pane=0");
	T_EQ_INT(s.step, 0);
	T_EQ_INT(s.item, 0);
	T_EQ_INT(s.pane[SCR_ITEM][0].sel, 0);
	/* q walks back up, quitting only from the top */
	ut_run(&s, "open\nopen", &fx);
	e = ut_run(&s, "quit\nquit\nquit", &fx);
	T_ASSERT(!(e & UE_QUIT));
	T_EQ_INT(s.screen, SCR_ASSESSMENTS);
	T_ASSERT(!s.open);
	T_ASSERT(e & UE_LOAD_LIST);
	e = ut_run(&s, "quit", &fx);
	T_ASSERT(e & UE_QUIT);
	ui_release(&s);
}

static void test_search_jumps_to_the_hit(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	const struct search_hit *h;

	fresh(&s, 0);
	ut_list(&s, 1);
	ut_run(&s, "search", &fx);
	T_EQ_INT(s.screen, SCR_ASSESSMENTS); /* needs an open assessment */
	ut_open(&s, NULL);
	ut_run(&s, "search\ntype guest", &fx);
	T_EQ_INT(s.screen, SCR_SEARCH);
	T_ASSERT(s.hits.n > 0);
	ut_run(&s, "down", &fx);
	T_REQUIRE(s.hits.n > 1);
	h = &s.hits.v[1];
	ut_run(&s, "open", &fx);
	T_EQ_INT(s.screen, SCR_ITEM);
	T_EQ_STR(cat->steps[s.step].items[s.item].id, h->item->id);
	/* an id jumps straight there, and j is text in the query */
	ut_run(&s, "search\nkey Ctrl-U\ntype 7b.2", &fx);
	T_EQ_STR(s.hits.v[0].q->id, "7b.2");
	ut_run(&s, "open", &fx);
	T_EQ_STR(ui_cur_question(&s)->id, "7b.2");
	ut_run(&s, "search\nkey Ctrl-U\nkey j\nkey k", &fx);
	T_EQ_STR(editor_text(&s.query), "jk");
	ut_run(&s, "back", &fx);
	T_EQ_INT(s.screen, SCR_ITEM);
	ui_release(&s);
}

static void test_privacy_toggle_and_help(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	fresh(&s, 0);
	ut_list(&s, 1);
	ut_run(&s, "key p", &fx);
	T_ASSERT(s.flags & UI_PRIVATE);
	ut_run(&s, "privacy", &fx);
	T_ASSERT(!(s.flags & UI_PRIVATE));
	ut_run(&s, "key ?", &fx);
	T_EQ_INT(s.screen, SCR_HELP);
	ut_run(&s, "key q", &fx);
	T_EQ_INT(s.screen, SCR_ASSESSMENTS);
	ui_release(&s);
}

static void test_too_small_ignores_keys_until_resized(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	unsigned e;

	opened(&s, "v1 screen=item step=0 item=0 question=0 scroll=0 pane=0");
	ut_run(&s, "resize 60 20\nanswer-fully\ndown", &fx);
	T_EQ_INT(fx.saves, 0);
	T_EQ_INT(s.pane[SCR_ITEM][0].sel, 0);
	ut_run(&s, "resize 120 40\ndown\nanswer-fully", &fx);
	T_EQ_INT(fx.saves, 1);
	T_EQ_INT(ut_value(&s, "1a.2"), ANSWER_FULLY);
	ut_run(&s, "resize 70 30", &fx);
	e = ut_run(&s, "quit", &fx);
	T_ASSERT(e & UE_QUIT);
	ui_release(&s);
}

static void test_signed_off_is_read_only(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	opened(&s, "v1 screen=item step=0 item=0 question=0 scroll=0 pane=0");
	s.a.signed_off_at = xstrdup("2026-11-27T00:00:00Z");
	ut_run(&s, "answer-fully\nedit-note\nanswer-na", &fx);
	T_EQ_INT(fx.saves, 0);
	T_EQ_INT(s.modal, MODAL_NONE);
	T_CONTAINS(s.msg, "read-only");
	ui_release(&s);
}

static void test_delete_asks_first(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	unsigned e;

	fresh(&s, 0);
	ut_list(&s, 3);
	e = ut_run(&s, "down\ndelete", &fx);
	T_EQ_INT(s.modal, MODAL_CONFIRM);
	T_ASSERT(!(e & UE_DELETE));
	e = ut_run(&s, "key x", &fx);
	T_ASSERT(!(e & UE_DELETE));
	T_EQ_INT(s.modal, MODAL_NONE);
	e = ut_run(&s, "key d\nkey y", &fx);
	T_ASSERT(e & UE_DELETE);
	T_EQ_INT(s.req.aid, 2);
	e = ut_run(&s, "key r", &fx);
	T_EQ_INT(s.form.kind, FORM_RENAME);
	T_EQ_STR(editor_text(&s.form.f[0]), "Contoso Q2");
	e = ut_run(&s, "key End\ntype  (final)\nsubmit", &fx);
	T_ASSERT(e & UE_UPDATE);
	T_EQ_STR(s.req.name, "Contoso Q2 (final)");
	ui_release(&s);
}

static void test_mouse_selects_then_opens(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct vm vm;
	char line[64];
	int y;

	opened(&s, NULL);
	vm_build(&s, &vm);
	ui_sync(&s, &vm);
	/* the row of step 4 in the steps pane */
	y = vm.pane[0].r.y + 1 + 3;
	vm_release(&vm);
	snprintf(line, sizeof(line), "click %d 10", y);
	ut_run(&s, line, &fx);
	T_EQ_INT(s.step, 3);
	T_EQ_INT(s.screen, SCR_OVERVIEW);
	ut_run(&s, line, &fx);
	T_EQ_INT(s.screen, SCR_STEP);
	vm_build(&s, &vm);
	ui_sync(&s, &vm);
	vm_release(&vm);
	snprintf(line, sizeof(line), "wheel-down %d 10", s.hit[0].y);
	ut_run(&s, line, &fx);
	T_EQ_INT(s.item, 1);
	ui_release(&s);
}

static unsigned ext_apply(struct ui_state *s, const struct catalog *c, const struct ui_input *in)
{
	(void)c;
	if (in->act == ACT_DOWN) {
		s->pane[SCR_SCORE][0].sel++;
		return UE_REDRAW;
	}
	return 0;
}

static void ext_build(const struct ui_state *s, const struct catalog *c, struct vm *vm)
{
	(void)c;
	(void)s;
	vm->pane[0].list = 1;
	vm_set_title(&vm->pane[0], "Scores");
	vm_line(&vm->pane[0], 0, "one", VS_TEXT);
	vm_line(&vm->pane[0], 1, "two", VS_TEXT);
}

static void test_later_screens_plug_in(void)
{
	static const struct ui_screen_ext score = { "Score", ext_build, ext_apply, NULL, 0 };
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct vm vm;

	opened(&s, NULL);
	ut_run(&s, "score", &fx);
	T_EQ_INT(s.screen, SCR_OVERVIEW);
	T_CONTAINS(s.msg, "not part of this build");
	ui_register_screen(&s, SCR_SCORE, &score);
	T_ASSERT(ui_screen_available(&s, SCR_SCORE));
	ut_run(&s, "key S\ndown", &fx);
	T_EQ_INT(s.screen, SCR_SCORE);
	T_EQ_INT(s.pane[SCR_SCORE][0].sel, 1);
	vm_build(&s, &vm);
	T_EQ_STR(vm.pane[0].title, "Scores");
	T_EQ_INT(vm.pane[0].nrows, 2);
	vm_release(&vm);
	ut_run(&s, "back", &fx);
	T_EQ_INT(s.screen, SCR_OVERVIEW);
	ui_release(&s);
}

int main(void)
{
	cat = ut_catalog();
	T_RUN(test_first_run_offers_create_and_demo);
	T_RUN(test_walk_every_item_with_next);
	T_RUN(test_one_key_answers_show_only_when_saved);
	T_RUN(test_not_applicable_needs_a_justification);
	T_RUN(test_risk_accepted_needs_reason_owner_expiry);
	T_RUN(test_note_editor_keeps_text_until_saved);
	T_RUN(test_paste_never_answers);
	T_RUN(test_position_saved_and_restored);
	T_RUN(test_search_jumps_to_the_hit);
	T_RUN(test_privacy_toggle_and_help);
	T_RUN(test_too_small_ignores_keys_until_resized);
	T_RUN(test_signed_off_is_read_only);
	T_RUN(test_delete_asks_first);
	T_RUN(test_mouse_selects_then_opens);
	T_RUN(test_later_screens_plug_in);
	catalog_free(&cat);
	return t_done();
}
