/*
 * Time: the wall clock (injectable for tests), ISO 8601 text, and a
 * monotonic clock for timeouts.
 *
 * time_now() returns the real time unless the environment variable
 * AZMAT_NOW holds an ISO 8601 UTC time ("2026-11-26T09:00:00Z") or epoch
 * seconds; tests pin it so that stored timestamps and golden files are
 * stable. time_set_now() overrides both, for unit tests.
 */
#ifndef AZMAT_TIMEUTIL_H
#define AZMAT_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "err.h"

/* The current wall-clock time in epoch seconds. */
time_t time_now(void);
/* Pin time_now() to t; t == (time_t)-1 restores the real clock. */
void time_set_now(time_t t);

/* Write t as "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with NUL) into out. */
void time_format_iso(time_t t, char *out, size_t n);
/* Write t's UTC date as "YYYY-MM-DD" into out. */
void time_format_date(time_t t, char *out, size_t n);

/*
 * Parse an ISO 8601 UTC time: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" with an
 * optional fraction, and an optional "Z" or "+00:00"/"-05:00" offset.
 * Returns AZ_ERR_PARSE when s is not such a time or the date does not exist.
 */
enum az_err time_parse_iso(const char *s, time_t *out /* OUT: on success */);

/* True when s is a real calendar date "YYYY-MM-DD". */
int time_is_date(const char *s);

/* Milliseconds from an arbitrary start, never going backwards. */
int64_t time_mono_ms(void);

/* Convert broken-down UTC to epoch seconds (timegm without the GNU dep). */
time_t time_from_utc(int year, int mon, int day, int hour, int min, int sec);

#endif
