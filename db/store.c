/*
 * Opening, checking, backing up and migrating the store.
 *
 * The order of operations matters for "leave a bad file untouched":
 *  1. look at the file's first bytes ourselves (not SQLite? refuse);
 *  2. open it and read application_id, user_version and the schema with
 *     read-only queries (foreign, newer, corrupt or locked? refuse);
 *  3. only then write anything: journal_mode=WAL, the backup, migrations.
 */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "store_migrations.h"
#include "strutil.h"
#include "timeutil.h"
#include "xalloc.h"

/* "AzMt": written to PRAGMA application_id so foreign SQLite files are recognised. */
#define AZMAT_APPLICATION_ID 0x417a4d74
#define SQLITE_MAGIC "SQLite format 3"

int store_latest_version(void)
{
	return db_nmigrations ? db_migrations[db_nmigrations - 1].version : 0;
}

int store_version(const struct store *st)
{
	return st->version;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

void store_default_path(struct buf *out)
{
	const char *env = getenv("AZMAT_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (env && *env)
		buf_addstr(out, env);
	else if (xdg && *xdg)
		buf_addf(out, "%s/azmat/azmat.db", xdg);
	else
		buf_addf(out, "%s/.local/share/azmat/azmat.db", home && *home ? home : ".");
}

void store_now(char out[32])
{
	time_format_iso(time_now(), out, 32);
}

enum az_err store_error(struct store *st, int src, const char *what, struct errmsg *em)
{
	int prim = src & 0xff;
	const char *path = st && st->path ? st->path : "";
	const char *detail = st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(src);

	switch (prim) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return errmsg_set(em, AZ_ERR_DB_LOCKED,
				  "database '%s' is locked by another process; close it there and retry",
				  path);
	case SQLITE_CORRUPT:
		return errmsg_set(em, AZ_ERR_DB_CORRUPT,
				  "database '%s' is corrupt (%s); restore it from a backup", path, detail);
	case SQLITE_NOTADB:
		return errmsg_set(em, AZ_ERR_DB_NOTDB, "'%s' is not an azmat database", path);
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_IOERR:
	case SQLITE_FULL:
		return errmsg_set(em, AZ_ERR_IO, "cannot %s database '%s': %s", what, path, detail);
	default:
		return errmsg_set(em, AZ_ERR_DB, "cannot %s database '%s': %s", what, path, detail);
	}
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct errmsg *em)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK) {
		store_error(st, rc, "query", em);
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

int store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

int store_bind_int(sqlite3_stmt *s, int i, long long v)
{
	return sqlite3_bind_int64(s, i, (sqlite3_int64)v);
}

char *store_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return xstrdup(t ? (const char *)t : "");
}

char *store_col_dup_or_null(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? xstrdup((const char *)t) : NULL;
}

enum az_err store_exec(struct store *st, const char *sql, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, sql, em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_error(st, rc, "write", em);
	return AZ_OK;
}

enum az_err store_begin(struct store *st, struct errmsg *em)
{
	return store_exec(st, "BEGIN IMMEDIATE", em);
}

enum az_err store_commit(struct store *st, struct errmsg *em)
{
	return store_exec(st, "COMMIT", em);
}

void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Read one integer from a pragma or query. */
static int query_int(struct store *st, const char *sql, long long *out, struct errmsg *em)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		store_error(st, rc, "read", em);
		return -1;
	}
	return 0;
}

/*
 * Step 1: look at the file ourselves. An empty file is a new database; a
 * file whose first 16 bytes are not SQLite's magic is refused untouched.
 */
static enum az_err sniff_file(const char *path, int *is_new, struct errmsg *em)
{
	char head[100];
	struct stat stbuf;
	ssize_t n;
	int fd;

