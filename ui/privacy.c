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

void privacy_mask_text(struct buf *out, const char *s)
{
	const char *p = s ? s : "";

	while (*p) {
		size_t n;
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
		buf_addch(out, *p++);
	}
}
