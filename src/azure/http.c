/*
 * The HTTP engine on libcurl multi. One thread; curl_multi_poll() waits for
 * sockets or for the next retry to come due.
 *
 * A request lives in a struct xfer from http_submit() until its done
 * callback returns. It sits in the ready queue, in the waiting list (a
 * retry or a Resource Graph quota hold with a due time), or in flight on an
 * easy handle taken from a small pool. Finished transfers are judged in
 * finish(): retry, re-authenticate, follow a redirect within the origin,
 * or hand the response to the caller.
 */
#include "http.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cloud.h"
#include "log.h"
#include "retry.h"
#include "secret.h"
#include "strutil.h"
#include "timeutil.h"
#include "xalloc.h"

#define MAX_REDIRECTS 5
#define HINT_MAX 256

struct xfer {
	struct http_engine *e;
	struct xfer *next;
	CURL *easy;
	char *method;
	char *url;
	char *body;
	enum http_aud aud;
	unsigned flags;
	http_done_fn done;
	void *ctx;
	struct curl_slist *headers;
	struct buf resp;
	long status;
	unsigned attempts;
	unsigned throttled;
	unsigned redirects;
	unsigned token_gen;
	unsigned stale_gen; /* a 401 came back with this token generation */
	int reauthed;
	int too_big;
	size_t slot;      /* index in the engine's flying array */
	long long due;    /* monotonic ms at which a waiting request may start */
	long long waited; /* of which throttling */
	long long started;
	char retry_after[HINT_MAX];
	char location[2048];
	char quota_left[32];
	char quota_reset[32];
};

struct xfer_list {
	struct xfer *head;
	struct xfer *tail;
	size_t n;
};

struct http_engine {
	struct http_config cfg;
	CURLM *multi;
	CURLSH *share;
	CURL **pool;
	size_t npool;
	struct xfer_list ready;
	struct xfer_list waiting;
	struct xfer **flying; /* in flight, in_flight of them */
	unsigned long in_flight;
	long long arg_hold; /* monotonic ms until which Resource Graph requests wait */
	uint64_t rng;
	struct http_stats stats;
	char origin[HTTP_NAUD][512];
};

static const char *const outcome_names[] = { "done", "transport error", "timed out",
					     "response too large", "refused", "no token",
					     "cancelled", "deadline passed" };

const char *http_outcome_name(enum http_outcome o)
{
	return (unsigned)o < sizeof(outcome_names) / sizeof(outcome_names[0]) ? outcome_names[o] : "?";
}

static void list_push(struct xfer_list *l, struct xfer *x, int front)
{
	x->next = NULL;
	if (!l->head) {
		l->head = l->tail = x;
	} else if (front) {
		x->next = l->head;
		l->head = x;
	} else {
		l->tail->next = x;
		l->tail = x;
	}
	l->n++;
}

static struct xfer *list_pop(struct xfer_list *l)
{
	struct xfer *x = l->head;

	if (!x)
		return NULL;
	l->head = x->next;
	if (!l->head)
		l->tail = NULL;
	l->n--;
	x->next = NULL;
	return x;
}

static void origin_of(const char *base, char *out, size_t n)
{
	struct buf b = BUF_INIT(n - 1);

	out[0] = '\0';
	if (base && !url_origin(base, &b))
		snprintf(out, n, "%s", b.data);
	buf_release(&b);
}

struct http_engine *http_engine_new(const struct http_config *cfg)
{
	struct http_engine *e = xcalloc(1, sizeof(*e));
	const char *base = getenv("AZMAT_RETRY_BASE_MS");
	long v;

