/*
 * The report escapers with hostile names, exactly: HTML, Markdown, CSV,
 * one-line text and JSON text, each given <script>, =HYPERLINK(...),
 * ](javascript:...), line breaks and U+202E.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "t.h"

typedef void (*esc_fn)(struct buf *out, const char *s);

static char *run(void (*fn)(struct buf *, const char *, int), const char *s, int nl)
{
	struct buf b = BUF_INIT(1 << 20);

	fn(&b, s, nl);
	return buf_detach(&b, NULL);
}

#define EXPECT(fn, in, nl, want) \
	do { \
		char *got_ = run(fn, in, nl); \
		T_EQ_STR(got_, want); \
		free(got_); \
	} while (0)

static void test_html(void)
{
	EXPECT(escape_html, "<script>alert('x')</script>", 0,
	       "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	EXPECT(escape_html, "\"><img src=x onerror=alert(1)>", 0,
	       "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
	EXPECT(escape_html, "a & b", 0, "a &amp; b");
	EXPECT(escape_html, "line1\nline2\r\nline3", 0, "line1 line2 line3");
	EXPECT(escape_html, "line1\nline2", 1, "line1<br>\nline2");
	EXPECT(escape_html, "\xe2\x80\xae" "fdp.exe", 0, "\\u202efdp.exe");
	EXPECT(escape_html, "\x1b[31mred", 0, "\\x1b[31mred");
	EXPECT(escape_html, "bad \xff byte", 0, "bad \xEF\xBF\xBD byte");
	EXPECT(escape_html, "caf\xc3\xa9 \xe2\x9c\x93", 0, "caf\xc3\xa9 \xe2\x9c\x93");
}

static void test_md(void)
{
	EXPECT(escape_md, "<script>alert(1)</script>", 0, "\\<script\\>alert(1)\\</script\\>");
	EXPECT(escape_md, "x](javascript:alert(1))", 0, "x\\](javascript:alert(1))");
	EXPECT(escape_md, "[click](javascript:alert(1))", 0, "\\[click\\](javascript:alert(1))");
	EXPECT(escape_md, "a | b", 0, "a \\| b");
	EXPECT(escape_md, "# title\n- item", 0, "\\# title - item");
	EXPECT(escape_md, "# title\n- item", 1, "\\# title\n\\- item");
	EXPECT(escape_md, "1. first", 0, "1\\. first");
	EXPECT(escape_md, "=HYPERLINK(\"http://x\")", 0, "\\=HYPERLINK(\"http://x\")");
	EXPECT(escape_md, "&lt; *b* _i_ `c` ~s~", 0, "\\&lt; \\*b\\* \\_i\\_ \\`c\\` \\~s\\~");
	EXPECT(escape_md, "\xe2\x80\xae" "gnp.exe", 0, "\\\\u202egnp.exe");
	/* A code point whose low byte is '\\' (U+235C) passes untouched. */
	EXPECT(escape_md, "\xe2\x8d\x9c", 0, "\xe2\x8d\x9c");
}

static void test_csv(void)
{
	EXPECT(escape_csv, "=HYPERLINK(\"http://evil\",\"x\")", 0,
	       "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
	EXPECT(escape_csv, "+1+1", 0, "\"'+1+1\"");
	EXPECT(escape_csv, "-2+3", 0, "\"'-2+3\"");
	EXPECT(escape_csv, "@SUM(A1)", 0, "\"'@SUM(A1)\"");
	EXPECT(escape_csv, "\t=1", 0, "\"' =1\"");
	EXPECT(escape_csv, "  =1", 0, "\"'  =1\"");
	EXPECT(escape_csv, "\xef\xbc\x9d" "1+1", 0, "\"'\xef\xbc\x9d" "1+1\"");
	EXPECT(escape_csv, "a=b", 0, "\"a=b\"");
	EXPECT(escape_csv, "2027-01-31", 0, "\"2027-01-31\"");
	EXPECT(escape_csv, "two\nlines\r\n", 1, "\"two\nlines\n\"");
	EXPECT(escape_csv, "two\nlines", 0, "\"two lines\"");
	EXPECT(escape_csv, "<script>\xe2\x80\xae", 0, "\"<script>\\u202e\"");
	EXPECT(escape_csv, "", 0, "\"\"");
}

static void test_line(void)
{
	struct buf b = BUF_INIT(1024);

	escape_line(&b, "a\nb\tc\r\nd\xe2\x80\xae" "e\x07");
	T_EQ_STR(b.data, "a b c d\\u202ee\\x07");
	buf_release(&b);
}

static void test_json_text(void)
{
	const char *name = "<script>\xe2\x80\xae\xc2\x9b\x7f" "x\n";
	cJSON *o = cJSON_CreateString(name), *back;
	char *printed = cJSON_PrintUnformatted(o);
	struct buf b = BUF_INIT(1024);

	escape_json_text(&b, printed);
	T_EQ_STR(b.data, "\"<script>\\u202e\\u009b\\u007fx\\n\"");
	back = cJSON_Parse(b.data);
	T_REQUIRE(back != NULL);
	T_EQ_STR(back->valuestring, name);
	cJSON_Delete(back);
	buf_reset(&b);
	escape_json_text(&b, "\"\xff\"");
	T_EQ_STR(b.data, "\"\\ufffd\"");
	buf_release(&b);
	cJSON_free(printed);
	cJSON_Delete(o);
}

int main(void)
{
	T_RUN(test_html);
	T_RUN(test_md);
	T_RUN(test_csv);
	T_RUN(test_line);
	T_RUN(test_json_text);
	return t_done();
}
