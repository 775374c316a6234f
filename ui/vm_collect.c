/*
 * The collection screen: what the phase shows in the top (or left) pane,
 * and the log below (or beside) it, newest last and followed unless the
 * operator scrolls it. Identifiers and names from the tenant go through
 * the privacy toggle; the device code's URL and code are shown as they
 * are, since the operator needs them.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "ui_int.h"
#include "vm.h"

#define LABEL_W 15

/* "label   value" with the value masked when private (name: wholly a name). */
static void field(const struct ui_state *s, struct vm_pane *p, int group, const char *label,
		  const char *value, int name, enum vm_style style)
{
	struct vm_row *r = vm_row_new(p, group);
	char *shown = vm_private(s, value ? value : "", name);

	vm_cell(r, label, LABEL_W, VS_BOLD);
	vm_wrap_beside(p, r, LABEL_W, shown, style);
	free(shown);
}

/* "label   (where from) value" for a setting left to its default. */
static void defaulted(const struct ui_state *s, struct vm_pane *p, int group, const char *label,
		      const char *from, const char *value)
{
	struct vm_row *r = vm_row_new(p, group);
	char *shown = vm_private(s, value ? value : "", 0);

	vm_cell(r, label, LABEL_W, VS_BOLD);
	vm_row_add(r, from, VS_DIM);
	if (*shown) {
		vm_row_add(r, " ", VS_TEXT);
		vm_row_add(r, shown, VS_TEXT);
	}
	free(shown);
}

static void choice(const struct ui_state *s, struct vm_pane *p, int group, const char *label,
		   const char *value)
{
	struct vm_row *r = vm_row_new(p, group);
	int utf8 = (s->flags & UI_UTF8) != 0;
	char v[200];

	vm_cell(r, label, LABEL_W, VS_BOLD);
	snprintf(v, sizeof(v), "%s %s %s", utf8 ? "\xe2\x97\x82" : "<", value, utf8 ? "\xe2\x96\xb8" : ">");
	vm_row_add(r, v, VS_KEY);
}

/* What the chosen credential needs, and whether the environment has it. */
static const char *cred_note(const struct ui_collect *c, char *buf, size_t n)
{
	char found[160];
	size_t i, k = 0;

	for (i = 0; c->have && c->have[i] && k + 3 < sizeof(found); i++) {
		found[k++] = c->have[i];
		if (c->have[i] == ',')
			found[k++] = ' ';
	}
	found[k] = '\0';
	switch (c->cred) {
	case UCRED_AUTO:
		snprintf(buf, n, "Takes the first that works: client secret, certificate, workload "
				 "identity, managed identity, Azure CLI, device code. Found in the "
				 "environment: %s.", k ? found : "none");
		return buf;
	case UCRED_SECRET_ENV:
		return ui_collect_have(c, "secret")
			       ? "AZURE_CLIENT_SECRET was in azmat's environment when it started: it "
				 "is held in memory only, never shown or stored."
			       : "AZURE_CLIENT_SECRET was not set when azmat started: set it and "
				 "start azmat again, or read the secret from a file.";
	case UCRED_SECRET_FILE:
		return "The file's first line is the secret. It is read when you start, and never "
		       "shown or stored; type the file's path, never the secret.";
	case UCRED_CERTIFICATE:
		return "PEM with the certificate and its key, or PKCS#12 with "
		       "AZURE_CLIENT_CERTIFICATE_PASSWORD.";
	case UCRED_WORKLOAD:
		return ui_collect_have(c, "workload") ? "The federated token in AZURE_FEDERATED_TOKEN_FILE."
						: "AZURE_FEDERATED_TOKEN_FILE is not set.";
	case UCRED_MSI:
		return "The identity of the Azure VM, App Service or Function azmat runs on.";
	case UCRED_CLI:
		return "The login of 'az login'. Its Graph token may lack some permissions.";
	case UCRED_DEVICE:
		return "A URL and a code are shown here: sign in with them in any browser.";
	default:
		return "";
	}
}

/* A text setting: what was typed, else where its default comes from (and the default). */
static void setting(const struct ui_state *s, struct vm_pane *p, int g, const char *label,
		    const struct editor *e, int name, const char *from, const char *dflt)
{
	const char *v = editor_text(e);

	if (*v)
		field(s, p, g, label, v, name, VS_KEY);
	else
		defaulted(s, p, g, label, from, dflt);
}

