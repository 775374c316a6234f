/*
 * Plan overrides and their history (migration 004).
 */
#include "store_plan.h"

#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "store_plan_int.h"
#include "xalloc.h"

enum az_err store_open_for_write(struct store *st, long long id, struct errmsg *em)
{
	struct assessment a;
	enum az_err rc;

	memset(&a, 0, sizeof(a));
	rc = store_assessment_get(st, id, &a, em);
	if (!rc && a.signed_off_at)
		rc = errmsg_set(em, AZ_ERR_READONLY, "assessment %lld is signed off and read-only", id);
	assessment_release(&a);
	return rc;
}

enum az_err store_plan_overrides_load(struct store *st, long long aid, struct plan_overrides *out,
				      struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"SELECT item_id, owner, due, status, updated_at, updated_by "
					"FROM plan_override WHERE assessment_id = ? ORDER BY item_id",
					em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct plan_override *o;

		ALLOC_GROW(out->o, out->n, out->alloc);
		o = &out->o[out->n++];
		o->item_id = store_col_dup(s, 0);
		o->owner = store_col_dup_or_null(s, 1);
		o->due = store_col_dup_or_null(s, 2);
		o->status = store_col_dup_or_null(s, 3);
		o->updated_at = store_col_dup(s, 4);
		o->updated_by = store_col_dup(s, 5);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AZ_OK : store_error(st, rc, "read", em);
}

enum az_err store_step_done(struct store *st, sqlite3_stmt *s, struct errmsg *em)
{
	int rc = sqlite3_step(s);

	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AZ_OK : store_error(st, rc, "write", em);
}

/* Record one field change when the value differs. */
static enum az_err plan_history_add(struct store *st, long long aid, const char *item,
				    const char *field, const char *old, const char *new_value,
				    const char *now, const char *who, struct errmsg *em)
{
	sqlite3_stmt *s;

	if (!new_value || !strcmp(old ? old : "", new_value))
		return AZ_OK;
	s = store_prepare(st,
			  "INSERT INTO plan_history (assessment_id, item_id, field, old_value, "
			  "new_value, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
			  em);
	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	store_bind_text(s, 2, item);
	store_bind_text(s, 3, field);
	store_bind_text(s, 4, old ? old : "");
	store_bind_text(s, 5, new_value);
	store_bind_text(s, 6, now);
	store_bind_text(s, 7, who ? who : "");
	return store_step_done(st, s, em);
}

/* "" clears to NULL; NULL keeps the current value. */
static void bind_field(sqlite3_stmt *s, int i, const char *v, const char *cur)
{
	if (!v)
		store_bind_text(s, i, cur);
	else
		store_bind_text(s, i, *v ? v : NULL);
}

static enum az_err upsert_override(struct store *st, long long aid, const char *item,
				   const char *owner, const char *due, const char *status,
				   const struct plan_override *cur, const char *now,
				   const char *who, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(
		st,
		"INSERT INTO plan_override (assessment_id, item_id, owner, due, status, updated_at, "
		"updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, item_id) DO "
		"UPDATE SET owner = excluded.owner, due = excluded.due, status = excluded.status, "
		"updated_at = excluded.updated_at, updated_by = excluded.updated_by",
		em);

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	store_bind_text(s, 2, item);
	bind_field(s, 3, owner, cur ? cur->owner : NULL);
	bind_field(s, 4, due, cur ? cur->due : NULL);
	bind_field(s, 5, status, cur ? cur->status : NULL);
	store_bind_text(s, 6, now);
	store_bind_text(s, 7, who ? who : "");
	return store_step_done(st, s, em);
}

enum az_err store_plan_override_set(struct store *st, long long aid, const char *item,
				    const char *owner, const char *due, const char *status,
				    const char *who, struct errmsg *em)
{
	struct plan_overrides all = PLAN_OVERRIDES_INIT;
	const struct plan_override *cur;
	enum az_err rc;
	char now[32];

	rc = store_begin(st, em);
	if (rc)
		return rc;
	rc = store_open_for_write(st, aid, em);
	if (!rc)
		rc = store_plan_overrides_load(st, aid, &all, em);
	if (rc)
		goto fail;
	cur = plan_overrides_find(&all, item);
	store_now(now);
	rc = plan_history_add(st, aid, item, "owner", cur ? cur->owner : NULL, owner, now, who, em);
	if (!rc)
		rc = plan_history_add(st, aid, item, "due", cur ? cur->due : NULL, due, now, who, em);
	if (!rc)
		rc = plan_history_add(st, aid, item, "status", cur ? cur->status : NULL, status, now,
				      who, em);
	if (!rc)
		rc = upsert_override(st, aid, item, owner, due, status, cur, now, who, em);
	if (!rc)
		rc = store_commit(st, em);
	if (rc)
		goto fail;
	plan_overrides_release(&all);
	return AZ_OK;
fail:
	store_rollback(st);
	plan_overrides_release(&all);
	return rc;
}
