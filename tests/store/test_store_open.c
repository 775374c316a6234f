/*
 * Opening the store: a new file is private and fully migrated; every bad
 * file (not SQLite, another application's, newer, corrupt, locked) is
 * refused with a clear error and left byte-for-byte unchanged.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store.h"
#include "store_fixture.h"
#include "store_migrations.h"

static void test_new_file_is_private_and_migrated(void)
{
	const char *path = tpath("sub/dir/new.db");
	struct errmsg em = ERRMSG_INIT;
	struct store *st = NULL;
	struct stat sb;

	T_EQ_INT(store_open(path, 0, &st, &em), AZ_ERR_NOTFOUND);
	T_ASSERT(st == NULL);
	T_EQ_INT(store_open(path, STORE_CREATE, &st, &em), AZ_OK);
	T_REQUIRE(st != NULL);
	T_EQ_INT(store_version(st), store_latest_version());
	T_ASSERT(store_latest_version() >= 2);
	T_EQ_INT(stat(path, &sb), 0);
	T_EQ_INT(sb.st_mode & 0777, 0600);
	T_EQ_INT(stat(tpath("sub/dir"), &sb), 0);
	T_EQ_INT(sb.st_mode & 0777, 0700);
	store_close(&st);
	T_ASSERT(st == NULL);
	T_EQ_INT(raw_int(path, "PRAGMA user_version"), store_latest_version());
	T_EQ_INT(raw_int(path, "PRAGMA application_id"), 0x417a4d74);
	T_EQ_INT(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'answer_history'"), 1);
	/* Reopening an up-to-date file needs no backup. */
	T_EQ_INT(store_open(path, 0, &st, &em), AZ_OK);
	store_close(&st);
	T_ASSERT(access(tpath("sub/dir/new.db.v2.bak"), F_OK) != 0);
}

/* Open must fail with want, mention hint, and leave the file as it was. */
static void expect_refused(const char *path, enum az_err want, const char *hint)
{
	struct errmsg em = ERRMSG_INIT;
	struct store *st = NULL;
	size_t len = 0;
	char *before = t_slurp(path, &len);

	T_REQUIRE(before != NULL);
	T_EQ_INT(store_open(path, STORE_CREATE, &st, &em), want);
	T_ASSERT(st == NULL);
	T_CONTAINS(em.msg, hint);
	T_ASSERT(same_bytes(path, before, len));
	{
		char side[1100];
		snprintf(side, sizeof(side), "%s-wal", path);
		T_ASSERT(access(side, F_OK) != 0);
		snprintf(side, sizeof(side), "%s-journal", path);
		T_ASSERT(access(side, F_OK) != 0);
	}
	free(before);
}

static void test_not_sqlite(void)
{
	const char *path = tpath("notes.db");
	const char *text = "These are meeting notes, not a database.\n";

	T_EQ_INT(t_write(path, text, strlen(text)), 0);
	expect_refused(path, AZ_ERR_DB_NOTDB, "not an azmat database");
	/* A short file too. */
	T_EQ_INT(t_write(path, "SQLite", 6), 0);
	expect_refused(path, AZ_ERR_DB_NOTDB, "not an azmat database");
}

