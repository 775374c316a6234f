/*
 * struct secret: bytes that must never reach the disk, a log or the screen
 * (client secrets, private key passphrases, access and refresh tokens).
 *
 * The bytes are held on the heap, are always NUL-terminated, and are wiped
 * with explicit_bzero() before they are freed (curl libcurl-security,
 * "Secrets in memory"). Every value set is also registered with the log
 * redactor (log.h), so that even a careless log line prints [REDACTED].
 */
#ifndef AZMAT_SECRET_H
#define AZMAT_SECRET_H

#include <stddef.h>

#include "err.h"

struct secret {
	char *data; /* NULL when empty */
	size_t len;
};

#define SECRET_INIT { NULL, 0 }

/* Replace s's value with a copy of n bytes of p (wiping the old value). */
void secret_set(struct secret *s, const char *p, size_t n);
/* Replace s's value with the C string p. */
void secret_setstr(struct secret *s, const char *p);
/* Wipe and free s's value; s stays usable and empty. */
void secret_clear(struct secret *s);
/* True when s holds a value. */
int secret_isset(const struct secret *s);
/*
 * Read a secret from the file at path, dropping one trailing newline.
 * Refuses files larger than 64 KiB.
 */
enum az_err secret_read_file(struct secret *s, const char *path, struct errmsg *em);
/* Read one line from the stream fd (standard input), without echo control. */
enum az_err secret_read_fd(struct secret *s, int fd, struct errmsg *em);
/* Wipe n bytes at p in a way the compiler cannot drop. */
void secret_wipe(void *p, size_t n);

#endif