static void setup_row(const struct ui_state *s, struct vm_pane *p, int g, int row)
{
	const struct ui_collect *c = &s->coll;
	int env_tenant = c->env_tenant && *c->env_tenant, env_client = c->env_client && *c->env_client;
	char line[160];

	switch (row) {
	case CROW_CRED:
		choice(s, p, g, "Credential", ui_cred_label(c->cred));
		break;
	case CROW_SECRET_FILE:
		setting(s, p, g, "Secret file", &c->secret_file, 1, "(Enter: the file's path)", NULL);
		break;
	case CROW_CERT:
		setting(s, p, g, "Certificate", &c->cert_file, 1, "(AZURE_CLIENT_CERTIFICATE_PATH)", NULL);
		break;
	case CROW_TENANT:
		setting(s, p, g, "Tenant", &c->tenant, 0,
			env_tenant ? "(AZURE_TENANT_ID)" : "(the assessment's)",
			env_tenant ? c->env_tenant : s->a.tenant_id);
		break;
	case CROW_CLIENT:
		setting(s, p, g, "Client id", &c->client, 0,
			env_client ? "(AZURE_CLIENT_ID)" : c->cred == UCRED_DEVICE ?
			"(the Azure CLI's public client)" : "(not set)",
			env_client ? c->env_client : NULL);
		break;
	case CROW_CLOUD:
		choice(s, p, g, "Cloud", ui_cloud_label(c->cloud));
		break;
	case CROW_SUBS:
		setting(s, p, g, "Subscriptions", &c->subs, 0, "all the identity can read", NULL);
		break;
	case CROW_START:
		vm_line(p, -1, "", VS_TEXT);
		vm_row_add(vm_line(p, g, "[ Sign in and run the pre-flight ]", VS_BOLD), "  (s)", VS_DIM);
		break;
	case CROW_RESUME:
		snprintf(line, sizeof(line), "[ Resume run %lld: %llu checks left ]", c->resumable,
			 c->resumable_left);
		vm_row_add(vm_line(p, g, line, VS_BOLD), "  (r)", VS_DIM);
		break;
	default:
		break;
	}
}

static void setup(const struct ui_state *s, struct vm_pane *p)
{
	int rows[CROW__COUNT];
	size_t n = ui_collect_rows(s, rows), i;
	char note[400];

	vm_set_title(p, "Collect evidence for assessment %lld", s->a.id);
	for (i = 0; i < n; i++)
		setup_row(s, p, (int)i, rows[i]);
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 0, cred_note(&s->coll, note, sizeof(note)), VS_DIM);
}

static void signing_in(const struct ui_state *s, struct vm_pane *p)
{
	const struct ui_collect *c = &s->coll;
	struct vm_row *r;

	vm_set_title(p, "Signing in: %s", ui_cred_label(c->cred));
	vm_line(p, -1, "", VS_TEXT);
	if (c->code) {
		vm_wrap(p, -1, 0, "Sign in with a browser on any device:", VS_TEXT);
		vm_line(p, -1, "", VS_TEXT);
		r = vm_row_new(p, -1);
		vm_cell(r, "  Open", LABEL_W, VS_BOLD);
		vm_row_add(r, c->url ? c->url : "", VS_KEY);
		r = vm_row_new(p, -1);
		vm_cell(r, "  Enter code", LABEL_W, VS_BOLD);
		vm_row_add(r, c->code, VS_KEY);
		vm_line(p, -1, "", VS_TEXT);
		vm_wrap(p, -1, 0, "Waiting for the sign-in to complete...", VS_INFO);
	} else {
		vm_wrap(p, -1, 0, "Asking for a token...", VS_INFO);
	}
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 0, "c or Esc cancels.", VS_DIM);
}

static void preflight_wait(const struct ui_state *s, struct vm_pane *p)
{
	const struct ui_collect *c = &s->coll;

	vm_set_title(p, "Pre-flight");
	field(s, p, -1, "Identity", c->identity, 0, VS_TEXT);
	field(s, p, -1, "Tenant", c->tenant_seen, 0, VS_TEXT);
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 0, "Reading what this identity may see: its Azure roles, its Graph permissions "
			  "and the tenant's licences...", VS_INFO);
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 0, "c or Esc cancels.", VS_DIM);
}

