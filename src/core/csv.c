/*
 * RFC 4180 CSV reading and writing.
 */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void csv_reader_init(struct csv_reader *r, const char *data, size_t n)
{
	const char *p, *end = data + n;
	int quoted = 0, comma = 0, semi = 0;

	if (n >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		data += 3;
	r->p = data;
	r->end = end;
	r->line = 1;
	for (p = data; p < end && (quoted || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ',')
			comma = 1;
		else if (!quoted && *p == ';')
			semi = 1;
	}
	r->sep = semi && !comma ? ';' : ',';
}

void csv_record_release(struct csv_record *rec)
{
	size_t i;

	for (i = 0; i < rec->alloc; i++)
		free(rec->field[i]);
	free(rec->field);
	memset(rec, 0, sizeof(*rec));
}

static void put_field(struct csv_record *rec, struct buf *f)
{
	if (rec->n == rec->alloc) {
		size_t old = rec->alloc;
		rec->alloc = old ? old * 2 : 16;
		rec->field = xreallocarray(rec->field, rec->alloc, sizeof(*rec->field));
		memset(rec->field + old, 0, (rec->alloc - old) * sizeof(*rec->field));
	}
	free(rec->field[rec->n]);
	rec->field[rec->n++] = xstrndup(f->data, f->len);
	buf_reset(f);
}

/* At a line end? Consume it (CRLF, LF or CR) and count the line. */
static int eol(struct csv_reader *r)
{
	if (r->p >= r->end)
		return 0;
	if (*r->p == '\n') {
		r->p++;
		r->line++;
		return 1;
	}
	if (*r->p == '\r') {
		r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		return 1;
	}
	return 0;
}

/* After an error: skip to the end of the physical line. */
static void skip_line(struct csv_reader *r)
{
	while (r->p < r->end && !eol(r))
		r->p++;
}

/* A quoted field, r->p just after the opening quote. 0, or -1 with em set. */
static int quoted(struct csv_reader *r, struct buf *f, struct errmsg *em)
{
	for (;;) {
		char c;
		if (r->p >= r->end)
			return errmsg_set(em, AZ_ERR_PARSE, "a quoted field is not closed"), -1;
		c = *r->p++;
		if (c == '"') {
			if (r->p < r->end && *r->p == '"') {
				r->p++;
				c = '"';
			} else {
				return 0;
			}
		} else if (c == '\r' || c == '\n') {
			/* a line break inside quotes is part of the field, written as \n */
			if (c == '\r' && r->p < r->end && *r->p == '\n')
				r->p++;
			r->line++;
			c = '\n';
		} else if (!c) {
			return errmsg_set(em, AZ_ERR_PARSE, "a field contains a NUL byte"), -1;
		}
		if (buf_addch(f, c))
			return errmsg_set(em, AZ_ERR_TOOBIG, "a field is longer than %zu bytes",
					  CSV_FIELD_MAX), -1;
	}
}

int csv_read(struct csv_reader *r, struct csv_record *rec, struct errmsg *em)
{
	struct buf f = BUF_INIT(CSV_FIELD_MAX);
	int rc = 1;

	rec->n = 0;
	rec->line = r->line;
	if (r->p >= r->end)
		return 0;
	for (;;) {
		if (r->p < r->end && *r->p == '"') {
			r->p++;
			if (quoted(r, &f, em))
				goto bad;
			if (r->p < r->end && *r->p != r->sep && *r->p != '\n' && *r->p != '\r') {
				errmsg_set(em, AZ_ERR_PARSE, "text after a closing quote");
				goto bad;
			}
		} else {
			while (r->p < r->end && *r->p != r->sep && *r->p != '\n' && *r->p != '\r') {
				if (!*r->p) {
					errmsg_set(em, AZ_ERR_PARSE, "a field contains a NUL byte");
					goto bad;
				}
				if (buf_addch(&f, *r->p++)) {
					errmsg_set(em, AZ_ERR_TOOBIG, "a field is longer than %zu bytes",
						   CSV_FIELD_MAX);
					goto bad;
				}
			}
		}
		if (rec->n >= CSV_FIELDS_MAX) {
			errmsg_set(em, AZ_ERR_TOOBIG, "a record has more than %d fields", CSV_FIELDS_MAX);
			goto bad;
		}
		put_field(rec, &f);
		if (r->p < r->end && *r->p == r->sep) {
			r->p++;
			continue;
		}
		eol(r);
		break;
	}
	buf_release(&f);
	return rc;
bad:
	skip_line(r);
	buf_release(&f);
	return -1;
}

static int formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void csv_put_field(struct buf *out, const char *s, int first, int protect)
{
	int quote = 0;
	const char *p;

	s = s ? s : "";
	if (!first)
		buf_addch(out, ',');
	for (p = s; *p; p++)
		if (*p == ',' || *p == ';' || *p == '"' || *p == '\n' || *p == '\r')
			quote = 1;
	if (protect && (formula_start(*s) || *s == '\''))
		quote = 1;
	/* a leading byte order mark would be taken for the file's own */
	if (!strncmp(s, "\xef\xbb\xbf", 3))
		quote = 1;
	if (quote)
		buf_addch(out, '"');
	if (protect && (formula_start(*s) || *s == '\''))
		buf_addch(out, '\'');
	for (p = s; *p; p++) {
		if (*p == '"')
			buf_addch(out, '"');
		buf_addch(out, *p);
	}
	if (quote)
		buf_addch(out, '"');
}

void csv_end_record(struct buf *out)
{
	buf_addstr(out, "\r\n");
}

void csv_unprotect(char *s)
{
	if (s[0] == '\'' && (formula_start(s[1]) || s[1] == '\''))
		memmove(s, s + 1, strlen(s));
}
