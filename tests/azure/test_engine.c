/*
 * The HTTP engine against the mock tenant over HTTPS on 127.0.0.1: the
 * concurrency bound, refusal of foreign origins before any byte is sent,
 * the response size cap, one re-authentication after a 401, a credential
 * that cannot sign in, cancellation and the overall deadline, and a token
 * request (synchronous) cut short when cancelled.
 */
#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "azure_test.h"
#include "cloud.h"
#include "cred.h"
#include "fetch.h"
#include "http.h"
#include "timeutil.h"

static struct mock m;
static struct cloud cloud;
static struct cred *cred;
static char base[128], foreign[128];

struct tally {
	unsigned n;
	unsigned by[8];
	long last_status;
	unsigned long peak;
	struct http_engine *e;
	cancel_flag *cancel;
	unsigned cancel_after;
};

static void done(void *ctx, struct http_response *r)
{
	struct tally *t = ctx;

	t->n++;
	t->by[r->outcome]++;
	t->last_status = r->status;
}

static void tick(void *ctx)
{
	struct tally *t = ctx;
	struct http_stats s;

	http_get_stats(t->e, &s);
	if (s.in_flight > t->peak)
		t->peak = s.in_flight;
	if (t->cancel && s.completed >= t->cancel_after)
		*t->cancel = 1;
}

static struct http_engine *engine(struct tally *t, unsigned conc, const struct http_auth *auth,
				  size_t max_body, long long deadline, cancel_flag *cancel)
{
	struct http_config hc;

	memset(&hc, 0, sizeof(hc));
	hc.concurrency = conc;
	hc.ca_bundle = cloud.ca_bundle;
	hc.arm_origin = cloud.arm;
	hc.graph_origin = cloud.graph;
	hc.auth = auth;
	hc.max_body = max_body;
	hc.deadline_ms = deadline;
	hc.cancel = cancel;
	hc.tick = tick;
	hc.ctx = t;
	memset(t, 0, sizeof(*t));
	t->e = http_engine_new(&hc);
	t->cancel = cancel;
	return t->e;
}

static void get(struct http_engine *e, struct tally *t, const char *url, enum http_aud aud)
{
	struct http_request r;

	memset(&r, 0, sizeof(r));
	r.method = "GET";
	r.url = url;
	r.aud = aud;
	r.done = done;
	r.ctx = t;
	http_submit(e, &r);
}

static int control(const char *what, const char *json)
{
	struct fetch_req r;
	struct buf out = BUF_INIT(1 << 20);
	char url[256];
	long status = 0;
	int rc;

	snprintf(url, sizeof(url), "%s/_mock/%s", base, what);
	memset(&r, 0, sizeof(r));
	r.method = "POST";
	r.url = url;
	r.form = json;
	r.ca_bundle = m.ca;
	rc = fetch(&r, &status, &out, NULL) || status != 200;
	buf_release(&out);
	return rc;
}

static void setup(void)
{
	struct cloud_overrides o;
	struct cred_config cc;
	struct errmsg em = ERRMSG_INIT;

	T_REQUIRE(mock_start(&m, "tests/data/tenants/small", "engine-test-secret") == 0);
	snprintf(base, sizeof(base), "https://127.0.0.1:%d", m.main_port);
	snprintf(foreign, sizeof(foreign), "https://127.0.0.1:%d", m.foreign_port);
	memset(&o, 0, sizeof(o));
	o.authority = o.arm = o.graph = base;
	o.ca_bundle = m.ca;
	o.imds = "http://127.0.0.1:9";
	T_REQUIRE(cloud_resolve(&o, &cloud, &em) == AZ_OK);
	setenv("AZURE_CLIENT_SECRET", "engine-test-secret", 1);
	memset(&cc, 0, sizeof(cc));
	cc.kind = CRED_SECRET;
	cc.tenant = "7d6b2f1a-1c2e-4b8a-9f00-000000000001";
	cc.client_id = "11111111-2222-4333-8444-555555555555";
	T_REQUIRE(cred_new(&cloud, &cc, &cred, &em) == AZ_OK);
}

