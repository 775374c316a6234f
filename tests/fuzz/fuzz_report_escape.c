/*
 * The report escapers (escape.c) on arbitrary bytes, with the invariant
 * each output format relies on checked after every call: no markup in HTML,
 * no unescaped Markdown syntax, a quoted CSV field that cannot start a
 * formula, JSON that still parses to the same string, and never a raw
 * control or bidirectional character.
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "strutil.h"

#define REQUIRE(c) \
	do { \
		if (!(c)) \
			abort(); \
	} while (0)

/* No dangerous code point and valid UTF-8 (newlines allowed when nl). */
static void clean(const struct buf *b, int nl)
{
	size_t i = 0;

	REQUIRE(utf8_valid(b->data, b->len));
	while (i < b->len) {
		uint32_t cp;
		size_t k = utf8_decode(b->data + i, b->len - i, &cp);
		REQUIRE(!escape_is_dangerous(cp) || (nl && cp == '\n'));
		i += k;
	}
}

static void check_html(const char *s, int nl)
{
	struct buf b = BUF_INIT(1 << 24);
	const char *p;

	escape_html(&b, s, nl);
	clean(&b, nl);
	for (p = b.data; *p; p++) {
		if (*p == '<') {
			REQUIRE(nl && !strncmp(p, "<br>\n", 5));
			p += 4;
			continue;
		}
		REQUIRE(*p != '>' && *p != '"' && *p != '\'');
	}
	buf_release(&b);
}

static void check_md(const char *s)
{
	struct buf b = BUF_INIT(1 << 24);
	size_t i;

	escape_md(&b, s, 0);
	clean(&b, 0);
	for (i = 0; i < b.len; i++) {
		if (b.data[i] == '\\') {
			i++;
			continue;
		}
		REQUIRE(!strchr("<>[]|`*_&~\n", b.data[i]) || !b.data[i]);
	}
	buf_release(&b);
}

static void check_csv(const char *s)
{
	struct buf b = BUF_INIT(1 << 24);
	size_t i;

	escape_csv(&b, s, 1);
	clean(&b, 1);
	REQUIRE(b.len >= 2 && b.data[0] == '"' && b.data[b.len - 1] == '"');
	for (i = 1; i + 1 < b.len; i++) {
		REQUIRE(b.data[i] != '\r');
		if (b.data[i] == '"') {
			REQUIRE(b.data[i + 1] == '"' && i + 2 < b.len);
			i++;
		}
	}
	/* The first character a spreadsheet sees cannot open a formula. */
	for (i = 1; i + 1 < b.len && (b.data[i] == ' ' || b.data[i] == '\n'); i++)
		;
	REQUIRE(!strchr("=+-@\t", b.data[i]) || i + 1 == b.len);
	REQUIRE(strncmp(b.data + i, "\xEF\xBC\x9D", 3) && strncmp(b.data + i, "\xEF\xBC\x8B", 3));
	buf_release(&b);
}

static void check_json(const char *s)
{
	struct buf b = BUF_INIT(1 << 24);
	cJSON *o = cJSON_CreateString(s), *back;
	char *printed = cJSON_PrintUnformatted(o);

	escape_json_text(&b, printed);
	clean(&b, 0);
	back = cJSON_Parse(b.data);
	REQUIRE(back && cJSON_IsString(back));
	if (utf8_valid(s, strlen(s)))
		REQUIRE(!strcmp(back->valuestring, s));
	cJSON_Delete(back);
	cJSON_free(printed);
	cJSON_Delete(o);
	buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct buf b = BUF_INIT(1 << 24);

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	check_html(s, 0);
	check_html(s, 1);
	check_md(s);
	check_csv(s);
	check_json(s);
	escape_line(&b, s);
	clean(&b, 0);
	buf_release(&b);
	free(s);
	return 0;
}
