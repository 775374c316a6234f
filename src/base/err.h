/*
 * Error codes and the human message carrier.
 *
 * Fallible functions return enum az_err (AZ_OK is 0). Detail for humans goes
 * into an optional struct errmsg, a fixed buffer so that reporting an error
 * never allocates (tig error(), tmux "cause"). Messages follow git's wording:
 * lowercase, the error first, the subject in quotes, no full stop.
 *
 * Messages must never contain a secret: callers pass names and paths, never
 * tokens or credentials.
 */
#ifndef AZMAT_ERR_H
#define AZMAT_ERR_H

#include <stddef.h>

#define AZ_ERR_LIST(X) \
	X(AZ_OK, "success") \
	X(AZ_ERR_USAGE, "invalid usage") \
	X(AZ_ERR_IO, "input/output error") \
	X(AZ_ERR_NOTFOUND, "not found") \
	X(AZ_ERR_EXISTS, "already exists") \
	X(AZ_ERR_PARSE, "malformed input") \
	X(AZ_ERR_INVALID, "invalid data") \
	X(AZ_ERR_TOOBIG, "size limit exceeded") \
	X(AZ_ERR_DB, "database error") \
	X(AZ_ERR_DB_NOTDB, "not an azmat database") \
	X(AZ_ERR_DB_CORRUPT, "database is corrupt") \
	X(AZ_ERR_DB_NEWER, "database was written by a newer azmat") \
	X(AZ_ERR_DB_LOCKED, "database is locked") \
	X(AZ_ERR_READONLY, "read-only") \
	X(AZ_ERR_HTTP, "HTTP error") \
	X(AZ_ERR_AUTH, "authentication failed") \
	X(AZ_ERR_PERMISSION, "permission denied") \
	X(AZ_ERR_TIMEOUT, "timed out") \
	X(AZ_ERR_CANCELLED, "cancelled") \
	X(AZ_ERR_UNSAFE, "refused as unsafe") \
	X(AZ_ERR_INTERNAL, "internal error")

enum az_err {
#define AZ_ERR_ENUM(name, text) name,
	AZ_ERR_LIST(AZ_ERR_ENUM)
#undef AZ_ERR_ENUM
	AZ_ERR__COUNT
};

#define ERRMSG_MAX 256

struct errmsg {
	enum az_err code;
	char msg[ERRMSG_MAX];
};

#define ERRMSG_INIT { AZ_OK, "" }

/* The static description of code; never NULL. */
const char *az_strerror(enum az_err code);

/* The symbolic name of code ("AZ_ERR_IO"); never NULL. */
const char *az_errname(enum az_err code);

/*
 * Record code and a printf-style message in em (which may be NULL) and
 * return code, so that callers can write `return errmsg_set(em, ...)`.
 * A message longer than ERRMSG_MAX is truncated with "...".
 */
enum az_err errmsg_set(struct errmsg *em, enum az_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Forget any recorded error. em may be NULL. */
void errmsg_clear(struct errmsg *em);

/* The message in em, or the static description of its code when empty. */
const char *errmsg_text(const struct errmsg *em);

#endif
