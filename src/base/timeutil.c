#include "timeutil.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static time_t pinned = (time_t)-1;

void time_set_now(time_t t)
{
	pinned = t;
}

time_t time_now(void)
{
	const char *env;
	time_t t;

	if (pinned != (time_t)-1)
		return pinned;
	env = getenv("AZMAT_NOW");
	if (env && *env) {
		char *end;
		long long v = strtoll(env, &end, 10);
		if (!*end && end != env)
			return (time_t)v;
		if (!time_parse_iso(env, &t))
			return t;
	}
	return time(NULL);
}

static int days_in_month(int year, int mon)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (mon == 2)
		return 28 + leap;
	return dm[mon - 1];
}

time_t time_from_utc(int year, int mon, int day, int hour, int min, int sec)
{
	/* Howard Hinnant's days_from_civil. */
	long long y = year - (mon <= 2);
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long m = mon;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	long long days = era * 146097 + doe - 719468;

	return (time_t)(days * 86400 + hour * 3600 + min * 60 + sec);
}

void time_format_iso(time_t t, char *out, size_t n)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void time_format_date(time_t t, char *out, size_t n)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%d", &tm);
}

static int digits(const char *s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

enum az_err time_parse_iso(const char *s, time_t *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0, sign = 0;
	const char *p = s;

	if (!s || strlen(s) < 10)
		return AZ_ERR_PARSE;
	if (digits(p, 4, &y) || p[4] != '-' || digits(p + 5, 2, &mo) || p[7] != '-' ||
	    digits(p + 8, 2, &d))
		return AZ_ERR_PARSE;
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return AZ_ERR_PARSE;
	p += 10;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (digits(p, 2, &h) || p[2] != ':' || digits(p + 3, 2, &mi))
			return AZ_ERR_PARSE;
		p += 5;
		if (*p == ':') {
			if (digits(p + 1, 2, &se))
				return AZ_ERR_PARSE;
			p += 3;
			if (*p == '.') {
				p++;
				if (!isdigit((unsigned char)*p))
					return AZ_ERR_PARSE;
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		if (h > 23 || mi > 59 || se > 60)
			return AZ_ERR_PARSE;
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			sign = *p == '-' ? -1 : 1;
			if (digits(p + 1, 2, &oh) || p[3] != ':' || digits(p + 4, 2, &om))
				return AZ_ERR_PARSE;
			p += 6;
		}
	}
	if (*p)
		return AZ_ERR_PARSE;
	*out = time_from_utc(y, mo, d, h, mi, se) - sign * (oh * 3600 + om * 60);
	return AZ_OK;
}

int time_is_date(const char *s)
{
	time_t t;

	return s && strlen(s) == 10 && !time_parse_iso(s, &t);
}

int64_t time_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
