/*
 * Waiting before a retry: the Retry-After header (whole or fractional
 * seconds, or an HTTP date), Resource Graph's quota reset header
 * ("hh:mm:ss"), and exponential backoff with jitter. Pure functions.
 */
#ifndef AZMAT_RETRY_H
#define AZMAT_RETRY_H

#include <stdint.h>
#include <time.h>

#include "err.h"

/* The longest wait honoured from a server hint: longer ones are clamped. */
#define RETRY_MAX_WAIT_MS (5LL * 60 * 1000)

/*
 * Milliseconds to wait for the Retry-After value s, at wall time now: a
 * non-negative number of seconds (fractions allowed) or an HTTP date
 * (a date in the past means 0). Clamped to RETRY_MAX_WAIT_MS. -1 when s
 * is neither.
 */
long long retry_after_ms(const char *s, time_t now);

/*
 * Parse an HTTP date in any of the three forms of RFC 9110 section 5.6.7:
 * "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT" and
 * "Sun Nov  6 08:49:37 1994".
 */
enum az_err http_date_parse(const char *s, time_t *out /* OUT */);

/* "hh:mm:ss" (x-ms-user-quota-resets-after) in milliseconds, or -1. */
long long quota_reset_ms(const char *s);

/*
 * The wait before retry number attempt (1 for the first retry): base *
 * 2^(attempt-1), capped at cap, then a random point between half of it and
 * all of it ("equal jitter"). *rng is the generator's state (never 0).
 */
long long backoff_ms(unsigned attempt, long long base, long long cap, uint64_t *rng);

/* A xorshift64 step; *state must not be 0. */
uint64_t retry_rand(uint64_t *state);

#endif
