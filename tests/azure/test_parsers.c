/*
 * What the collector parses from outside: token replies and their expiry
 * shapes, Retry-After and HTTP dates, Resource Graph quota headers, error
 * bodies and their verdicts, page envelopes; and endpoints, licences and
 * request building. Microsoft's example responses are the data where they
 * exist.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "apierr.h"
#include "cloud.h"
#include "collect.h"
#include "collect_int.h"
#include "expiry.h"
#include "jwt.h"
#include "page.h"
#include "retry.h"
#include "t.h"
#include "timeutil.h"
#include "token.h"

/* A string literal and its length. */
#define S(lit) lit, strlen(lit)

static char *example(const char *name, size_t *n)
{
	char rel[256];

	snprintf(rel, sizeof(rel), "azure-examples/%s", name);
	return t_slurp(t_data(rel), n);
}

/* The body of an x-ms-examples file: .responses["200"].body, as text. */
static char *example_body(const char *name)
{
	char *s = example(name, NULL), *out;
	cJSON *root = cJSON_Parse(s);
	const cJSON *body = cJSON_GetObjectItem(
		cJSON_GetObjectItem(cJSON_GetObjectItem(root, "responses"), "200"), "body");

	out = cJSON_PrintUnformatted(body ? body : root);
	cJSON_Delete(root);
	free(s);
	return out;
}

static time_t expiry_of(const char *json, time_t now)
{
	cJSON *o = cJSON_Parse(json);
	time_t t = 0;

	if (expiry_from_json(o, now, &t))
		t = -1;
	cJSON_Delete(o);
	return t;
}

static void test_expiry_shapes(void)
{
	time_t now = 1700000000;

	T_EQ_INT(expiry_of("{\"expires_on\": \"1506484173\", \"expires_in\": \"3599\"}", now), 1506484173);
	T_EQ_INT(expiry_of("{\"expires_on\": 1698760750}", now), 1698760750);
	T_EQ_INT(expiry_of("{\"expires_in\": 3599}", now), now + 3599);
	T_EQ_INT(expiry_of("{\"expires_in\": \"3599\"}", now), now + 3599);
	T_EQ_INT(expiry_of("{\"expires_on\": \"11/05/2021 15:18:31 +00:00\"}", now),
		 time_from_utc(2021, 11, 5, 15, 18, 31));
	T_EQ_INT(expiry_of("{\"expires_on\": \"11/5/2021 3:18:31 PM +01:00\"}", now),
		 time_from_utc(2021, 11, 5, 14, 18, 31));
	/* the CLI's local time: the tests run with TZ=UTC */
	T_EQ_INT(expiry_of("{\"expiresOn\": \"2023-10-31 21:59:10.000000\"}", now),
		 time_from_utc(2023, 10, 31, 21, 59, 10));
	T_EQ_INT(expiry_of("{\"expiresOn\": \"2023-10-31T21:59:10+02:00\"}", now),
		 time_from_utc(2023, 10, 31, 19, 59, 10));
	/* expires_on wins over expiresOn (the CLI gives both) */
	T_EQ_INT(expiry_of("{\"expiresOn\": \"2023-10-31 21:59:10.000000\", \"expires_on\": 1698760750}", now),
		 1698760750);
	/* unusable values are skipped, not trusted */
	T_EQ_INT(expiry_of("{\"expires_on\": \"12\", \"expires_in\": 60}", now), now + 60);
	T_EQ_INT(expiry_of("{\"expires_on\": \"13/45/2021 25:00:00 +00:00\"}", now), -1);
	T_EQ_INT(expiry_of("{\"expires_in\": -5}", now), -1);
	T_EQ_INT(expiry_of("{\"expires_in\": 1e12}", now), -1);
	T_EQ_INT(expiry_of("{}", now), -1);
	T_EQ_INT(expiry_of("[]", now), -1);
}

