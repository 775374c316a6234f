/*
 * CSV as RFC 4180 describes it, and as spreadsheets write it: fields
 * separated by commas (or semicolons, which spreadsheets use in locales
 * where the comma is the decimal mark), records ended by CRLF or LF,
 * fields that hold a separator, a quote or a line break enclosed in double
 * quotes with inner quotes doubled, and an optional UTF-8 byte order mark.
 * Pure: no I/O.
 *
 * Formula injection: a spreadsheet runs a cell that starts with =, +, -,
 * or @ (and some also after a tab or carriage return). csv_put_field()
 * with protect set writes such a cell with a leading apostrophe, which
 * spreadsheets show as text; a cell that already starts with an apostrophe
 * gets one more, so that csv_unprotect() on import restores every value
 * exactly: it drops one leading apostrophe when the next character is one
 * of = + - @ TAB CR or another apostrophe.
 */
#ifndef AZMAT_CSV_H
#define AZMAT_CSV_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

#define CSV_FIELD_MAX ((size_t)1 << 20) /* bytes in one field */
#define CSV_FIELDS_MAX 256              /* fields in one record */

struct csv_reader {
	const char *p;   /* next byte to read */
	const char *end;
	size_t line;     /* the physical line p is on (1-based) */
	char sep;        /* ',' or ';' */
};

/* One record; the reader reuses its storage from call to call. */
struct csv_record {
	char **field; /* owned, NUL-terminated */
	size_t n;
	size_t alloc;
	size_t line; /* the physical line the record starts on */
};

#define CSV_RECORD_INIT { NULL, 0, 0, 0 }

/*
 * Start reading the n bytes at data (borrowed; they must outlive the
 * reader). A UTF-8 byte order mark is skipped. The separator is ',' unless
 * the first line has a ';' and no ',' outside quotes.
 */
void csv_reader_init(struct csv_reader *r, const char *data, size_t n);

/*
 * Read the next record into rec. Returns 1 for a record, 0 at the end of
 * the data, -1 for a malformed record (an unterminated quote, text after a
 * closing quote, a field or record over the limits, a NUL byte): em says
 * why, rec->line says where, and the reader has moved past it so that
 * reading can go on.
 */
int csv_read(struct csv_reader *r, struct csv_record *rec, struct errmsg *em);
void csv_record_release(struct csv_record *rec);

/*
 * Append s as one field (quoted when it needs to be), preceded by a comma
 * unless first. protect: neutralise a leading formula character (above).
 */
void csv_put_field(struct buf *out, const char *s, int first, int protect);
/* End a record (CRLF, as RFC 4180 says). */
void csv_end_record(struct buf *out);

/* Undo csv_put_field()'s protection in place. */
void csv_unprotect(char *s);

#endif
