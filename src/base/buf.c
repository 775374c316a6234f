#include "buf.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

char buf_empty[1];

void buf_init(struct buf *b, size_t max)
{
	b->data = buf_empty;
	b->len = 0;
	b->alloc = 0;
	b->max = max;
}

void buf_release(struct buf *b)
{
	size_t max = b->max;

	if (b->alloc)
		free(b->data);
	buf_init(b, max);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->alloc)
		b->data[0] = '\0';
}

char *buf_detach(struct buf *b, size_t *len_out)
{
	char *p;

	if (len_out)
		*len_out = b->len;
	if (!b->alloc)
		p = xcalloc(1, 1);
	else
		p = b->data;
	buf_init(b, b->max);
	return p;
}

enum az_err buf_grow(struct buf *b, size_t extra)
{
	size_t need, n;

	if (extra > b->max || b->len > b->max - extra)
		return AZ_ERR_TOOBIG;
	need = b->len + extra + 1;
	if (need <= b->alloc)
		return AZ_OK;
	n = b->alloc ? b->alloc : 64;
	while (n < need)
		n = n > ((size_t)-1) / 2 ? need : n * 2;
	if (!b->alloc) {
		b->data = xmalloc(n);
		b->data[0] = '\0';
	} else {
		b->data = xrealloc(b->data, n);
	}
	b->alloc = n;
	return AZ_OK;
}

enum az_err buf_add(struct buf *b, const void *p, size_t n)
{
	enum az_err rc;

	if (!n)
		return AZ_OK;
	rc = buf_grow(b, n);
	if (rc)
		return rc;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return AZ_OK;
}

enum az_err buf_addstr(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

enum az_err buf_addch(struct buf *b, char c)
{
	/* The common case, room already there, without the general path's work. */
	if (b->len + 2 <= b->alloc && b->len < b->max) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return AZ_OK;
	}
	return buf_add(b, &c, 1);
}

enum az_err buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	enum az_err rc;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return AZ_ERR_INVALID;
	rc = buf_grow(b, (size_t)n);
	if (rc)
		return rc;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return AZ_OK;
}

enum az_err buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	enum az_err rc;

	va_start(ap, fmt);
	rc = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

void buf_truncate(struct buf *b, size_t n)
{
	assert(n <= b->len);
	b->len = n;
	if (b->alloc)
		b->data[n] = '\0';
}
