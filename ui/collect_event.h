/*
 * What a collection running in the background reports to the TUI. The app
 * layer turns what its worker thread queues (sign-in, pre-flight,
 * results, progress, the end of the run) into these, and hands each to the
 * reducer as an ACT_COLLECT_EVENT input; tests and scripts write them as
 * script lines:
 *
 *   collect-event progress done=3 total=12 requests=40 throttled=2 wait-ms=1500
 *   collect-event blocked check=identity-pim cause=licence text="no Entra ID P2"
 *
 * Every field is optional; which ones an event uses is listed with its
 * kind. Strings are borrowed for the call; the reducer copies what it
 * keeps. Pure: no curses, no I/O.
 */
#ifndef AZMAT_UI_COLLECT_EVENT_H
#define AZMAT_UI_COLLECT_EVENT_H

#include "err.h"

/* X(enum, name) */
#define UI_CEV_LIST(X) \
	X(CEV_SETUP, "setup")             /* have, client, tenant; run, left: an interrupted run */ \
	X(CEV_LOG, "log")                 /* text */ \
	X(CEV_DEVICE_CODE, "device-code") /* url, code */ \
	X(CEV_SIGNED_IN, "signed-in")     /* identity, tenant */ \
	X(CEV_BLOCKED, "blocked")         /* check, cause, text: a check the pre-flight expects not assessable */ \
	X(CEV_PREFLIGHT, "preflight")     /* identity, tenant, arm, graph, licences, subs, subs-role, total */ \
	X(CEV_PROGRESS, "progress")       /* done, total, requests, in-flight, retries, throttled, wait-ms, elapsed-ms, running, current */ \
	X(CEV_RESULT, "result")           /* check, status, cause, text (the summary) */ \
	X(CEV_FINISHED, "finished")       /* run, status, done, total, requests, retries, throttled, wait-ms, elapsed-ms, text (a store error) */ \
	X(CEV_FAILED, "failed")           /* text */

enum ui_cev {
#define UI_CEV_ENUM(e, name) e,
	UI_CEV_LIST(UI_CEV_ENUM)
#undef UI_CEV_ENUM
	CEV__COUNT
};

struct ui_collect_event {
	enum ui_cev kind;
	const char *text;
	const char *url, *code;
	const char *identity, *tenant, *client;
	const char *arm, *graph, *licences;
	const char *have;    /* credentials the environment offers, comma-separated kinds */
	const char *check, *status, *cause;
	const char *current; /* checks under way, comma-separated */
	long long run;
	unsigned long long done, total, left, requests, in_flight, retries, throttled;
	unsigned long long wait_ms, elapsed_ms, running, subs, subs_role;
};

const char *ui_cev_name(enum ui_cev k);

/*
 * Parse "KIND key=value ..." (a script line's argument) into *out. Values
 * run to the next blank, or are "quoted" with \" and \\ escapes. line is
 * modified and out's strings point into it, so it must outlive out.
 * AZ_ERR_PARSE with a message when the kind, a key or a number is wrong.
 */
enum az_err ui_collect_event_parse(char *line, struct ui_collect_event *out /* OUT: on success */,
				   struct errmsg *em);

#endif
