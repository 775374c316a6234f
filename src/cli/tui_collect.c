/*
 * The TUI's collection extension (tui_app.h): registers the collection
 * screen, runs the sign-in, pre-flight and collection in the background
 * (collect_worker.h) for the screen's effects, and turns what the worker
 * reports into collection events for the reducer (collect_event.h).
 *
 * The store stays on the main thread: each result the worker hands over
 * is stored here, in the run begun here (collect_book.h, shared with
 * `azmat collect`), so a cancelled or killed run is interrupted and
 * resumable exactly as on the command line.
 *
 * Secrets: AZURE_CLIENT_SECRET is taken out of the environment when the
 * TUI starts (so nothing azmat starts inherits it, and a second
 * collection still has it) and held in a wiped struct secret; a secret
 * file is read by the credential when the sign-in starts. Neither ever
 * reaches the screen, the log or the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "collect_book.h"
#include "collect_worker.h"
#include "log.h"
#include "secret.h"
#include "timeutil.h"
#include "tui_app.h"
#include "ui.h"
#include "xalloc.h"

/* How often the loop polls while something runs. */
#define POLL_MS 100

static struct {
	struct cli *c;
	struct store *st;
	struct collect_worker *w;
	struct azure_session s; /* the session signed in (or signing in) */
	struct collect_resume rs; /* the run being resumed */
	struct collect_book book; /* the run under way */
	int running;              /* book is open */
	size_t prior;             /* results the book kept from before (a resumed run) */
	long long aid;            /* the assessment collected for */
	int64_t t0;               /* when the run started (time_mono_ms) */
	struct secret env_secret; /* AZURE_CLIENT_SECRET, taken at start */
	char have[128];           /* credential kinds the environment offers */
	/* Copies of the settings the worker borrows until it is joined. */
	char *opt[8];
} tc;

enum { O_AUTH, O_CLOUD, O_SECRET_FILE, O_CERT, O_TENANT, O_CLIENT, O_SUBS, O_HINT };

/* Hand one event to the reducer; its effects are returned. */
static unsigned send(struct ui_state *s, const struct ui_collect_event *ev)
{
	struct ui_input in;

	memset(&in, 0, sizeof(in));
	in.act = ACT_COLLECT_EVENT;
	in.ev = ev;
	return ui_apply(s, &in);
}

static unsigned send_failed(struct ui_state *s, const char *why)
{
	struct ui_collect_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.kind = CEV_FAILED;
	ev.text = why;
	return send(s, &ev);
}

static int on_path(const char *prog)
{
	const char *path = getenv("PATH"), *p = path;
	char full[4096];
	struct stat sb;

	while (p && *p) {
		size_t len = strcspn(p, ":");
		snprintf(full, sizeof(full), "%.*s/%s", (int)len, p, prog);
		if (len && !stat(full, &sb) && S_ISREG(sb.st_mode) && !access(full, X_OK))
			return 1;
		p += len;
		if (*p == ':')
			p++;
	}
	return 0;
}

static int env_set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

static void add_have(const char *kind)
{
	size_t n = strlen(tc.have);

	snprintf(tc.have + n, sizeof(tc.have) - n, "%s%s", n ? "," : "", kind);
}

static void start(struct cli *c, struct store *st, struct ui_state *s)
{
	const char *v = getenv("AZURE_CLIENT_SECRET");

	memset(&tc, 0, sizeof(tc));
	tc.c = c;
	tc.st = st;
	ui_register_screen(s, SCR_COLLECT, &ui_screen_collect);
	if (v && *v) {
		secret_setstr(&tc.env_secret, v);
		unsetenv("AZURE_CLIENT_SECRET");
		add_have("secret");
	}
	if (env_set("AZURE_CLIENT_CERTIFICATE_PATH"))
		add_have("certificate");
	if (env_set("AZURE_FEDERATED_TOKEN_FILE"))
		add_have("workload");
	if (env_set("IDENTITY_ENDPOINT") && env_set("IDENTITY_HEADER"))
		add_have("msi");
	if (on_path("az"))
		add_have("cli");
}

static void drop_session(void)
{
	size_t i;

	azure_session_release(&tc.s);
	collect_resume_release(&tc.rs);
	for (i = 0; i < sizeof(tc.opt) / sizeof(tc.opt[0]); i++)
		FREE_AND_NULL(tc.opt[i]);
}

