/*
 * Small string helpers, and UTF-8.
 */
#ifndef AZMAT_STRUTIL_H
#define AZMAT_STRUTIL_H

#include <stddef.h>
#include <stdint.h>

/* True when s starts with prefix. */
int str_has_prefix(const char *s, const char *prefix);
/* True when s ends with suffix. */
int str_has_suffix(const char *s, const char *suffix);
/* True when a and b are equal ignoring ASCII case; NULLs compare unequal. */
int str_eq_nocase(const char *a, const char *b);
/* True when s is NULL or holds only white space. */
int str_is_blank(const char *s);
/* True when one of the n strings of v equals s. */
int str_in_list(const char *const *v, size_t n, const char *s);

/*
 * Decode one UTF-8 code point at s (n bytes available). Returns the number of
 * bytes used (1..4) and stores the code point in *cp; on an invalid or
 * truncated sequence returns 1 and stores U+FFFD.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns the byte count (0 if invalid). */
size_t utf8_encode(uint32_t cp, char out[4]);
/* True when the n bytes at s are valid UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *s, size_t n);
/* Number of code points in the valid UTF-8 string s. */
size_t utf8_count(const char *s);
/* Byte length of the first max_cp code points of s. */
size_t utf8_prefix_bytes(const char *s, size_t max_cp);

/*
 * Parse a decimal integer in [min, max] from the whole of s. Returns 0 on
 * success and -1 otherwise (atoi is banned: it cannot report errors).
 */
int str_to_long(const char *s, long min, long max, long *out /* OUT: on success */);

#endif
