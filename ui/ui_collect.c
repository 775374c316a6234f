/*
 * The collection screen's reducer: the settings, the flow from sign-in
 * through the pre-flight's confirmation to the run and its end, and the
 * events the app's worker reports (collect_event.h). No I/O: the app signs
 * in, runs and stores, and reports back as events.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "strutil.h"
#include "ui_int.h"
#include "vm.h"
#include "xalloc.h"

#define PATH_MAX_BYTES 4096
#define SUBS_MAX 16384

static const char *const cred_kinds[] = {
#define UI_CRED_KIND(e, kind, label) kind,
	UI_CRED_LIST(UI_CRED_KIND)
#undef UI_CRED_KIND
};
static const char *const cred_labels[] = {
#define UI_CRED_LABEL(e, kind, label) label,
	UI_CRED_LIST(UI_CRED_LABEL)
#undef UI_CRED_LABEL
};
static const char *const cloud_ids[] = {
#define UI_CLOUD_ID(id, label) id,
	UI_CLOUD_LIST(UI_CLOUD_ID)
#undef UI_CLOUD_ID
};
static const char *const cloud_labels[] = {
#define UI_CLOUD_LABEL(id, label) label,
	UI_CLOUD_LIST(UI_CLOUD_LABEL)
#undef UI_CLOUD_LABEL
};

const char *ui_cred_kind(enum ui_cred c)
{
	return (size_t)c < ARRAY_SIZE(cred_kinds) ? cred_kinds[c] : "auto";
}

const char *ui_cred_label(enum ui_cred c)
{
	return (size_t)c < ARRAY_SIZE(cred_labels) ? cred_labels[c] : "";
}

size_t ui_cloud_count(void)
{
	return ARRAY_SIZE(cloud_ids);
}

const char *ui_cloud_id(int i)
{
	return i >= 0 && (size_t)i < ARRAY_SIZE(cloud_ids) ? cloud_ids[i] : cloud_ids[0];
}

const char *ui_cloud_label(int i)
{
	return i >= 0 && (size_t)i < ARRAY_SIZE(cloud_labels) ? cloud_labels[i] : cloud_labels[0];
}

int ui_collect_busy(const struct ui_state *s)
{
	switch (s->coll.phase) {
	case CP_SIGNING_IN:
	case CP_PREFLIGHT:
	case CP_RUNNING:
	case CP_CANCELLING:
		return 1;
	default:
		return 0;
	}
}

void ui_collect_init(struct ui_collect *c)
{
	memset(c, 0, sizeof(*c));
	editor_init(&c->secret_file, PATH_MAX_BYTES, 0);
	editor_init(&c->cert_file, PATH_MAX_BYTES, 0);
	editor_init(&c->tenant, 64, 0);
	editor_init(&c->client, 64, 0);
	editor_init(&c->subs, SUBS_MAX, 0);
	c->run_status = RUN_RUNNING;
}

static void forget_log(struct ui_collect *c)
{
	size_t i;

	for (i = 0; i < c->nlog; i++)
		free(c->log[i]);
	FREE_AND_NULL(c->log);
	c->nlog = 0;
}

/* Forget one collection's sign-in, pre-flight, progress and end (the log stays). */
static void forget_run(struct ui_collect *c)
{
	size_t i;

	FREE_AND_NULL(c->url);
	FREE_AND_NULL(c->code);
	FREE_AND_NULL(c->identity);
	FREE_AND_NULL(c->tenant_seen);
	FREE_AND_NULL(c->arm);
	FREE_AND_NULL(c->graph);
	FREE_AND_NULL(c->licences);
	FREE_AND_NULL(c->current);
	for (i = 0; i < c->nblocked; i++) {
		free(c->blocked[i].check);
		free(c->blocked[i].cause);
		free(c->blocked[i].why);
	}
	FREE_AND_NULL(c->blocked);
	c->nblocked = c->blocked_alloc = 0;
	c->subs_n = c->subs_role = c->checks = 0;
	c->done = c->total = c->requests = c->in_flight = c->retries = c->throttled = 0;
	c->wait_ms = c->elapsed_ms = c->running = 0;
	memset(c->count, 0, sizeof(c->count));
	c->run = 0;
	c->run_status = RUN_RUNNING;
	c->error[0] = '\0';
}