/* Tell the screen what the environment offers and which run can be resumed. */
static void opened(struct cli *c, struct store *st, struct ui_state *s)
{
	struct ui_collect_event ev;
	struct collect_resume rs;
	struct errmsg em = ERRMSG_INIT;

	(void)c;
	if (!s->open || tc.running || collect_worker_busy(tc.w))
		return;
	/* a sign-in left waiting for its go-ahead belongs to the assessment it was made for */
	if (tc.s.cred && tc.aid != s->a.id)
		drop_session();
	memset(&ev, 0, sizeof(ev));
	ev.kind = CEV_SETUP;
	ev.have = tc.have;
	ev.client = getenv("AZURE_CLIENT_ID");
	ev.tenant = getenv("AZURE_TENANT_ID");
	/* a run whose process died is interrupted, as `azmat collect` finds it */
	if (!s->a.signed_off_at && store_runs_reap(st, s->a.id, &em))
		ui_message(s, MSG_ERROR, "cannot look at the collection runs: %s", errmsg_text(&em));
	if (!collect_resume_find(st, s->a.id, &rs, &em)) {
		ev.run = rs.run_id;
		ev.left = collect_resume_left(&rs);
	}
	collect_resume_release(&rs);
	send(s, &ev);
}

/* A copy of a setting kept for the worker, or NULL when it is empty. */
static const char *keep(int slot, const char *v)
{
	FREE_AND_NULL(tc.opt[slot]);
	if (v && *v)
		tc.opt[slot] = xstrdup(v);
	return tc.opt[slot];
}

/* The options the screen's settings mean, as `azmat collect` would take them. */
static enum az_err options(const struct ui_state *s, struct azure_opts *o, struct errmsg *em)
{
	const struct ui_collect *k = &s->coll;

	memset(o, 0, sizeof(*o));
	o->auth = keep(O_AUTH, ui_cred_kind(k->cred));
	o->cloud = keep(O_CLOUD, ui_cloud_id(k->cloud));
	if (k->cred == UCRED_SECRET_FILE)
		o->secret_file = keep(O_SECRET_FILE, editor_text(&k->secret_file));
	if (k->cred == UCRED_CERTIFICATE)
		o->certificate = keep(O_CERT, editor_text(&k->cert_file));
	o->tenant = keep(O_TENANT, editor_text(&k->tenant));
	if (k->cred != UCRED_CLI)
		o->client_id = keep(O_CLIENT, editor_text(&k->client));
	o->subscriptions = keep(O_SUBS, editor_text(&k->subs));
	if (k->cred == UCRED_SECRET_ENV || k->cred == UCRED_AUTO)
		o->secret = &tc.env_secret;
	if (k->cred == UCRED_SECRET_ENV && !secret_isset(&tc.env_secret))
		return errmsg_set(em, AZ_ERR_USAGE, "AZURE_CLIENT_SECRET was not set when azmat started: "
						    "set it and start azmat again, or use a secret file");
	/* device code only where it was chosen, or as auto's last resort on this terminal */
	o->interactive = k->cred == UCRED_DEVICE || k->cred == UCRED_AUTO ? 1 : -1;
	return AZ_OK;
}

static void sign_in(struct ui_state *s)
{
	struct errmsg em = ERRMSG_INIT;
	struct azure_opts o;

	if (!tc.w)
		tc.w = collect_worker_new();
	if (collect_worker_busy(tc.w) || tc.running) {
		send_failed(s, "a collection is already under way");
		return;
	}
	drop_session();
	if (options(s, &o, &em))
		goto fail;
	if (s->coll.resume) {
		if (collect_resume_find(tc.st, s->a.id, &tc.rs, &em))
			goto fail;
		/* a resumed run keeps its checks and subscriptions */
		o.checks = tc.rs.checks;
		o.subscriptions = tc.rs.subs;
	}
	if (azure_select_em(&o, s->cat, &tc.s, &em))
		goto fail;
	if (s->coll.resume)
		collect_resume_keep(&tc.s, &tc.rs);
	tc.aid = s->a.id;
	if (collect_worker_sign_in(tc.w, &o, keep(O_HINT, s->a.tenant_id), &tc.s, &em))
		goto fail;
	return;
fail:
	drop_session();
	send_failed(s, errmsg_text(&em));
}

static void run(struct ui_state *s)
{
	struct errmsg em = ERRMSG_INIT;

	if (!tc.w || collect_worker_busy(tc.w) || !tc.s.cred) {
		send_failed(s, "not signed in");
		return;
	}
	if (store_runs_reap(tc.st, tc.aid, &em) ||
	    collect_book_begin(&tc.book, tc.st, tc.aid, &tc.s, tc.rs.run_id ? &tc.rs : NULL, &em)) {
		collect_book_release(&tc.book);
		drop_session();
		send_failed(s, errmsg_text(&em));
		return;
	}
	log_msg(LOG_INFO, "run %lld: %zu checks as %s (from the TUI)", tc.book.run_id, tc.s.nchecks,
		cred_identity(tc.s.cred));
	tc.running = 1;
	tc.prior = tc.book.b.n;
	tc.t0 = time_mono_ms();
	if (collect_worker_run(tc.w, &tc.s, &em)) {
		collect_book_finish(&tc.book, 1, NULL, &em);
		collect_book_release(&tc.book);
		tc.running = 0;
		drop_session();
		send_failed(s, errmsg_text(&em));
	}
}

