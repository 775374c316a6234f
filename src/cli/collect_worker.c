/*
 * The background collection: a thread per job, a mutex-guarded queue of
 * events, the latest progress kept aside (it is superseded, never
 * queued), and a condition variable for whoever waits for the end.
 */
#include "compat.h"
#include "collect_worker.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "xalloc.h"

struct cw_item {
	struct cw_event ev;
	struct cw_item *next;
};

enum cw_job { JOB_SIGN_IN, JOB_RUN };

struct collect_worker {
	pthread_mutex_t mu;
	pthread_cond_t cond;
	pthread_t th;
	int started;  /* th runs or ended, not joined yet */
	int finished; /* the job posted its last event */
	cancel_flag cancel;
	struct cw_item *head, *tail;
	int progress_new;
	struct collect_progress progress;
	/* The job (borrowed until joined). */
	enum cw_job job;
	struct azure_opts opts;
	const char *tenant_hint;
	struct azure_session *s;
};

void cw_event_release(struct cw_event *ev)
{
	free(ev->text);
	free(ev->url);
	free(ev->code);
	free(ev->tenant);
	if (ev->kind == CW_PREFLIGHT)
		preflight_release(&ev->pf);
	if (ev->kind == CW_RESULT)
		check_result_release(&ev->result);
	memset(ev, 0, sizeof(*ev));
}

/* Queue ev (taken); last: the job's final event. */
static void post(struct collect_worker *w, struct cw_event *ev, int last)
{
	struct cw_item *it = xcalloc(1, sizeof(*it));

	it->ev = *ev;
	memset(ev, 0, sizeof(*ev));
	pthread_mutex_lock(&w->mu);
	if (w->tail)
		w->tail->next = it;
	else
		w->head = it;
	w->tail = it;
	if (last)
		w->finished = 1;
	pthread_cond_broadcast(&w->cond);
	pthread_mutex_unlock(&w->mu);
}

/* A text event; the text is redacted once more on its way to the screen. */
static void post_text(struct collect_worker *w, enum cw_kind kind, const char *text, int last)
{
	struct cw_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.kind = kind;
	ev.text = redact_dup(text ? text : "");
	post(w, &ev, last);
}

/* Warnings the collector logs go to the screen's log too (redacted by log.c). */
static void tap(void *ctx, enum log_level level, const char *line)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	struct cw_event ev;

	buf_addf(&b, "%s: %s", level == LOG_ERROR ? "error" : "warning", line);
	memset(&ev, 0, sizeof(ev));
	ev.kind = CW_LOG;
	ev.text = buf_detach(&b, NULL);
	post(ctx, &ev, 0);
}

static void show_code(void *ctx, const char *url, const char *code, const char *message)
{
	struct cw_event ev;

	(void)message;
	memset(&ev, 0, sizeof(ev));
	ev.kind = CW_DEVICE_CODE;
	ev.url = xstrdup(url ? url : "");
	ev.code = xstrdup(code ? code : "");
	post(ctx, &ev, 0);
}

static void config(struct collect_worker *w, struct collect_config *cfg)
{
	struct azure_session *s = w->s;

	memset(cfg, 0, sizeof(*cfg));
	cfg->cloud = &s->cloud;
	cfg->cred = s->cred;
	cfg->concurrency = s->concurrency;
	cfg->timeout_ms = s->timeout_ms;
	cfg->subscriptions = (const char *const *)s->subs;
	cfg->nsubscriptions = s->nsubs;
	cfg->cancel = &w->cancel;
	cfg->ctx = w;
}

static void sign_in_job(struct collect_worker *w)
{
	struct errmsg em = ERRMSG_INIT;
	struct collect_config cfg;
	struct cw_event ev;
	struct preflight pf;

	if (azure_sign_in_em(&w->opts, w->tenant_hint, &w->cancel, w->s, &em)) {
		post_text(w, CW_FAILED, w->cancel ? "cancelled" : errmsg_text(&em), 1);
		return;
	}
	memset(&ev, 0, sizeof(ev));
	ev.kind = CW_SIGNED_IN;
	ev.text = xstrdup(cred_identity(w->s->cred));
	ev.tenant = xstrdup(cred_tenant(w->s->cred));
	post(w, &ev, 0);
	config(w, &cfg);
	if (preflight_run(&cfg, w->s->checks, w->s->nchecks, &pf, &em)) {
		preflight_release(&pf);
		post_text(w, CW_FAILED, w->cancel ? "cancelled" : errmsg_text(&em), 1);
		return;
	}
	memset(&ev, 0, sizeof(ev));
	ev.kind = CW_PREFLIGHT;
	ev.pf = pf;
	post(w, &ev, 1);
}

static void on_result(void *ctx, const struct check_result *r)
{
	struct cw_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.kind = CW_RESULT;
	check_result_copy(&ev.result, r);
	post(ctx, &ev, 0);
}