void ui_collect_release(struct ui_collect *c)
{
	forget_run(c);
	forget_log(c);
	free(c->have);
	free(c->env_client);
	free(c->env_tenant);
	editor_release(&c->secret_file);
	editor_release(&c->cert_file);
	editor_release(&c->tenant);
	editor_release(&c->client);
	editor_release(&c->subs);
	memset(c, 0, sizeof(*c));
}

void ui_collect_reset(struct ui_state *s)
{
	struct ui_collect *c = &s->coll;

	if (ui_collect_busy(s))
		return;
	forget_run(c);
	forget_log(c);
	c->phase = CP_SETUP;
	c->resumable = 0;
	c->resumable_left = 0;
	c->resume = 0;
}

static void set_str(char **dst, const char *src)
{
	free(*dst);
	*dst = src ? xstrdup(src) : NULL;
}

/* Add a line to the log (the oldest goes past UI_COLLECT_LOG_MAX). */
static void log_line(struct ui_collect *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void log_line(struct ui_collect *c, const char *fmt, ...)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (c->nlog == UI_COLLECT_LOG_MAX) {
		free(c->log[0]);
		memmove(c->log, c->log + 1, (c->nlog - 1) * sizeof(*c->log));
		c->nlog--;
	}
	if (!c->log)
		c->log = xcalloc(UI_COLLECT_LOG_MAX, sizeof(*c->log));
	c->log[c->nlog++] = buf_detach(&b, NULL);
}

/* ---- the settings ------------------------------------------------------- */

size_t ui_collect_rows(const struct ui_state *s, int *rows)
{
	const struct ui_collect *c = &s->coll;
	size_t n = 0;

	rows[n++] = CROW_CRED;
	if (c->cred == UCRED_SECRET_FILE)
		rows[n++] = CROW_SECRET_FILE;
	if (c->cred == UCRED_CERTIFICATE)
		rows[n++] = CROW_CERT;
	rows[n++] = CROW_TENANT;
	if (c->cred != UCRED_CLI)
		rows[n++] = CROW_CLIENT;
	rows[n++] = CROW_CLOUD;
	rows[n++] = CROW_SUBS;
	rows[n++] = CROW_START;
	if (c->resumable)
		rows[n++] = CROW_RESUME;
	return n;
}

/* The setting row selected (CROW_CRED when none). */
static int cur_row(const struct ui_state *s)
{
	int rows[CROW__COUNT];
	size_t n = ui_collect_rows(s, rows);
	int sel = s->pane[SCR_COLLECT][0].sel;

	return sel >= 0 && (size_t)sel < n ? rows[sel] : CROW_CRED;
}

/* The editor of a text row, and what its prompt says. */
static struct editor *row_editor(struct ui_collect *c, int row, const char **label)
{
	switch (row) {
	case CROW_SECRET_FILE:
		*label = "File holding the client secret (its path; never the secret itself)";
		return &c->secret_file;
	case CROW_CERT:
		*label = "Certificate file, PEM or PKCS#12 (empty: AZURE_CLIENT_CERTIFICATE_PATH)";
		return &c->cert_file;
	case CROW_TENANT:
		*label = "Tenant id (empty: AZURE_TENANT_ID, else the assessment's)";
		return &c->tenant;
	case CROW_CLIENT:
		*label = "Application (client) id (empty: AZURE_CLIENT_ID)";
		return &c->client;
	case CROW_SUBS:
		*label = "Subscription ids, comma-separated (empty: every one the identity can read)";
		return &c->subs;
	default:
		return NULL;
	}
}

static unsigned edit_row(struct ui_state *s, int row)
{
	const char *label = "";
	struct editor *e = row_editor(&s->coll, row, &label);

	if (!e) {
		ui_message(s, MSG_INFO, "Enter or Left/Right changes this setting");
		return UE_REDRAW;
	}
	s->coll.form_row = row;
	ui_form_open(s, FORM_COLLECT, 1);
	editor_release(&s->form.f[0]);
	editor_init(&s->form.f[0], row == CROW_SUBS ? SUBS_MAX : PATH_MAX_BYTES, 0);
	editor_set(&s->form.f[0], editor_text(e));
	s->form.label[0] = label;
	return UE_REDRAW;
}

