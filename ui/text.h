/*
 * Text for the screen: cleaning, display width, fitting and wrapping of
 * UTF-8. Pure (libc's wcwidth only), so view models and the note editor
 * measure text exactly as the terminal will show it.
 *
 * Every string that came from an operator, a tenant or the catalog passes
 * text_clean() before it is shown: control and bidirectional-override
 * characters become visible escapes (escape.h), and in ASCII mode (a
 * terminal whose locale is not UTF-8) every other non-ASCII character
 * becomes '?', or its plain equivalent for common punctuation.
 */
#ifndef AZMAT_UI_TEXT_H
#define AZMAT_UI_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Switch ASCII mode on or off for the whole process (default off). */
void text_set_ascii(int on);
int text_ascii(void);

/* Columns the code point takes (0, 1 or 2); 1 for anything unprintable. */
int text_cp_width(uint32_t cp);
/* Columns the n bytes at s take. */
int text_width(const char *s, size_t n);
/*
 * The number of bytes of s (n bytes) that fit in width columns, ending on
 * a code point boundary; *used (may be NULL) receives the columns used.
 */
size_t text_fit(const char *s, size_t n, int width, int *used);

/* Append s cleaned for the screen; '\n' kept when keep_newlines. */
void text_clean(struct buf *out, const char *s, int keep_newlines);

/* Lines of wrapped text: each an owned, cleaned C string. */
struct text_lines {
	char **v;
	size_t n;
	size_t alloc;
};
#define TEXT_LINES_INIT { NULL, 0, 0 }
void text_lines_release(struct text_lines *l);

/*
 * Word-wrap s (cleaned first) to width columns, appending lines to out.
 * Newlines start a new line; a blank line stays blank. A word longer than
 * width is broken. width < 1 is treated as 1.
 */
void text_wrap(const char *s, int width, struct text_lines *out);

/* Append the n bytes of s to out and pad with spaces up to width columns. */
void text_pad(struct buf *out, const char *s, size_t n, int width);

#endif
