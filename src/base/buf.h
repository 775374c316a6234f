/*
 * struct buf: the one growable byte buffer (git strbuf + curl dynbuf).
 *
 * Invariants, after buf_init() and until buf_release():
 *  - data is never NULL and data[len] == '\0', so data is always a C string
 *    (it may also hold NUL bytes inside, len is authoritative);
 *  - len + 1 <= alloc whenever alloc > 0; alloc == 0 means data points at a
 *    shared empty string and nothing is owned yet;
 *  - len never exceeds max: an append that would pass it fails with
 *    AZ_ERR_TOOBIG and leaves the buffer unchanged.
 *
 * Only the buf_* functions touch the fields' invariants; readers may use
 * data and len directly. data moves when the buffer grows: never keep a
 * pointer into it across an append.
 */
#ifndef AZMAT_BUF_H
#define AZMAT_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "err.h"

struct buf {
	char *data;
	size_t len;
	size_t alloc;
	size_t max;
};

/* Caps used across the code base. */
#define BUF_MAX_DEFAULT ((size_t)16 << 20)
#define BUF_MAX_HTTP ((size_t)32 << 20)

extern char buf_empty[];
#define BUF_INIT(maxlen) { buf_empty, 0, 0, (maxlen) }

/* Initialise b as empty with the hard cap max (bytes, excluding the NUL). */
void buf_init(struct buf *b, size_t max);
/* Free what b owns and leave it initialised and empty (same cap). */
void buf_release(struct buf *b);
/* Empty b, keeping its allocation. */
void buf_reset(struct buf *b);
/*
 * Return b's contents as a heap string the caller owns (never NULL) and
 * leave b empty. *len_out, if not NULL, receives the length.
 */
char *buf_detach(struct buf *b, size_t *len_out);

/* Append n bytes of p. AZ_ERR_TOOBIG (buffer unchanged) past the cap. */
enum az_err buf_add(struct buf *b, const void *p, size_t n);
/* Append the C string s. */
enum az_err buf_addstr(struct buf *b, const char *s);
/* Append one byte. */
enum az_err buf_addch(struct buf *b, char c);
/* Append printf-style output. */
enum az_err buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
enum az_err buf_vaddf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Shorten b to n bytes (n <= len). */
void buf_truncate(struct buf *b, size_t n);
/* Make sure at least extra more bytes fit without reallocating. */
enum az_err buf_grow(struct buf *b, size_t extra);

#endif
