/*
 * The prioritized remediation plan (DESIGN.md section 5, docs/scoring.md):
 * one row per item that still needs work, with lane, priority, quick-win
 * flag and due date, merged with the operator's overrides (owner, due date,
 * status) so that those survive re-scoring and re-collection; and the
 * exceptions register of risk-accepted questions.
 *
 * Pure: plan_build() reads a score, the answers, the overrides and a
 * "today" date, and allocates nothing but the plan. Every catalog, score,
 * answer and override pointer in a plan is borrowed and must outlive it.
 */
#ifndef AZMAT_PLAN_H
#define AZMAT_PLAN_H

#include <stddef.h>

#include "err.h"
#include "model.h"
#include "score.h"

/* X(enum, id, label, default due in days) */
#define PLAN_LANE_LIST(X) \
	X(LANE_NOW, "act-now", "Act now", 14) \
	X(LANE_NEXT, "next", "Next", 90) \
	X(LANE_LATER, "later", "Later", 180) \
	X(LANE_BACKLOG, "backlog", "Backlog", 365)

enum plan_lane {
#define PLAN_LANE_ENUM(e, id, label, days) e,
	PLAN_LANE_LIST(PLAN_LANE_ENUM)
#undef PLAN_LANE_ENUM
	LANE__COUNT
};

#define PLAN_STATUS_LIST(X) \
	X(PLAN_OPEN, "open") \
	X(PLAN_IN_PROGRESS, "in-progress") \
	X(PLAN_BLOCKED, "blocked") \
	X(PLAN_DONE, "done")

enum plan_status {
#define PLAN_STATUS_ENUM(e, id) e,
	PLAN_STATUS_LIST(PLAN_STATUS_ENUM)
#undef PLAN_STATUS_ENUM
	PLAN_STATUS__COUNT
};

/* remediate: close the gap; assess: answer the open questions first. */
#define PLAN_KIND_LIST(X) \
	X(PLAN_REMEDIATE, "remediate") \
	X(PLAN_ASSESS, "assess")

enum plan_kind {
#define PLAN_KIND_ENUM(e, id) e,
	PLAN_KIND_LIST(PLAN_KIND_ENUM)
#undef PLAN_KIND_ENUM
	PLAN_KIND__COUNT
};

const char *plan_lane_id(enum plan_lane l);
const char *plan_lane_label(enum plan_lane l);
unsigned plan_lane_days(enum plan_lane l);
const char *plan_status_id(enum plan_status s);
/* -1 when s is not a status id (NULL allowed). */
int plan_status_parse(const char *s);
const char *plan_kind_id(enum plan_kind k);
/* -1 when s is not a lane id. */
int plan_lane_parse(const char *s);

/* What the operator set for one item; NULL fields are not overridden. */
struct plan_override {
	char *item_id;
	char *owner;
	char *due;    /* "YYYY-MM-DD" */
	char *status; /* a plan_status id */
	char *updated_at;
	char *updated_by;
};

struct plan_overrides {
	struct plan_override *o;
	size_t n;
	size_t alloc;
};

#define PLAN_OVERRIDES_INIT { NULL, 0, 0 }

/* The override of item_id, or NULL (borrowed). */
const struct plan_override *plan_overrides_find(const struct plan_overrides *ov,
						const char *item_id);
/* Append a deep copy of o, replacing one for the same item. */
void plan_overrides_put(struct plan_overrides *ov, const struct plan_override *o);
void plan_overrides_release(struct plan_overrides *ov);
void plan_override_release(struct plan_override *o);

/*
 * Validate what an operator wants to set (each may be NULL: unchanged).
 * owner: at most 200 bytes of UTF-8 without control characters ("" clears);
 * due: a real date "YYYY-MM-DD" ("" returns to the default); status: a
 * status id. AZ_ERR_USAGE with a message naming the field otherwise.
 */
enum az_err plan_override_check(const char *owner, const char *due, const char *status,
				struct errmsg *em);

enum plan_override_bits {
	PLAN_OV_OWNER = 1 << 0,
	PLAN_OV_DUE = 1 << 1,
	PLAN_OV_STATUS = 1 << 2,
};

