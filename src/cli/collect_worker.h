/*
 * A collection in the background, for the TUI: the sign-in and pre-flight,
 * then the run, each on a worker thread, reporting through a queue that
 * the TUI's loop drains between keystrokes (collect_worker_next()).
 *
 * Why a thread: the collector (collect_run(), preflight_run()) and device
 * code sign-in block until they are done, and the screen must keep
 * answering keys (cancel) and drawing progress meanwhile. The worker
 * never touches the store or the terminal: results come back as events
 * and the main thread stores them on its one connection; the worker's
 * only shared state is the queue below (under a mutex), the cancel flag,
 * and the log (log.h has its own lock).
 *
 * One job at a time. The session handed to a job (struct azure_session)
 * belongs to the worker until the job's thread has been joined, which
 * collect_worker_next() does once the job's last event was taken; only
 * then may the caller read or release it.
 */
#ifndef AZMAT_COLLECT_WORKER_H
#define AZMAT_COLLECT_WORKER_H

#include "cli_azure.h"
#include "collect.h"
#include "preflight.h"

enum cw_kind {
	CW_LOG,         /* text: a warning the collector logged (redacted) */
	CW_DEVICE_CODE, /* url, code */
	CW_SIGNED_IN,   /* text: the identity; tenant */
	CW_PREFLIGHT,   /* pf: the pre-flight (the sign-in job's last event) */
	CW_FAILED,      /* text: why the sign-in or pre-flight failed (its last event) */
	CW_RESULT,      /* result: a check finished */
	CW_DONE,        /* sum, rc: the run ended (the run job's last event) */
};

/* One event; every field is owned. Release with cw_event_release(). */
struct cw_event {
	enum cw_kind kind;
	char *text;
	char *url, *code, *tenant;
	struct preflight pf;
	struct check_result result;
	struct collect_summary sum;
	enum az_err rc;
};

void cw_event_release(struct cw_event *ev);

struct collect_worker;

struct collect_worker *collect_worker_new(void);
/* Cancel what runs, wait for it, drop what is queued, free *pw (NULL is fine). */
void collect_worker_free(struct collect_worker **pw);

/*
 * Sign in as o says (o, its strings and tenant_hint are borrowed until the
 * job's thread is joined) into s, then run the pre-flight for s's checks.
 * Events: CW_DEVICE_CODE, CW_SIGNED_IN, then CW_PREFLIGHT or CW_FAILED.
 * AZ_ERR_USAGE when a job is under way.
 */
enum az_err collect_worker_sign_in(struct collect_worker *w, const struct azure_opts *o,
				   const char *tenant_hint, struct azure_session *s, struct errmsg *em);
/*
 * Collect s's checks with s's credential (signed in by a sign-in job).
 * Events: CW_RESULT for each check, then CW_DONE; progress through
 * collect_worker_progress().
 */
enum az_err collect_worker_run(struct collect_worker *w, struct azure_session *s, struct errmsg *em);

/* Ask the job under way to stop (it still ends with its last event). */
void collect_worker_cancel(struct collect_worker *w);
/* True from the start of a job until its thread was joined. */
int collect_worker_busy(const struct collect_worker *w);

/*
 * Take the oldest event into *out (1), or 0 when none is waiting. Joins
 * the job's thread once its last event was taken.
 */
int collect_worker_next(struct collect_worker *w, struct cw_event *out /* OUT */);
/*
 * The run's latest progress, when it changed since the last call (1). Its
 * check ids are the catalog's (collect.h).
 */
int collect_worker_progress(struct collect_worker *w, struct collect_progress *out /* OUT */);
/* Block up to timeout_ms until an event waits or the job's thread ended. */
void collect_worker_wait(struct collect_worker *w, long timeout_ms);

#endif