static void test_token_examples(void)
{
	static const char *const names[] = { "token_client_credentials_success.json",
					     "token_imds_managed_identity.json",
					     "azcli_get_access_token_output_2_54plus.json",
					     "azcli_get_access_token_output_pre_2_54.json",
					     "token_device_code_success.json" };
	struct token_reply r;
	struct errmsg em = ERRMSG_INIT;
	size_t i, n;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *s = example(names[i], &n);
		memset(&r, 0, sizeof(r));
		T_EQ_INT(token_parse(s, n, 1700000000, &r, &em), AZ_OK);
		T_ASSERT(secret_isset(&r.access));
		T_ASSERT(r.expires > 0);
		if (strstr(names[i], "device"))
			T_ASSERT(secret_isset(&r.refresh));
		token_reply_release(&r);
		free(s);
	}
	{
		char *s = example("token_client_credentials_error_invalid_scope.json", &n);
		memset(&r, 0, sizeof(r));
		T_EQ_INT(token_parse(s, n, 0, &r, &em), AZ_ERR_AUTH);
		T_CONTAINS(em.msg, "invalid_scope: AADSTS70011");
		T_ASSERT(!strchr(em.msg, '\r'));
		free(s);
	}
	memset(&r, 0, sizeof(r));
	T_EQ_INT(token_parse(S("{\"token_type\": \"Bearer\"}"), 0, &r, &em), AZ_ERR_PARSE);
	T_EQ_INT(token_parse(S("not json"), 0, &r, &em), AZ_ERR_PARSE);
	/* an empty refresh token (IMDS) is no refresh token */
	T_EQ_INT(token_parse(S("{\"access_token\": \"abc\", \"refresh_token\": \"\"}"), 100, &r, &em), AZ_OK);
	T_ASSERT(!secret_isset(&r.refresh));
	T_EQ_INT(r.expires, 100 + TOKEN_DEFAULT_LIFETIME);
	token_reply_release(&r);
}

