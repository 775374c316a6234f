/*
 * The store: one SQLite file holding every assessment, answer, note,
 * history entry and setting (and, through later migrations, evidence runs
 * and plans).
 *
 * Opening is careful: a file that is not SQLite, that belongs to another
 * application, that a newer azmat wrote, that is corrupt or that another
 * process holds locked is refused with a clear message and is left
 * byte-for-byte unchanged. New files are created with mode 0600 because they
 * describe a tenant's weaknesses. Before migrating an existing file to a
 * newer schema a backup copy "<file>.v<N>.bak" is written (also 0600).
 *
 * SQL is only ever run through prepared statements with bound parameters.
 * A struct store is not thread-safe; use one per thread.
 */
#ifndef AZMAT_STORE_H
#define AZMAT_STORE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "evidence.h"
#include "model.h"

struct store;

enum store_flags {
	STORE_CREATE = 1 << 0, /* create the file (and its folder) when missing */
	STORE_NO_MIGRATE = 1 << 1, /* refuse an older schema instead of migrating */
};

/* The schema version this azmat writes (the number of migrations). */
int store_latest_version(void);

/*
 * Open (and if needed create and migrate) the store at path; ":memory:"
 * opens a private in-memory store. On success *out is a new handle that the
 * caller closes with store_close(). Errors: AZ_ERR_NOTFOUND (missing and no
 * STORE_CREATE), AZ_ERR_DB_NOTDB, AZ_ERR_DB_NEWER, AZ_ERR_DB_CORRUPT,
 * AZ_ERR_DB_LOCKED, AZ_ERR_IO, AZ_ERR_DB.
 *
 * The busy timeout is 5 s, or AZMAT_BUSY_TIMEOUT_MS from the environment.
 */
enum az_err store_open(const char *path, unsigned flags, struct store **out /* OUT: on success */,
		       struct errmsg *em);
/* Close and free *ps; sets it to NULL. NULL is fine. */
void store_close(struct store **ps);
/* The schema version of the open file. */
int store_version(const struct store *st);
/* The path the store was opened with (borrowed). */
const char *store_path(const struct store *st);

/*
 * The default store path: $AZMAT_DB, else $XDG_DATA_HOME/azmat/azmat.db,
 * else ~/.local/share/azmat/azmat.db. Appends it to out.
 */
void store_default_path(struct buf *out);

/* ---- assessments (store_assessment.c) ---------------------------------- */

/* The fields an operator sets; all borrowed, NULL means "". */
struct assessment_fields {
	const char *name;
	const char *tenant_id;
	const char *organisation;
	const char *assessor;
	const char *catalog_version; /* ignored by store_assessment_update() */
};

/* Create an assessment; *id receives the new id. */
enum az_err store_assessment_create(struct store *st, const struct assessment_fields *f,
				    long long *id /* OUT: on success */, struct errmsg *em);
/* Fill *out (caller releases). AZ_ERR_NOTFOUND when there is no such id. */
enum az_err store_assessment_get(struct store *st, long long id,
				 struct assessment *out /* OUT: on success */, struct errmsg *em);
/* All assessments, newest first; *out is an array the caller frees with store_assessments_free(). */
enum az_err store_assessment_list(struct store *st, struct assessment **out /* OUT */,
				  size_t *n /* OUT */, struct errmsg *em);
void store_assessments_free(struct assessment *a, size_t n);
/* Change name, tenant, organisation and assessor. Refused once signed off. */
enum az_err store_assessment_update(struct store *st, long long id,
				    const struct assessment_fields *f, struct errmsg *em);
/* Delete an assessment and everything that hangs off it. */
enum az_err store_assessment_delete(struct store *st, long long id, struct errmsg *em);

/* ---- answers (store_answer.c) ------------------------------------------ */

/* Load every answer (and note) of an assessment into out (appended). */
enum az_err store_answers_load(struct store *st, long long assessment_id,
			       struct answer_set *out, struct errmsg *em);
/*
 * Write a's value, reason, owner, expiry, note, suggested value and
 * override reason (migration 005) for a->question_id in one
 * transaction, recording each changed field in the history with who and
 * source. The write is durable when this returns AZ_OK. Refused with
 * AZ_ERR_READONLY when the assessment is signed off and AZ_ERR_NOTFOUND when
 * it does not exist. updated_at and updated_by of a are ignored.
 */