struct plan_row {
	const struct score_item *si; /* borrowed from the score */
	const struct cat_item *item;
	unsigned step;
	enum plan_kind kind;
	enum plan_lane lane;
	double gap;       /* 1 - effective score */
	double priority;  /* 100 * R * gap / effort * 0.6^max(0, step - (L + 1)) */
	int quick_win;
	char due[16];         /* "YYYY-MM-DD": the override, else the default */
	char default_due[16]; /* today + the lane's days */
	const char *owner;    /* borrowed; "" when unassigned */
	enum plan_status status;
	unsigned overridden;  /* enum plan_override_bits */
	int overdue;          /* due before today and not done */
	size_t nexcepted;     /* questions of the item under a current exception */
	char *evidence;       /* one-line evidence summary; owned */
};

struct plan_exception {
	const struct cat_item *item;
	const struct cat_question *question;
	const struct answer *answer; /* borrowed: reason, owner, expiry, note */
	int expired;    /* expiry before today, or not a date */
	int dated;      /* the expiry is a date (days_left is meaningful) */
	long days_left; /* days until expiry (negative once expired) */
};

struct plan {
	struct plan_row *rows; /* in default order: lane, priority, step, item */
	size_t n;
	struct plan_exception *exceptions; /* catalog order */
	size_t nexceptions;
	char today[16];
	unsigned level; /* the level the lanes were cut at */
	size_t nlane[LANE__COUNT];
	size_t nquick;
	size_t nassess;
	size_t noverdue;
	size_t nexpired;
};

struct plan_input {
	const struct score *score;
	const struct answer_set *answers;
	const struct plan_overrides *overrides; /* may be NULL */
	const char *today; /* "YYYY-MM-DD": due dates and expiries count from it */
};

/*
 * Build the plan into out (overwritten; release with plan_release()).
 * AZ_ERR_INVALID when today is not a date; out is then untouched.
 */
enum az_err plan_build(const struct plan_input *in, struct plan *out /* OUT: on success */,
		       struct errmsg *em);
void plan_release(struct plan *p);

/*
 * The priority of closing gap (0..1) on si, an item of step, when the
 * level is level: 100 * R * gap / effort * 0.6^max(0, step - (level + 1)).
 */
double plan_priority(const struct score_item *si, unsigned step, unsigned level, double gap);

/* The row of item_id, or NULL (borrowed). */
const struct plan_row *plan_find(const struct plan *p, const char *item_id);

/* ---- views for screens and exporters (plan_view.c) ---------------------- */

#define PLAN_SORT_LIST(X) \
	X(PLAN_SORT_DEFAULT, "default") /* lane, priority, step, item */ \
	X(PLAN_SORT_PRIORITY, "priority") \
	X(PLAN_SORT_DUE, "due") \
	X(PLAN_SORT_OWNER, "owner") \
	X(PLAN_SORT_STEP, "step") \
	X(PLAN_SORT_STATUS, "status")

enum plan_sort {
#define PLAN_SORT_ENUM(e, id) e,
	PLAN_SORT_LIST(PLAN_SORT_ENUM)
#undef PLAN_SORT_ENUM
	PLAN_SORT__COUNT
};

const char *plan_sort_id(enum plan_sort s);
int plan_sort_parse(const char *s);

/* Reorder p's rows by key (ties: the default order); descending reverses the key only. */
void plan_sort(struct plan *p, enum plan_sort key, int descending);

struct plan_filter {
	int lane;          /* an enum plan_lane, or -1 for any */
	const char *owner; /* NULL any, "" unassigned, else exact */
	int status;        /* an enum plan_status, or -1 */
	int kind;          /* an enum plan_kind, or -1 */
	unsigned step;     /* 1..9, or 0 for any */
	int quick_only;
	int open_only;     /* hide done rows */
};

#define PLAN_FILTER_ALL { -1, NULL, -1, -1, 0, 0, 0 }

/* Store in idx (room for p->n) the indexes of the rows f keeps; returns how many. */
size_t plan_filter_rows(const struct plan *p, const struct plan_filter *f, size_t *idx);

/*
 * The distinct non-empty owners of p's rows, sorted, for an owner filter:
 * up to max pointers (borrowed) into out; returns how many there are.
 */
size_t plan_owners(const struct plan *p, const char **out, size_t max);

/* Days from date a to date b ("YYYY-MM-DD" each); AZ_ERR_PARSE if either is not a date. */
enum az_err plan_days_between(const char *a, const char *b, long *out /* OUT: on success */);
/*
 * Write date + days into out (16 bytes); AZ_ERR_PARSE (out untouched) if
 * date is not a date or the result falls outside years 1..9999.
 */
enum az_err plan_date_add(const char *date, long days, char out[16]);

#endif
