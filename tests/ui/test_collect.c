/*
 * The collection screen's reducer, driven by action scripts: the keys the
 * operator presses and the events the app's worker reports, as script
 * lines (collect-event KIND key=value ...): start, sign-in, the
 * pre-flight shown and confirmed, progress, throttling, results, cancel,
 * resume, the end, and a failed sign-in.
 */
#include "compat.h"
#include "ui_int.h"
#include "ui_test.h"

static struct catalog *cat;

#define TENANT "72f988bf-86f1-41af-91ab-2d7cd011db47"
#define APP "11111111-2222-4333-8444-555555555555"

/* Assessment 7 open at 80x24 with every later screen, as the app sets it up. */
static void fresh(struct ui_state *s)
{
	ut_open_scored(s, cat);
	ui_register_screen(s, SCR_COLLECT, &ui_screen_collect);
}

/* The collection screen as the app opens it: the environment has a secret. */
static void on_screen(struct ui_state *s, struct ut_effects *fx)
{
	fresh(s);
	ut_run(s, "collect\n"
		  "collect-event setup have=secret,cli client=" APP " tenant=" TENANT,
	       fx);
}

/* From the screen through sign-in to the pre-flight's question. */
static void to_confirm(struct ui_state *s, struct ut_effects *fx)
{
	ut_run(s, "start\n"
		  "collect-event signed-in identity=\"service principal " APP " (secret)\" tenant=" TENANT "\n"
		  "collect-event blocked check=identity-pim-entra-roles cause=licence "
		  "text=\"the tenant has no 'Entra ID P2' licence\"\n"
		  "collect-event blocked check=identity-sign-in-risk cause=permission "
		  "text=\"needs IdentityRiskyUser.Read.All\"\n"
		  "collect-event preflight identity=\"service principal " APP " (secret)\" tenant=" TENANT
		  " arm=\"Reader at the root\" graph=\"Directory.Read.All, Policy.Read.All\" "
		  "licences=AAD_PREMIUM subs=6 subs-role=6 total=12",
	       fx);
}

static int log_has(const struct ui_state *s, const char *needle)
{
	size_t i;

	for (i = 0; i < s->coll.nlog; i++)
		if (strstr(s->coll.log[i], needle))
			return 1;
	return 0;
}

