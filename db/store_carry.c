/*
 * Quarterly re-assessment and sign-off: carrying answers over, the lineage
 * of a tenant's assessments, and signing off (migration 004).
 */
#include <stdlib.h>
#include <string.h>

#include "store_plan.h"
#include "store_plan_int.h"
#include "xalloc.h"

void store_strings_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

enum az_err store_carried_load(struct store *st, long long aid, char ***out, size_t *n,
			       struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"SELECT question_id FROM answer WHERE assessment_id = ? AND "
					"carried_from IS NOT NULL ORDER BY question_id",
					em);
	char **v = NULL;
	size_t cnt = 0, alloc = 0;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(v, cnt, alloc);
		v[cnt++] = store_col_dup(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_strings_free(v, cnt);
		return store_error(st, rc, "read", em);
	}
	*out = v;
	*n = cnt;
	return AZ_OK;
}

/* Run one statement binding (to, from, now, who) as ?1..?4. */
static enum az_err carry_exec(struct store *st, const char *sql, long long from, long long to,
			      const char *now, const char *who, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, sql, em);

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, to);
	store_bind_int(s, 2, from);
	store_bind_text(s, 3, now);
	store_bind_text(s, 4, who ? who : "");
	return store_step_done(st, s, em);
}

static const char *const carry_sql[] = {
	"INSERT INTO answer (assessment_id, question_id, value, justification, owner, expiry, "
	"note, updated_at, updated_by, carried_from, suggested, override_reason) SELECT ?1, "
	"question_id, value, justification, owner, expiry, note, ?3, ?4, ?2, suggested, "
	"override_reason FROM answer WHERE assessment_id = ?2",
	"INSERT INTO answer_history (assessment_id, question_id, field, old_value, new_value, "
	"changed_at, changed_by, source) SELECT ?1, question_id, 'value', '', value, ?3, ?4, "
	"'carried' FROM answer WHERE assessment_id = ?2 AND value IS NOT NULL",
	/* A task done last quarter is judged afresh: its status does not carry. */
	"INSERT INTO plan_override (assessment_id, item_id, owner, due, status, updated_at, "
	"updated_by) SELECT ?1, item_id, owner, due, CASE WHEN status = 'done' THEN NULL ELSE "
	"status END, ?3, ?4 FROM plan_override WHERE assessment_id = ?2",
	"UPDATE assessment SET previous_id = ?2 WHERE id = ?1",
};

static enum az_err count_answers(struct store *st, long long id, long long *n, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT count(*) FROM answer WHERE assessment_id = ?", em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? AZ_OK : store_error(st, rc, "read", em);
}

enum az_err store_assessment_carry(struct store *st, long long from, long long to, const char *who,
				   struct errmsg *em)
{
	struct assessment src;
	enum az_err rc;
	long long n = 0;
	char now[32];
	size_t i;

	memset(&src, 0, sizeof(src));
	if (from == to)
		return errmsg_set(em, AZ_ERR_USAGE, "an assessment cannot be carried into itself");
	rc = store_begin(st, em);
	if (rc)
		return rc;
	rc = store_assessment_get(st, from, &src, em);
	if (!rc)
		rc = store_open_for_write(st, to, em);
	if (!rc)
		rc = count_answers(st, to, &n, em);
	if (!rc && n)
		rc = errmsg_set(em, AZ_ERR_EXISTS, "assessment %lld already has answers", to);
	store_now(now);
	for (i = 0; !rc && i < sizeof(carry_sql) / sizeof(carry_sql[0]); i++)
		rc = carry_exec(st, carry_sql[i], from, to, now, who, em);
	if (!rc)
		rc = store_commit(st, em);
	if (rc)
		store_rollback(st);
	assessment_release(&src);
	return rc;
}

enum az_err store_assessment_previous(struct store *st, long long id, long long *prev,
				      struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT previous_id FROM assessment WHERE id = ?", em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*prev = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return errmsg_set(em, AZ_ERR_NOTFOUND, "no assessment with id %lld", id);
	return rc == SQLITE_ROW ? AZ_OK : store_error(st, rc, "read", em);
}

enum az_err store_assessment_signoff(struct store *st, long long id, const char *by,
				     struct errmsg *em)
{
	sqlite3_stmt *s;
	enum az_err rc;
	char now[32];

	if (!by || !*by)
		return errmsg_set(em, AZ_ERR_USAGE, "a sign-off needs a name");
	rc = store_begin(st, em);
	if (rc)
		return rc;
	rc = store_open_for_write(st, id, em);
	if (rc)
		goto fail;
	s = store_prepare(st,
			  "UPDATE assessment SET signed_off_at = ?, signed_off_by = ?, updated_at = ? "
			  "WHERE id = ? AND signed_off_at IS NULL",
			  em);
	if (!s) {
		rc = em ? em->code : AZ_ERR_DB;
		goto fail;
	}
	store_now(now);
	store_bind_text(s, 1, now);
	store_bind_text(s, 2, by);
	store_bind_text(s, 3, now);
	store_bind_int(s, 4, id);
	rc = store_step_done(st, s, em);
	if (!rc)
		rc = store_commit(st, em);
	if (rc)
		goto fail;
	return AZ_OK;
fail:
	store_rollback(st);
	return rc;
}

static enum az_err lineage_ids(struct store *st, const struct assessment *a, long long **ids,
			       size_t *n, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(
		st,
		"SELECT id FROM assessment WHERE (CASE WHEN ?1 <> '' THEN tenant_id = ?1 "
		"WHEN ?2 <> '' THEN tenant_id = '' AND organisation = ?2 ELSE id = ?3 END) "
		"AND (created_at < ?4 OR (created_at = ?4 AND id <= ?3)) ORDER BY created_at, id",
		em);
	size_t alloc = 0;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_text(s, 1, a->tenant_id);
	store_bind_text(s, 2, a->organisation);
	store_bind_int(s, 3, a->id);
	store_bind_text(s, 4, a->created_at);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(*ids, *n, alloc);
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AZ_OK : store_error(st, rc, "read", em);
}

enum az_err store_assessment_lineage(struct store *st, long long id, struct assessment **out,
				     size_t *n, struct errmsg *em)
{
	struct assessment self, *arr = NULL;
	long long *ids = NULL;
	size_t nids = 0, i, cnt = 0;
	enum az_err rc;

	memset(&self, 0, sizeof(self));
	rc = store_assessment_get(st, id, &self, em);
	if (!rc)
		rc = lineage_ids(st, &self, &ids, &nids, em);
	if (!rc && nids)
		arr = xcalloc(nids, sizeof(*arr));
	for (i = 0; !rc && i < nids; i++, cnt++)
		rc = store_assessment_get(st, ids[i], &arr[i], em);
	assessment_release(&self);
	free(ids);
	if (rc) {
		store_assessments_free(arr, cnt);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return AZ_OK;
}