static void confirm(const struct ui_state *s, struct vm_pane *p)
{
	const struct ui_collect *c = &s->coll;
	char line[200];
	size_t i;

	vm_set_title(p, "Pre-flight: what this identity can read");
	snprintf(line, sizeof(line), "Enter collects %llu check%s; Esc drops the sign-in.", c->checks,
		 c->checks == 1 ? "" : "s");
	vm_line(p, -1, line, VS_BOLD);
	if (c->nblocked) {
		snprintf(line, sizeof(line), "%zu of %llu checks will not be assessable (below).", c->nblocked,
			 c->checks);
		vm_line(p, -1, line, VS_WARN);
	} else {
		vm_line(p, -1, "Every check is expected to be assessable.", VS_OK);
	}
	vm_line(p, -1, "", VS_TEXT);
	field(s, p, -1, "Identity", c->identity, 0, VS_TEXT);
	field(s, p, -1, "Tenant", c->tenant_seen, 0, VS_TEXT);
	snprintf(line, sizeof(line), "%s; %llu subscription%s, %llu with a role",
		 c->arm && *c->arm ? c->arm : "no role at the root", c->subs_n, c->subs_n == 1 ? "" : "s",
		 c->subs_role);
	field(s, p, -1, "Azure roles", line, 0, VS_TEXT);
	field(s, p, -1, "Graph", c->graph && *c->graph ? c->graph : "no permissions", 0, VS_TEXT);
	field(s, p, -1, "Licences", c->licences && *c->licences ? c->licences : "none found", 0, VS_TEXT);
	if (!c->nblocked)
		return;
	vm_line(p, -1, "", VS_TEXT);
	vm_line(p, -1, "Not assessable, and why:", VS_HEADING);
	for (i = 0; i < c->nblocked; i++) {
		struct vm_row *r = vm_row_new(p, -1);
		char *why = vm_private(s, c->blocked[i].why, 0);
		vm_row_add(r, "  ", VS_TEXT);
		vm_cell(r, c->blocked[i].cause, 11, VS_WARN);
		vm_row_add(r, c->blocked[i].check, VS_TEXT);
		vm_wrap(p, -1, 4, why, VS_DIM);
		free(why);
	}
}

static void elapsed(unsigned long long ms, char *out, size_t n)
{
	unsigned long long sec = ms / 1000;

	if (sec < 60)
		snprintf(out, n, "%.1f s", (double)ms / 1000.0);
	else
		snprintf(out, n, "%llu min %02llu s", sec / 60, sec % 60);
}

static void counts(const struct ui_collect *c, char *out, size_t n)
{
	unsigned long long seen = 0;
	size_t i, k;

	for (i = 0; i < CHECK_STATUS__COUNT; i++)
		seen += c->count[i];
	k = (size_t)snprintf(out, n, "%llu pass, %llu fail, %llu partial, %llu not assessable",
			     c->count[CHECK_PASS], c->count[CHECK_FAIL], c->count[CHECK_PARTIAL],
			     c->count[CHECK_NOT_ASSESSABLE]);
	/* a resumed run also holds what it stored before the interruption */
	if (c->resume && c->done > seen && k < n)
		snprintf(out + k, n - k, "; %llu from before", c->done - seen);
}

static void throttling(const struct ui_collect *c, char *out, size_t n)
{
	if (!c->throttled)
		snprintf(out, n, "none");
	else
		snprintf(out, n, "%llu response%s (429), %.1f s waiting", c->throttled,
			 c->throttled == 1 ? "" : "s", (double)c->wait_ms / 1000.0);
}

static void running(const struct ui_state *s, struct vm_pane *p)
{
	const struct ui_collect *c = &s->coll;
	char line[300], t[32];
	struct vm_row *r;
	int w = MAX(10, MIN(40, p->width - 16));

	vm_set_title(p, c->phase == CP_CANCELLING ? "Cancelling the collection" : "Collecting evidence");
	r = vm_row_new(p, -1);
	vm_row_add(r, " ", VS_TEXT);
	vm_bar(r, c->done, c->total, w, (s->flags & UI_UTF8) != 0);
	snprintf(line, sizeof(line), "  %llu/%llu checks", c->done, c->total);
	vm_row_add(r, line, VS_BOLD);
	vm_line(p, -1, "", VS_TEXT);
	snprintf(line, sizeof(line), "%llu done, %llu in flight, %llu retried", c->requests, c->in_flight,
		 c->retries);
	field(s, p, -1, "Requests", line, 0, VS_TEXT);
	throttling(c, line, sizeof(line));
	field(s, p, -1, "Throttling", line, 0, c->throttled ? VS_WARN : VS_TEXT);
	elapsed(c->elapsed_ms, t, sizeof(t));
	field(s, p, -1, "Elapsed", t, 0, VS_TEXT);
	counts(c, line, sizeof(line));
	field(s, p, -1, "Results", line, 0, VS_TEXT);
	if (c->current && *c->current) {
		snprintf(line, sizeof(line), "%llu: %s", c->running, c->current);
		field(s, p, -1, "Under way", line, 0, VS_DIM);
	}
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 0, c->phase == CP_CANCELLING
		? "Stopping: the requests under way are abandoned; results stored so far stay."
		: "c or Esc cancels: results stored so far stay, and r resumes the run later.",
		VS_DIM);
}

