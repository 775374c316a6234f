/*
 * Display width, cleaning and wrapping of UTF-8 text.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "compat.h"
#include "escape.h"
#include "strutil.h"
#include "xalloc.h"

static int ascii_mode;

void text_set_ascii(int on)
{
	ascii_mode = on;
}

int text_ascii(void)
{
	return ascii_mode;
}

int text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x80 || ascii_mode)
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int text_width(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;

	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

size_t text_fit(const char *s, size_t n, int width, int *used)
{
	size_t i = 0;
	int w = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		int cw = text_cp_width(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += k;
	}
	if (used)
		*used = w;
	return i;
}

/* A plain stand-in for common punctuation, for terminals without UTF-8. */
static const char *ascii_for(uint32_t cp)
{
	switch (cp) {
	case 0x00a0:
		return " ";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
		return "-";
	case 0x2018: case 0x2019: case 0x201a:
		return "'";
	case 0x201c: case 0x201d: case 0x201e:
		return "\"";
	case 0x2022: case 0x00b7:
		return "*";
	case 0x2026:
		return "...";
	case 0x2192:
		return "->";
	case 0x2190:
		return "<-";
	case 0x00d7:
		return "x";
	default:
		return "?";
	}
}

void text_clean(struct buf *out, const char *s, int keep_newlines)
{
	struct buf tmp = BUF_INIT(BUF_MAX_DEFAULT);
	size_t i = 0;

	escape_term(&tmp, s ? s : "", keep_newlines);
	if (!ascii_mode) {
		buf_add(out, tmp.data, tmp.len);
		buf_release(&tmp);
		return;
	}
	while (i < tmp.len) {
		uint32_t cp;
		size_t k = utf8_decode(tmp.data + i, tmp.len - i, &cp);
		if (cp < 0x80)
			buf_addch(out, (char)cp);
		else
			buf_addstr(out, ascii_for(cp));
		i += k;
	}
	buf_release(&tmp);
}

void text_lines_release(struct text_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

static void push(struct text_lines *out, const char *s, size_t n)
{
	ALLOC_GROW(out->v, out->n, out->alloc);
	out->v[out->n++] = xstrndup(s, n);
}

/* Wrap one paragraph (no newlines) of n bytes at s. */
static void wrap_para(const char *s, size_t n, int width, struct text_lines *out)
{
	struct buf line = BUF_INIT(BUF_MAX_DEFAULT);
	int lw = 0;
	size_t i = 0;

	while (i < n) {
		size_t ws = i, we;
		int w;
		while (i < n && s[i] != ' ')
			i++;
		we = i;
		while (i < n && s[i] == ' ')
			i++;
		if (we == ws)
			continue;
		w = text_width(s + ws, we - ws);
		if (lw && lw + 1 + w > width) {
			push(out, line.data, line.len);
			buf_reset(&line);
			lw = 0;
		}
		/* A word longer than a whole line is broken. */
		while (!lw && w > width) {
			size_t k = text_fit(s + ws, we - ws, width, NULL);
			if (!k)
				k = utf8_prefix_bytes(s + ws, 1);
			push(out, s + ws, k);
			ws += k;
			w = text_width(s + ws, we - ws);
		}
		if (lw) {
			buf_addch(&line, ' ');
			lw++;
		}
		buf_add(&line, s + ws, we - ws);
		lw += w;
	}
	push(out, line.data, line.len);
	buf_release(&line);
}

void text_wrap(const char *s, int width, struct text_lines *out)
{
	struct buf clean = BUF_INIT(BUF_MAX_DEFAULT);
	const char *p, *nl;

	if (width < 1)
		width = 1;
	text_clean(&clean, s, 1);
	p = clean.data;
	for (;;) {
		nl = strchr(p, '\n');
		wrap_para(p, nl ? (size_t)(nl - p) : strlen(p), width, out);
		if (!nl)
			break;
		p = nl + 1;
	}
	buf_release(&clean);
}

void text_pad(struct buf *out, const char *s, size_t n, int width)
{
	int used;
	size_t k = text_fit(s, n, width, &used);

	buf_add(out, s, k);
	for (; used < width; used++)
		buf_addch(out, ' ');
}