enum az_err store_answer_put(struct store *st, long long assessment_id, const struct answer *a,
			     const char *who, const char *source, struct errmsg *em);
/*
 * The history of one question (question_id not NULL) or of the whole
 * assessment, oldest first. The caller frees with store_history_free().
 */
enum az_err store_history_list(struct store *st, long long assessment_id, const char *question_id,
			       struct history_entry **out /* OUT */, size_t *n /* OUT */,
			       struct errmsg *em);
void store_history_free(struct history_entry *h, size_t n);

/* ---- evidence (store_evidence.c) ------------------------------------- */

/* Offenders kept per check result unless configured otherwise. */
#define STORE_OFFENDERS_CAP 5000

/*
 * Start a run for an assessment from run's source, identity, cloud,
 * endpoints, scope and detail; status becomes running, started_at now.
 * *id receives the run id.
 */
enum az_err store_run_begin(struct store *st, long long assessment_id,
			    const struct evidence_run *run, long long *id /* OUT */,
			    struct errmsg *em);
/* Set a run's final status (and finished_at, now). */
enum az_err store_run_finish(struct store *st, long long run_id, enum run_status status,
			     const char *detail, struct errmsg *em);
/*
 * Take up an interrupted run again (azmat collect --resume): it becomes
 * running, owned by this process. AZ_ERR_NOTFOUND when there is no such run,
 * AZ_ERR_INVALID when it is not interrupted.
 */
enum az_err store_run_resume(struct store *st, long long run_id, struct errmsg *em);
/* Mark runs left "running" by a process that no longer exists as interrupted. */
enum az_err store_runs_reap(struct store *st, long long assessment_id, struct errmsg *em);
/* Runs of an assessment, newest first; free with store_runs_free(). */
enum az_err store_runs_list(struct store *st, long long assessment_id,
			    struct evidence_run **out /* OUT */, size_t *n /* OUT */,
			    struct errmsg *em);
void store_runs_free(struct evidence_run *runs, size_t n);
/* One run. AZ_ERR_NOTFOUND when there is no such run. */
enum az_err store_run_get(struct store *st, long long run_id, struct evidence_run *out /* OUT */,
			  struct errmsg *em);

/*
 * Store one check result in a run, in one transaction, replacing an
 * earlier result of the same check in the same run (a resumed run). At
 * most cap offenders are written (0: STORE_OFFENDERS_CAP); offending_total
 * keeps the true count.
 */
enum az_err store_result_put(struct store *st, long long run_id, const struct check_result *r,
			     size_t cap, struct errmsg *em);

enum store_evidence_flags {
	STORE_EV_OFFENDERS = 1 << 0, /* load offending resources */
	STORE_EV_REQUESTS = 1 << 1,  /* load request records */
	/* with STORE_EV_OFFENDERS: only the first STORE_OFFENDERS_FIRST of each check */
	STORE_EV_FIRST_OFFENDERS = 1 << 2,
};

/* Offending resources per check that STORE_EV_FIRST_OFFENDERS loads (what a screen lists). */
#define STORE_OFFENDERS_FIRST 200

/*
 * The current evidence of an assessment: for each check, the result of the
 * newest run that judged it. Appends to out.
 */
enum az_err store_evidence_current(struct store *st, long long assessment_id, unsigned flags,
				   struct evidence_set *out, struct errmsg *em);
/* The results of one run. Appends to out. */
enum az_err store_evidence_run(struct store *st, long long run_id, unsigned flags,
			       struct evidence_set *out, struct errmsg *em);

/* ---- settings (store_setting.c) ---------------------------------------- */

/*
 * Read a setting (assessment_id 0 for global ones). *out is a new string
 * the caller frees, or NULL when unset.
 */
enum az_err store_setting_get(struct store *st, long long assessment_id, const char *key,
			      char **out /* OUT */, struct errmsg *em);
enum az_err store_setting_set(struct store *st, long long assessment_id, const char *key,
			      const char *value, struct errmsg *em);

#endif