	e->cfg = *cfg;
	if (!e->cfg.concurrency)
		e->cfg.concurrency = HTTP_DEFAULT_CONCURRENCY;
	if (e->cfg.concurrency > HTTP_MAX_CONCURRENCY)
		e->cfg.concurrency = HTTP_MAX_CONCURRENCY;
	if (!e->cfg.timeout_ms)
		e->cfg.timeout_ms = 60000;
	if (!e->cfg.connect_timeout_ms)
		e->cfg.connect_timeout_ms = 15000;
	if (!e->cfg.max_retries)
		e->cfg.max_retries = 5;
	if (!e->cfg.backoff_base_ms)
		e->cfg.backoff_base_ms = base && !str_to_long(base, 1, 60000, &v) ? v : 500;
	if (!e->cfg.backoff_cap_ms)
		e->cfg.backoff_cap_ms = 30000;
	if (!e->cfg.max_body)
		e->cfg.max_body = BUF_MAX_HTTP;
	origin_of(cfg->arm_origin, e->origin[HTTP_AUD_ARM], sizeof(e->origin[0]));
	origin_of(cfg->graph_origin, e->origin[HTTP_AUD_GRAPH], sizeof(e->origin[0]));
	e->rng = ((uint64_t)time_mono_ms() * (uint64_t)0x9e3779b97f4a7c15ULL) ^ (uint64_t)getpid();
	e->multi = curl_multi_init();
	e->share = curl_share_init();
	if (!e->multi || !e->share)
		abort();
	curl_share_setopt(e->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	curl_share_setopt(e->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	curl_multi_setopt(e->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
	curl_multi_setopt(e->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)e->cfg.concurrency);
	curl_multi_setopt(e->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)e->cfg.concurrency);
	curl_multi_setopt(e->multi, CURLMOPT_MAXCONNECTS, (long)e->cfg.concurrency + 4);
	e->pool = xcalloc(e->cfg.concurrency, sizeof(*e->pool));
	e->flying = xcalloc(e->cfg.concurrency, sizeof(*e->flying));
	return e;
}

static void clear_headers(struct xfer *x);

static void xfer_free(struct xfer *x)
{
	clear_headers(x);
	free(x->method);
	free(x->url);
	free(x->body);
	buf_release(&x->resp);
	free(x);
}

void http_engine_free(struct http_engine **pe)
{
	struct http_engine *e = *pe;
	struct xfer *x;
	size_t i;

	if (!e)
		return;
	while ((x = list_pop(&e->ready)))
		xfer_free(x);
	while ((x = list_pop(&e->waiting)))
		xfer_free(x);
	for (i = 0; i < e->npool; i++)
		curl_easy_cleanup(e->pool[i]);
	free(e->pool);
	free(e->flying);
	curl_multi_cleanup(e->multi);
	curl_share_cleanup(e->share);
	free(e);
	*pe = NULL;
}

void http_submit(struct http_engine *e, const struct http_request *r)
{
	struct xfer *x = xcalloc(1, sizeof(*x));

	x->e = e;
	x->method = xstrdup(r->method ? r->method : "GET");
	x->url = xstrdup(r->url);
	x->body = xstrdup_or_null(r->body);
	x->aud = r->aud;
	x->flags = r->flags;
	x->done = r->done;
	x->ctx = r->ctx;
	buf_init(&x->resp, e->cfg.max_body);
	list_push(&e->ready, x, (r->flags & HTTP_F_URGENT) != 0);
}

size_t http_queued(const struct http_engine *e)
{
	return e->ready.n + e->waiting.n;
}

unsigned http_concurrency(const struct http_engine *e)
{
	return e->cfg.concurrency;
}

void http_get_stats(const struct http_engine *e, struct http_stats *out)
{
	*out = e->stats;
	out->in_flight = e->in_flight;
	out->queued = e->ready.n + e->waiting.n;
}

void http_easy_harden(void *easy, const char *ca_bundle, int allow_http)
{
	curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, allow_http ? "http,https" : "https");
	curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(easy, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	if (ca_bundle)
		curl_easy_setopt(easy, CURLOPT_CAINFO, ca_bundle);
	curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(easy, CURLOPT_USERAGENT, "azmat/" "0.1");
}

/* Deliver the final response and free the request. */
static void complete(struct xfer *x, enum http_outcome outcome, const char *detail)
{
	struct http_engine *e = x->e;
	struct http_response r;

	memset(&r, 0, sizeof(r));
	r.outcome = outcome;
	r.status = outcome == HTTP_DONE ? x->status : (x->status ? x->status : 0);
	r.body = x->resp;
	r.method = x->method;
	r.url = x->url;
	r.flags = x->flags;
	r.attempts = x->attempts;
	r.throttled = x->throttled;
	if (detail)
		snprintf(r.detail, sizeof(r.detail), "%s", detail);
	e->stats.completed++;
	if (x->done)
		x->done(x->ctx, &r);
	x->resp = r.body; /* the callback may have detached it */
	xfer_free(x);
}

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;

	if (buf_add(&x->resp, p, size * n)) {
		x->too_big = 1;
		return 0;
	}
	x->e->stats.bytes += size * n;
	return size * n;
}

