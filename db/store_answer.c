/*
 * Answers, notes and their history.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "store_int.h"
#include "xalloc.h"

enum az_err store_answers_load(struct store *st, long long assessment_id, struct answer_set *out,
			       struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"SELECT question_id, value, justification, owner, expiry, note, "
					"updated_at, updated_by, suggested, override_reason FROM answer "
					"WHERE assessment_id = ? ORDER BY question_id",
					em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, assessment_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct answer *a;
		const unsigned char *v;

		ALLOC_GROW(out->a, out->n, out->alloc);
		a = &out->a[out->n++];
		a->question_id = store_col_dup(s, 0);
		v = sqlite3_column_text(s, 1);
		a->value = answer_parse(v ? (const char *)v : NULL);
		a->reason = store_col_dup(s, 2);
		a->owner = store_col_dup(s, 3);
		a->expiry = store_col_dup(s, 4);
		a->note = store_col_dup(s, 5);
		a->updated_at = store_col_dup(s, 6);
		a->updated_by = store_col_dup(s, 7);
		v = sqlite3_column_text(s, 8);
		a->suggested = answer_parse(v ? (const char *)v : NULL);
		a->override_reason = store_col_dup(s, 9);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "read", em);
	return AZ_OK;
}

/* Is the assessment there and writable? */
static enum az_err writable(struct store *st, long long id, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT signed_off_at FROM assessment WHERE id = ?", em);
	enum az_err ret = AZ_OK;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE)
		ret = errmsg_set(em, AZ_ERR_NOTFOUND, "no assessment with id %lld", id);
	else if (rc != SQLITE_ROW)
		ret = store_error(st, rc, "read", em);
	else if (sqlite3_column_type(s, 0) != SQLITE_NULL)
		ret = errmsg_set(em, AZ_ERR_READONLY, "assessment %lld is signed off and read-only", id);
	sqlite3_finalize(s);
	return ret;
}