unsigned ui_collect_form_submit(struct ui_state *s)
{
	const char *label = "";
	struct editor *e = row_editor(&s->coll, s->coll.form_row, &label);

	if (e)
		editor_set(e, editor_text(&s->form.f[0]));
	s->modal = MODAL_NONE;
	return UE_REDRAW;
}

static unsigned change(struct ui_state *s, int row, int dir)
{
	struct ui_collect *c = &s->coll;
	int n;

	if (row == CROW_CRED) {
		c->cred = (enum ui_cred)(((int)c->cred + UCRED__COUNT + dir) % UCRED__COUNT);
		return UE_REDRAW;
	}
	if (row == CROW_CLOUD) {
		n = (int)ui_cloud_count();
		c->cloud = (c->cloud + n + dir) % n;
		return UE_REDRAW;
	}
	return 0;
}

int ui_collect_have(const struct ui_collect *c, const char *kind)
{
	size_t n = strlen(kind);
	const char *p = c->have;

	while (p && *p) {
		size_t len = strcspn(p, ",");
		if (len == n && !strncmp(p, kind, n))
			return 1;
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

/* ---- the flow ------------------------------------------------------------ */

static unsigned start(struct ui_state *s, int resume)
{
	struct ui_collect *c = &s->coll;

	if (!s->open || ui_read_only(s))
		return UE_REDRAW;
	if (resume && !c->resumable) {
		ui_message(s, MSG_INFO, "there is no interrupted run to resume");
		return UE_REDRAW;
	}
	if (c->cred == UCRED_SECRET_ENV && c->have && !ui_collect_have(c, "secret")) {
		ui_message(s, MSG_ERROR, "AZURE_CLIENT_SECRET was not set when azmat started");
		return UE_REDRAW;
	}
	if (c->cred == UCRED_SECRET_FILE && str_is_blank(editor_text(&c->secret_file))) {
		ui_message(s, MSG_ERROR, "say which file holds the client secret (Enter on Secret file)");
		return UE_REDRAW;
	}
	forget_run(c);
	c->resume = resume;
	c->phase = CP_SIGNING_IN;
	s->pane[SCR_COLLECT][0].top = 0;
	if (resume)
		log_line(c, "resuming run %lld: %llu checks left", c->resumable, c->resumable_left);
	log_line(c, "signing in: %s, %s", ui_cred_label(c->cred), ui_cloud_label(c->cloud));
	ui_message(s, MSG_INFO, "signing in...");
	return UE_COLLECT_START | UE_REDRAW;
}

static unsigned confirm(struct ui_state *s)
{
	struct ui_collect *c = &s->coll;

	c->phase = CP_RUNNING;
	c->done = 0;
	c->total = c->checks;
	s->pane[SCR_COLLECT][0].top = 0;
	log_line(c, "collection started");
	ui_message(s, MSG_INFO, "collecting: c cancels (resumable)");
	return UE_COLLECT_RUN | UE_REDRAW;
}

static unsigned cancel(struct ui_state *s)
{
	struct ui_collect *c = &s->coll;

	switch (c->phase) {
	case CP_CONFIRM:
		c->phase = CP_SETUP;
		log_line(c, "not started");
		ui_message(s, MSG_INFO, "not started: nothing was collected");
		return UE_COLLECT_CANCEL | UE_REDRAW;
	case CP_SIGNING_IN:
	case CP_PREFLIGHT:
	case CP_RUNNING:
		log_line(c, "cancelling...");
		ui_message(s, MSG_INFO, "cancelling: %s", c->phase == CP_RUNNING ?
			   "stored results stay and the run can be resumed" : "the sign-in stops");
		c->phase = CP_CANCELLING;
		return UE_COLLECT_CANCEL | UE_REDRAW;
	case CP_CANCELLING:
		ui_message(s, MSG_INFO, "cancelling: waiting for the requests under way to stop");
		return UE_REDRAW;
	case CP_FAILED:
		c->phase = CP_SETUP;
		return UE_REDRAW;
	default:
		/* nothing runs: leave the screen */
		s->screen = s->back;
		return UE_REDRAW;
	}
}

static unsigned setup_key(struct ui_state *s, const struct ui_input *in)
{
	int row = cur_row(s);

	switch (in->act) {
	case ACT_NEXT_CHOICE:
	case ACT_PREV_CHOICE:
		return change(s, row, in->act == ACT_NEXT_CHOICE ? 1 : -1);
	case ACT_EDIT_FIELD:
		return edit_row(s, row);
	case ACT_OPEN:
		if (row == CROW_CRED || row == CROW_CLOUD)
			return change(s, row, 1);
		if (row == CROW_START)
			return start(s, 0);
		if (row == CROW_RESUME)
			return start(s, 1);
		return edit_row(s, row);
	default:
		return 0;
	}
}

static unsigned apply(struct ui_state *s, const struct catalog *cat, const struct ui_input *in)
{
	struct ui_collect *c = &s->coll;

	UNUSED(cat);
	if (in->act == ACT_CANCEL)
		return cancel(s);
	switch (c->phase) {
	case CP_SETUP:
		if (in->act == ACT_START)
			return start(s, 0);
		if (in->act == ACT_RESUME)
			return start(s, 1);
		return setup_key(s, in);
	case CP_CONFIRM:
		if (in->act == ACT_OPEN || in->act == ACT_START || in->act == ACT_YES)
			return confirm(s);
		return 0;
	case CP_DONE:
	case CP_FAILED:
		if (in->act == ACT_START)
			return start(s, 0);
		if (in->act == ACT_RESUME)
			return start(s, 1);
		if (in->act == ACT_OPEN) {
			c->phase = CP_SETUP;
			return UE_REDRAW;
		}
		return 0;
	default:
		if (in->act == ACT_START || in->act == ACT_RESUME) {
			ui_message(s, MSG_INFO, "a collection is under way: c cancels it");
			return UE_REDRAW;
		}
		return 0;
	}
}

/* ---- events ------------------------------------------------------------- */

static void blocked(struct ui_collect *c, const struct ui_collect_event *ev)
{
	struct ui_collect_blocked *b;

	ALLOC_GROW(c->blocked, c->nblocked, c->blocked_alloc);
	b = &c->blocked[c->nblocked++];
	b->check = xstrdup(ev->check ? ev->check : "");
	b->cause = xstrdup(ev->cause ? ev->cause : "");
	b->why = xstrdup(ev->text ? ev->text : "");
}

static void preflight(struct ui_state *s, const struct ui_collect_event *ev)
{
	struct ui_collect *c = &s->coll;

	set_str(&c->identity, ev->identity);
	set_str(&c->tenant_seen, ev->tenant);
	set_str(&c->arm, ev->arm);
	set_str(&c->graph, ev->graph);
	set_str(&c->licences, ev->licences);
	c->subs_n = ev->subs;
	c->subs_role = ev->subs_role;
	c->checks = ev->total;
	if (c->phase == CP_CANCELLING)
		return;
	c->phase = CP_CONFIRM;
	log_line(c, "pre-flight: %zu of %llu checks expected not assessable", c->nblocked, c->checks);
	ui_message(s, MSG_INFO, "pre-flight done: Enter starts, Esc drops it");
}

/* The counters a progress or finished event carries. */
static void take_counts(struct ui_collect *c, const struct ui_collect_event *ev)
{
	c->done = ev->done;
	c->total = ev->total;
	c->requests = ev->requests;
	c->in_flight = ev->in_flight;
	c->retries = ev->retries;
	c->throttled = ev->throttled;
	c->wait_ms = ev->wait_ms;
	c->elapsed_ms = ev->elapsed_ms;
	c->running = ev->running;
	set_str(&c->current, ev->current);
}

static void progress(struct ui_collect *c, const struct ui_collect_event *ev)
{
	if (ev->throttled > c->throttled)
		log_line(c, "throttled: %llu response%s so far, %.1f s waiting", ev->throttled,
			 ev->throttled == 1 ? "" : "s", (double)ev->wait_ms / 1000.0);
	take_counts(c, ev);
}

static void result(struct ui_collect *c, const struct ui_collect_event *ev)
{
	int st = check_status_parse(ev->status ? ev->status : "");
	const char *cause = ev->cause && *ev->cause ? ev->cause : NULL;

	if (st < 0)
		return;
	c->count[st]++;
	log_line(c, "%-4s %s%s%s%s%s%s", vm_check_label((enum check_status)st), ev->check ? ev->check : "",
		 cause ? " (" : "", cause ? cause : "", cause ? ")" : "", ev->text && *ev->text ? ": " : "",
		 ev->text ? ev->text : "");
}

static unsigned finished(struct ui_state *s, const struct ui_collect_event *ev)
{
	struct ui_collect *c = &s->coll;
	int st = run_status_parse(ev->status ? ev->status : "");

	c->phase = CP_DONE;
	c->run = ev->run;
	c->run_status = st < 0 ? RUN_FAILED : (enum run_status)st;
	take_counts(c, ev); /* nothing is in flight or running any more */
	snprintf(c->error, sizeof(c->error), "%s", ev->text ? ev->text : "");
	s->pane[SCR_COLLECT][0].top = 0;
	log_line(c, "run %lld %s: %llu of %llu checks", c->run, run_status_id(c->run_status), c->done,
		 c->total);
	if (c->error[0]) {
		log_line(c, "error: %s", c->error);
		ui_message(s, MSG_ERROR, "run %lld %s: %s", c->run, run_status_id(c->run_status), c->error);
	} else if (c->run_status == RUN_INTERRUPTED) {
		c->resumable = c->run;
		c->resumable_left = c->total > c->done ? c->total - c->done : 0;
		ui_message(s, MSG_INFO, "run %lld interrupted: r resumes it", c->run);
	} else {
		if (c->resumable == c->run)
			c->resumable = 0; /* resumed to its end */
		ui_message(s, MSG_OK, "run %lld %s: evidence panels updated", c->run,
			   run_status_id(c->run_status));
	}
	return UE_RELOAD | UE_REDRAW;
}

static void failed(struct ui_state *s, const struct ui_collect_event *ev)
{
	struct ui_collect *c = &s->coll;
	const char *why = ev->text && *ev->text ? ev->text : "unknown error";

	if (c->phase == CP_CANCELLING) {
		c->phase = CP_SETUP;
		log_line(c, "cancelled: %s", why);
		ui_message(s, MSG_INFO, "cancelled before the collection started");
		return;
	}
	c->phase = CP_FAILED;
	snprintf(c->error, sizeof(c->error), "%s", why);
	log_line(c, "failed: %s", why);
	ui_message(s, MSG_ERROR, "not collected: the screen says why");
}

unsigned ui_collect_event(struct ui_state *s, const struct ui_collect_event *ev)
{
	struct ui_collect *c = &s->coll;

	switch (ev->kind) {
	case CEV_SETUP:
		set_str(&c->have, ev->have);
		set_str(&c->env_client, ev->client);
		set_str(&c->env_tenant, ev->tenant);
		c->resumable = ev->run;
		c->resumable_left = ev->left;
		break;
	case CEV_LOG:
		log_line(c, "%s", ev->text ? ev->text : "");
		break;
	case CEV_DEVICE_CODE:
		set_str(&c->url, ev->url);
		set_str(&c->code, ev->code);
		log_line(c, "device code: open %s and enter %s", ev->url ? ev->url : "",
		     ev->code ? ev->code : "");
		break;
	case CEV_SIGNED_IN:
		set_str(&c->identity, ev->identity);
		set_str(&c->tenant_seen, ev->tenant);
		FREE_AND_NULL(c->code);
		if (c->phase == CP_SIGNING_IN)
			c->phase = CP_PREFLIGHT;
		log_line(c, "signed in as %s", ev->identity ? ev->identity : "");
		log_line(c, "pre-flight: reading roles, Graph permissions and licences");
		break;
	case CEV_BLOCKED:
		blocked(c, ev);
		break;
	case CEV_PREFLIGHT:
		preflight(s, ev);
		break;
	case CEV_PROGRESS:
		progress(c, ev);
		break;
	case CEV_RESULT:
		result(c, ev);
		break;
	case CEV_FINISHED:
		return finished(s, ev);
	case CEV_FAILED:
		failed(s, ev);
		break;
	case CEV__COUNT:
		return 0;
	}
	return UE_REDRAW;
}

static int rows_len(const struct ui_state *s, int pane)
{
	int rows[CROW__COUNT];

	if (pane || s->coll.phase != CP_SETUP)
		return 0;
	return (int)ui_collect_rows(s, rows);
}

const struct ui_screen_ext ui_screen_collect = { "Collect", vm_collect, apply, rows_len, 0 };
