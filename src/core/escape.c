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

void escape_md(struct buf *out, const char *s, int keep_newlines)
{
	size_t n = strlen(s), i = 0;
	int line_start = 1;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		int invalid = cp == 0xFFFD && !(k == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3));

		if (invalid) {
			buf_addstr(out, "\xEF\xBF\xBD");
		} else if (cp == '\n' || cp == '\r') {
			if (keep_newlines && cp == '\n') {
				buf_addch(out, '\n');
				line_start = 1;
				i += k;
				continue;
			}
			buf_addch(out, ' ');
		} else if (escape_is_dangerous(cp)) {
			/* dropped */
		} else if (strchr("\\`*_[]<>|", (int)cp) ||
			   (line_start && strchr("#+-=", (int)cp))) {
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