static void test_concurrency_bound(void)
{
	struct http_auth auth;
	struct tally t;
	struct http_engine *e;
	struct http_stats s;
	char url[256];
	int i;

	cred_auth(cred, &auth);
	control("config", "{\"latency_ms\": 50}");
	e = engine(&t, 3, &auth, 0, 0, NULL);
	snprintf(url, sizeof(url), "%s/providers/Microsoft.Management/managementGroups?api-version=2023-04-01", base);
	for (i = 0; i < 24; i++)
		get(e, &t, url, HTTP_AUD_ARM);
	T_EQ_INT(http_engine_run(e, NULL), AZ_OK);
	http_get_stats(e, &s);
	T_EQ_INT(t.n, 24);
	T_EQ_INT(t.by[HTTP_DONE], 24);
	T_EQ_INT(t.last_status, 200);
	T_EQ_INT(s.completed, 24);
	T_ASSERT(t.peak >= 2 && t.peak <= 3);
	http_engine_free(&e);
	control("config", "{\"latency_ms\": 0}");
}

static void test_foreign_refused(void)
{
	struct http_auth auth;
	struct tally t;
	struct http_engine *e;
	struct buf log = BUF_INIT(1 << 20);
	struct fetch_req r;
	char url[256];
	long status = 0;

	cred_auth(cred, &auth);
	e = engine(&t, 4, &auth, 0, 0, NULL);
	snprintf(url, sizeof(url), "%s/subscriptions?api-version=2022-12-01", foreign);
	get(e, &t, url, HTTP_AUD_ARM);
	get(e, &t, "https://127.0.0.1.evil.example/subscriptions", HTTP_AUD_ARM);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/v1.0/users", m.main_port);
	get(e, &t, url, HTTP_AUD_GRAPH); /* plain http to the right host and port */
	get(e, &t, "/v1.0/users", HTTP_AUD_GRAPH);
	get(e, &t, base, HTTP_AUD_NONE); /* no audience: never a token, never sent */
	T_EQ_INT(http_engine_run(e, NULL), AZ_OK);
	T_EQ_INT(t.by[HTTP_ERR_REFUSED], 5);
	http_engine_free(&e);
	memset(&r, 0, sizeof(r));
	snprintf(url, sizeof(url), "%s/_mock/log", base);
	r.method = "GET";
	r.url = url;
	r.ca_bundle = m.ca;
	T_EQ_INT(fetch(&r, &status, &log, NULL), AZ_OK);
	T_ASSERT(!strstr(log.data, "\"port\": \"foreign\""));
	buf_release(&log);
}

static void test_size_cap(void)
{
	struct http_auth auth;
	struct tally t;
	struct http_engine *e;
	char url[256];

	cred_auth(cred, &auth);
	e = engine(&t, 2, &auth, 100, 0, NULL);
	snprintf(url, sizeof(url), "%s/v1.0/users", base);
	get(e, &t, url, HTTP_AUD_GRAPH);
	T_EQ_INT(http_engine_run(e, NULL), AZ_OK);
	T_EQ_INT(t.by[HTTP_ERR_TOOBIG], 1);
	http_engine_free(&e);
}

/* A credential whose first token is bogus: the 401 must bring a fresh one. */
struct flaky {
	int calls;
	int stale_seen;
};

static enum az_err flaky_token(void *ctx, enum http_aud aud, unsigned stale, const char **tok,
			       unsigned *gen, struct errmsg *em)
{
	struct flaky *f = ctx;

	f->calls++;
	if (stale)
		f->stale_seen++;
	if (f->calls == 1) {
		*tok = "not-a-token";
		*gen = 1;
		return AZ_OK;
	}
	return cred_token(cred, aud, 0, tok, gen, em);
}

static enum az_err no_token(void *ctx, enum http_aud aud, unsigned stale, const char **tok,
			    unsigned *gen, struct errmsg *em)
{
	(void)ctx;
	(void)aud;
	(void)stale;
	(void)tok;
	(void)gen;
	return errmsg_set(em, AZ_ERR_AUTH, "consent missing");
}

