/*
 * The text editor behind prompts and the note editor.
 */
#include "editor.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "strutil.h"
#include "text.h"
#include "xalloc.h"

void editor_init(struct editor *e, size_t max, int multiline)
{
	memset(e, 0, sizeof(*e));
	buf_init(&e->text, max);
	e->multiline = multiline;
	e->goal_col = -1;
}

void editor_release(struct editor *e)
{
	buf_release(&e->text);
	e->cur = 0;
	e->top = 0;
	e->goal_col = -1;
}

const char *editor_text(const struct editor *e)
{
	return e->text.data;
}

void editor_set(struct editor *e, const char *s)
{
	buf_reset(&e->text);
	e->cur = 0;
	e->top = 0;
	editor_insert(e, s ? s : "", s ? strlen(s) : 0);
	e->goal_col = -1;
	e->dirty = 0;
}

/* Append the cleaned form of cp to out. */
static void clean_cp(struct buf *out, uint32_t cp, int multiline)
{
	char u[4];
	size_t k;

	if (cp == '\n') {
		buf_addch(out, multiline ? '\n' : ' ');
		return;
	}
	if (cp == '\t') {
		buf_addch(out, ' ');
		return;
	}
	if (escape_is_dangerous(cp))
		return;
	k = utf8_encode(cp, u);
	if (!k)
		k = utf8_encode(0xfffd, u);
	buf_add(out, u, k);
}

int editor_insert(struct editor *e, const char *s, size_t n)
{
	struct buf in = BUF_INIT(BUF_MAX_DEFAULT);
	size_t i = 0, room, k;
	int rc = 0;

	while (i < n) {
		uint32_t cp;
		size_t used = utf8_decode(s + i, n - i, &cp);
		if (cp == '\r') {
			cp = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				used++;
		}
		clean_cp(&in, cp, e->multiline);
		i += used;
	}
	room = e->text.max - e->text.len;
	k = in.len;
	if (k > room) {
		k = room;
		while (k && ((unsigned char)in.data[k] & 0xc0) == 0x80)
			k--;
		rc = -1;
	}
	if (k) {
		size_t tail = e->text.len - e->cur;
		buf_grow(&e->text, k);
		buf_add(&e->text, in.data, k); /* grow by k, then shift */
		memmove(e->text.data + e->cur + k, e->text.data + e->cur, tail);
		memcpy(e->text.data + e->cur, in.data, k);
		e->cur += k;
		e->dirty = 1;
	}
	e->goal_col = -1;
	buf_release(&in);
	return rc;
}

int editor_insert_cp(struct editor *e, uint32_t cp)
{
	char u[4];
	size_t k = utf8_encode(cp, u);

	return k ? editor_insert(e, u, k) : 0;
}

/* The start of the code point before byte offset at. */
static size_t prev_cp(const struct editor *e, size_t at)
{
	if (!at)
		return 0;
	at--;
	while (at && ((unsigned char)e->text.data[at] & 0xc0) == 0x80)
		at--;
	return at;
}

static size_t next_cp(const struct editor *e, size_t at)
{
	uint32_t cp;

	if (at >= e->text.len)
		return e->text.len;
	return at + utf8_decode(e->text.data + at, e->text.len - at, &cp);
}

static void cut(struct editor *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->text.data + from, e->text.data + to, e->text.len - to);
	buf_truncate(&e->text, e->text.len - (to - from));
	e->cur = from;
	e->dirty = 1;
}

void editor_backspace(struct editor *e)
{
	cut(e, prev_cp(e, e->cur), e->cur);
	e->goal_col = -1;
}

void editor_delete(struct editor *e)
{
	size_t at = e->cur;

	cut(e, at, next_cp(e, at));
	e->cur = at;
	e->goal_col = -1;
}

void editor_left(struct editor *e)
{
	e->cur = prev_cp(e, e->cur);
	e->goal_col = -1;
}

void editor_right(struct editor *e)
{
	e->cur = next_cp(e, e->cur);
	e->goal_col = -1;
}

static size_t line_start(const struct editor *e, size_t at)
{
	while (at && e->text.data[at - 1] != '\n')
		at--;
	return at;
}

void editor_home(struct editor *e)
{
	e->cur = line_start(e, e->cur);
	e->goal_col = -1;
}

void editor_end(struct editor *e)
{
	while (e->cur < e->text.len && e->text.data[e->cur] != '\n')
		e->cur++;
	e->goal_col = -1;
}

void editor_kill_line(struct editor *e)
{
	cut(e, line_start(e, e->cur), e->cur);
	e->goal_col = -1;
}

size_t editor_layout(const struct editor *e, int width, struct editor_line **lines)
{
	struct editor_line *v = NULL;
	size_t n = 0, alloc = 0, i = 0, start = 0;
	int col = 0;

	if (width < 2)
		width = 2;
	width--; /* keep a cell for the cursor after a full line */
	while (i < e->text.len) {
		uint32_t cp;
		size_t k;
		int w;
		if (e->text.data[i] == '\n') {
			ALLOC_GROW(v, n, alloc);
			v[n].start = start;
			v[n++].end = i;
			start = ++i;
			col = 0;
			continue;
		}
		k = utf8_decode(e->text.data + i, e->text.len - i, &cp);
		w = text_cp_width(cp);
		if (col + w > width && col) {
			ALLOC_GROW(v, n, alloc);
			v[n].start = start;
			v[n++].end = i;
			start = i;
			col = 0;
		}
		col += w;
		i += k;
	}
	ALLOC_GROW(v, n, alloc);
	v[n].start = start;
	v[n++].end = e->text.len;
	*lines = v;
	return n;
}

/* The visual line holding byte offset at (the later one at a wrap). */
static size_t line_of(const struct editor_line *v, size_t n, size_t at)
{
	size_t r;

	for (r = 0; r + 1 < n; r++)
		if (at < v[r + 1].start || (at == v[r].end && v[r + 1].start > v[r].end))
			break;
	return r;
}

void editor_cursor(const struct editor *e, int width, int *row, int *col)
{
	struct editor_line *v;
	size_t n = editor_layout(e, width, &v);
	size_t r = line_of(v, n, e->cur);

	*row = (int)r;
	*col = text_width(e->text.data + v[r].start, e->cur - v[r].start);
	free(v);
}

/* Move to visual line r + dir, at the goal column. */
static void vertical(struct editor *e, int width, int dir)
{
	struct editor_line *v;
	size_t n = editor_layout(e, width, &v);
	size_t r = line_of(v, n, e->cur), k;
	int col = text_width(e->text.data + v[r].start, e->cur - v[r].start);

	if (e->goal_col < 0)
		e->goal_col = col;
	if ((dir < 0 && r == 0) || (dir > 0 && r + 1 >= n)) {
		e->cur = dir < 0 ? 0 : e->text.len;
		free(v);
		return;
	}
	r = dir < 0 ? r - 1 : r + 1;
	k = text_fit(e->text.data + v[r].start, v[r].end - v[r].start, e->goal_col, NULL);
	e->cur = v[r].start + k;
	free(v);
}

void editor_up(struct editor *e, int width)
{
	int goal = e->goal_col;

	vertical(e, width, -1);
	if (goal >= 0)
		e->goal_col = goal;
}

void editor_down(struct editor *e, int width)
{
	int goal = e->goal_col;

	vertical(e, width, 1);
	if (goal >= 0)
		e->goal_col = goal;
}
