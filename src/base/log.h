/*
 * Logging with redaction.
 *
 * Nothing is logged unless a sink is set (log_open() on a file, or
 * log_to_stderr()). Every line passes through redact() before it is
 * written, which removes the values registered with log_add_secret() (every
 * struct secret registers its value) and anything shaped like a credential:
 * bearer tokens, JWTs, and the values of access_token, refresh_token,
 * client_secret, client_assertion, device_code, password and similar keys in
 * JSON, form or query-string form.
 *
 * The registry, the sink and the tap are process-global and guarded by one
 * lock, so any thread may log and register secrets (the TUI collects on a
 * worker thread).
 */
#ifndef AZMAT_LOG_H
#define AZMAT_LOG_H

#include <stdio.h>

#include "buf.h"

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Append to the file at path (created 0600). Returns AZ_ERR_IO on failure. */
enum az_err log_open(const char *path, enum log_level level, struct errmsg *em);
/* Log to standard error from level upwards. */
void log_to_stderr(enum log_level level);
/* Close the sink; logging becomes a no-op again. */
void log_close(void);
/*
 * A tap: every line at level or more important, redacted and without its
 * time stamp, is also handed to fn (the TUI's collection log), whether or
 * not a sink is set. fn runs on the logging thread with the log's lock
 * held: it must return quickly and must not log. NULL removes the tap.
 */
typedef void (*log_tap_fn)(void *ctx, enum log_level level, const char *line);
void log_set_tap(log_tap_fn fn, void *ctx, enum log_level level);

/* True when a message at level would be written (to the sink or the tap). */
int log_enabled(enum log_level level);

/* Write one redacted line: "2026-11-26T10:00:00Z INFO message". */
void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Register the C string s (borrowed: it must stay valid until
 * log_forget_secret(s)) as a value to remove from every logged line and from
 * redact(). Values shorter than 6 bytes are ignored: they would mangle text.
 */
void log_add_secret(const char *s);
void log_forget_secret(const char *s);

/*
 * Append to out a copy of the n bytes at in with every registered secret and
 * every credential-shaped value replaced by "[REDACTED]".
 */
void redact(struct buf *out, const char *in, size_t n);

/* Return a heap copy of s, redacted. Caller frees. */
char *redact_dup(const char *s);

#endif
