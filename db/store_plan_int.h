/*
 * Internal to db/store_plan.c and db/store_carry.c.
 */
#ifndef AZMAT_STORE_PLAN_INT_H
#define AZMAT_STORE_PLAN_INT_H

#include "store_int.h"

/* AZ_OK when assessment id exists and is not signed off. */
enum az_err store_open_for_write(struct store *st, long long id, struct errmsg *em);

/* Step a statement that returns no rows, finalize it, map the error. */
enum az_err store_step_done(struct store *st, sqlite3_stmt *s, struct errmsg *em);

#endif
