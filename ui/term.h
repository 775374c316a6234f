/*
 * The terminal: ncurses set up for the TUI on a real terminal, or on a
 * headless screen (output to /dev/null at a fixed size) for scripts, tests
 * and benchmarks. This header has no curses types, so the app layer and
 * tests use it without including curses themselves.
 *
 * One terminal at a time (ncurses keeps global state).
 */
#ifndef AZMAT_UI_TERM_H
#define AZMAT_UI_TERM_H

#include <stdint.h>

#include "action.h"
#include "buf.h"
#include "err.h"

struct term;
struct vm;

enum term_flags {
	TERM_HEADLESS = 1 << 0, /* draw to /dev/null at the size given */
	TERM_NO_MOUSE = 1 << 1,
};

/*
 * Open the terminal. Headless: lines x cols, TERM (or "xterm") as the
 * terminal type. Real: standard input and output, which must be a
 * terminal. *ui_flags receives UI_UTF8 (the locale is UTF-8) and UI_COLOR
 * (the terminal has colours and NO_COLOR is not set). *out is closed with
 * term_close().
 */
enum az_err term_open(unsigned flags, int lines, int cols, struct term **out /* OUT */,
		      unsigned *ui_flags /* OUT */, struct errmsg *em);
/* Restore the terminal and free *pt; NULL is fine. */
void term_close(struct term **pt);

/* The current size. */
void term_size(const struct term *t, int *lines, int *cols);
/* Headless only: change the size (a script's "resize"). */
void term_resize(struct term *t, int lines, int cols);

/*
 * Wait up to timeout_ms (-1: forever) for input. Returns 1 with *key set
 * for a key (enum ui_key or a code point), 2 with *in set for input that is
 * not a key (mouse, resize, paste markers), 0 when nothing came, and -1
 * when the terminal is gone (its input closed).
 */
int term_read(struct term *t, int timeout_ms, uint32_t *key /* OUT */, struct ui_input *in /* OUT */);

/* Draw a frame and put it on the terminal. */
void term_draw(struct term *t, const struct vm *vm);

/* Append the screen's text to out: one line per row, trailing blanks cut. */
void term_dump(const struct term *t, struct buf *out);

/* Leave curses for a moment (to run something that prints), and come back. */
void term_suspend(struct term *t);
void term_resume(struct term *t);

#endif