static void header_value(const char *p, size_t n, const char *name, char *out, size_t outn)
{
	size_t kl = strlen(name), i, j;

	if (n <= kl || strncasecmp(p, name, kl) || p[kl] != ':')
		return;
	i = kl + 1;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	j = n;
	while (j > i && (p[j - 1] == '\r' || p[j - 1] == '\n' || p[j - 1] == ' '))
		j--;
	if (j - i >= outn)
		j = i + outn - 1;
	memcpy(out, p + i, j - i);
	out[j - i] = '\0';
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = size * n;

	if (len > 5 && !strncmp(p, "HTTP/", 5)) {
		x->retry_after[0] = x->location[0] = x->quota_left[0] = x->quota_reset[0] = '\0';
		return len;
	}
	header_value(p, len, "Retry-After", x->retry_after, sizeof(x->retry_after));
	header_value(p, len, "Location", x->location, sizeof(x->location));
	header_value(p, len, "x-ms-user-quota-remaining", x->quota_left, sizeof(x->quota_left));
	header_value(p, len, "x-ms-user-quota-resets-after", x->quota_reset, sizeof(x->quota_reset));
	return len;
}

static void fly_add(struct http_engine *e, struct xfer *x)
{
	x->slot = e->in_flight;
	e->flying[e->in_flight++] = x;
}

static void fly_remove(struct http_engine *e, struct xfer *x)
{
	struct xfer *last = e->flying[--e->in_flight];

	e->flying[x->slot] = last;
	last->slot = x->slot;
}

static CURL *easy_get(struct http_engine *e)
{
	CURL *c;

	if (e->npool)
		return e->pool[--e->npool];
	c = curl_easy_init();
	if (!c)
		abort();
	return c;
}

static void easy_put(struct http_engine *e, CURL *c)
{
	curl_easy_reset(c);
	if (e->npool < e->cfg.concurrency)
		e->pool[e->npool++] = c;
	else
		curl_easy_cleanup(c);
}

/* The request's URL must have its audience's origin (and be https). */
static int origin_allowed(const struct http_engine *e, const struct xfer *x)
{
	struct buf o = BUF_INIT(1024);
	int ok;

	if (x->aud == HTTP_AUD_NONE || !e->origin[x->aud][0])
		return 0;
	ok = !url_origin(x->url, &o) && !strcmp(o.data, e->origin[x->aud]) &&
	     str_has_prefix(o.data, "https:");
	buf_release(&o);
	return ok;
}

static enum az_err set_headers(struct http_engine *e, struct xfer *x, struct errmsg *em)
{
	struct buf auth = BUF_INIT(65536);
	const char *tok = NULL;
	enum az_err rc;

	rc = e->cfg.auth ? e->cfg.auth->token(e->cfg.auth->ctx, x->aud, x->stale_gen, &tok,
					      &x->token_gen, em)
			 : errmsg_set(em, AZ_ERR_AUTH, "no credential");
	if (rc)
		return rc;
	buf_addstr(&auth, "Authorization: Bearer ");
	buf_addstr(&auth, tok);
	x->headers = curl_slist_append(x->headers, auth.data);
	secret_wipe(auth.data, auth.len);
	buf_release(&auth);
	x->headers = curl_slist_append(x->headers, "Accept: application/json");
	if (x->body)
		x->headers = curl_slist_append(x->headers, "Content-Type: application/json");
	if (x->flags & HTTP_F_EVENTUAL)
		x->headers = curl_slist_append(x->headers, "ConsistencyLevel: eventual");
	return AZ_OK;
}

static void clear_headers(struct xfer *x)
{
	struct curl_slist *h;

	for (h = x->headers; h; h = h->next)
		secret_wipe(h->data, strlen(h->data));
	curl_slist_free_all(x->headers);
	x->headers = NULL;
}

/* Start x on an easy handle, or finish it at once when it may not go. */
static void start(struct http_engine *e, struct xfer *x)
{
	struct errmsg em = ERRMSG_INIT;
	CURL *c;

	if (!origin_allowed(e, x)) {
		log_msg(LOG_WARN, "refused to send a token to '%s'", x->url);
		complete(x, HTTP_ERR_REFUSED, "the URL is outside the configured endpoint");
		return;
	}
	clear_headers(x);
	if (set_headers(e, x, &em)) {
		complete(x, HTTP_ERR_AUTH, errmsg_text(&em));
		return;
	}
	c = easy_get(e);
	x->easy = c;
	buf_reset(&x->resp);
	x->too_big = 0;
	x->status = 0;
	x->attempts++;
	x->started = time_mono_ms();
	http_easy_harden(c, e->cfg.ca_bundle, 0);
	curl_easy_setopt(c, CURLOPT_SHARE, e->share);
	curl_easy_setopt(c, CURLOPT_URL, x->url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, x->headers);
	if (x->body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, x->body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(x->body));
	} else {
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	}
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(c, CURLOPT_PRIVATE, x);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, e->cfg.timeout_ms);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, e->cfg.connect_timeout_ms);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(c, CURLOPT_PIPEWAIT, 1L);
	curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
	e->stats.sent++;
	fly_add(e, x);
	curl_multi_add_handle(e->multi, c);
}

