/*
 * Assessments.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "xalloc.h"

#define ASSESSMENT_COLS \
	"id, name, tenant_id, organisation, assessor, catalog_version, created_at, " \
	"updated_at, signed_off_at, signed_off_by"

static void read_row(sqlite3_stmt *s, struct assessment *a)
{
	a->id = sqlite3_column_int64(s, 0);
	a->name = store_col_dup(s, 1);
	a->tenant_id = store_col_dup(s, 2);
	a->organisation = store_col_dup(s, 3);
	a->assessor = store_col_dup(s, 4);
	a->catalog_version = store_col_dup(s, 5);
	a->created_at = store_col_dup(s, 6);
	a->updated_at = store_col_dup(s, 7);
	a->signed_off_at = store_col_dup_or_null(s, 8);
	a->signed_off_by = store_col_dup_or_null(s, 9);
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

enum az_err store_assessment_create(struct store *st, const struct assessment_fields *a,
				    long long *id, struct errmsg *em)
{
	sqlite3_stmt *s;
	char now[32];
	int rc;

	if (!a->name || !*a->name)
		return errmsg_set(em, AZ_ERR_INVALID, "an assessment needs a name");
	s = store_prepare(st,
			  "INSERT INTO assessment (name, tenant_id, organisation, assessor, "
			  "catalog_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			  em);
	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_now(now);
	store_bind_text(s, 1, a->name);
	store_bind_text(s, 2, nz(a->tenant_id));
	store_bind_text(s, 3, nz(a->organisation));
	store_bind_text(s, 4, nz(a->assessor));
	store_bind_text(s, 5, nz(a->catalog_version));
	store_bind_text(s, 6, now);
	store_bind_text(s, 7, now);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "write", em);
	*id = sqlite3_last_insert_rowid(st->db);
	return AZ_OK;
}

enum az_err store_assessment_get(struct store *st, long long id, struct assessment *out,
				 struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT " ASSESSMENT_COLS " FROM assessment WHERE id = ?", em);
	enum az_err ret = AZ_OK;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_row(s, out);
	else if (rc == SQLITE_DONE)
		ret = errmsg_set(em, AZ_ERR_NOTFOUND, "no assessment with id %lld", id);
	else
		ret = store_error(st, rc, "read", em);
	sqlite3_finalize(s);
	return ret;
}

void store_assessments_free(struct assessment *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assessment_release(&a[i]);
	free(a);
}

enum az_err store_assessment_list(struct store *st, struct assessment **out, size_t *n,
				  struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"SELECT " ASSESSMENT_COLS
					" FROM assessment ORDER BY created_at DESC, id DESC",
					em);
	struct assessment *arr = NULL;
	size_t cnt = 0, alloc = 0;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(arr, cnt, alloc);
		memset(&arr[cnt], 0, sizeof(arr[cnt]));
		read_row(s, &arr[cnt++]);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_assessments_free(arr, cnt);
		return store_error(st, rc, "read", em);
	}
	*out = arr;
	*n = cnt;
	return AZ_OK;
}

enum az_err store_assessment_update(struct store *st, long long id,
				    const struct assessment_fields *a, struct errmsg *em)
{
	struct assessment cur;
	sqlite3_stmt *s;
	enum az_err ret;
	char now[32];
	int rc;

	memset(&cur, 0, sizeof(cur));
	ret = store_assessment_get(st, id, &cur, em);
	if (ret)
		return ret;
	if (cur.signed_off_at) {
		ret = errmsg_set(em, AZ_ERR_READONLY, "assessment %lld is signed off and read-only",
				 id);
		goto out;
	}
	if (!a->name || !*a->name) {
		ret = errmsg_set(em, AZ_ERR_INVALID, "an assessment needs a name");
		goto out;
	}
	s = store_prepare(st,
			  "UPDATE assessment SET name = ?, tenant_id = ?, organisation = ?, "
			  "assessor = ?, updated_at = ? WHERE id = ?",
			  em);
	if (!s) {
		ret = em ? em->code : AZ_ERR_DB;
		goto out;
	}
	store_now(now);
	store_bind_text(s, 1, a->name);
	store_bind_text(s, 2, nz(a->tenant_id));
	store_bind_text(s, 3, nz(a->organisation));
	store_bind_text(s, 4, nz(a->assessor));
	store_bind_text(s, 5, now);
	store_bind_int(s, 6, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		ret = store_error(st, rc, "write", em);
out:
	assessment_release(&cur);
	return ret;
}

enum az_err store_assessment_delete(struct store *st, long long id, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, "DELETE FROM assessment WHERE id = ?", em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "write", em);
	if (!sqlite3_changes(st->db))
		return errmsg_set(em, AZ_ERR_NOTFOUND, "no assessment with id %lld", id);
	return AZ_OK;
}
