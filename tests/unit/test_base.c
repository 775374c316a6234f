/*
 * Base helpers: redaction of secrets in logs, time parsing, UTF-8,
 * terminal and Markdown escaping, secrets read from files.
 */
#include <fcntl.h>
#include <unistd.h>

#include "escape.h"
#include "log.h"
#include "secret.h"
#include "strutil.h"
#include "t.h"
#include "timeutil.h"

static char *red(const char *s)
{
	return redact_dup(s);
}

static void test_redact_shapes(void)
{
	char *r;

	r = red("Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln");
	T_EQ_STR(r, "Authorization: Bearer [REDACTED]");
	free(r);
	r = red("client_id=abc&client_secret=s3cr%2Ft&grant_type=client_credentials");
	T_EQ_STR(r, "client_id=abc&client_secret=[REDACTED]&grant_type=client_credentials");
	free(r);
	r = red("{\"token_type\":\"Bearer\",\"access_token\": \"abc.def\",\"expires_in\":3599}");
	T_EQ_STR(r, "{\"token_type\":\"Bearer\",\"access_token\": \"[REDACTED]\",\"expires_in\":3599}");
	free(r);
	r = red("token eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.x sent");
	T_EQ_STR(r, "token [REDACTED] sent");
	free(r);
	r = red("https://x.blob.core.windows.net/c?sv=1&sig=AbC%2Bd&se=2");
	T_EQ_STR(r, "https://x.blob.core.windows.net/c?sv=1&sig=[REDACTED]&se=2");
	free(r);
	/* $skiptoken is paging, not a credential. */
	r = red("GET /subscriptions?$skiptoken=abc");
	T_EQ_STR(r, "GET /subscriptions?$skiptoken=abc");
	free(r);
}

static void test_redact_registered_secret(void)
{
	struct secret s = SECRET_INIT;
	char *r;

	secret_setstr(&s, "hunter2-very-secret");
	r = red("failed with hunter2-very-secret inside");
	T_EQ_STR(r, "failed with [REDACTED] inside");
	free(r);
	secret_clear(&s);
	T_ASSERT(!secret_isset(&s));
	r = red("hunter2-very-secret");
	T_EQ_STR(r, "hunter2-very-secret");
	free(r);
}

static void test_secret_from_file(void)
{
	struct secret s = SECRET_INIT;
	struct errmsg em = ERRMSG_INIT;
	char path[512];

	snprintf(path, sizeof(path), "%s/secret", t_tmpdir());
	T_EQ_INT(t_write(path, "p@ss word\n", 10), 0);
	T_EQ_INT(secret_read_file(&s, path, &em), AZ_OK);
	T_EQ_STR(s.data, "p@ss word");
	T_EQ_INT(s.len, 9);
	secret_clear(&s);
	T_EQ_INT(t_write(path, "\n", 1), 0);
	T_EQ_INT(secret_read_file(&s, path, &em), AZ_ERR_INVALID);
	T_CONTAINS(em.msg, "is empty");
	T_EQ_INT(secret_read_file(&s, "/nonexistent/x", &em), AZ_ERR_IO);
	T_ASSERT(strstr(em.msg, "p@ss") == NULL);
}

static void test_time(void)
{
	time_t t;
	char buf[32];

	T_EQ_INT(time_parse_iso("2026-11-26T09:30:00Z", &t), AZ_OK);
	time_format_iso(t, buf, sizeof(buf));
	T_EQ_STR(buf, "2026-11-26T09:30:00Z");
	T_EQ_INT(time_parse_iso("2026-11-26T10:30:00.123+01:00", &t), AZ_OK);
	time_format_iso(t, buf, sizeof(buf));
	T_EQ_STR(buf, "2026-11-26T09:30:00Z");
	T_EQ_INT(time_parse_iso("2024-02-29", &t), AZ_OK);
	T_EQ_INT(time_parse_iso("2023-02-29", &t), AZ_ERR_PARSE);
	T_EQ_INT(time_parse_iso("2026-13-01", &t), AZ_ERR_PARSE);
	T_EQ_INT(time_parse_iso("2026-11-26T25:00:00Z", &t), AZ_ERR_PARSE);
	T_EQ_INT(time_parse_iso("2026-11-26junk", &t), AZ_ERR_PARSE);
	T_ASSERT(time_is_date("2027-06-30"));
	T_ASSERT(!time_is_date("2027-06-30T00:00:00Z"));
	time_set_now(86400);
	T_EQ_INT(time_now(), 86400);
	time_set_now((time_t)-1);
	setenv("AZMAT_NOW", "2026-01-02T03:04:05Z", 1);
	time_format_iso(time_now(), buf, sizeof(buf));
	T_EQ_STR(buf, "2026-01-02T03:04:05Z");
	unsetenv("AZMAT_NOW");
}

static void test_str_in_list(void)
{
	static const char *const v[] = { "1a.1", NULL, "2b.3" };

	T_ASSERT(str_in_list(v, 3, "2b.3"));
	T_ASSERT(str_in_list(v, 3, "1a.1"));
	T_ASSERT(!str_in_list(v, 3, "1a.10"));
	T_ASSERT(!str_in_list(v, 1, "2b.3"));
	T_ASSERT(!str_in_list(v, 3, NULL));
	T_ASSERT(!str_in_list(NULL, 0, "1a.1"));
}

static void test_utf8(void)
{
	uint32_t cp;

	T_ASSERT(utf8_valid("h\xc3\xa9llo \xe2\x80\x94 \xf0\x9f\x94\x92", 15));
	T_ASSERT(!utf8_valid("\xc0\xaf", 2));         /* overlong '/' */
	T_ASSERT(!utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
	T_ASSERT(!utf8_valid("\xe2\x80", 2));         /* truncated */
	T_EQ_INT(utf8_decode("\xe2\x80\xae", 3, &cp), 3);
	T_EQ_INT(cp, 0x202e);
	T_EQ_INT(utf8_count("h\xc3\xa9!"), 3);
	T_EQ_INT(utf8_prefix_bytes("h\xc3\xa9!", 2), 3);
}

static void test_escape_term(void)
{
	struct buf b = BUF_INIT(1024);

	escape_term(&b, "ok \x1b[31mred\x1b[0m \xe2\x80\xae rtl\tx\n", 0);
	T_EQ_STR(b.data, "ok \\x1b[31mred\\x1b[0m \\u202e rtl x\\x0a");
	buf_reset(&b);
	escape_term(&b, "line1\nline2 \xff", 1);
	T_EQ_STR(b.data, "line1\nline2 \\xff");
	buf_release(&b);
}

static void test_escape_md(void)
{
	struct buf b = BUF_INIT(1024);

	escape_md(&b, "# not a heading *bold* [link](javascript:x) <b> a|b", 0);
	T_EQ_STR(b.data, "\\# not a heading \\*bold\\* \\[link\\](javascript:x) \\<b\\> a\\|b");
	buf_reset(&b);
	escape_md(&b, "1. item\nsecond \xe2\x80\xae", 0);
	T_EQ_STR(b.data, "1\\. item second \\\\u202e");
	buf_release(&b);
}

int main(void)
{
	T_RUN(test_redact_shapes);
	T_RUN(test_redact_registered_secret);
	T_RUN(test_secret_from_file);
	T_RUN(test_time);
	T_RUN(test_str_in_list);
	T_RUN(test_utf8);
	T_RUN(test_escape_term);
	T_RUN(test_escape_md);
	return t_done();
}
