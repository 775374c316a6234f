/*
 * Token expiry in its several shapes. The Azure CLI's expiresOn is local
 * time without a zone (and ambiguous around a daylight-saving change); the
 * CLI writes it on the machine that runs azmat, so mktime() is right.
 */
#include "expiry.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "timeutil.h"

#define EPOCH_MIN 978307200LL    /* 2001-01-01 */
#define EPOCH_MAX 100000000000LL /* year 5138 */
#define DURATION_MAX (366LL * 24 * 3600)

/* Read 1..max digits at *p into *v; advance. */
static int digits(const char **p, int min, int max, int *v)
{
	int n = 0, x = 0;

	while (n < max && isdigit((unsigned char)(*p)[n])) {
		x = x * 10 + ((*p)[n] - '0');
		n++;
	}
	if (n < min)
		return 0;
	*p += n;
	*v = x;
	return 1;
}

static int lit(const char **p, char c)
{
	if (**p != c)
		return 0;
	(*p)++;
	return 1;
}

static void skip_spaces(const char **p)
{
	while (**p == ' ')
		(*p)++;
}

/* "+00:00", "-05:30", "Z" or "" into seconds east of UTC; 0 on failure. */
static int zone(const char **p, long *off)
{
	int h, m, sign;

	*off = 0;
	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		return 1;
	}
	if (**p != '+' && **p != '-')
		return 0;
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (!digits(p, 2, 2, &h))
		return 0;
	lit(p, ':');
	if (!digits(p, 2, 2, &m) || h > 23 || m > 59)
		return 0;
	*off = sign * (h * 3600L + m * 60L);
	return 1;
}

static int valid_tm(int y, int mo, int d, int h, int mi, int s)
{
	return y >= 1970 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 &&
	       h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

/* "11/05/2021 15:18:31 +00:00" and "11/5/2021 3:18:31 PM +00:00". */
static int parse_us_date(const char *s, time_t *out)
{
	const char *p = s;
	int mo, d, y, h, mi, sec;
	long off = 0;

	if (!digits(&p, 1, 2, &mo) || !lit(&p, '/') || !digits(&p, 1, 2, &d) || !lit(&p, '/') ||
	    !digits(&p, 4, 4, &y) || !lit(&p, ' ') || !digits(&p, 1, 2, &h) || !lit(&p, ':') ||
	    !digits(&p, 2, 2, &mi) || !lit(&p, ':') || !digits(&p, 2, 2, &sec))
		return 0;
	skip_spaces(&p);
	if ((p[0] == 'A' || p[0] == 'P') && p[1] == 'M') {
		if (h < 1 || h > 12)
			return 0;
		h = h % 12 + (p[0] == 'P' ? 12 : 0);
		p += 2;
		skip_spaces(&p);
	}
	if (*p && !zone(&p, &off))
		return 0;
	skip_spaces(&p);
	if (*p || !valid_tm(y, mo, d, h, mi, sec))
		return 0;
	*out = time_from_utc(y, mo, d, h, mi, sec) - off;
	return 1;
}

/* "2023-10-31 21:59:10.000000": the Azure CLI's local time. */
static int parse_cli_local(const char *s, time_t *out)
{
	const char *p = s;
	int y, mo, d, h, mi, sec, frac;
	struct tm tm;
	time_t t;

	if (!digits(&p, 4, 4, &y) || !lit(&p, '-') || !digits(&p, 2, 2, &mo) || !lit(&p, '-') ||
	    !digits(&p, 2, 2, &d) || !lit(&p, ' ') || !digits(&p, 2, 2, &h) || !lit(&p, ':') ||
	    !digits(&p, 2, 2, &mi) || !lit(&p, ':') || !digits(&p, 2, 2, &sec))
		return 0;
	if (lit(&p, '.') && !digits(&p, 1, 9, &frac))
		return 0;
	if (*p || !valid_tm(y, mo, d, h, mi, sec))
		return 0;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1)
		return 0;
	*out = t;
	return 1;
}

/* Whole decimal number (an optional fraction is dropped). */
static int parse_number(const char *s, long long *out)
{
	const char *p = s;
	long long v = 0;
	int n = 0;

	while (*p == ' ')
		p++;
	while (isdigit((unsigned char)*p) && n < 15) {
		v = v * 10 + (*p - '0');
		p++;
		n++;
	}
	if (!n)
		return 0;
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	while (*p == ' ')
		p++;
	if (*p)
		return 0;
	*out = v;
	return 1;
}

enum az_err expiry_parse_time(const char *s, time_t *out)
{
	long long v;
	time_t t;

	if (!s || !*s)
		return AZ_ERR_PARSE;
	if (parse_number(s, &v)) {
		if (v < EPOCH_MIN || v > EPOCH_MAX)
			return AZ_ERR_PARSE;
		*out = (time_t)v;
		return AZ_OK;
	}
	if (parse_us_date(s, &t) || parse_cli_local(s, &t) || !time_parse_iso(s, &t)) {
		if ((long long)t < EPOCH_MIN || (long long)t > EPOCH_MAX)
			return AZ_ERR_PARSE;
		*out = t;
		return AZ_OK;
	}
	return AZ_ERR_PARSE;
}

static int from_time(const cJSON *v, time_t *out)
{
	if (cJSON_IsNumber(v)) {
		if (v->valuedouble < (double)EPOCH_MIN || v->valuedouble > (double)EPOCH_MAX)
			return 0;
		*out = (time_t)v->valuedouble;
		return 1;
	}
	return cJSON_IsString(v) && !expiry_parse_time(v->valuestring, out);
}

static int from_duration(const cJSON *v, time_t now, time_t *out)
{
	long long d;

	if (cJSON_IsNumber(v)) {
		if (v->valuedouble < 0 || v->valuedouble > (double)DURATION_MAX)
			return 0;
		*out = now + (time_t)v->valuedouble;
		return 1;
	}
	if (cJSON_IsString(v) && parse_number(v->valuestring, &d) && d <= DURATION_MAX) {
		*out = now + (time_t)d;
		return 1;
	}
	return 0;
}

enum az_err expiry_from_json(const cJSON *obj, time_t now, time_t *out)
{
	time_t t;

	if (!cJSON_IsObject(obj))
		return AZ_ERR_PARSE;
	if (from_time(cJSON_GetObjectItemCaseSensitive(obj, "expires_on"), &t) ||
	    from_time(cJSON_GetObjectItemCaseSensitive(obj, "expiresOn"), &t) ||
	    from_duration(cJSON_GetObjectItemCaseSensitive(obj, "expires_in"), now, &t)) {
		*out = t;
		return AZ_OK;
	}
	return AZ_ERR_PARSE;
}