static void test_collect_from_start_to_finish(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct vm vm;
	unsigned e;

	on_screen(&s, &fx);
	T_EQ_INT(s.screen, SCR_COLLECT);
	T_EQ_INT(s.coll.phase, CP_SETUP);
	T_EQ_STR(s.coll.have, "secret,cli");
	/* the credential: the secret from the environment */
	ut_run(&s, "next-choice", &fx);
	T_EQ_INT(s.coll.cred, UCRED_SECRET_ENV);
	T_EQ_STR(ui_cred_kind(s.coll.cred), "secret");
	e = ut_run(&s, "start", &fx);
	T_ASSERT(e & UE_COLLECT_START);
	T_EQ_INT(s.coll.phase, CP_SIGNING_IN);
	T_ASSERT(ui_collect_busy(&s));
	e = ut_run(&s, "collect-event signed-in identity=\"service principal " APP " (secret)\"", &fx);
	T_EQ_INT(s.coll.phase, CP_PREFLIGHT);
	T_ASSERT(log_has(&s, "signed in as service principal"));
	/* the pre-flight is shown and waits for the go-ahead */
	to_confirm(&s, &fx);
	T_EQ_INT(s.coll.phase, CP_CONFIRM);
	T_EQ_INT(s.coll.nblocked, 2);
	T_EQ_STR(s.coll.blocked[0].cause, "licence");
	T_EQ_STR(s.coll.blocked[1].check, "identity-sign-in-risk");
	T_EQ_INT(s.coll.checks, 12);
	T_ASSERT(!ui_collect_busy(&s));
	T_ASSERT(log_has(&s, "pre-flight: 2 of 12 checks expected not assessable"));
	vm_build(&s, &vm);
	T_EQ_STR(vm.pane[0].title, "Pre-flight: what this identity can read");
	vm_release(&vm);
	e = ut_run(&s, "key Enter", &fx);
	T_ASSERT(e & UE_COLLECT_RUN);
	T_EQ_INT(s.coll.phase, CP_RUNNING);
	T_EQ_INT(s.coll.total, 12);
	/* progress and results */
	ut_run(&s, "collect-event progress done=3 total=12 requests=40 in-flight=8 elapsed-ms=2500 "
		   "running=9 current=\"identity-mfa, network-nsg\"\n"
		   "collect-event result check=inventory-budgets status=partial text=\"2 of 6 subscriptions pass\"\n"
		   "collect-event result check=identity-mfa status=pass\n"
		   "collect-event result check=identity-pim-entra-roles status=not-assessable cause=licence",
	       &fx);
	T_EQ_INT(s.coll.done, 3);
	T_EQ_INT(s.coll.requests, 40);
	T_EQ_STR(s.coll.current, "identity-mfa, network-nsg");
	T_EQ_INT(s.coll.count[CHECK_PARTIAL], 1);
	T_EQ_INT(s.coll.count[CHECK_PASS], 1);
	T_EQ_INT(s.coll.count[CHECK_NOT_ASSESSABLE], 1);
	T_ASSERT(log_has(&s, "PART inventory-budgets: 2 of 6 subscriptions pass"));
	T_ASSERT(log_has(&s, "n/a  identity-pim-entra-roles (licence)"));
	/* throttling: counted, and said once per change */
	ut_run(&s, "collect-event progress done=5 total=12 requests=60 throttled=2 wait-ms=1500", &fx);
	T_EQ_INT(s.coll.throttled, 2);
	T_ASSERT(log_has(&s, "throttled: 2 responses so far, 1.5 s waiting"));
	/* the run goes on while the operator looks elsewhere; the header says so */
	ut_run(&s, "back", &fx);
	T_EQ_INT(s.screen, SCR_OVERVIEW);
	vm_build(&s, &vm);
	T_CONTAINS(vm.header_right, "[collecting 5/12]");
	vm_release(&vm);
	/* ...but the assessment stays open until the run ends */
	ut_run(&s, "back", &fx);
	T_EQ_INT(s.screen, SCR_OVERVIEW);
	T_CONTAINS(s.msg, "a collection is running");
	ut_run(&s, "key E", &fx);
	T_EQ_INT(s.screen, SCR_COLLECT);
	e = ut_run(&s, "collect-event finished run=5 status=partial done=12 total=12 requests=90 "
		       "throttled=2 wait-ms=1500 elapsed-ms=9000",
		   &fx);
	T_ASSERT(e & UE_RELOAD); /* the evidence panels load the new results */
	T_EQ_INT(s.coll.phase, CP_DONE);
	T_EQ_INT(s.coll.run, 5);
	T_EQ_INT(s.coll.run_status, RUN_PARTIAL);
	T_EQ_INT(s.msg_kind, MSG_OK);
	T_CONTAINS(s.msg, "run 5 partial");
	T_ASSERT(!ui_collect_busy(&s));
	/* Enter: back to the settings, which were kept */
	ut_run(&s, "open", &fx);
	T_EQ_INT(s.coll.phase, CP_SETUP);
	T_EQ_INT(s.coll.cred, UCRED_SECRET_ENV);
	ui_release(&s);
}

static void test_cancel_then_resume(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	unsigned e;

	on_screen(&s, &fx);
	to_confirm(&s, &fx);
	ut_run(&s, "open\ncollect-event progress done=4 total=12", &fx);
	T_EQ_INT(s.coll.phase, CP_RUNNING);
	/* q and h leave the screen; c and Esc cancel */
	e = ut_run(&s, "key c", &fx);
	T_ASSERT(e & UE_COLLECT_CANCEL);
	T_EQ_INT(s.coll.phase, CP_CANCELLING);
	T_ASSERT(ui_collect_busy(&s));
	e = ut_run(&s, "key Esc", &fx);
	T_ASSERT(!(e & UE_COLLECT_CANCEL));
	T_CONTAINS(s.msg, "waiting for the requests under way");
	T_EQ_INT(s.screen, SCR_COLLECT);
	e = ut_run(&s, "collect-event finished run=9 status=interrupted done=4 total=12", &fx);
	T_ASSERT(e & UE_RELOAD);
	T_EQ_INT(s.coll.phase, CP_DONE);
	T_EQ_INT(s.coll.run_status, RUN_INTERRUPTED);
	T_EQ_INT(s.coll.resumable, 9);
	T_EQ_INT(s.coll.resumable_left, 8);
	T_CONTAINS(s.msg, "run 9 interrupted: r resumes it");
	/* the app reloads and says the run can be resumed */
	ut_run(&s, "collect-event setup have=secret run=9 left=8", &fx);
	e = ut_run(&s, "key r", &fx);
	T_ASSERT(e & UE_COLLECT_START);
	T_ASSERT(s.coll.resume);
	T_EQ_INT(s.coll.phase, CP_SIGNING_IN);
	T_ASSERT(log_has(&s, "resuming run 9: 8 checks left"));
	/* cancelled while signing in: back to the settings, nothing started */
	e = ut_run(&s, "cancel", &fx);
	T_ASSERT(e & UE_COLLECT_CANCEL);
	ut_run(&s, "collect-event failed text=cancelled", &fx);
	T_EQ_INT(s.coll.phase, CP_SETUP);
	T_CONTAINS(s.msg, "cancelled before the collection started");
	/* with nothing under way, Esc leaves the screen */
	ut_run(&s, "key Esc", &fx);
	T_EQ_INT(s.screen, SCR_OVERVIEW);
	ui_release(&s);
}