static void test_retry_after(void)
{
	time_t now = 784111777; /* Sun, 06 Nov 1994 08:49:37 GMT */
	time_t t = 0;

	T_EQ_INT(retry_after_ms("2.128", now), 2128);
	T_EQ_INT(retry_after_ms("1", now), 1000);
	T_EQ_INT(retry_after_ms(" 5 ", now), 5000);
	T_EQ_INT(retry_after_ms("0", now), 0);
	T_EQ_INT(retry_after_ms(".5", now), 500);
	T_EQ_INT(retry_after_ms("999999", now), RETRY_MAX_WAIT_MS);
	T_EQ_INT(retry_after_ms("-1", now), -1);
	T_EQ_INT(retry_after_ms("1e3", now), -1);
	T_EQ_INT(retry_after_ms("", now), -1);
	T_EQ_INT(retry_after_ms(NULL, now), -1);
	T_EQ_INT(retry_after_ms("Sun, 06 Nov 1994 08:49:47 GMT", now), 10000);
	T_EQ_INT(retry_after_ms("Sun, 06 Nov 1994 08:49:00 GMT", now), 0);
	T_EQ_INT(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT", &t), AZ_OK);
	T_EQ_INT(t, 784111777);
	T_EQ_INT(http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT", &t), AZ_OK);
	T_EQ_INT(t, 784111777);
	T_EQ_INT(http_date_parse("Sun Nov  6 08:49:37 1994", &t), AZ_OK);
	T_EQ_INT(t, 784111777);
	T_EQ_INT(http_date_parse("Sun, 31 Feb 1994 08:49:37 GMT", &t), AZ_ERR_PARSE);
	T_EQ_INT(http_date_parse("Sun, 06 Nov 1994 08:49:37 UTC", &t), AZ_ERR_PARSE);
	T_EQ_INT(http_date_parse("yesterday", &t), AZ_ERR_PARSE);
	T_EQ_INT(quota_reset_ms("00:00:05"), 5000);
	T_EQ_INT(quota_reset_ms("00:04:03"), 243000);
	T_EQ_INT(quota_reset_ms("01:02:03"), RETRY_MAX_WAIT_MS);
	T_EQ_INT(quota_reset_ms("00:00:01.5"), 1000);
	T_EQ_INT(quota_reset_ms("5"), -1);
	T_EQ_INT(quota_reset_ms("00:61:00"), -1);
}

static void test_backoff(void)
{
	uint64_t rng = 42;
	unsigned a;
	int i;

	for (i = 0; i < 200; i++) {
		long long d = backoff_ms(1, 500, 30000, &rng);
		T_ASSERT(d >= 250 && d <= 500);
		d = backoff_ms(12, 500, 30000, &rng);
		T_ASSERT(d >= 15000 && d <= 30000);
	}
	for (a = 1; a < 8; a++)
		T_ASSERT(backoff_ms(a, 100, 1000000, &rng) <= 100LL << (a - 1));
}

static void test_error_bodies(void)
{
	struct api_error e;
	char *s;
	size_t n;

	s = example("graph_error_429_throttled.json", &n);
	api_error_parse(s, n, &e);
	T_EQ_STR(e.code, "TooManyRequests");
	T_EQ_INT(api_error_verdict(429, &e, 0), API_THROTTLED);
	free(s);
	s = example("graph_error_response_example.json", &n);
	api_error_parse(s, n, &e);
	T_ASSERT(e.code[0]);
	free(s);
	api_error_parse(S("{\"code\": \"Old\", \"message\": \"flat\"}"), &e);
	T_EQ_STR(e.code, "Old");
	T_EQ_STR(e.message, "flat");
	api_error_parse(S("<html>"), &e);
	T_EQ_STR(e.code, "");
	api_error_parse(NULL, 0, &e);
	T_EQ_STR(e.code, "");

	api_error_parse(S("{\"error\": {\"code\": \"AuthorizationFailed\", \"message\": \"no\"}}"), &e);
	T_EQ_INT(api_error_verdict(403, &e, 0), API_PERMISSION);
	api_error_parse(S("{\"error\": {\"code\": \"Authorization_RequestDenied\"}}"), &e);
	T_EQ_INT(api_error_verdict(403, &e, 0), API_PERMISSION);
	api_error_parse(S("{\"error\": {\"code\": \"Authentication_RequestFromNonPremiumTenantOrB2CTenant\"}}"), &e);
	T_EQ_INT(api_error_verdict(403, &e, 0), API_LICENCE);
	api_error_parse(S("{\"error\": {\"code\": \"AadPremiumLicenseRequired\"}}"), &e);
	T_EQ_INT(api_error_verdict(400, &e, 0), API_LICENCE);
	api_error_parse(S("{\"error\": {\"code\": \"MissingSubscriptionRegistration\"}}"), &e);
	T_EQ_INT(api_error_verdict(409, &e, 0), API_EMPTY);
	api_error_parse(S("{\"error\": {\"code\": \"ResourceNotFound\"}}"), &e);
	T_EQ_INT(api_error_verdict(404, &e, 1), API_SKIP);
	T_EQ_INT(api_error_verdict(404, &e, 0), API_ERROR);
	T_EQ_INT(api_error_verdict(500, &e, 0), API_ERROR);
	T_EQ_INT(api_error_verdict(408, &e, 0), API_TIMEOUT);
	T_EQ_INT(api_verdict_cause(API_LICENCE), CAUSE_LICENCE);
	T_EQ_INT(api_verdict_cause(API_THROTTLED), CAUSE_THROTTLED);
	T_EQ_INT(api_verdict_cause(API_EMPTY), CAUSE_NONE);
}

static void test_pages(void)
{
	struct errmsg em = ERRMSG_INIT;
	struct page p;
	char *s;

	s = example_body("arm_resourcegraph_query_first_page.json");
	T_EQ_INT(page_parse(s, strlen(s), &p, &em), AZ_OK);
	T_EQ_INT(cJSON_GetArraySize(p.docs), 3);
	T_ASSERT(p.skip_token && p.skip_token[0]);
	T_EQ_INT(p.truncated, 0);
	T_ASSERT(!p.next);
	page_release(&p);
	free(s);
	s = example_body("arm_subscriptions_list.json");
	T_EQ_INT(page_parse(s, strlen(s), &p, &em), AZ_OK);
	T_ASSERT(cJSON_GetArraySize(p.docs) >= 1);
	page_release(&p);
	free(s);
	s = example("graph_users_list_basic_with_guest.json", NULL);
	T_EQ_INT(page_parse(s, strlen(s), &p, &em), AZ_OK);
	T_ASSERT(p.docs != NULL);
	page_release(&p);
	free(s);
	T_EQ_INT(page_parse(S("{\"value\": [], \"@odata.nextLink\": \"https://g/v1.0/users?$skiptoken=x\"}"), &p, &em), AZ_OK);
	T_EQ_STR(p.next, "https://g/v1.0/users?$skiptoken=x");
	page_release(&p);
	T_EQ_INT(page_parse(S("{\"value\": [], \"nextLink\": null}"), &p, &em), AZ_OK);
	T_ASSERT(!p.next);
	page_release(&p);
	T_EQ_INT(page_parse(S("{\"value\": [], \"nextLink\": \"\"}"), &p, &em), AZ_OK);
	T_ASSERT(!p.next);
	page_release(&p);
	T_EQ_INT(page_parse(S("{\"data\": [], \"resultTruncated\": \"true\", \"totalRecords\": 9}"), &p, &em), AZ_OK);
	T_EQ_INT(p.truncated, 1);
	page_release(&p);
	T_EQ_INT(page_parse(S("{\"id\": \"authorizationPolicy\"}"), &p, &em), AZ_OK);
	T_ASSERT(p.one && !p.docs);
	page_release(&p);
	T_EQ_INT(page_parse(S("{\"value\": {}}"), &p, &em), AZ_ERR_PARSE);
	T_EQ_INT(page_parse(S("{\"value\": [], \"nextLink\": 5}"), &p, &em), AZ_ERR_PARSE);
	T_EQ_INT(page_parse(S("{\"value\": [{\"id\": "), &p, &em), AZ_ERR_PARSE);
	T_EQ_INT(page_parse(S("[1]"), &p, &em), AZ_ERR_PARSE);
}

static void origin_is(const char *url, const char *want)
{
	struct buf b = BUF_INIT(1024);

	if (want) {
		T_EQ_INT(url_origin(url, &b), AZ_OK);
		T_EQ_STR(b.data, want);
	} else {
		T_EQ_INT(url_origin(url, &b), AZ_ERR_INVALID);
	}
	buf_release(&b);
}

static void test_origins(void)
{
	origin_is("https://Management.Azure.COM/subscriptions?x=1", "https://management.azure.com:443");
	origin_is("https://127.0.0.1:4443", "https://127.0.0.1:4443");
	origin_is("http://169.254.169.254/metadata", "http://169.254.169.254:80");
	origin_is("https://user:pw@management.azure.com/", NULL);
	origin_is("ftp://management.azure.com/", NULL);
	origin_is("...", NULL);
	origin_is("/relative/path", NULL);
	T_ASSERT(url_same_origin("https://graph.microsoft.com:443/v1.0/users", "https://graph.microsoft.com"));
	T_ASSERT(!url_same_origin("https://graph.microsoft.com.evil.example/v1.0", "https://graph.microsoft.com"));
	T_ASSERT(!url_same_origin("http://graph.microsoft.com/v1.0", "https://graph.microsoft.com"));
	T_ASSERT(!url_same_origin("https://graph.microsoft.com:8443/", "https://graph.microsoft.com"));
	T_ASSERT(url_is_local("http://127.0.0.1:8080/msi/token"));
	T_ASSERT(url_is_local("http://169.254.169.254"));
	T_ASSERT(!url_is_local("http://10.0.0.1"));
}

static void test_clouds(void)
{
	struct cloud_overrides o;
	struct errmsg em = ERRMSG_INIT;
	struct cloud c;

	unsetenv("AZMAT_AUTHORITY");
	unsetenv("AZMAT_ARM_ENDPOINT");
	unsetenv("AZMAT_GRAPH_ENDPOINT");
	unsetenv("AZMAT_CA_BUNDLE");
	unsetenv("AZMAT_IMDS_ENDPOINT");
	unsetenv("AZMAT_CLOUD");
	memset(&o, 0, sizeof(o));
	T_EQ_INT(cloud_resolve(&o, &c, &em), AZ_OK);
	T_EQ_STR(c.name, "public");
	T_EQ_STR(c.arm, "https://management.azure.com");
	T_EQ_STR(c.imds, "http://169.254.169.254");
	cloud_release(&c);
	o.cloud = "usgov";
	T_EQ_INT(cloud_resolve(&o, &c, &em), AZ_OK);
	T_EQ_STR(c.graph, "https://graph.microsoft.us");
	cloud_release(&c);
	o.cloud = "china";
	o.arm = "https://127.0.0.1:4443/";
	T_EQ_INT(cloud_resolve(&o, &c, &em), AZ_OK);
	T_EQ_STR(c.name, "custom");
	T_EQ_STR(c.arm, "https://127.0.0.1:4443");
	T_EQ_STR(c.authority, "https://login.chinacloudapi.cn");
	cloud_release(&c);
	o.arm = "http://127.0.0.1:4443";
	T_EQ_INT(cloud_resolve(&o, &c, &em), AZ_ERR_USAGE);
	o.arm = "https://example.com/api";
	T_EQ_INT(cloud_resolve(&o, &c, &em), AZ_ERR_USAGE);
	o.arm = NULL;
	o.imds = "http://203.0.113.5";
	T_EQ_INT(cloud_resolve(&o, &c, &em), AZ_ERR_USAGE);
	T_CONTAINS(em.msg, "local address");
	o.imds = NULL;
	o.cloud = "moon";
	T_EQ_INT(cloud_resolve(&o, &c, &em), AZ_ERR_USAGE);
	setenv("AZMAT_GRAPH_ENDPOINT", "https://localhost:9", 1);
	o.cloud = NULL;
	T_EQ_INT(cloud_resolve(&o, &c, &em), AZ_OK);
	T_EQ_STR(c.graph, "https://localhost:9");
	T_EQ_STR(c.name, "custom");
	{
		char *j = cloud_endpoints_json(&c);
		T_CONTAINS(j, "\"graph\":\"https://localhost:9\"");
		free(j);
	}
	cloud_release(&c);
	unsetenv("AZMAT_GRAPH_ENDPOINT");
}

static void test_licences(void)
{
	const char *p[4];

	T_EQ_INT(collect_licence_plans("Entra ID P1", p, 4), 2);
	T_EQ_STR(p[0], "AAD_PREMIUM");
	T_EQ_INT(collect_licence_plans("Microsoft Entra ID P1 or P2", p, 4), 2);
	T_EQ_INT(collect_licence_plans("Entra ID P2", p, 4), 1);
	T_EQ_STR(p[0], "AAD_PREMIUM_P2");
	T_EQ_INT(collect_licence_plans("Entra ID Governance", p, 4), 0);
	T_EQ_INT(collect_licence_plans("AAD_PREMIUM", p, 4), 1);
	T_EQ_STR(p[0], "AAD_PREMIUM");
	T_EQ_INT(collect_licence_plans("API2 things", p, 4), 0);
	T_EQ_INT(collect_licence_plans(NULL, p, 4), 0);
}

static void test_request_building(void)
{
	struct buf b = BUF_INIT(4096);
	const char *subs[] = { "a", "b" };
	char *body;
	cJSON *o;

	collect_encode_query(&b, "$filter=userType eq 'Guest'&$top=999");
	T_EQ_STR(b.data, "$filter=userType%20eq%20'Guest'&$top=999");
	buf_reset(&b);
	collect_encode_query(&b, "a%20b%zz\"#");
	T_EQ_STR(b.data, "a%20b%25zz%22%23");
	buf_reset(&b);
	collect_encode_path(&b, "/subscriptions/x/resourceGroups/my rg/providers/p?x");
	T_EQ_STR(b.data, "/subscriptions/x/resourceGroups/my%20rg/providers/p%3Fx");
	buf_release(&b);
	body = collect_arg_body("resources | where type =~ 'x'", subs, 2, "tok");
	o = cJSON_Parse(body);
	T_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItem(o, "subscriptions")), 2);
	T_EQ_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(o, "options"), "$top")->valueint, 1000);
	T_EQ_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(o, "options"), "$skipToken")->valuestring, "tok");
	T_EQ_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(o, "options"), "resultFormat")->valuestring,
		 "objectArray");
	cJSON_Delete(o);
	free(body);
	body = collect_arg_body("resources", NULL, 0, NULL);
	T_ASSERT(!strstr(body, "subscriptions") && !strstr(body, "skipToken"));
	free(body);
}