	*is_new = 0;
	if (stat(path, &stbuf))
		return errmsg_set(em, AZ_ERR_NOTFOUND, "database '%s' does not exist", path);
	if (!S_ISREG(stbuf.st_mode))
		return errmsg_set(em, AZ_ERR_DB_NOTDB, "'%s' is not a regular file", path);
	if (stbuf.st_size == 0) {
		*is_new = 1;
		return AZ_OK;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errmsg_set(em, AZ_ERR_IO, "cannot open database '%s': %s", path, strerror(errno));
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n < (ssize_t)sizeof(head) || memcmp(head, SQLITE_MAGIC, sizeof(SQLITE_MAGIC)))
		return errmsg_set(em, AZ_ERR_DB_NOTDB,
				  "'%s' is not an azmat database (not a SQLite file); it was left unchanged",
				  path);
	return AZ_OK;
}

static enum az_err create_file(const char *path, struct errmsg *em)
{
	struct buf dir = BUF_INIT(8192);
	enum az_err rc;
	int fd;

	path_dirname(&dir, path);
	rc = mkdir_p(dir.data, 0700, em);
	buf_release(&dir);
	if (rc)
		return rc;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return errmsg_set(em, AZ_ERR_IO, "cannot create database '%s': %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return AZ_OK;
}

/* Step 2: is this an azmat store we can use, as far as reading tells? */
static enum az_err inspect(struct store *st, int is_new, struct errmsg *em)
{
	long long app = 0, ver = 0, ntables = 0;

	if (query_int(st, "PRAGMA application_id", &app, em) ||
	    query_int(st, "PRAGMA user_version", &ver, em) ||
	    query_int(st, "SELECT count(*) FROM sqlite_master", &ntables, em))
		return em ? em->code : AZ_ERR_DB;
	if (app != 0 && app != AZMAT_APPLICATION_ID)
		return errmsg_set(em, AZ_ERR_DB_NOTDB,
				  "'%s' is a SQLite database of another application; it was left unchanged",
				  st->path);
	if (app == 0 && (ntables > 0 || ver > 0) && !is_new)
		return errmsg_set(em, AZ_ERR_DB_NOTDB,
				  "'%s' is a SQLite database but not azmat's; it was left unchanged",
				  st->path);
	if (ver > store_latest_version())
		return errmsg_set(em, AZ_ERR_DB_NEWER,
				  "database '%s' has schema version %lld but this azmat knows only up to %d; "
				  "upgrade azmat (the file was left unchanged)",
				  st->path, ver, store_latest_version());
	st->version = (int)ver;
	return AZ_OK;
}

/* A full integrity check on an existing file we are about to migrate. */
static enum az_err check_integrity(struct store *st, struct errmsg *em)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &s, NULL);
	enum az_err ret = AZ_OK;

	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 0);
		if (!t || strcmp((const char *)t, "ok"))
			ret = errmsg_set(em, AZ_ERR_DB_CORRUPT,
					 "database '%s' is corrupt (%s); it was left unchanged", st->path,
					 t ? (const char *)t : "?");
	} else if (rc != SQLITE_DONE) {
		ret = store_error(st, rc, "check", em);
	}
	sqlite3_finalize(s);
	return ret;
}

/* Copy the whole database to "<path>.v<N>.bak" (mode 0600) with SQLite's backup API. */
static enum az_err backup(struct store *st, struct errmsg *em)
{
	struct buf bak = BUF_INIT(8192);
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	enum az_err ret = AZ_OK;
	int rc, fd;

	buf_addf(&bak, "%s.v%d.bak", st->path, st->version);
	unlink(bak.data);
	fd = open(bak.data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		ret = errmsg_set(em, AZ_ERR_IO, "cannot create backup '%s': %s", bak.data,
				 strerror(errno));
		goto out;
	}
	close(fd);
	rc = sqlite3_open_v2(bak.data, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(dst, "main", st->db, "main");
		if (!b) {
			rc = sqlite3_errcode(dst);
		} else {
			rc = sqlite3_backup_step(b, -1);
			sqlite3_backup_finish(b);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		}
	}
	if (rc != SQLITE_OK)
		ret = errmsg_set(em, AZ_ERR_IO, "cannot write backup '%s': %s", bak.data,
				 dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
out:
	sqlite3_close(dst);
	buf_release(&bak);
	return ret;
}

static enum az_err migrate(struct store *st, struct errmsg *em)
{
	enum az_err rc;
	int i;

