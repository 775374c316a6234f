/*
 * Screen snapshots of the collection screen at 80x24 and 132x43: the
 * settings, the device code, the pre-flight waiting for its go-ahead,
 * progress with throttling, the end (partial, interrupted), a failed
 * sign-in; with the privacy toggle and in ASCII. Rewrite them on purpose
 * with UPDATE_GOLDEN=1 and review the diff.
 */
#include "compat.h"
#include "text.h"
#include "ui_test.h"

static struct catalog *cat;
static struct term *term;

#define TENANT "72f988bf-86f1-41af-91ab-2d7cd011db47"
#define APP "11111111-2222-4333-8444-555555555555"
#define SUB "0b1f6471-1bf0-4dda-aec3-cb9272f09590"

static void snap(struct ui_state *s, const char *name)
{
	ut_snap(term, s, name);
}

static void on_screen(struct ui_state *s, struct ut_effects *fx)
{
	ut_open_scored(s, cat);
	ui_register_screen(s, SCR_COLLECT, &ui_screen_collect);
	ut_run(s, "collect\n"
		  "collect-event setup have=secret,cli client=" APP " tenant=" TENANT " run=3 left=41",
	       fx);
}

static void signed_in(struct ui_state *s, struct ut_effects *fx)
{
	ut_run(s, "next-choice\nstart\n"
		  "collect-event signed-in identity=\"service principal " APP " (secret)\" tenant=" TENANT "\n"
		  "collect-event blocked check=identity-pim-entra-roles cause=licence "
		  "text=\"the tenant has no 'Entra ID P2' licence in subscribedSkus\"\n"
		  "collect-event blocked check=identity-risky-users cause=permission "
		  "text=\"the Graph token lacks IdentityRiskyUser.Read.All\"\n"
		  "collect-event preflight identity=\"service principal " APP " (secret)\" tenant=" TENANT
		  " arm=\"Reader, Security Reader at the root\" graph=\"Directory.Read.All, "
		  "Policy.Read.All, AuditLog.Read.All\" licences=\"AAD_PREMIUM\" subs=6 subs-role=6 total=119",
	       fx);
}

static void running(struct ui_state *s, struct ut_effects *fx)
{
	ut_run(s, "open\n"
		  "collect-event result check=inventory-budgets status=partial text=\"2 of 6 subscriptions pass\"\n"
		  "collect-event result check=inventory-security-contact status=pass text=\"all 6 subscriptions pass\"\n"
		  "collect-event result check=identity-pim-entra-roles status=not-assessable cause=licence "
		  "text=\"not assessable: the tenant lacks the licence\"\n"
		  "collect-event log text=\"warning: no Graph token: AADSTS65001\"\n"
		  "collect-event result check=network-nsg-open-ports status=fail text=\"3 of 12 network security groups "
		  "allow SSH from the internet: /subscriptions/" SUB "/resourceGroups/rg-web/providers/"
		  "Microsoft.Network/networkSecurityGroups/nsg-web\"\n"
		  "collect-event progress done=41 total=119 requests=512 in-flight=32 retries=4 throttled=3 "
		  "wait-ms=4500 elapsed-ms=42000 running=78 current=\"detection-aks-audit-logs, "
		  "detection-keyvault-audit-logs, identity-mfa-registration, network-flow-logs, ...\"",
	       fx);
}

static void test_setup(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	on_screen(&s, &fx);
	snap(&s, "collect-setup-80x24.screen");
	ut_run(&s, "next-choice\nnext-choice\ndown\nopen\ntype /home/ana/contoso/azmat.secret\nsubmit\n"
		   "down\ndown\ndown\ndown\nedit-field\ntype " SUB "\nsubmit",
	       &fx);
	ut_size(&s, 132, 43);
	snap(&s, "collect-setup-file-132x43.screen");
	ut_run(&s, "privacy", &fx);
	snap(&s, "collect-setup-private-132x43.screen");
	ui_release(&s);
}

static void test_device_code(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	on_screen(&s, &fx);
	ut_run(&s, "prev-choice\nstart\n"
		   "collect-event device-code url=https://microsoft.com/devicelogin code=MOCK-1234",
	       &fx);
	snap(&s, "collect-device-80x24.screen");
	ui_release(&s);
}

static void test_preflight(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	on_screen(&s, &fx);
	signed_in(&s, &fx);
	snap(&s, "collect-preflight-80x24.screen");
	ut_size(&s, 132, 43);
	snap(&s, "collect-preflight-132x43.screen");
	ut_run(&s, "privacy", &fx);
	snap(&s, "collect-preflight-private-132x43.screen");
	ui_release(&s);
}

static void test_progress_and_end(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	on_screen(&s, &fx);
	signed_in(&s, &fx);
	running(&s, &fx);
	snap(&s, "collect-running-80x24.screen");
	ut_size(&s, 132, 43);
	snap(&s, "collect-running-132x43.screen");
	ut_run(&s, "privacy", &fx);
	snap(&s, "collect-running-private-132x43.screen");
	ut_run(&s, "privacy", &fx);
	ut_size(&s, 80, 24);
	ut_run(&s, "key c\ncollect-event finished run=4 status=interrupted done=41 total=119 requests=530 "
		   "retries=4 throttled=3 wait-ms=4500 elapsed-ms=43000",
	       &fx);
	snap(&s, "collect-interrupted-80x24.screen");
	ut_run(&s, "key r\ncollect-event signed-in identity=\"service principal " APP " (secret)\"\n"
		   "collect-event preflight total=78 arm=Reader subs=6 subs-role=6\nopen\n"
		   "collect-event result check=network-flow-logs status=partial text=\"5 of 10 virtual networks pass\"\n"
		   "collect-event result check=identity-mfa-registration status=fail text=\"12 of 40 users\"\n"
		   "collect-event finished run=4 status=partial done=43 total=43 requests=1290 retries=4 "
		   "throttled=3 wait-ms=4500 elapsed-ms=75000",
	       &fx);
	snap(&s, "collect-done-80x24.screen");
	/* elsewhere, the header counts while a run goes on */
	ui_release(&s);
}

static void test_failed(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	on_screen(&s, &fx);
	ut_run(&s, "start\ncollect-event failed text=\"token request returned 401: AADSTS7000215: Invalid "
		   "client secret provided. Ensure the secret being sent in the request is the client "
		   "secret value, not the client secret ID, for a secret added to app '" APP "'.\"",
	       &fx);
	snap(&s, "collect-failed-80x24.screen");
	ui_release(&s);
}

static void test_ascii(void)
{
	struct ui_state s;
	struct ut_effects fx = { 0 };

	text_set_ascii(1);
	on_screen(&s, &fx);
	s.flags &= ~(unsigned)UI_UTF8;
	signed_in(&s, &fx);
	running(&s, &fx);
	snap(&s, "collect-running-ascii-80x24.screen");
	ui_release(&s);
	text_set_ascii(0);
}

int main(void)
{
	term = ut_term();
	cat = ut_catalog();
	T_RUN(test_setup);
	T_RUN(test_device_code);
	T_RUN(test_preflight);
	T_RUN(test_progress_and_end);
	T_RUN(test_failed);
	T_RUN(test_ascii);
	term_close(&term);
	catalog_free(&cat);
	return t_done();
}