static void test_foreign_sqlite(void)
{
	const char *path = tpath("other.db");

	raw_exec(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
	expect_refused(path, AZ_ERR_DB_NOTDB, "but not azmat's");
	path = tpath("other2.db");
	raw_exec(path, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
	expect_refused(path, AZ_ERR_DB_NOTDB, "of another application");
}

static void test_newer_schema(void)
{
	const char *path = tpath("newer.db");
	struct errmsg em = ERRMSG_INIT;
	struct store *st = NULL;
	char sql[64];

	T_EQ_INT(store_open(path, STORE_CREATE, &st, &em), AZ_OK);
	store_close(&st);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", store_latest_version() + 1);
	raw_exec(path, sql);
	expect_refused(path, AZ_ERR_DB_NEWER, "upgrade azmat");
}

static void test_corrupt(void)
{
	const char *path = tpath("corrupt.db");
	struct errmsg em = ERRMSG_INIT;
	struct store *st = NULL;
	struct assessment_fields f = { "Corrupt me", "", "", "", "2026.11.0" };
	long long id;
	size_t len = 0, i;
	char *data;

	T_EQ_INT(store_open(path, STORE_CREATE, &st, &em), AZ_OK);
	for (i = 0; i < 200; i++)
		T_REQUIRE(store_assessment_create(st, &f, &id, &em) == AZ_OK);
	store_close(&st);
	data = t_slurp(path, &len);
	T_REQUIRE(data && len > 3 * 4096);
	/* Scribble over the second page (a b-tree page of the schema or data). */
	for (i = 4096; i < 4096 + 512; i++)
		data[i] = (char)(i * 7);
	T_EQ_INT(t_write(path, data, len), 0);
	free(data);
	expect_refused(path, AZ_ERR_DB_CORRUPT, "corrupt");
}

static void test_truncated(void)
{
	const char *path = tpath("truncated.db");
	struct errmsg em = ERRMSG_INIT;
	struct store *st = NULL;
	size_t len = 0;
	char *data;

	T_EQ_INT(store_open(path, STORE_CREATE, &st, &em), AZ_OK);
	store_close(&st);
	data = t_slurp(path, &len);
	T_REQUIRE(data && len > 5000);
	T_EQ_INT(t_write(path, data, 5000), 0);
	free(data);
	{
		size_t n = 0;
		char *before = t_slurp(path, &n);
		enum az_err rc = store_open(path, 0, &st, &em);
		T_ASSERT(rc == AZ_ERR_DB_CORRUPT || rc == AZ_ERR_DB_NOTDB);
		T_ASSERT(st == NULL);
		T_ASSERT(same_bytes(path, before, n));
		free(before);
	}
}

/*
 * Another process holds a write lock: opening still works (WAL lets us
 * read), but a write waits for the busy timeout and then says the file is
 * locked; nothing is changed.
 */
static void test_locked_by_another_process(void)
{
	const char *path = tpath("locked.db");
	struct errmsg em = ERRMSG_INIT;
	struct store *st = NULL;
	struct assessment_fields f = { "Workshop", "", "", "", "2026.11.0" };
	struct answer a;
	long long id;
	int ready[2], done[2];
	pid_t child;
	char c;
	size_t len = 0;
	char *before;

	T_EQ_INT(store_open(path, STORE_CREATE, &st, &em), AZ_OK);
	T_EQ_INT(store_assessment_create(st, &f, &id, &em), AZ_OK);
	store_close(&st);
	before = t_slurp(path, &len);
	T_REQUIRE(pipe(ready) == 0 && pipe(done) == 0);
	child = fork();
	if (child == 0) {
		sqlite3 *db;
		sqlite3_open(path, &db);
		sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
		if (write(ready[1], "r", 1) != 1 || read(done[0], &c, 1) != 1)
			_exit(1);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db);
		_exit(0);
	}
	T_REQUIRE(read(ready[0], &c, 1) == 1);
	setenv("AZMAT_BUSY_TIMEOUT_MS", "200", 1);
	T_EQ_INT(store_open(path, 0, &st, &em), AZ_OK);
	if (st) {
		answer_init(&a, "1a.1");
		a.value = ANSWER_FULLY;
		T_EQ_INT(store_answer_put(st, id, &a, "tester", "test", &em), AZ_ERR_DB_LOCKED);
		T_CONTAINS(em.msg, "is locked by another process");
		answer_release(&a);
		store_close(&st);
	}
	T_EQ_INT(write(done[1], "d", 1), 1);
	waitpid(child, NULL, 0);
	T_ASSERT(same_bytes(path, before, len));
	T_EQ_INT(raw_int(path, "SELECT count(*) FROM answer"), 0);
	free(before);
	unsetenv("AZMAT_BUSY_TIMEOUT_MS");
}

/* A rollback-journal file locked exclusively cannot even be read: refused at open. */
static void test_locked_at_open(void)
{
	const char *path = tpath("locked2.db");
	struct errmsg em = ERRMSG_INIT;
	struct store *st = NULL;
	int ready[2], done[2];
	pid_t child;
	char c;
	size_t len = 0;
	char *before;

	T_EQ_INT(store_open(path, STORE_CREATE, &st, &em), AZ_OK);
	store_close(&st);
	raw_exec(path, "PRAGMA journal_mode = DELETE");
	before = t_slurp(path, &len);
	T_REQUIRE(pipe(ready) == 0 && pipe(done) == 0);
	child = fork();
	if (child == 0) {
		sqlite3 *db;
		sqlite3_open(path, &db);
		sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL, NULL);
		if (write(ready[1], "r", 1) != 1 || read(done[0], &c, 1) != 1)
			_exit(1);
		sqlite3_close(db);
		_exit(0);
	}
	T_REQUIRE(read(ready[0], &c, 1) == 1);
	setenv("AZMAT_BUSY_TIMEOUT_MS", "200", 1);
	T_EQ_INT(store_open(path, 0, &st, &em), AZ_ERR_DB_LOCKED);
	T_CONTAINS(em.msg, "locked by another process");
	T_ASSERT(st == NULL);
	T_EQ_INT(write(done[1], "d", 1), 1);
	waitpid(child, NULL, 0);
	T_ASSERT(same_bytes(path, before, len));
	free(before);
	unsetenv("AZMAT_BUSY_TIMEOUT_MS");
}