static enum az_err add_history(struct store *st, long long aid, const char *qid, const char *field,
			       const char *old, const char *new_value, const char *now,
			       const char *who, const char *source, struct errmsg *em)
{
	sqlite3_stmt *s;
	int rc;

	if (!strcmp(old, new_value))
		return AZ_OK;
	s = store_prepare(st,
			  "INSERT INTO answer_history (assessment_id, question_id, field, old_value, "
			  "new_value, changed_at, changed_by, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			  em);
	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	store_bind_text(s, 2, qid);
	store_bind_text(s, 3, field);
	store_bind_text(s, 4, old);
	store_bind_text(s, 5, new_value);
	store_bind_text(s, 6, now);
	store_bind_text(s, 7, who);
	store_bind_text(s, 8, source);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AZ_OK : store_error(st, rc, "write", em);
}

/* The current row as an answer (empty when none). */
static enum az_err current(struct store *st, long long aid, const char *qid, struct answer *cur,
			   struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"SELECT value, justification, owner, expiry, note, suggested, "
					"override_reason FROM answer WHERE assessment_id = ? AND "
					"question_id = ?",
					em);
	int rc;

	answer_init(cur, qid);
	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	store_bind_text(s, 2, qid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(s, 0);
		cur->value = answer_parse(v ? (const char *)v : NULL);
		free(cur->reason);
		cur->reason = store_col_dup(s, 1);
		free(cur->owner);
		cur->owner = store_col_dup(s, 2);
		free(cur->expiry);
		cur->expiry = store_col_dup(s, 3);
		free(cur->note);
		cur->note = store_col_dup(s, 4);
		v = sqlite3_column_text(s, 5);
		cur->suggested = answer_parse(v ? (const char *)v : NULL);
		free(cur->override_reason);
		cur->override_reason = store_col_dup(s, 6);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, rc, "read", em);
	return AZ_OK;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

static enum az_err upsert(struct store *st, long long aid, const struct answer *a, const char *now,
			  const char *who, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(
		st,
		"INSERT INTO answer (assessment_id, question_id, value, justification, owner, expiry, "
		"note, updated_at, updated_by, suggested, override_reason) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
		"ON CONFLICT (assessment_id, question_id) DO UPDATE SET value = excluded.value, "
		"justification = excluded.justification, owner = excluded.owner, "
		"expiry = excluded.expiry, note = excluded.note, updated_at = excluded.updated_at, "
		"updated_by = excluded.updated_by, suggested = excluded.suggested, "
		"override_reason = excluded.override_reason",
		em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	store_bind_text(s, 2, a->question_id);
	store_bind_text(s, 3, a->value == ANSWER_NONE ? NULL : answer_id(a->value));
	store_bind_text(s, 4, nz(a->reason));
	store_bind_text(s, 5, nz(a->owner));
	store_bind_text(s, 6, nz(a->expiry));
	store_bind_text(s, 7, nz(a->note));
	store_bind_text(s, 8, now);
	store_bind_text(s, 9, nz(who));
	store_bind_text(s, 10, a->suggested == ANSWER_NONE ? NULL : answer_id(a->suggested));
	store_bind_text(s, 11, nz(a->override_reason));
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "write", em);
	s = store_prepare(st, "UPDATE assessment SET updated_at = ? WHERE id = ?", em);
	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_text(s, 1, now);
	store_bind_int(s, 2, aid);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? AZ_OK : store_error(st, rc, "write", em);
}

enum az_err store_answer_put(struct store *st, long long aid, const struct answer *a, const char *who,
			     const char *source, struct errmsg *em)
{
	struct answer cur;
	enum az_err rc;
	char now[32];
	struct {
		const char *field, *old, *new_value;
	} changes[7];
	size_t i;

	memset(&cur, 0, sizeof(cur));
	rc = store_begin(st, em);
	if (rc)
		return rc;
	rc = writable(st, aid, em);
	if (!rc)
		rc = current(st, aid, a->question_id, &cur, em);
	if (rc)
		goto fail;
	store_now(now);
	changes[0].field = "value";
	changes[0].old = answer_id(cur.value);
	changes[0].new_value = answer_id(a->value);
	changes[1].field = "justification";
	changes[1].old = cur.reason;
	changes[1].new_value = nz(a->reason);
	changes[2].field = "owner";
	changes[2].old = cur.owner;
	changes[2].new_value = nz(a->owner);
	changes[3].field = "expiry";
	changes[3].old = cur.expiry;
	changes[3].new_value = nz(a->expiry);
	changes[4].field = "note";
	changes[4].old = cur.note;
	changes[4].new_value = nz(a->note);
	changes[5].field = "suggested";
	changes[5].old = answer_id(cur.suggested);
	changes[5].new_value = answer_id(a->suggested);
	changes[6].field = "override";
	changes[6].old = cur.override_reason;
	changes[6].new_value = nz(a->override_reason);
	for (i = 0; i < ARRAY_SIZE(changes); i++) {
		rc = add_history(st, aid, a->question_id, changes[i].field, changes[i].old,
				 changes[i].new_value, now, nz(who), nz(source), em);
		if (rc)
			goto fail;
	}
	rc = upsert(st, aid, a, now, who, em);
	if (!rc)
		rc = store_commit(st, em);
	if (rc)
		goto fail;
	answer_release(&cur);
	return AZ_OK;
fail:
	store_rollback(st);
	answer_release(&cur);
	return rc;
}

void store_history_free(struct history_entry *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		history_entry_release(&h[i]);
	free(h);
}

enum az_err store_history_list(struct store *st, long long aid, const char *qid,
			       struct history_entry **out, size_t *n, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"SELECT question_id, field, old_value, new_value, changed_at, "
					"changed_by, source FROM answer_history WHERE assessment_id = ? "
					"AND (?2 IS NULL OR question_id = ?2) ORDER BY id",
					em);
	struct history_entry *arr = NULL;
	size_t cnt = 0, alloc = 0;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	store_bind_text(s, 2, qid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct history_entry *h;
		ALLOC_GROW(arr, cnt, alloc);
		h = &arr[cnt++];
		h->question_id = store_col_dup(s, 0);
		h->field = store_col_dup(s, 1);
		h->old_value = store_col_dup(s, 2);
		h->new_value = store_col_dup(s, 3);
		h->changed_at = store_col_dup(s, 4);
		h->changed_by = store_col_dup(s, 5);
		h->source = store_col_dup(s, 6);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_history_free(arr, cnt);
		return store_error(st, rc, "read", em);
	}
	*out = arr;
	*n = cnt;
	return AZ_OK;
}
