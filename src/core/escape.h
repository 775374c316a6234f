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
 * The report formats below share one rule for what is not text: invalid
 * UTF-8 becomes U+FFFD and every dangerous code point becomes its visible
 * escape ("\u202e", "\x1b") so that a reader sees that the name holds one.
 */

/*
 * Markdown inline text: the characters Markdown gives meaning to
 * (\ ` * _ [ ] < > | & ~ and a leading # + - = or "1.") are
 * backslash-escaped, dangerous code points shown as escapes, and line breaks
 * become spaces unless keep_newlines.
 */
void escape_md(struct buf *out, const char *s, int keep_newlines);

/*
 * HTML text and attribute values: & < > " ' become character references.
 * With keep_newlines a line break becomes "<br>" (the only markup ever
 * produced); otherwise a space.
 */
void escape_html(struct buf *out, const char *s, int keep_newlines);

/*
 * One CSV field, always quoted ("" inside). A field whose first
 * non-blank character could start a spreadsheet formula (= + - @, a tab
 * or carriage return, or their full-width forms) is neutralised with a
 * leading apostrophe. Line breaks are kept (inside the quotes) when
 * keep_newlines, else become spaces; carriage returns always go.
 */
void escape_csv(struct buf *out, const char *s, int keep_newlines);

/*
 * Plain text on one line, for text that is embedded in another field
 * (a CSV description, a summary): line breaks and tabs become spaces.
 */
void escape_line(struct buf *out, const char *s);

/*
 * Make serialised JSON (as cJSON prints it) safe to open anywhere: every
 * dangerous code point that cJSON leaves raw (DEL, C1 controls,
 * bidirectional controls, BOM) becomes a \uXXXX escape and invalid UTF-8
 * becomes \ufffd. The JSON value is unchanged; json is appended to out.
 */
void escape_json_text(struct buf *out, const char *json);
#endif
