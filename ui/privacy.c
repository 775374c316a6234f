/*
 * Masking identifiers on screen.
 */
#include "privacy.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "strutil.h"

void privacy_mask_name(struct buf *out, const char *s)
{
	if (s && !str_is_blank(s))
		buf_addstr(out, PRIVACY_MASK);
}

static int hexc(char c)
{
	return isxdigit((unsigned char)c) != 0;
}

/* True when s holds a GUID (8-4-4-4-12 hex digits) at its start. */
static int is_guid(const char *s)
{
	static const int groups[] = { 8, 4, 4, 4, 12 };
	size_t g;
	int i;

	for (g = 0; g < 5; g++) {
		for (i = 0; i < groups[g]; i++, s++)
			if (!hexc(*s))
				return 0;
		if (g < 4 && *s++ != '-')
			return 0;
	}
	return !isalnum((unsigned char)*s) && *s != '-';
}

/* Characters that may make up a local part or a domain of an address. */
static int addr_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_' || c == '-' || c == '+' ||
	       c == '%' || (unsigned char)c >= 0x80;
}

/* Characters of a resource id path segment. */
static int seg_char(char c)
{
	return c && c != '/' && c != ' ' && c != '\n' && c != '"' && c != '\'' && c != ',' &&
	       c != ')' && c != ';';
}

/*
 * Mask a resource id starting at s; returns the bytes consumed. The fixed
 * words of the path stay ("subscriptions", "resourceGroups", "providers",
 * the provider namespace and the resource types); the names between them
 * are masked.
 */
static size_t mask_resource_id(struct buf *out, const char *s)
{
	const char *p = s;
	int seg = 0, after = -1; /* segments since "providers", -1 before it */

	while (*p == '/' && seg_char(p[1])) {
		const char *q = p + 1;
		int keep;
		while (seg_char(*q))
			q++;
		if (after >= 0)
			keep = after == 0 || after % 2 == 1;
		else
			keep = seg % 2 == 0;
		buf_addch(out, '/');
		if (keep)
			buf_add(out, p + 1, (size_t)(q - p - 1));
		else
			buf_addstr(out, is_guid(p + 1) ? PRIVACY_GUID_MASK : PRIVACY_MASK);
		if (after >= 0)
			after++;
		else if (keep && q - p - 1 == 9 && !strncasecmp(p + 1, "providers", 9))
			after = 0;
		seg++;
		p = q;
	}
	return (size_t)(p - s);
}

/* At s (inside text starting at base) is an e-mail address: its length, else 0. */
static size_t email_len(const char *base, const char *s)
{
	const char *at, *p;
	int dot = 0;

	if (s > base && addr_char(s[-1]))
		return 0;
	for (at = s; addr_char(*at); at++)
		;
	if (at == s || *at != '@')
		return 0;
	for (p = at + 1; addr_char(*p); p++)
		if (*p == '.')
			dot = 1;
	while (p > at + 1 && (p[-1] == '.' || p[-1] == '-'))
		p--;
	return dot && p > at + 1 ? (size_t)(p - s) : 0;
}

/* A byte of a word: letters, digits, "-_." and anything beyond ASCII (UTF-8). */
static int word_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.' ||
	       (unsigned char)c >= 0x80;
}

#define WORD_MAX 128

/*
 * The word starting at s: its length (n), and in w its lookup form, without
 * the dots and dashes that end a sentence or a clause ("kv-legacy." is
 * "kv-legacy"). 0 when it is shorter than 3, longer than WORD_MAX, or has
 * no letter.
 */
static size_t word_at(const char *s, size_t *n, char w[WORD_MAX + 1])
{
	size_t len = 0, i;
	int letter = 0;

	while (word_char(s[len]))
		len++;
	*n = len;
	while (len && (s[len - 1] == '.' || s[len - 1] == '-'))
		len--;
	if (len < 3 || len > WORD_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		w[i] = s[i];
		if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			letter = 1;
	}
	w[len] = '\0';
	return letter ? len : 0;
}

static void each_word(const char *s, void (*fn)(const char *w, void *ctx), void *ctx)
{
	const char *p = s ? s : "";
	char w[WORD_MAX + 1];
	size_t n;

	while (*p) {
		if (!word_char(*p)) {
			p++;
			continue;
		}
		if (word_at(p, &n, w))
			fn(w, ctx);
		p += n;
	}
}

static void put_word(const char *w, void *ctx)
{
	strmap_put(ctx, w, NULL);
}

void privacy_words_add(struct strmap *words, const char *text)
{
	each_word(text, put_word, words);
}

struct name_ctx {
	struct strmap *names;
	const struct strmap *common;
};

static void put_name(const char *w, void *ctx)
{
	struct name_ctx *c = ctx;

	if (!c->common || !strmap_has(c->common, w))
		strmap_put(c->names, w, NULL);
}

void privacy_names_add(struct strmap *names, const char *s, const struct strmap *common)
{
	struct name_ctx c = { names, common };

	each_word(s, put_name, &c);
}

void privacy_mask_text(struct buf *out, const char *s, const struct strmap *names)
{
	const char *p = s ? s : "";

	while (*p) {
		size_t n;
		char w[WORD_MAX + 1];
		if ((p == s || !isalnum((unsigned char)p[-1])) && is_guid(p)) {
			buf_addstr(out, PRIVACY_GUID_MASK);
			p += 36;
			continue;
		}
		if (*p == '/' && (str_has_prefix(p + 1, "subscriptions/") ||
				  str_has_prefix(p + 1, "SUBSCRIPTIONS/"))) {
			p += mask_resource_id(out, p);
			continue;
		}
		n = email_len(s, p);
		if (n) {
			buf_addstr(out, PRIVACY_MASK);
			p += n;
			continue;
		}
		if (names && names->n && word_char(*p) && (p == s || !word_char(p[-1]))) {
			size_t len = word_at(p, &n, w);
			if (len && strmap_has(names, w)) {
				buf_addstr(out, PRIVACY_MASK);
				p += len;
				continue;
			}
		}
		buf_addch(out, *p++);
	}
}
