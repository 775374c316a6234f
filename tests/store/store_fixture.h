/*
 * Helpers for store tests: file bytes, raw SQLite access.
 */
#ifndef AZMAT_STORE_FIXTURE_H
#define AZMAT_STORE_FIXTURE_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"

/* A path inside the test's private folder. */
static inline const char *tpath(const char *name)
{
	static char p[8][1024];
	static int slot;
	char *s = p[slot++ % 8];

	snprintf(s, 1024, "%s/%s", t_tmpdir(), name);
	return s;
}

/* True when the file at path holds exactly data (len bytes). */
static inline int same_bytes(const char *path, const char *data, size_t len)
{
	size_t n = 0;
	char *now = t_slurp(path, &n);
	int same = now && n == len && !memcmp(now, data, len);

	free(now);
	return same;
}

/* Run SQL on a raw connection to path; abort the test program on error. */
static inline void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *err = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "raw_exec(%s): %s\n", path, err ? err : sqlite3_errmsg(db));
		exit(2);
	}
	sqlite3_close(db);
}

static inline long long raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	long long v = -1;

	if (sqlite3_open(path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

#endif