static void test_failed_sign_in_and_dropped_preflight(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	unsigned e;

	on_screen(&s, &fx);
	ut_run(&s, "start\ncollect-event failed text=\"AADSTS7000215: Invalid client secret provided.\"",
	       &fx);
	T_EQ_INT(s.coll.phase, CP_FAILED);
	T_CONTAINS(s.coll.error, "AADSTS7000215");
	T_EQ_INT(s.msg_kind, MSG_ERROR);
	T_CONTAINS(s.msg, "not collected");
	T_ASSERT(!ui_collect_busy(&s));
	/* Enter: back to the settings; s tries again */
	ut_run(&s, "open", &fx);
	T_EQ_INT(s.coll.phase, CP_SETUP);
	e = ut_run(&s, "key s", &fx);
	T_ASSERT(e & UE_COLLECT_START);
	/* a pre-flight the operator does not like: Esc drops the sign-in */
	to_confirm(&s, &fx);
	T_EQ_INT(s.coll.phase, CP_CONFIRM);
	e = ut_run(&s, "key Esc", &fx);
	T_ASSERT(e & UE_COLLECT_CANCEL);
	T_ASSERT(!(e & UE_COLLECT_RUN));
	T_EQ_INT(s.coll.phase, CP_SETUP);
	T_CONTAINS(s.msg, "not started");
	ui_release(&s);
}

static void test_device_code_shown(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	struct vm vm;
	size_t i;
	int url = 0, code = 0;

	on_screen(&s, &fx);
	ut_run(&s, "prev-choice", &fx);
	T_EQ_INT(s.coll.cred, UCRED_DEVICE);
	ut_run(&s, "start\ncollect-event device-code url=https://microsoft.com/devicelogin code=MOCK-1234\n"
		   "privacy",
	       &fx);
	T_EQ_STR(s.coll.code, "MOCK-1234");
	vm_build(&s, &vm);
	/* the operator needs both, privacy or not */
	for (i = 0; i < vm.pane[0].nrows; i++) {
		url |= strstr(vm.pane[0].rows[i].text, "https://microsoft.com/devicelogin") != NULL;
		code |= strstr(vm.pane[0].rows[i].text, "MOCK-1234") != NULL;
	}
	T_ASSERT(url && code);
	vm_release(&vm);
	ut_run(&s, "collect-event signed-in identity=\"user ana@contoso.example (device code)\"", &fx);
	T_EQ_INT(s.coll.phase, CP_PREFLIGHT);
	T_ASSERT(!s.coll.code);
	ui_release(&s);
}

static void test_settings(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	int rows[CROW__COUNT];
	unsigned e;

	on_screen(&s, &fx);
	/* no secret in the environment: refused before anything starts */
	ut_run(&s, "collect-event setup have=cli\nnext-choice", &fx);
	e = ut_run(&s, "start", &fx);
	T_ASSERT(!(e & UE_COLLECT_START));
	T_CONTAINS(s.msg, "AZURE_CLIENT_SECRET was not set");
	ut_run(&s, "prev-choice", &fx);
	/* auto, no file or certificate rows */
	T_EQ_INT(ui_collect_rows(&s, rows), 6);
	ut_run(&s, "next-choice\nnext-choice", &fx);
	T_EQ_INT(s.coll.cred, UCRED_SECRET_FILE);
	T_EQ_INT(ui_collect_rows(&s, rows), 7);
	T_EQ_INT(rows[1], CROW_SECRET_FILE);
	/* a secret file needs its path; the path is typed, never the secret */
	e = ut_run(&s, "start", &fx);
	T_ASSERT(!(e & UE_COLLECT_START));
	T_CONTAINS(s.msg, "which file holds the client secret");
	ut_run(&s, "down\nopen", &fx);
	T_EQ_INT(s.modal, MODAL_FORM);
	T_EQ_INT(s.form.kind, FORM_COLLECT);
	T_CONTAINS(s.form.label[0], "never the secret itself");
	ut_run(&s, "type /run/secrets/azmat\nsubmit", &fx);
	T_EQ_INT(s.modal, MODAL_NONE);
	T_EQ_STR(editor_text(&s.coll.secret_file), "/run/secrets/azmat");
	/* the cloud, and a subscriptions filter */
	ut_run(&s, "down\ndown\ndown\nnext-choice", &fx);
	T_EQ_STR(ui_cloud_id(s.coll.cloud), "usgov");
	ut_run(&s, "down\nedit-field\ntype 0b1f6471-1bf0-4dda-aec3-cb9272f09590\nkey Enter", &fx);
	T_EQ_STR(editor_text(&s.coll.subs), "0b1f6471-1bf0-4dda-aec3-cb9272f09590");
	/* Esc in the prompt keeps the setting */
	ut_run(&s, "edit-field\ntype , more\nkey Esc", &fx);
	T_EQ_STR(editor_text(&s.coll.subs), "0b1f6471-1bf0-4dda-aec3-cb9272f09590");
	e = ut_run(&s, "down\nopen", &fx); /* the start button */
	T_ASSERT(e & UE_COLLECT_START);
	/* the Azure CLI needs no client id row */
	ui_release(&s);
	on_screen(&s, &fx);
	s.coll.cred = UCRED_CLI;
	T_EQ_INT(ui_collect_rows(&s, rows), 5);
	/* a resumable run adds its button */
	ut_run(&s, "collect-event setup run=4 left=3", &fx);
	T_EQ_INT(ui_collect_rows(&s, rows), 6);
	T_EQ_INT(rows[5], CROW_RESUME);
	ui_release(&s);
}

