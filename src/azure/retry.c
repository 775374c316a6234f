/*
 * Retry timing. Graph sends fractional Retry-After values ("2.128"), ARM
 * whole seconds, and RFC 9110 allows an HTTP date: accept all three, and
 * never trust a hint to make us wait for ever.
 */
#include "retry.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "timeutil.h"

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static long long clamp(long long ms)
{
	if (ms < 0)
		return 0;
	return ms > RETRY_MAX_WAIT_MS ? RETRY_MAX_WAIT_MS : ms;
}

/* Non-negative decimal seconds with an optional fraction, nothing else. */
static int parse_seconds(const char *s, long long *ms)
{
	const char *p = s;
	long long whole = 0, frac = 0, scale = 1000;
	int n = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	while (isdigit((unsigned char)*p)) {
		if (whole < 100000000)
			whole = whole * 10 + (*p - '0');
		p++;
		n++;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (scale > 1) {
				scale /= 10;
				frac += (*p - '0') * scale;
			}
			p++;
			n++;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (!n || *p)
		return 0;
	*ms = whole * 1000 + frac;
	return 1;
}

static int month_of(const char *p)
{
	int i;

	for (i = 0; i < 12; i++)
		if (!strncmp(p, months[i], 3))
			return i + 1;
	return 0;
}

static int num(const char **p, int ndig, int *v)
{
	int i, x = 0;

	for (i = 0; i < ndig; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return 0;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += ndig;
	*v = x;
	return 1;
}

static int hms(const char **p, int *h, int *m, int *s)
{
	return num(p, 2, h) && *(*p)++ == ':' && num(p, 2, m) && *(*p)++ == ':' && num(p, 2, s) &&
	       *h < 24 && *m < 60 && *s <= 60;
}

static int finish(int y, int mo, int d, int h, int mi, int s, time_t *out)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (mo < 1 || d < 1 || d > mdays[mo - 1] || y < 1970 || y > 9999)
		return 0;
	*out = time_from_utc(y, mo, d, h, mi, s);
	return 1;
}

/* "Sun, 06 Nov 1994 08:49:37 GMT" */
static int imf_date(const char *p, time_t *out)
{
	int d, mo, y, h, mi, s;

	if (strlen(p) != 29 || p[3] != ',' || p[4] != ' ')
		return 0;
	p += 5;
	if (!num(&p, 2, &d) || *p++ != ' ' || !(mo = month_of(p)))
		return 0;
	p += 3;
	if (*p++ != ' ' || !num(&p, 4, &y) || *p++ != ' ' || !hms(&p, &h, &mi, &s) || strcmp(p, " GMT"))
		return 0;
	return finish(y, mo, d, h, mi, s, out);
}

/* "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years: 70..99 are 19xx) */
static int rfc850_date(const char *p, time_t *out)
{
	const char *comma = strchr(p, ',');
	int d, mo, y, h, mi, s;

	if (!comma || comma - p < 6 || comma - p > 9 || comma[1] != ' ')
		return 0;
	p = comma + 2;
	if (!num(&p, 2, &d) || *p++ != '-' || !(mo = month_of(p)))
		return 0;
	p += 3;
	if (*p++ != '-' || !num(&p, 2, &y) || *p++ != ' ' || !hms(&p, &h, &mi, &s) || strcmp(p, " GMT"))
		return 0;
	y += y < 70 ? 2000 : 1900;
	return finish(y, mo, d, h, mi, s, out);
}

/* "Sun Nov  6 08:49:37 1994" */
static int asctime_date(const char *p, time_t *out)
{
	int d, mo, y, h, mi, s;

	if (strlen(p) != 24 || p[3] != ' ' || !(mo = month_of(p + 4)) || p[7] != ' ')
		return 0;
	p += 8;
	if (*p == ' ') {
		p++;
		if (!num(&p, 1, &d))
			return 0;
	} else if (!num(&p, 2, &d)) {
		return 0;
	}
	if (*p++ != ' ' || !hms(&p, &h, &mi, &s) || *p++ != ' ' || !num(&p, 4, &y) || *p)
		return 0;
	return finish(y, mo, d, h, mi, s, out);
}

enum az_err http_date_parse(const char *s, time_t *out)
{
	time_t t;

	if (!s)
		return AZ_ERR_PARSE;
	if (imf_date(s, &t) || rfc850_date(s, &t) || asctime_date(s, &t)) {
		*out = t;
		return AZ_OK;
	}
	return AZ_ERR_PARSE;
}

long long retry_after_ms(const char *s, time_t now)
{
	long long ms;
	time_t when;

	if (!s)
		return -1;
	if (parse_seconds(s, &ms))
		return clamp(ms);
	while (*s == ' ')
		s++;
	if (!http_date_parse(s, &when))
		return clamp(((long long)when - (long long)now) * 1000);
	return -1;
}

long long quota_reset_ms(const char *s)
{
	int h, m, sec;
	const char *p = s;

	if (!s)
		return -1;
	while (*p == ' ')
		p++;
	if (!num(&p, 2, &h) || *p++ != ':' || !num(&p, 2, &m) || *p++ != ':' || !num(&p, 2, &sec))
		return -1;
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	while (*p == ' ')
		p++;
	if (*p || m > 59 || sec > 59)
		return -1;
	return clamp(((long long)h * 3600 + m * 60 + sec) * 1000);
}

uint64_t retry_rand(uint64_t *state)
{
	uint64_t x = *state ? *state : 0x9e3779b97f4a7c15ULL;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

long long backoff_ms(unsigned attempt, long long base, long long cap, uint64_t *rng)
{
	long long d = base > 0 ? base : 1;
	unsigned i;

	for (i = 1; i < attempt && d < cap; i++)
		d *= 2;
	if (d > cap)
		d = cap;
	if (d < 2)
		return d;
	return d / 2 + (long long)(retry_rand(rng) % (uint64_t)(d / 2 + 1));
}
