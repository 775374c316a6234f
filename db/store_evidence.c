/*
 * Evidence runs and check results.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"
#include "xalloc.h"

static const char *nz(const char *s)
{
	return s ? s : "";
}

enum az_err store_run_begin(struct store *st, long long aid, const struct evidence_run *run,
			    long long *id, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"INSERT INTO evidence_run (assessment_id, source, started_at, "
					"status, identity, cloud, endpoints, scope, detail, pid) "
					"VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)",
					em);
	char now[32];
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_now(now);
	store_bind_int(s, 1, aid);
	store_bind_text(s, 2, run->source ? run->source : "live");
	store_bind_text(s, 3, now);
	store_bind_text(s, 4, nz(run->identity));
	store_bind_text(s, 5, nz(run->cloud));
	store_bind_text(s, 6, nz(run->endpoints));
	store_bind_text(s, 7, nz(run->scope));
	store_bind_text(s, 8, nz(run->detail));
	store_bind_int(s, 9, (long long)getpid());
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "write", em);
	*id = sqlite3_last_insert_rowid(st->db);
	return AZ_OK;
}

enum az_err store_run_finish(struct store *st, long long run_id, enum run_status status,
			     const char *detail, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"UPDATE evidence_run SET status = ?, finished_at = ?, "
					"detail = coalesce(?, detail), pid = 0 WHERE id = ?",
					em);
	char now[32];
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_now(now);
	store_bind_text(s, 1, run_status_id(status));
	store_bind_text(s, 2, status == RUN_RUNNING ? "" : now);
	store_bind_text(s, 3, detail);
	store_bind_int(s, 4, run_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "write", em);
	if (!sqlite3_changes(st->db))
		return errmsg_set(em, AZ_ERR_NOTFOUND, "no evidence run with id %lld", run_id);
	return AZ_OK;
}

enum az_err store_run_resume(struct store *st, long long run_id, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"UPDATE evidence_run SET status = 'running', finished_at = '', "
					"pid = ? WHERE id = ? AND status = 'interrupted'",
					em);
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, (long long)getpid());
	store_bind_int(s, 2, run_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "write", em);
	if (!sqlite3_changes(st->db))
		return errmsg_set(em, AZ_ERR_INVALID, "evidence run %lld is not interrupted", run_id);
	return AZ_OK;
}

static int pid_alive(long long pid)
{
	if (pid <= 0 || pid > 0x7fffffff)
		return 0;
	return !kill((pid_t)pid, 0) || errno == EPERM;
}

enum az_err store_runs_reap(struct store *st, long long aid, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"SELECT id, pid FROM evidence_run WHERE assessment_id = ? AND "
					"status = 'running'",
					em);
	long long dead[64];
	size_t n = 0, i;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < 64) {
		long long pid = sqlite3_column_int64(s, 1);
		if (pid != (long long)getpid() && !pid_alive(pid))
			dead[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_error(st, rc, "read", em);
	for (i = 0; i < n; i++) {
		enum az_err r = store_run_finish(st, dead[i], RUN_INTERRUPTED,
						 "the collecting process ended before the run finished",
						 em);
		if (r)
			return r;
	}
	return AZ_OK;
}

#define RUN_COLS \
	"id, assessment_id, source, started_at, finished_at, status, identity, cloud, endpoints, " \
	"scope, detail"

static void read_run(sqlite3_stmt *s, struct evidence_run *r)
{
	int status;

	r->id = sqlite3_column_int64(s, 0);
	r->assessment_id = sqlite3_column_int64(s, 1);
	r->source = store_col_dup(s, 2);
	r->started_at = store_col_dup(s, 3);
	r->finished_at = store_col_dup(s, 4);
	status = run_status_parse((const char *)sqlite3_column_text(s, 5));
	r->status = status < 0 ? RUN_FAILED : (enum run_status)status;
	r->identity = store_col_dup(s, 6);
	r->cloud = store_col_dup(s, 7);
	r->endpoints = store_col_dup(s, 8);
	r->scope = store_col_dup(s, 9);
	r->detail = store_col_dup(s, 10);
}

void store_runs_free(struct evidence_run *runs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		evidence_run_release(&runs[i]);
	free(runs);
}

enum az_err store_runs_list(struct store *st, long long aid, struct evidence_run **out, size_t *n,
			    struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st,
					"SELECT " RUN_COLS " FROM evidence_run WHERE assessment_id = ? "
					"ORDER BY id DESC",
					em);
	struct evidence_run *arr = NULL;
	size_t cnt = 0, alloc = 0;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, aid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(arr, cnt, alloc);
		memset(&arr[cnt], 0, sizeof(arr[cnt]));
		read_run(s, &arr[cnt++]);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_runs_free(arr, cnt);
		return store_error(st, rc, "read", em);
	}
	*out = arr;
	*n = cnt;
	return AZ_OK;
}

enum az_err store_run_get(struct store *st, long long run_id, struct evidence_run *out,
			  struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT " RUN_COLS " FROM evidence_run WHERE id = ?", em);
	enum az_err ret = AZ_OK;
	int rc;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, run_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		read_run(s, out);
	} else if (rc == SQLITE_DONE) {
		ret = errmsg_set(em, AZ_ERR_NOTFOUND, "no evidence run with id %lld", run_id);
	} else {
		ret = store_error(st, rc, "read", em);
	}
	sqlite3_finalize(s);
	return ret;
}

static enum az_err step_done(struct store *st, sqlite3_stmt *s, struct errmsg *em)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "write", em);
	return AZ_OK;
}

static enum az_err put_children(struct store *st, long long rid, const struct check_result *r,
				size_t cap, struct errmsg *em)
{
	sqlite3_stmt *s;
	enum az_err rc = AZ_OK;
	size_t i;

	s = store_prepare(st,
			  "INSERT INTO offending_resource (result_id, seq, resource_id, name, detail) "
			  "VALUES (?, ?, ?, ?, ?)",
			  em);
	if (!s)
		return em ? em->code : AZ_ERR_DB;
	for (i = 0; i < r->noffenders && i < cap && !rc; i++) {
		store_bind_int(s, 1, rid);
		store_bind_int(s, 2, (long long)i);
		store_bind_text(s, 3, nz(r->offenders[i].id));
		store_bind_text(s, 4, nz(r->offenders[i].name));
		store_bind_text(s, 5, nz(r->offenders[i].detail));
		rc = step_done(st, s, em);
	}
	sqlite3_finalize(s);
	if (rc)
		return rc;
	s = store_prepare(st,
			  "INSERT INTO check_request (result_id, seq, method, url, status) "
			  "VALUES (?, ?, ?, ?, ?)",
			  em);
	if (!s)
		return em ? em->code : AZ_ERR_DB;
	for (i = 0; i < r->nrequests && !rc; i++) {
		store_bind_int(s, 1, rid);
		store_bind_int(s, 2, (long long)i);
		store_bind_text(s, 3, nz(r->requests[i].method));
		store_bind_text(s, 4, nz(r->requests[i].url));
		store_bind_int(s, 5, r->requests[i].status);
		rc = step_done(st, s, em);
	}
	sqlite3_finalize(s);
	return rc;
}

enum az_err store_result_put(struct store *st, long long run_id, const struct check_result *r,
			     size_t cap, struct errmsg *em)
{
	sqlite3_stmt *s = NULL;
	enum az_err rc;
	unsigned long total_off;
	long long rid;
	char now[32];

	if (!cap)
		cap = STORE_OFFENDERS_CAP;
	if (r->healthy > r->total)
		return errmsg_set(em, AZ_ERR_INVALID, "check '%s': %lu healthy of %lu judged",
				  r->check_id, r->healthy, r->total);
	rc = store_begin(st, em);
	if (rc)
		return rc;
	s = store_prepare(st, "DELETE FROM check_result WHERE run_id = ? AND check_id = ?", em);
	if (!s)
		goto fail;
	store_bind_int(s, 1, run_id);
	store_bind_text(s, 2, r->check_id);
	rc = step_done(st, s, em);
	sqlite3_finalize(s);
	if (rc)
		goto fail;
	s = store_prepare(st,
			  "INSERT INTO check_result (run_id, check_id, status, cause, healthy, total, "
			  "summary, offending_total, collected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
			  em);
	if (!s)
		goto fail;
	store_now(now);
	total_off = r->offending_total > r->noffenders ? r->offending_total : r->noffenders;
	store_bind_int(s, 1, run_id);
	store_bind_text(s, 2, r->check_id);
	store_bind_text(s, 3, check_status_id(r->status));
	store_bind_text(s, 4, r->status == CHECK_NOT_ASSESSABLE ? check_cause_id(r->cause) : "");
	store_bind_int(s, 5, (long long)r->healthy);
	store_bind_int(s, 6, (long long)r->total);
	store_bind_text(s, 7, nz(r->summary));
	store_bind_int(s, 8, (long long)total_off);
	store_bind_text(s, 9, r->collected_at && *r->collected_at ? r->collected_at : now);
	rc = step_done(st, s, em);
	sqlite3_finalize(s);
	if (rc)
		goto fail;
	rid = sqlite3_last_insert_rowid(st->db);
	rc = put_children(st, rid, r, cap, em);
	if (!rc)
		rc = store_commit(st, em);
	if (rc)
		goto fail;
	return AZ_OK;
fail:
	store_rollback(st);
	return rc ? rc : (em ? em->code : AZ_ERR_DB);
}

static enum az_err load_children(struct store *st, long long rid, struct check_result *r,
				 unsigned flags, struct errmsg *em)
{
	sqlite3_stmt *s;
	int rc;

	if (flags & STORE_EV_OFFENDERS) {
		unsigned long keep = r->offending_total;
		s = store_prepare(st,
				  "SELECT resource_id, name, detail FROM offending_resource "
				  "WHERE result_id = ? ORDER BY seq LIMIT ?",
				  em);
		if (!s)
			return em ? em->code : AZ_ERR_DB;
		store_bind_int(s, 1, rid);
		store_bind_int(s, 2, (flags & STORE_EV_FIRST_OFFENDERS) ? STORE_OFFENDERS_FIRST : -1);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			check_result_add_offender(r, (const char *)sqlite3_column_text(s, 0),
						  (const char *)sqlite3_column_text(s, 1),
						  (const char *)sqlite3_column_text(s, 2));
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_error(st, rc, "read", em);
		if (keep > r->offending_total)
			r->offending_total = keep;
	}
	if (flags & STORE_EV_REQUESTS) {
		s = store_prepare(st,
				  "SELECT method, url, status FROM check_request WHERE result_id = ? "
				  "ORDER BY seq",
				  em);
		if (!s)
			return em ? em->code : AZ_ERR_DB;
		store_bind_int(s, 1, rid);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			check_result_add_request(r, (const char *)sqlite3_column_text(s, 0),
						 (const char *)sqlite3_column_text(s, 1),
						 sqlite3_column_int(s, 2));
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_error(st, rc, "read", em);
	}
	return AZ_OK;
}

#define RESULT_COLS \
	"r.id, r.run_id, r.check_id, r.status, r.cause, r.healthy, r.total, r.summary, " \
	"r.offending_total, r.collected_at"

static enum az_err load_results(struct store *st, sqlite3_stmt *s, unsigned flags,
				struct evidence_set *out, struct errmsg *em)
{
	enum az_err ret = AZ_OK;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct check_result r;
		int v;

		check_result_init(&r, (const char *)sqlite3_column_text(s, 2));
		r.run_id = sqlite3_column_int64(s, 1);
		v = check_status_parse((const char *)sqlite3_column_text(s, 3));
		r.status = v < 0 ? CHECK_NOT_ASSESSABLE : (enum check_status)v;
		v = check_cause_parse((const char *)sqlite3_column_text(s, 4));
		r.cause = v < 0 ? CAUSE_API_ERROR : (enum check_cause)v;
		r.healthy = (unsigned long)sqlite3_column_int64(s, 5);
		r.total = (unsigned long)sqlite3_column_int64(s, 6);
		check_result_set_summary(&r, (const char *)sqlite3_column_text(s, 7));
		r.offending_total = (unsigned long)sqlite3_column_int64(s, 8);
		free(r.collected_at);
		r.collected_at = store_col_dup(s, 9);
		ret = load_children(st, sqlite3_column_int64(s, 0), &r, flags, em);
		if (!ret)
			evidence_put(out, &r);
		check_result_release(&r);
		if (ret)
			return ret;
	}
	if (rc != SQLITE_DONE)
		return store_error(st, rc, "read", em);
	return AZ_OK;
}

/* Run one results query bound to id, and load its rows into out. */
static enum az_err query_results(struct store *st, const char *sql, long long id, unsigned flags,
				 struct evidence_set *out, struct errmsg *em)
{
	sqlite3_stmt *s = store_prepare(st, sql, em);
	enum az_err ret;

	if (!s)
		return em ? em->code : AZ_ERR_DB;
	store_bind_int(s, 1, id);
	ret = load_results(st, s, flags, out, em);
	sqlite3_finalize(s);
	return ret;
}

enum az_err store_evidence_current(struct store *st, long long aid, unsigned flags,
				   struct evidence_set *out, struct errmsg *em)
{
	return query_results(st,
			     "SELECT " RESULT_COLS " FROM check_result r JOIN evidence_run u ON u.id = "
			     "r.run_id WHERE u.assessment_id = ?1 AND r.run_id = (SELECT max(r2.run_id) "
			     "FROM check_result r2 JOIN evidence_run u2 ON u2.id = r2.run_id WHERE "
			     "u2.assessment_id = ?1 AND r2.check_id = r.check_id) ORDER BY r.check_id",
			     aid, flags, out, em);
}

enum az_err store_evidence_run(struct store *st, long long run_id, unsigned flags,
			       struct evidence_set *out, struct errmsg *em)
{
	return query_results(st,
			     "SELECT " RESULT_COLS " FROM check_result r WHERE r.run_id = ?1 "
			     "ORDER BY r.check_id",
			     run_id, flags, out, em);
}