static void test_reauth_once(void)
{
	struct flaky f = { 0, 0 };
	struct http_auth auth = { flaky_token, &f }, none = { no_token, NULL };
	struct tally t;
	struct http_engine *e;
	char url[256];

	e = engine(&t, 1, &auth, 0, 0, NULL);
	snprintf(url, sizeof(url), "%s/v1.0/users", base);
	get(e, &t, url, HTTP_AUD_GRAPH);
	T_EQ_INT(http_engine_run(e, NULL), AZ_OK);
	T_EQ_INT(t.by[HTTP_DONE], 1);
	T_EQ_INT(t.last_status, 200);
	T_EQ_INT(f.calls, 2);
	T_EQ_INT(f.stale_seen, 1);
	http_engine_free(&e);
	e = engine(&t, 1, &none, 0, 0, NULL);
	get(e, &t, url, HTTP_AUD_GRAPH);
	T_EQ_INT(http_engine_run(e, NULL), AZ_OK);
	T_EQ_INT(t.by[HTTP_ERR_AUTH], 1);
	http_engine_free(&e);
}

static void test_cancel_and_deadline(void)
{
	static cancel_flag cancel;
	struct http_auth auth;
	struct tally t;
	struct http_engine *e;
	char url[256];
	int i;

	cred_auth(cred, &auth);
	control("config", "{\"latency_ms\": 100}");
	snprintf(url, sizeof(url), "%s/v1.0/users", base);
	e = engine(&t, 2, &auth, 0, 0, &cancel);
	t.cancel_after = 2;
	for (i = 0; i < 20; i++)
		get(e, &t, url, HTTP_AUD_GRAPH);
	T_EQ_INT(http_engine_run(e, NULL), AZ_ERR_CANCELLED);
	T_EQ_INT(t.n, 20);
	T_ASSERT(t.by[HTTP_ERR_CANCELLED] >= 10);
	http_engine_free(&e);
	e = engine(&t, 2, &auth, 0, time_mono_ms() + 350, NULL);
	for (i = 0; i < 20; i++)
		get(e, &t, url, HTTP_AUD_GRAPH);
	T_EQ_INT(http_engine_run(e, NULL), AZ_ERR_TIMEOUT);
	T_EQ_INT(t.n, 20);
	T_ASSERT(t.by[HTTP_DONE] >= 2 && t.by[HTTP_ERR_DEADLINE] >= 10);
	http_engine_free(&e);
	control("config", "{\"latency_ms\": 0}");
}

static void *raise_later(void *arg)
{
	usleep(200 * 1000);
	*(cancel_flag *)arg = 1;
	return NULL;
}

/* A token request is synchronous: cancelling must still cut it short mid-response. */
static void test_fetch_cancelled(void)
{
	static cancel_flag cancel;
	struct fetch_req r;
	struct buf out = BUF_INIT(1 << 20);
	struct errmsg em = ERRMSG_INIT;
	pthread_t th;
	char url[256];
	long status = 0;

	T_REQUIRE(control("faults", "[{\"path\": \"/slow-token\", \"kind\": \"slow\", "
				    "\"seconds\": 5}]") == 0);
	snprintf(url, sizeof(url), "%s/slow-token", base);
	memset(&r, 0, sizeof(r));
	r.method = "GET";
	r.url = url;
	r.ca_bundle = m.ca;
	r.retries = 3;
	r.cancel = &cancel;
	T_REQUIRE(pthread_create(&th, NULL, raise_later, &cancel) == 0);
	T_EQ_INT(fetch(&r, &status, &out, &em), AZ_ERR_CANCELLED);
	pthread_join(th, NULL);
	T_ASSERT(strstr(errmsg_text(&em), "cancelled") != NULL);
	T_EQ_INT(out.len, 0);
	/* Raised before the request: nothing is sent at all. */
	T_EQ_INT(fetch(&r, &status, &out, &em), AZ_ERR_CANCELLED);
	control("clear", "{}");
	buf_release(&out);
}

static void teardown(void)
{
	cred_free(&cred);
	cloud_release(&cloud);
	mock_stop(&m);
}

int main(void)
{
	T_RUN(setup);
	if (!cred) {
		mock_stop(&m);
		return t_done();
	}
	T_RUN(test_concurrency_bound);
	T_RUN(test_foreign_refused);
	T_RUN(test_size_cap);
	T_RUN(test_reauth_once);
	T_RUN(test_cancel_and_deadline);
	T_RUN(test_fetch_cancelled);
	T_RUN(teardown);
	return t_done();
}
