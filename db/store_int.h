/*
 * Internal to db/: the handle and statement helpers.
 */
#ifndef AZMAT_STORE_INT_H
#define AZMAT_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3 *db;
	char *path;
	int version;
};

/* Map a SQLite result code to an az_err and a message naming what failed. */
enum az_err store_error(struct store *st, int src, const char *what, struct errmsg *em);

/* Prepare sql; on failure report and return NULL. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct errmsg *em);

/* Bind a C string (NULL binds SQL NULL) / a 64-bit integer. */
int store_bind_text(sqlite3_stmt *s, int i, const char *v);
int store_bind_int(sqlite3_stmt *s, int i, long long v);

/* A copy of column i as text; "" for NULL. */
char *store_col_dup(sqlite3_stmt *s, int i);
/* A copy of column i as text, or NULL for SQL NULL. */
char *store_col_dup_or_null(sqlite3_stmt *s, int i);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
enum az_err store_begin(struct store *st, struct errmsg *em);
enum az_err store_commit(struct store *st, struct errmsg *em);
void store_rollback(struct store *st);

/* Run one statement with no parameters and no result rows. */
enum az_err store_exec(struct store *st, const char *sql, struct errmsg *em);

/* Now, as ISO 8601 UTC text, into a 32-byte buffer. */
void store_now(char out[32]);

#endif