	rc = store_begin(st, em);
	if (rc)
		return rc;
	for (i = 0; i < db_nmigrations; i++) {
		char *err = NULL;
		int src;

		if (db_migrations[i].version <= st->version)
			continue;
		src = sqlite3_exec(st->db, db_migrations[i].sql, NULL, NULL, &err);
		if (src != SQLITE_OK) {
			errmsg_set(em, src == SQLITE_BUSY ? AZ_ERR_DB_LOCKED : AZ_ERR_DB,
				   "cannot apply migration %s to '%s': %s", db_migrations[i].name,
				   st->path, err ? err : sqlite3_errstr(src));
			sqlite3_free(err);
			store_rollback(st);
			return em ? em->code : AZ_ERR_DB;
		}
	}
	/*
	 * Each embedded migration ends with its own "PRAGMA user_version = N"
	 * (added by cmake/EmbedSql.cmake), so the version moves in the same
	 * transaction as the schema.
	 */
	rc = store_exec(st, "PRAGMA application_id = 1098534260", em);
	if (!rc)
		rc = store_commit(st, em);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	st->version = store_latest_version();
	return AZ_OK;
}

static enum az_err configure(struct store *st, struct errmsg *em)
{
	long long dummy;
	enum az_err rc;

	rc = store_exec(st, "PRAGMA foreign_keys = ON", em);
	if (!rc && strcmp(st->path, ":memory:"))
		rc = query_int(st, "PRAGMA journal_mode = WAL", &dummy, em) ? em->code : AZ_OK;
	if (!rc)
		rc = store_exec(st, "PRAGMA synchronous = FULL", em);
	return rc;
}

static int busy_timeout_ms(void)
{
	const char *env = getenv("AZMAT_BUSY_TIMEOUT_MS");
	long v;

	if (env && !str_to_long(env, 0, 600000, &v))
		return (int)v;
	return 5000;
}

enum az_err store_open(const char *path, unsigned flags, struct store **out, struct errmsg *em)
{
	struct store *st = xcalloc(1, sizeof(*st));
	int memory = !strcmp(path, ":memory:");
	int is_new = memory;
	enum az_err rc;
	int src;

	st->path = xstrdup(path);
	if (!memory) {
		rc = sniff_file(path, &is_new, em);
		if (rc == AZ_ERR_NOTFOUND && (flags & STORE_CREATE)) {
			errmsg_clear(em);
			rc = create_file(path, em);
			is_new = 1;
		}
		if (rc)
			goto fail;
	}
	src = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (src != SQLITE_OK) {
		rc = store_error(st, src, "open", em);
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, busy_timeout_ms());
	rc = inspect(st, is_new, em);
	if (rc)
		goto fail;
	if (!is_new) {
		rc = check_integrity(st, em);
		if (rc)
			goto fail;
	}
	if (st->version > 0 && st->version < store_latest_version()) {
		if (flags & STORE_NO_MIGRATE) {
			rc = errmsg_set(em, AZ_ERR_DB, "database '%s' needs migrating from version %d",
					path, st->version);
			goto fail;
		}
		rc = backup(st, em);
		if (rc)
			goto fail;
	}
	rc = configure(st, em);
	if (!rc && st->version < store_latest_version())
		rc = migrate(st, em);
	if (rc)
		goto fail;
	*out = st;
	return AZ_OK;
fail:
	store_close(&st);
	return rc;
}

void store_close(struct store **ps)
{
	struct store *st = *ps;

	if (!st)
		return;
	if (st->db)
		sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
	*ps = NULL;
}
