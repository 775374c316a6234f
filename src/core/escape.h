/*
 * Escaping of tenant- and operator-supplied text for every output.
 * Exporters and printers escape through these functions only.
 */
#ifndef AZMAT_ESCAPE_H
#define AZMAT_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* True for code points that must never reach a terminal or a report raw:
 * C0 and C1 controls, DEL, and the bidirectional overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069) plus U+200E/U+200F/U+061C. */
int escape_is_dangerous(uint32_t cp);

/*
 * Terminal text: printable UTF-8 passes; dangerous code points and invalid
 * bytes become visible escapes ("\x1b", "\u202e"). When keep_newlines is
 * set, '\n' passes (for multi-line notes); tabs always become a space.
 */
void escape_term(struct buf *out, const char *s, int keep_newlines);

/* A heap copy of s escaped for one terminal line. Caller frees. */
char *escape_term_dup(const char *s);



/*
 * Markdown inline text: the characters Markdown gives meaning to
 * (\ ` * _ [ ] < > | and a leading # + - or "1.") are backslash-escaped,
 * dangerous code points dropped, and line breaks become spaces unless
 * keep_newlines.
 */
void escape_md(struct buf *out, const char *s, int keep_newlines);
#endif
