/*
 * struct editor: the text of a prompt field or of the multi-line note
 * editor, with a cursor. Pure: it knows bytes, code points and display
 * columns (text.h), never the terminal.
 *
 * Invariants: text is valid UTF-8 with no control characters except '\n'
 * (multi-line only); cur is a byte offset on a code point boundary in
 * [0, text.len]; text.len never exceeds the cap given to editor_init().
 *
 * Layout: multi-line text is shown wrapped at a width of columns, by
 * characters (not words), so that every cursor position maps to one cell;
 * up and down move by those visual lines.
 */
#ifndef AZMAT_UI_EDITOR_H
#define AZMAT_UI_EDITOR_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct editor {
	struct buf text;
	size_t cur;
	int multiline;
	int goal_col; /* the column up/down aim for, -1 when unset */
	int top;      /* first visual line shown (kept by the view model) */
	int dirty;    /* changed since editor_set() */
};

/* Initialise e empty, holding at most max bytes. */
void editor_init(struct editor *e, size_t max, int multiline);
void editor_release(struct editor *e);
/* Replace the text with s (cleaned as editor_insert does), cursor at the end. */
void editor_set(struct editor *e, const char *s);
/* The text (borrowed, always a C string). */
const char *editor_text(const struct editor *e);

/*
 * Insert n bytes at the cursor. Invalid UTF-8 becomes U+FFFD, tabs become
 * a space, CR LF and CR become '\n', and in a single-line editor '\n'
 * becomes a space; other control characters are dropped. What does not
 * fit under the cap is dropped at a code point boundary. Returns 0, or -1
 * when something was dropped for the cap.
 */
int editor_insert(struct editor *e, const char *s, size_t n);
int editor_insert_cp(struct editor *e, uint32_t cp);

void editor_backspace(struct editor *e);
void editor_delete(struct editor *e);
void editor_left(struct editor *e);
void editor_right(struct editor *e);
/* Start and end of the current logical line. */
void editor_home(struct editor *e);
void editor_end(struct editor *e);
/* Delete from the start of the current line to the cursor. */
void editor_kill_line(struct editor *e);

/* One visual line: bytes [start, end) of the text. */
struct editor_line {
	size_t start;
	size_t end;
};

/*
 * Lay the text out at width columns (at least 2: one is kept free for the
 * cursor at the end of a full line). *lines is a new array the caller
 * frees; returns the number of lines (at least 1).
 */
size_t editor_layout(const struct editor *e, int width, struct editor_line **lines /* OUT */);
/* The visual line and column of the cursor at width. */
void editor_cursor(const struct editor *e, int width, int *row /* OUT */, int *col /* OUT */);
/* Move the cursor one visual line up or down at width, keeping the column. */
void editor_up(struct editor *e, int width);
void editor_down(struct editor *e, int width);

#endif
