/*
 * Settings: global (assessment 0) and per assessment.
 */
#include "store_int.h"

enum az_err store_setting_get(struct store *st, long long assessment_id, const char *key, char **out,
			      struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT value FROM setting WHERE assessment_id = ? AND key = ?", em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, assessment_id);
	store_bind_text(s, 2, key);
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? store_col_dup(s, 0) : NULL;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, rc, "read", em);
	return AZ_OK;
}

enum az_err store_setting_set(struct store *st, long long assessment_id, const char *key,
			      const char *value, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(
		st,
		"INSERT INTO setting (assessment_id, key, value) VALUES (?, ?, ?) "
		"ON CONFLICT (assessment_id, key) DO UPDATE SET value = excluded.value",
		em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, assessment_id);
	store_bind_text(s, 2, key);
	store_bind_text(s, 3, value);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "write", em);
	return AZ_OK;
}