static void cancel(void)
{
	if (collect_worker_busy(tc.w))
		collect_worker_cancel(tc.w);
	else if (!tc.running)
		drop_session(); /* signed in, not started: forget the sign-in */
}

static void effects(struct cli *c, struct store *st, struct ui_state *s, unsigned fx)
{
	(void)c;
	(void)st;
	if (fx & UE_COLLECT_START)
		sign_in(s);
	if (fx & UE_COLLECT_RUN)
		run(s);
	if (fx & UE_COLLECT_CANCEL)
		cancel();
}

/* ---- what the worker reports -------------------------------------------- */

static void join_list(struct buf *b, char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? ", " : "", v[i]);
}

/* The pre-flight as events: each check it expects not assessable, then the summary. */
static unsigned preflight(struct ui_state *s, const struct preflight *pf)
{
	struct buf arm = BUF_INIT(BUF_MAX_DEFAULT), graph = BUF_INIT(BUF_MAX_DEFAULT),
		   lic = BUF_INIT(BUF_MAX_DEFAULT);
	struct ui_collect_event ev;
	unsigned fx = 0;
	size_t i, with_role = 0;

	for (i = 0; i < pf->nchecks; i++) {
		if (pf->checks[i].cause == CAUSE_NONE)
			continue;
		memset(&ev, 0, sizeof(ev));
		ev.kind = CEV_BLOCKED;
		ev.check = pf->checks[i].check->id;
		ev.cause = check_cause_id(pf->checks[i].cause);
		ev.text = pf->checks[i].why;
		fx |= send(s, &ev);
	}
	if (!pf->arm_ok)
		buf_addf(&arm, "no Resource Manager token: %s", pf->arm_error);
	else if (pf->root_status == 200 && pf->root_roles && *pf->root_roles)
		buf_addf(&arm, "%s at the root", pf->root_roles);
	else if (pf->root_status && pf->root_status != 200)
		buf_addstr(&arm, "the root management group cannot be read");
	for (i = 0; i < pf->nsubs; i++)
		with_role += pf->subs[i].roles && *pf->subs[i].roles;
	if (!pf->graph_ok)
		buf_addf(&graph, "no Graph token: %s", pf->graph_error);
	else
		buf_addstr(&graph, pf->delegated ? "a user's scopes: " : "");
	if (pf->graph_ok)
		join_list(&graph, pf->graph_perms, pf->ngraph_perms);
	if (pf->plans_status == 200)
		join_list(&lic, pf->plans, pf->nplans);
	else
		buf_addstr(&lic, "cannot be read (subscribedSkus)");
	memset(&ev, 0, sizeof(ev));
	ev.kind = CEV_PREFLIGHT;
	ev.identity = pf->identity;
	ev.tenant = pf->tenant;
	ev.arm = arm.data;
	ev.graph = graph.data;
	ev.licences = lic.data;
	ev.subs = pf->nsubs;
	ev.subs_role = with_role;
	ev.total = pf->nchecks;
	fx |= send(s, &ev);
	buf_release(&arm);
	buf_release(&graph);
	buf_release(&lic);
	return fx;
}

static unsigned result(struct ui_state *s, const struct check_result *r)
{
	struct ui_collect_event ev;

	collect_book_result(&tc.book, r);
	memset(&ev, 0, sizeof(ev));
	ev.kind = CEV_RESULT;
	ev.check = r->check_id;
	ev.status = check_status_id(r->status);
	ev.cause = check_cause_id(r->cause);
	ev.text = r->summary;
	return send(s, &ev);
}