static void done(const struct ui_state *s, struct vm_pane *p)
{
	const struct ui_collect *c = &s->coll;
	char line[300], t[32], th[120];
	enum vm_style st = c->run_status == RUN_COMPLETE ? VS_OK :
			   c->run_status == RUN_PARTIAL ? VS_WARN : VS_ERROR;

	vm_set_title(p, "Run %lld %s", c->run, run_status_id(c->run_status));
	snprintf(line, sizeof(line), "%llu of %llu checks collected", c->done, c->total);
	vm_line(p, -1, line, st);
	counts(c, line, sizeof(line));
	field(s, p, -1, "Results", line, 0, VS_TEXT);
	elapsed(c->elapsed_ms, t, sizeof(t));
	throttling(c, th, sizeof(th));
	snprintf(line, sizeof(line), "%llu, %llu retried, in %s", c->requests, c->retries, t);
	field(s, p, -1, "Requests", line, 0, VS_TEXT);
	field(s, p, -1, "Throttling", th, 0, VS_TEXT);
	vm_line(p, -1, "", VS_TEXT);
	if (c->error[0]) {
		vm_wrap(p, -1, 0, c->error, VS_ERROR);
	} else if (c->run_status == RUN_INTERRUPTED) {
		snprintf(line, sizeof(line), "Interrupted: r resumes the run now, or later on the command "
					     "line: azmat collect %lld --resume", s->a.id);
		vm_wrap(p, -1, 0, line, VS_WARN);
	} else {
		vm_wrap(p, -1, 0, "The items' evidence panels and suggested answers now show these results.",
			VS_TEXT);
	}
	if (c->run_status == RUN_PARTIAL)
		vm_wrap(p, -1, 0, "Partial: some checks were not assessable (the log says why).", VS_DIM);
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 0, "s collects again, Enter changes the settings, h goes back.", VS_DIM);
}

static void failed(const struct ui_state *s, struct vm_pane *p)
{
	char *why = vm_private(s, s->coll.error, 0);

	vm_set_title(p, "Not collected");
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 0, why, VS_ERROR);
	vm_line(p, -1, "", VS_TEXT);
	vm_wrap(p, -1, 0, "Enter goes back to the settings; s tries again.", VS_DIM);
	free(why);
}

static void log_pane(const struct ui_state *s, struct vm_pane *p)
{
	const struct ui_collect *c = &s->coll;
	size_t i;

	vm_set_title(p, "Log");
	p->follow = 1;
	if (!c->nlog)
		vm_line(p, -1, "Nothing yet.", VS_DIM);
	for (i = 0; i < c->nlog; i++) {
		char *line = vm_private(s, c->log[i], 0);
		struct vm_row *r = vm_row_new(p, -1);
		/* continuation lines indented, so that each entry stands out */
		vm_wrap_beside(p, r, 5, line, VS_TEXT);
		free(line);
	}
}

void vm_collect(const struct ui_state *s, const struct catalog *cat, struct vm *vm)
{
	struct vm_pane *p = &vm->pane[0];
	int body = s->lines - 3;

	UNUSED(cat);
	vm_layout(s, vm, 2, vm->wide ? 50 : -MAX(14, body * 3 / 5));
	switch (s->coll.phase) {
	case CP_SETUP:
		p->list = 1;
		setup(s, p);
		break;
	case CP_SIGNING_IN:
		signing_in(s, p);
		break;
	case CP_PREFLIGHT:
		preflight_wait(s, p);
		break;
	case CP_CONFIRM:
		confirm(s, p);
		break;
	case CP_RUNNING:
	case CP_CANCELLING:
		running(s, p);
		break;
	case CP_DONE:
		done(s, p);
		break;
	case CP_FAILED:
		failed(s, p);
		break;
	}
	log_pane(s, &vm->pane[1]);
}
