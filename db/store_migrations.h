/*
 * The SQL migrations, embedded at build time from db/migrations/NNN_*.sql
 * (cmake/EmbedSql.cmake). Migration N brings the schema from user_version
 * N-1 to N.
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