/* The run ended: record how, and say so. */
static unsigned finished(struct ui_state *s, const struct cw_event *done)
{
	struct errmsg em = ERRMSG_INIT;
	struct ui_collect_event ev;
	enum run_status status = RUN_FAILED;
	unsigned fx;

	memset(&ev, 0, sizeof(ev));
	if (collect_book_finish(&tc.book, done->sum.cancelled, &status, &em))
		ev.text = errmsg_text(&em);
	else if (tc.book.store_err.code)
		ev.text = errmsg_text(&tc.book.store_err);
	else if (done->text)
		ev.text = done->text;
	ev.kind = CEV_FINISHED;
	ev.run = tc.book.run_id;
	ev.status = run_status_id(status);
	ev.done = tc.book.b.n;
	ev.total = tc.book.b.n + done->sum.unfinished;
	ev.requests = done->sum.http.completed;
	ev.retries = done->sum.http.retries;
	ev.throttled = done->sum.http.throttled;
	ev.wait_ms = (unsigned long long)done->sum.http.throttle_wait_ms;
	ev.elapsed_ms = (unsigned long long)(time_mono_ms() - tc.t0);
	log_msg(LOG_INFO, "run %lld %s", tc.book.run_id, run_status_id(status));
	fx = send(s, &ev);
	collect_book_release(&tc.book);
	tc.running = 0;
	drop_session();
	return fx;
}

static unsigned progress(struct ui_state *s, const struct collect_progress *p)
{
	struct buf cur = BUF_INIT(4096);
	struct ui_collect_event ev;
	unsigned fx;
	size_t i;

	for (i = 0; i < p->ncurrent && i < COLLECT_CURRENT_MAX; i++)
		buf_addf(&cur, "%s%s", i ? ", " : "", p->current[i]);
	if (p->ncurrent > COLLECT_CURRENT_MAX)
		buf_addstr(&cur, ", ...");
	memset(&ev, 0, sizeof(ev));
	ev.kind = CEV_PROGRESS;
	/* a resumed run counts what it kept from before */
	ev.done = tc.prior + p->checks_done;
	ev.total = tc.prior + p->checks;
	ev.requests = p->http.completed;
	ev.in_flight = p->http.in_flight;
	ev.retries = p->http.retries;
	ev.throttled = p->http.throttled;
	ev.wait_ms = (unsigned long long)p->http.throttle_wait_ms;
	ev.elapsed_ms = (unsigned long long)(time_mono_ms() - tc.t0);
	ev.running = p->ncurrent;
	ev.current = cur.data;
	fx = send(s, &ev);
	buf_release(&cur);
	return fx;
}

static unsigned handle(struct ui_state *s, const struct cw_event *e)
{
	struct ui_collect_event ev;

	memset(&ev, 0, sizeof(ev));
	switch (e->kind) {
	case CW_LOG:
		ev.kind = CEV_LOG;
		ev.text = e->text;
		return send(s, &ev);
	case CW_DEVICE_CODE:
		ev.kind = CEV_DEVICE_CODE;
		ev.url = e->url;
		ev.code = e->code;
		return send(s, &ev);
	case CW_SIGNED_IN:
		ev.kind = CEV_SIGNED_IN;
		ev.identity = e->text;
		ev.tenant = e->tenant;
		return send(s, &ev);
	case CW_PREFLIGHT:
		return preflight(s, &e->pf);
	case CW_FAILED:
		drop_session();
		return send_failed(s, e->text);
	case CW_RESULT:
		return tc.running ? result(s, &e->result) : 0;
	case CW_DONE:
		return tc.running ? finished(s, e) : 0;
	}
	return 0;
}

static unsigned poll_worker(struct cli *c, struct store *st, struct ui_state *s, int *wait_ms)
{
	struct collect_progress p;
	struct cw_event e;
	unsigned fx = 0;

	(void)c;
	(void)st;
	if (!tc.w)
		return 0;
	/* progress first: the run's last event (CW_DONE) then has the last word */
	if (tc.running && collect_worker_progress(tc.w, &p))
		fx |= progress(s, &p);
	while (collect_worker_next(tc.w, &e)) {
		fx |= handle(s, &e);
		cw_event_release(&e);
	}
	if (collect_worker_busy(tc.w) || tc.running)
		*wait_ms = POLL_MS;
	return fx;
}

/* Quitting: stop what runs, store what it finished, mark the run interrupted. */
static void stop(struct cli *c, struct ui_state *s)
{
	int wait;

	(void)c;
	if (tc.w && collect_worker_busy(tc.w)) {
		collect_worker_cancel(tc.w);
		while (collect_worker_busy(tc.w)) {
			collect_worker_wait(tc.w, POLL_MS);
			poll_worker(tc.c, tc.st, s, &wait);
		}
	}
	poll_worker(tc.c, tc.st, s, &wait);
	if (tc.running) {
		struct errmsg em = ERRMSG_INIT;
		collect_book_finish(&tc.book, 1, NULL, &em);
		collect_book_release(&tc.book);
		tc.running = 0;
	}
	collect_worker_free(&tc.w);
	drop_session();
	secret_clear(&tc.env_secret);
}

const struct tui_ext tui_ext_collect = { "collect", start, opened, NULL, stop, effects, poll_worker };