static void on_progress(void *ctx, const struct collect_progress *p)
{
	struct collect_worker *w = ctx;

	pthread_mutex_lock(&w->mu);
	w->progress = *p;
	w->progress_new = 1;
	pthread_mutex_unlock(&w->mu);
}

static void run_job(struct collect_worker *w)
{
	struct errmsg em = ERRMSG_INIT;
	struct collect_config cfg;
	struct cw_event ev;

	config(w, &cfg);
	cfg.on_result = on_result;
	cfg.on_progress = on_progress;
	memset(&ev, 0, sizeof(ev));
	ev.kind = CW_DONE;
	ev.rc = collect_run(&cfg, w->s->checks, w->s->nchecks, &ev.sum, &em);
	if (ev.rc && ev.rc != AZ_ERR_CANCELLED)
		ev.text = redact_dup(errmsg_text(&em));
	post(w, &ev, 1);
}

static void *thread_main(void *arg)
{
	struct collect_worker *w = arg;

	if (w->job == JOB_SIGN_IN)
		sign_in_job(w);
	else
		run_job(w);
	return NULL;
}

struct collect_worker *collect_worker_new(void)
{
	struct collect_worker *w = xcalloc(1, sizeof(*w));

	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cond, NULL);
	return w;
}

static enum az_err launch(struct collect_worker *w, enum cw_job job, struct errmsg *em)
{
	int err;

	if (w->started)
		return errmsg_set(em, AZ_ERR_USAGE, "a collection is already under way");
	w->job = job;
	w->cancel = 0;
	w->finished = 0;
	w->progress_new = 0;
	log_set_tap(tap, w, LOG_WARN);
	err = pthread_create(&w->th, NULL, thread_main, w);
	if (err) {
		log_set_tap(NULL, NULL, LOG_WARN);
		return errmsg_set(em, AZ_ERR_INTERNAL, "cannot start a thread: %s", strerror(err));
	}
	w->started = 1;
	return AZ_OK;
}

enum az_err collect_worker_sign_in(struct collect_worker *w, const struct azure_opts *o,
				   const char *tenant_hint, struct azure_session *s, struct errmsg *em)
{
	if (w->started)
		return errmsg_set(em, AZ_ERR_USAGE, "a collection is already under way");
	w->opts = *o;
	w->opts.show_code = show_code;
	w->opts.show_ctx = w;
	w->tenant_hint = tenant_hint;
	w->s = s;
	return launch(w, JOB_SIGN_IN, em);
}

enum az_err collect_worker_run(struct collect_worker *w, struct azure_session *s, struct errmsg *em)
{
	if (!s->cred)
		return errmsg_set(em, AZ_ERR_USAGE, "not signed in");
	w->s = s;
	return launch(w, JOB_RUN, em);
}

void collect_worker_cancel(struct collect_worker *w)
{
	w->cancel = 1;
}

int collect_worker_busy(const struct collect_worker *w)
{
	return w && w->started;
}

static void join(struct collect_worker *w)
{
	pthread_join(w->th, NULL);
	w->started = 0;
	log_set_tap(NULL, NULL, LOG_WARN);
}

int collect_worker_next(struct collect_worker *w, struct cw_event *out)
{
	struct cw_item *it;
	int ended;

	pthread_mutex_lock(&w->mu);
	it = w->head;
	if (it) {
		w->head = it->next;
		if (!w->head)
			w->tail = NULL;
	}
	ended = !w->head && w->finished;
	pthread_mutex_unlock(&w->mu);
	if (ended && w->started)
		join(w);
	if (!it)
		return 0;
	*out = it->ev;
	free(it);
	return 1;
}

int collect_worker_progress(struct collect_worker *w, struct collect_progress *out)
{
	int fresh;

	pthread_mutex_lock(&w->mu);
	fresh = w->progress_new;
	if (fresh)
		*out = w->progress;
	w->progress_new = 0;
	pthread_mutex_unlock(&w->mu);
	return fresh;
}

void collect_worker_wait(struct collect_worker *w, long timeout_ms)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (timeout_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&w->mu);
	while (w->started && !w->head && !w->finished) {
		if (pthread_cond_timedwait(&w->cond, &w->mu, &until) == ETIMEDOUT)
			break;
	}
	pthread_mutex_unlock(&w->mu);
}

void collect_worker_free(struct collect_worker **pw)
{
	struct collect_worker *w = *pw;
	struct cw_event ev;

	if (!w)
		return;
	if (w->started) {
		w->cancel = 1;
		join(w);
	}
	while (collect_worker_next(w, &ev))
		cw_event_release(&ev);
	pthread_cond_destroy(&w->cond);
	pthread_mutex_destroy(&w->mu);
	free(w);
	*pw = NULL;
}