static void wait_then_retry(struct http_engine *e, struct xfer *x, long long ms, int throttle)
{
	x->due = time_mono_ms() + ms;
	if (throttle) {
		e->stats.throttle_wait_ms += ms;
		x->waited += ms;
	}
	e->stats.retries++;
	list_push(&e->waiting, x, 0);
}

static int retryable_status(long s)
{
	return s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
}

int http_retryable_curl(int curl_code)
{
	switch ((CURLcode)curl_code) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return 1;
	default:
		return 0;
	}
}

/* Would waiting ms more pass the deadline? */
static int past_deadline(const struct http_engine *e, long long ms)
{
	return e->cfg.deadline_ms && time_mono_ms() + ms >= e->cfg.deadline_ms;
}

/* Resource Graph told us how much quota is left: hold its requests when none. */
static void note_quota(struct http_engine *e, const struct xfer *x)
{
	long left;
	long long reset;

	if (!(x->flags & HTTP_F_ARG) || !x->quota_left[0] || str_to_long(x->quota_left, 0, 1L << 30, &left))
		return;
	reset = quota_reset_ms(x->quota_reset);
	if (left <= 0 && reset > 0)
		e->arg_hold = time_mono_ms() + reset;
}

/* Follow a redirect when it stays within the origin; 0 when x was finished. */
static int redirect(struct http_engine *e, struct xfer *x)
{
	CURLU *u = curl_url();
	char *next = NULL;
	int ok = 0;

	if (x->redirects < MAX_REDIRECTS && x->location[0] &&
	    !curl_url_set(u, CURLUPART_URL, x->url, 0) &&
	    !curl_url_set(u, CURLUPART_URL, x->location, 0) &&
	    !curl_url_get(u, CURLUPART_URL, &next, 0)) {
		free(x->url);
		x->url = xstrdup(next);
		ok = origin_allowed(e, x);
	}
	curl_free(next);
	curl_url_cleanup(u);
	if (!ok) {
		complete(x, HTTP_ERR_REFUSED, "a redirect left the configured endpoint");
		return 0;
	}
	x->redirects++;
	list_push(&e->ready, x, 1);
	return 1;
}

static void finish_status(struct http_engine *e, struct xfer *x)
{
	long long ms;

	note_quota(e, x);
	if (x->status == 401 && !x->reauthed) {
		x->reauthed = 1;
		x->stale_gen = x->token_gen;
		list_push(&e->ready, x, 1);
		return;
	}
	if (x->status >= 300 && x->status < 400 && x->status != 304) {
		redirect(e, x);
		return;
	}
	if (x->status == 429) {
		x->throttled++;
		e->stats.throttled++;
	}
	if (retryable_status(x->status) && x->attempts <= e->cfg.max_retries) {
		ms = retry_after_ms(x->retry_after[0] ? x->retry_after : NULL, time(NULL));
		if (ms < 0)
			ms = backoff_ms(x->attempts, e->cfg.backoff_base_ms, e->cfg.backoff_cap_ms, &e->rng);
		if (!past_deadline(e, ms)) {
			log_msg(LOG_INFO, "%s %s: HTTP %ld, retrying in %lld ms", x->method, x->url,
				x->status, ms);
			wait_then_retry(e, x, ms, x->status == 429);
			return;
		}
	}
	complete(x, HTTP_DONE, NULL);
}

static void finish(struct http_engine *e, CURL *c, CURLcode rc)
{
	struct xfer *x = NULL;
	char detail[256];
	long long ms;

	curl_easy_getinfo(c, CURLINFO_PRIVATE, (char **)&x);
	curl_multi_remove_handle(e->multi, c);
	fly_remove(e, x);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &x->status);
	x->easy = NULL;
	easy_put(e, c);
	log_msg(LOG_DEBUG, "%s %s -> %ld (%s, %lld ms)", x->method, x->url, x->status,
		rc ? curl_easy_strerror(rc) : "ok", (long long)(time_mono_ms() - x->started));
	if (rc == CURLE_OK) {
		finish_status(e, x);
		return;
	}
	if (x->too_big) {
		complete(x, HTTP_ERR_TOOBIG, "the response passed the size limit");
		return;
	}
	snprintf(detail, sizeof(detail), "%s", curl_easy_strerror(rc));
	if (http_retryable_curl(rc) && x->attempts <= e->cfg.max_retries) {
		ms = backoff_ms(x->attempts, e->cfg.backoff_base_ms, e->cfg.backoff_cap_ms, &e->rng);
		if (!past_deadline(e, ms)) {
			wait_then_retry(e, x, ms, 0);
			return;
		}
	}
	x->status = 0;
	complete(x, rc == CURLE_OPERATION_TIMEDOUT ? HTTP_ERR_TIMEOUT : HTTP_ERR_TRANSPORT, detail);
}

