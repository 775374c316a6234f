/*
 * Synchronous requests for tokens, with a few retries.
 */
#include "fetch.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cloud.h"
#include "http.h"
#include "log.h"
#include "retry.h"
#include "secret.h"
#include "strutil.h"
#include "timeutil.h"

struct sink {
	struct buf *b;
	int too_big;
	char retry_after[64];
	cancel_flag *cancel;
};

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	struct sink *s = ud;

	if (buf_add(s->b, p, size * n)) {
		s->too_big = 1;
		return 0;
	}
	return size * n;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct sink *s = ud;
	size_t len = size * n, i = 12, j;

	if (len > 12 && !strncasecmp(p, "Retry-After:", 12)) {
		while (i < len && p[i] == ' ')
			i++;
		j = len;
		while (j > i && (p[j - 1] == '\r' || p[j - 1] == '\n'))
			j--;
		if (j - i < sizeof(s->retry_after)) {
			memcpy(s->retry_after, p + i, j - i);
			s->retry_after[j - i] = '\0';
		}
	}
	return len;
}

void url_encode(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			buf_addch(out, (char)c);
		} else {
			buf_addch(out, '%');
			buf_addch(out, hex[c >> 4]);
			buf_addch(out, hex[c & 15]);
		}
	}
}

static int raised(const struct fetch_req *r)
{
	return r->cancel && *r->cancel;
}

/* libcurl calls this about once a second and on every chunk: non-zero aborts the transfer. */
static int on_progress(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	const struct sink *s = ud;

	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	return *s->cancel != 0;
}

static CURLcode attempt(CURL *c, const struct fetch_req *r, struct sink *s, long *status)
{
	struct curl_slist *h = NULL;
	const char *const *p;
	CURLcode rc;

	curl_easy_reset(c);
	http_easy_harden(c, r->ca_bundle, (r->flags & FETCH_LOCAL_HTTP) != 0);
	if (r->flags & FETCH_LOCAL_HTTP)
		curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_URL, r->url);
	h = curl_slist_append(h, "Accept: application/json");
	for (p = r->headers; p && *p; p++)
		h = curl_slist_append(h, *p);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	if (r->form) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, r->form);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(r->form));
	}
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, s);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, r->timeout_ms ? r->timeout_ms : 30000L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, r->timeout_ms ? r->timeout_ms : 15000L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	if (r->cancel) {
		curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
		curl_easy_setopt(c, CURLOPT_XFERINFODATA, s);
		curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	}
	s->retry_after[0] = '\0';
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	{
		struct curl_slist *q;
		for (q = h; q; q = q->next)
			secret_wipe(q->data, strlen(q->data));
	}
	curl_slist_free_all(h);
	return rc;
}

static int transient(long status, unsigned flags)
{
	return status == 429 || status >= 500 ||
	       ((flags & FETCH_RETRY_404) && (status == 404 || status == 410));
}

enum az_err fetch(const struct fetch_req *r, long *status, struct buf *body, struct errmsg *em)
{
	CURL *c = curl_easy_init();
	struct sink s;
	uint64_t rng = (uint64_t)time_mono_ms() | 1;
	size_t start = body->len;
	unsigned i;
	CURLcode rc = CURLE_OK;
	long st = 0;

	if (!c)
		return errmsg_set(em, AZ_ERR_INTERNAL, "cannot start libcurl");
	if ((r->flags & FETCH_LOCAL_HTTP) && str_has_prefix(r->url, "http:") && !url_is_local(r->url)) {
		curl_easy_cleanup(c);
		return errmsg_set(em, AZ_ERR_UNSAFE, "refusing plain http to '%s'", r->url);
	}
	memset(&s, 0, sizeof(s));
	s.b = body;
	s.cancel = r->cancel;
	for (i = 0;; i++) {
		long long ms;
		if (raised(r))
			break;
		secret_wipe(body->data + start, body->len - start);
		buf_truncate(body, start);
		st = 0;
		rc = attempt(c, r, &s, &st);
		log_msg(LOG_DEBUG, "%s %s -> %ld (%s)", r->form ? "POST" : "GET", r->url, st,
			rc ? curl_easy_strerror(rc) : "ok");
		if (i >= r->retries || s.too_big || raised(r) ||
		    (rc == CURLE_OK && !transient(st, r->flags)) ||
		    (rc != CURLE_OK && !http_retryable_curl(rc)))
			break;
		ms = retry_after_ms(s.retry_after[0] ? s.retry_after : NULL, time(NULL));
		if (ms < 0)
			ms = backoff_ms(i + 1, 500, 8000, &rng);
		for (; ms > 0 && !raised(r); ms -= 50)
			usleep((useconds_t)((ms < 50 ? ms : 50) * 1000));
	}
	curl_easy_cleanup(c);
	if (raised(r))
		return errmsg_set(em, AZ_ERR_CANCELLED, "cancelled while waiting for '%s'", r->url);
	if (s.too_big)
		return errmsg_set(em, AZ_ERR_TOOBIG, "the response from '%s' is too large", r->url);
	if (rc != CURLE_OK)
		return errmsg_set(em, AZ_ERR_HTTP, "cannot reach '%s': %s", r->url,
				  curl_easy_strerror(rc));
	*status = st;
	return AZ_OK;
}
