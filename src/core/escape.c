#include "escape.h"

#include <string.h>

#include "strutil.h"

int escape_is_dangerous(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c ||
	       cp == 0xfeff;
}

void escape_term(struct buf *out, const char *s, int keep_newlines)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		int invalid = cp == 0xFFFD && !(k == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3));

		if (invalid) {
			buf_addf(out, "\\x%02x", (unsigned char)s[i]);
		} else if (cp == '\n' && keep_newlines) {
			buf_addch(out, '\n');
		} else if (cp == '\t') {
			buf_addch(out, ' ');
		} else if (escape_is_dangerous(cp)) {
			if (cp < 0x100)
				buf_addf(out, "\\x%02x", (unsigned)cp);
			else
				buf_addf(out, "\\u%04x", (unsigned)cp);
		} else {
			buf_add(out, s + i, k);
		}
		i += k;
	}
}

char *escape_term_dup(const char *s)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	escape_term(&b, s, 0);
	return buf_detach(&b, NULL);
}

/*
 * What the report escapers see, one code point at a time: ordinary text, a
 * line break, a tab, a dangerous code point, or an invalid byte.
 */
enum piece { P_TEXT, P_NEWLINE, P_CR, P_TAB, P_DANGER, P_INVALID };

static enum piece next_piece(const char *s, size_t n, size_t i, uint32_t *cp, size_t *k)
{
	*k = utf8_decode(s + i, n - i, cp);
	if (*cp == 0xFFFD && !(*k == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3)))
		return P_INVALID;
	if (*cp == '\n')
		return P_NEWLINE;
	if (*cp == '\r')
		return P_CR;
	if (*cp == '\t')
		return P_TAB;
	return escape_is_dangerous(*cp) ? P_DANGER : P_TEXT;
}

static void add_visible(struct buf *out, uint32_t cp, const char *backslash)
{
	buf_addstr(out, backslash);
	if (cp < 0x100)
		buf_addf(out, "x%02x", (unsigned)cp);
	else
		buf_addf(out, "u%04x", (unsigned)cp);
}

static const char replacement[] = "\xEF\xBF\xBD";

void escape_md(struct buf *out, const char *s, int keep_newlines)
{
	size_t n = strlen(s), i = 0, k;
	int line_start = 1;

	while (i < n) {
		uint32_t cp;
		enum piece p = next_piece(s, n, i, &cp, &k);

		if (p == P_INVALID) {
			buf_addstr(out, replacement);
		} else if (p == P_NEWLINE && keep_newlines) {
			buf_addch(out, '\n');
			line_start = 1;
			i += k;
			continue;
		} else if (p == P_NEWLINE || p == P_CR || p == P_TAB) {
			if (!(p == P_CR && i + 1 < n && s[i + 1] == '\n'))
				buf_addch(out, ' ');
		} else if (p == P_DANGER) {
			add_visible(out, cp, "\\\\");
		} else if (cp < 0x80 && (strchr("\\`*_[]<>|&~", (int)cp) ||
					 (line_start && strchr("#+-=", (int)cp)))) {
			buf_addch(out, '\\');
			buf_addch(out, (char)cp);
		} else if (line_start && cp >= '0' && cp <= '9') {
			size_t j = i;
			while (j < n && s[j] >= '0' && s[j] <= '9')
				j++;
			buf_add(out, s + i, j - i);
			if (j < n && (s[j] == '.' || s[j] == ')')) {
				buf_addch(out, '\\');
				buf_addch(out, s[j]);
				j++;
			}
			i = j;
			line_start = 0;
			continue;
		} else {
			buf_add(out, s + i, k);
		}
		if (cp != ' ')
			line_start = 0;
		i += k;
	}
}

/* What a format replaces among ordinary characters; NULL keeps cp. */
typedef const char *(*special_fn)(uint32_t cp);

/*
 * The loop HTML, CSV and plain lines share: text passes (or special(cp)
 * replaces it), a line break becomes nl, a carriage return before a line
 * feed goes, other carriage returns and tabs become spaces, dangerous code
 * points become visible escapes and invalid bytes U+FFFD.
 */
static void escape_text(struct buf *out, const char *s, const char *nl, special_fn special)
{
	size_t n = strlen(s), i = 0, k;

	while (i < n) {
		uint32_t cp;
		enum piece p = next_piece(s, n, i, &cp, &k);
		const char *rep = p == P_TEXT && special ? special(cp) : NULL;

		if (p == P_INVALID)
			buf_addstr(out, replacement);
		else if (p == P_NEWLINE)
			buf_addstr(out, nl);
		else if (p == P_CR || p == P_TAB)
			buf_addstr(out, p == P_CR && i + 1 < n && s[i + 1] == '\n' ? "" : " ");
		else if (p == P_DANGER)
			add_visible(out, cp, "\\");
		else if (rep)
			buf_addstr(out, rep);
		else
			buf_add(out, s + i, k);
		i += k;
	}
}

static const char *html_special(uint32_t cp)
{
	switch (cp) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	default:
		return NULL;
	}
}

void escape_html(struct buf *out, const char *s, int keep_newlines)
{
	escape_text(out, s, keep_newlines ? "<br>\n" : " ", html_special);
}

/* Could a spreadsheet read a cell starting with cp as a formula? */
static int formula_start(uint32_t cp)
{
	return cp == '=' || cp == '+' || cp == '-' || cp == '@' || cp == '\t' || cp == '\r' ||
	       cp == 0xFF1D || cp == 0xFF0B || cp == 0xFF0D || cp == 0xFF20;
}

static int needs_neutralising(const char *s)
{
	size_t n = strlen(s), i = 0, k;

	while (i < n) {
		uint32_t cp;
		k = utf8_decode(s + i, n - i, &cp);
		if (cp != ' ' && cp != '\n')
			return formula_start(cp);
		i += k;
	}
	return 0;
}

static const char *csv_special(uint32_t cp)
{
	return cp == '"' ? "\"\"" : NULL;
}

void escape_csv(struct buf *out, const char *s, int keep_newlines)
{
	buf_addch(out, '"');
	if (needs_neutralising(s))
		buf_addch(out, '\'');
	escape_text(out, s, keep_newlines ? "\n" : " ", csv_special);
	buf_addch(out, '"');
}

void escape_line(struct buf *out, const char *s)
{
	escape_text(out, s, " ", NULL);
}

void escape_json_text(struct buf *out, const char *json)
{
	size_t n = strlen(json), i = 0, k, run = 0; /* json[run..i) is copied as it is */

	buf_grow(out, n);
	while (i < n) {
		uint32_t cp;
		enum piece p;

		if ((unsigned char)json[i] < 0x7f) { /* ASCII below DEL: kept as it is */
			i++;
			continue;
		}
		p = next_piece(json, n, i, &cp, &k);
		if (p == P_INVALID || (p == P_DANGER && cp >= 0x7f)) {
			buf_add(out, json + run, i - run);
			if (p == P_INVALID)
				buf_addstr(out, "\\ufffd");
			else
				buf_addf(out, "\\u%04x", (unsigned)cp);
			run = i + k;
		}
		i += k;
	}
	buf_add(out, json + run, n - run);
}