/* Move waiting requests that are due to the front of the ready queue. */
static void promote(struct http_engine *e, long long now)
{
	struct xfer_list keep = { NULL, NULL, 0 };
	struct xfer *x;

	while ((x = list_pop(&e->waiting))) {
		if (x->due <= now)
			list_push(&e->ready, x, 1);
		else
			list_push(&keep, x, 0);
	}
	e->waiting = keep;
}

/* Start ready requests while there is room. */
static void fill(struct http_engine *e)
{
	long long now = time_mono_ms();
	struct xfer *x;

	if (e->cfg.pump && e->ready.n < e->cfg.concurrency)
		e->cfg.pump(e->cfg.ctx);
	while (e->in_flight < e->cfg.concurrency && (x = list_pop(&e->ready))) {
		if ((x->flags & HTTP_F_ARG) && e->arg_hold > now) {
			x->due = e->arg_hold;
			e->stats.throttle_wait_ms += e->arg_hold - now;
			list_push(&e->waiting, x, 0);
			continue;
		}
		start(e, x);
	}
}

/* End every request with outcome: in flight, ready and waiting. */
static void abort_all(struct http_engine *e, enum http_outcome outcome, const char *why)
{
	struct xfer *x;
	CURL *c;
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(e->multi, &left)))
		; /* drop completion messages: everything ends here */
	while (e->in_flight) {
		x = e->flying[e->in_flight - 1];
		c = x->easy;
		curl_multi_remove_handle(e->multi, c);
		fly_remove(e, x);
		x->easy = NULL;
		easy_put(e, c);
		x->status = 0;
		complete(x, outcome, why);
	}
	while (e->ready.n || e->waiting.n) {
		while ((x = list_pop(&e->ready)))
			complete(x, outcome, why);
		while ((x = list_pop(&e->waiting)))
			complete(x, outcome, why);
	}
}

static int cancelled(const struct http_engine *e)
{
	return e->cfg.cancel && *e->cfg.cancel;
}

/* Milliseconds to sleep in curl_multi_poll: until the next due retry, at most 100. */
static int poll_timeout(const struct http_engine *e, long long now)
{
	long long t = 100;
	const struct xfer *x;

	if (e->ready.n && e->in_flight < e->cfg.concurrency)
		return 0;
	for (x = e->waiting.head; x; x = x->next)
		if (x->due - now < t)
			t = x->due - now;
	if (e->cfg.deadline_ms && e->cfg.deadline_ms - now < t)
		t = e->cfg.deadline_ms - now;
	return t < 0 ? 0 : (int)t;
}

enum az_err http_engine_run(struct http_engine *e, struct errmsg *em)
{
	int running = 0, left;
	CURLMsg *m;

	for (;;) {
		long long now = time_mono_ms();
		if (cancelled(e)) {
			abort_all(e, HTTP_ERR_CANCELLED, "cancelled");
			return errmsg_set(em, AZ_ERR_CANCELLED, "cancelled");
		}
		if (e->cfg.deadline_ms && now >= e->cfg.deadline_ms) {
			abort_all(e, HTTP_ERR_DEADLINE, "the run's deadline passed");
			return errmsg_set(em, AZ_ERR_TIMEOUT, "the run's deadline passed");
		}
		promote(e, now);
		fill(e);
		if (e->cfg.tick)
			e->cfg.tick(e->cfg.ctx);
		if (!e->in_flight && !e->ready.n && !e->waiting.n)
			break;
		curl_multi_poll(e->multi, NULL, 0, poll_timeout(e, now), NULL);
		curl_multi_perform(e->multi, &running);
		while ((m = curl_multi_info_read(e->multi, &left)))
			if (m->msg == CURLMSG_DONE)
				finish(e, m->easy_handle, m->data.result);
	}
	return AZ_OK;
}