static void test_signed_off_refuses(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	unsigned e;

	on_screen(&s, &fx);
	s.a.signed_off_at = xstrdup("2026-11-26T10:00:00Z");
	e = ut_run(&s, "start", &fx);
	T_ASSERT(!(e & UE_COLLECT_START));
	T_CONTAINS(s.msg, "signed off and read-only");
	ui_release(&s);
}

static void test_log_keeps_the_newest(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };
	char line[64];
	int i;

	on_screen(&s, &fx);
	for (i = 0; i < UI_COLLECT_LOG_MAX + 20; i++) {
		snprintf(line, sizeof(line), "collect-event log text=\"line %d\"", i);
		ut_run(&s, line, &fx);
	}
	T_EQ_INT(s.coll.nlog, UI_COLLECT_LOG_MAX);
	T_EQ_STR(s.coll.log[0], "line 20");
	snprintf(line, sizeof(line), "line %d", UI_COLLECT_LOG_MAX + 19);
	T_EQ_STR(s.coll.log[UI_COLLECT_LOG_MAX - 1], line);
	ui_release(&s);
}

/* Each bad line is refused with its reason; the good ones parse. */
static void test_event_lines(void)
{
	static const struct {
		const char *line, *error;
	} bad[] = {
		{ "collect-event", "unknown collect-event kind" },
		{ "collect-event nonsense", "unknown collect-event kind" },
		{ "collect-event log colour=red", "unknown collect-event field 'colour'" },
		{ "collect-event progress done=many", "takes a number" },
		{ "collect-event progress done=-1", "takes a number" },
		{ "collect-event log text=\"open", "unclosed quote" },
		{ "collect-event log text", "key=value" },
	};
	struct errmsg em = ERRMSG_INIT;
	struct script_cmd c;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(&c, 0, sizeof(c));
		T_ASSERT(script_parse(bad[i].line, &c, &em) == AZ_ERR_PARSE);
		T_CONTAINS(errmsg_text(&em), bad[i].error);
	}
	memset(&c, 0, sizeof(c));
	T_ASSERT(!script_parse("collect-event blocked check=a cause=licence text=\"say \\\"no\\\" \\\\ here\"",
			       &c, &em));
	T_EQ_INT(c.in.act, ACT_COLLECT_EVENT);
	T_EQ_INT(c.in.ev->kind, CEV_BLOCKED);
	T_EQ_STR(c.in.ev->check, "a");
	T_EQ_STR(c.in.ev->text, "say \"no\" \\ here");
	script_cmd_release(&c);
	T_ASSERT(!script_parse("collect-event finished run=12 status=complete done=3", &c, &em));
	T_EQ_INT(c.in.ev->run, 12);
	T_EQ_INT(c.in.ev->done, 3);
	script_cmd_release(&c);
}

int main(void)
{
	cat = ut_catalog();
	T_RUN(test_collect_from_start_to_finish);
	T_RUN(test_cancel_then_resume);
	T_RUN(test_failed_sign_in_and_dropped_preflight);
	T_RUN(test_device_code_shown);
	T_RUN(test_settings);
	T_RUN(test_signed_off_refuses);
	T_RUN(test_log_keeps_the_newest);
	T_RUN(test_event_lines);
	catalog_free(&cat);
	return t_done();
}
