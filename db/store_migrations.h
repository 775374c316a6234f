/*
 * The SQL migrations, embedded at build time from db/migrations/NNN_*.sql
 * (cmake/EmbedSql.cmake), in increasing version order (gaps allowed).
 * Migration N brings the schema to user_version N; on open every migration
 * whose version is above the file's is applied, in one transaction.
 */
#ifndef AZMAT_STORE_MIGRATIONS_H
#define AZMAT_STORE_MIGRATIONS_H

struct db_migration {
	int version;
	const char *name;
	const char *sql;
};

extern const struct db_migration db_migrations[];
extern const int db_nmigrations;

#endif
