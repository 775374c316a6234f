/*
 * The store's part of scoring, planning and quarterly re-assessment
 * (migration 004): plan overrides with their history, answers carried over
 * by `azmat new --from` until confirmed, sign-off, and the earlier
 * assessments of the same tenant for the trend.
 *
 * Same rules as store.h: prepared statements only, writes refused with
 * AZ_ERR_READONLY once the assessment is signed off, AZ_ERR_NOTFOUND for an
 * assessment that does not exist.
 */
#ifndef AZMAT_STORE_PLAN_H
#define AZMAT_STORE_PLAN_H

#include <stddef.h>

#include "err.h"
#include "model.h"
#include "plan.h"
#include "store.h"

/* Every plan override of an assessment, appended to out. */
enum az_err store_plan_overrides_load(struct store *st, long long assessment_id,
				      struct plan_overrides *out, struct errmsg *em);

/*
 * Change what the operator set for one item: each of owner, due and status
 * that is not NULL replaces the stored value ("" clears an owner or a due
 * date back to the default). Each changed field is recorded in the plan
 * history with who. The caller validates values with plan_override_check().
 */
enum az_err store_plan_override_set(struct store *st, long long assessment_id,
				    const char *item_id, const char *owner, const char *due,
				    const char *status, const char *who, struct errmsg *em);

/*
 * Question ids whose answer was carried over and is not confirmed yet.
 * *out is a new array of new strings; free with store_strings_free().
 */
enum az_err store_carried_load(struct store *st, long long assessment_id, char ***out /* OUT */,
			       size_t *n /* OUT */, struct errmsg *em);
void store_strings_free(char **v, size_t n);

/*
 * Start assessment to from assessment from, in one transaction: copy every
 * answer (marked carried over, to confirm) with a history entry from
 * source "carried", copy the plan overrides, and record from as to's
 * previous assessment. to must exist, be empty and not signed off.
 */
enum az_err store_assessment_carry(struct store *st, long long from, long long to,
				   const char *who, struct errmsg *em);

/* The assessment id was started from, or 0. */
enum az_err store_assessment_previous(struct store *st, long long id, long long *prev /* OUT */,
				      struct errmsg *em);

/*
 * Sign off: record who and when; the assessment is read-only afterwards.
 * AZ_ERR_READONLY when it already is. Whether it may be signed off (major
 * contradictions without a note) is the caller's decision
 * (score_signoff_blockers()).
 */
enum az_err store_assessment_signoff(struct store *st, long long id, const char *by,
				     struct errmsg *em);

/*
 * The assessments of the same tenant up to and including id, oldest first
 * (same non-empty tenant id; else same non-empty organisation with no
 * tenant id; else id alone). Free with store_assessments_free().
 */
enum az_err store_assessment_lineage(struct store *st, long long id, struct assessment **out /* OUT */,
				     size_t *n /* OUT */, struct errmsg *em);

#endif
