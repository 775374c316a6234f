/*
 * A minimal test harness: every check reports file:line on failure and the
 * test program exits non-zero if any check failed. Checks never stop a
 * test early unless they are T_REQUIRE.
 *
 *	static void test_buf_grows(void) { ... T_EQ_INT(b.len, 3); }
 *	int main(void) { T_RUN(test_buf_grows); return t_done(); }
 */
#ifndef AZMAT_T_H
#define AZMAT_T_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int t_failures;
extern int t_checks;
extern const char *t_current;

void t_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int t_done(void);

#define T_RUN(fn) \
	do { \
		t_current = #fn; \
		fn(); \
	} while (0)

#define T_ASSERT(cond) \
	do { \
		t_checks++; \
		if (!(cond)) \
			t_fail(__FILE__, __LINE__, "assertion failed: %s", #cond); \
	} while (0)

#define T_REQUIRE(cond) \
	do { \
		t_checks++; \
		if (!(cond)) { \
			t_fail(__FILE__, __LINE__, "required: %s", #cond); \
			return; \
		} \
	} while (0)

#define T_EQ_INT(a, b) \
	do { \
		long long t_a_ = (long long)(a), t_b_ = (long long)(b); \
		t_checks++; \
		if (t_a_ != t_b_) \
			t_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, t_a_, t_b_); \
	} while (0)

#define T_EQ_STR(a, b) \
	do { \
		const char *t_a_ = (a), *t_b_ = (b); \
		t_checks++; \
		if (!t_a_ || !t_b_ || strcmp(t_a_, t_b_)) \
			t_fail(__FILE__, __LINE__, "%s == %s: \"%s\" != \"%s\"", #a, #b, \
			       t_a_ ? t_a_ : "(null)", t_b_ ? t_b_ : "(null)"); \
	} while (0)

#define T_NEAR(a, b, eps) \
	do { \
		double t_a_ = (a), t_b_ = (b); \
		t_checks++; \
		if (t_a_ - t_b_ > (eps) || t_b_ - t_a_ > (eps)) \
			t_fail(__FILE__, __LINE__, "%s ~= %s: %g != %g", #a, #b, t_a_, t_b_); \
	} while (0)

#define T_CONTAINS(hay, needle) \
	do { \
		const char *t_h_ = (hay), *t_n_ = (needle); \
		t_checks++; \
		if (!t_h_ || !strstr(t_h_, t_n_)) \
			t_fail(__FILE__, __LINE__, "\"%s\" not found in %s", t_n_, #hay); \
	} while (0)

/* Path of a file under tests/data (AZMAT_TEST_DATA set by ctest). */
const char *t_data(const char *rel);
/* A fresh private directory for this test program (removed at exit). */
const char *t_tmpdir(void);
/* Read a whole file into a new string (caller frees); NULL on error. */
char *t_slurp(const char *path, size_t *len);
/* Write len bytes to path; returns 0 on success. */
int t_write(const char *path, const void *data, size_t len);

#endif