static void test_base64url_and_claims(void)
{
	const unsigned char raw[] = { 0xfb, 0xff, 0x00, 'a', 'b' };
	struct buf e = BUF_INIT(64), d = BUF_INIT(64);
	size_t n;
	cJSON *c;

	for (n = 0; n <= sizeof(raw); n++) {
		buf_reset(&e);
		buf_reset(&d);
		b64url_encode(&e, raw, n);
		T_ASSERT(!strchr(e.data, '=') && !strchr(e.data, '+') && !strchr(e.data, '/'));
		T_EQ_INT(b64url_decode(&d, e.data, e.len), AZ_OK);
		T_EQ_INT(d.len, n);
		T_ASSERT(!memcmp(d.data, raw, n));
	}
	T_EQ_INT(b64url_decode(&d, "a", 1), AZ_ERR_PARSE);
	T_EQ_INT(b64url_decode(&d, "ab!c", 4), AZ_ERR_PARSE);
	buf_release(&e);
	buf_release(&d);
	/* {"alg":"none"}.{"tid":"t1","roles":["Policy.Read.All"]}.sig */
	c = jwt_claims("eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ0MSIsInJvbGVzIjpbIlBvbGljeS5SZWFkLkFsbCJdfQ.c2ln");
	T_REQUIRE(c != NULL);
	T_EQ_STR(cJSON_GetObjectItem(c, "tid")->valuestring, "t1");
	cJSON_Delete(c);
	T_ASSERT(!jwt_claims("eyJ0eXAi..."));
	T_ASSERT(!jwt_claims("no dots"));
	T_ASSERT(!jwt_claims("a.W10.b")); /* payload [] is not an object */
}

int main(void)
{
	T_RUN(test_expiry_shapes);
	T_RUN(test_token_examples);
	T_RUN(test_retry_after);
	T_RUN(test_backoff);
	T_RUN(test_error_bodies);
	T_RUN(test_pages);
	T_RUN(test_origins);
	T_RUN(test_clouds);
	T_RUN(test_licences);
	T_RUN(test_request_building);
	T_RUN(test_base64url_and_claims);
	return t_done();
}