/*
 * Every earlier schema version migrates to the latest: build a file at
 * version v by applying the migrations up to v, put data in, open it.
 */
static void test_migrations_from_every_version(void)
{
	int k;

	for (k = 0; k < db_nmigrations; k++) {
		int v = db_migrations[k].version;
		char name[64], bak[1100], sql[128];
		const char *path;
		struct errmsg em = ERRMSG_INIT;
		struct store *st = NULL;
		struct assessment a;
		int j;

		snprintf(name, sizeof(name), "v%d.db", v);
		path = tpath(name);
		for (j = 0; j <= k; j++)
			raw_exec(path, db_migrations[j].sql);
		raw_exec(path, "PRAGMA application_id = 1098534260");
		raw_exec(path, "INSERT INTO assessment (name, catalog_version, created_at, updated_at) "
			       "VALUES ('Old', '2026.11.0', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
		raw_exec(path, "INSERT INTO answer (assessment_id, question_id, value, updated_at) "
			       "VALUES (1, '1a.1', 'partial', '2026-01-01T00:00:00Z')");
		T_EQ_INT(raw_int(path, "PRAGMA user_version"), v);
		T_EQ_INT(store_open(path, 0, &st, &em), AZ_OK);
		if (!st)
			continue;
		T_EQ_INT(store_version(st), store_latest_version());
		memset(&a, 0, sizeof(a));
		T_EQ_INT(store_assessment_get(st, 1, &a, &em), AZ_OK);
		T_EQ_STR(a.name, "Old");
		assessment_release(&a);
		store_close(&st);
		snprintf(bak, sizeof(bak), "%s.v%d.bak", path, v);
		if (v < store_latest_version()) {
			struct stat sb;
			T_EQ_INT(raw_int(bak, "PRAGMA user_version"), v);
			T_EQ_INT(raw_int(bak, "SELECT count(*) FROM answer"), 1);
			T_EQ_INT(stat(bak, &sb), 0);
			T_EQ_INT(sb.st_mode & 0777, 0600);
		} else {
			T_ASSERT(access(bak, F_OK) != 0);
		}
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM answer WHERE value = 'partial'");
		T_EQ_INT(raw_int(path, sql), 1);
	}
}

int main(void)
{
	T_RUN(test_new_file_is_private_and_migrated);
	T_RUN(test_not_sqlite);
	T_RUN(test_foreign_sqlite);
	T_RUN(test_newer_schema);
	T_RUN(test_corrupt);
	T_RUN(test_truncated);
	T_RUN(test_locked_by_another_process);
	T_RUN(test_locked_at_open);
	T_RUN(test_migrations_from_every_version);
	return t_done();
}
