/*
 * Comparing two assessments (quarter over quarter, DESIGN.md section 5):
 * per-item changes of the effective score, regressions first and weighted
 * by risk; answer changes and evidence flips kept apart; the level, index
 * and step changes; and plan slippage.
 *
 * Both sides are scored against the same (current) catalog, so items are
 * mapped by id even when the assessments were answered against different
 * catalog versions (same_catalog says whether they were).
 *
 * Pure. A struct diff owns its arrays; every catalog, score, answer, result
 * and plan pointer in it is borrowed from the two sides.
 */
#ifndef AZMAT_DIFF_H
#define AZMAT_DIFF_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "plan.h"
#include "score.h"

struct cJSON;

struct diff_side {
	const struct assessment *a;
	const struct answer_set *answers;
	const struct evidence_set *evidence; /* may be NULL */
	const struct score *score;
	const struct plan *plan;
};

#define DIFF_KIND_LIST(X) \
	X(DIFF_REGRESSED, "regressed") \
	X(DIFF_IMPROVED, "improved") \
	X(DIFF_NOW_NA, "now-not-applicable") \
	X(DIFF_NOW_APPLICABLE, "now-applicable")

enum diff_kind {
#define DIFF_KIND_ENUM(e, id) e,
	DIFF_KIND_LIST(DIFF_KIND_ENUM)
#undef DIFF_KIND_ENUM
	DIFF_KIND__COUNT
};

const char *diff_kind_id(enum diff_kind k);

struct diff_item {
	const struct cat_item *item;
	const struct score_item *before, *after;
	enum diff_kind kind;
	double delta;    /* after - before, effective 0..1 */
	double weighted; /* delta * risk weight (3/2/1) */
	size_t nanswers; /* answer changes among its questions */
	size_t nflips;   /* evidence flips among its checks */
};

/* One question whose answer (value, reason, owner, expiry or note) changed. */
struct diff_answer {
	const struct cat_question *q;
	const struct answer *before, *after; /* NULL when absent on that side */
	int value_changed;
	int text_changed; /* reason, owner, expiry or note */
};

/* One check whose result changed status or ratio. */
struct diff_flip {
	const struct cat_check *check;
	const struct check_result *before, *after; /* NULL when not collected */
};

#define DIFF_SLIP_LIST(X) \
	X(SLIP_OVERDUE, "overdue") /* was due by now, still open */ \
	X(SLIP_POSTPONED, "postponed") /* due date set later by hand */

enum diff_slip_kind {
#define DIFF_SLIP_ENUM(e, id) e,
	DIFF_SLIP_LIST(DIFF_SLIP_ENUM)
#undef DIFF_SLIP_ENUM
	SLIP__COUNT
};

const char *diff_slip_id(enum diff_slip_kind k);

struct diff_slip {
	const struct cat_item *item;
	const struct plan_row *before, *after;
	enum diff_slip_kind kind;
	long days; /* overdue: days past the earlier due date; postponed: days moved */
};

struct diff_step {
	const struct cat_step *step;
	const struct score_step *before, *after;
};

struct diff {
	const struct diff_side *a, *b; /* borrowed */
	int same_catalog;
	char as_of[16];
	struct diff_step steps[CAT_NSTEPS];
	size_t nsteps;
	struct diff_item *items; /* regressions (worst weighted first), improvements, applicability */
	size_t nitems;
	size_t nregressed, nimproved;
	struct diff_answer *answers; /* catalog order */
	size_t nanswers;
	struct diff_flip *flips; /* catalog order */
	size_t nflips;
	struct diff_slip *slips; /* overdue first */
	size_t nslips;
};

/*
 * Compare a (before) with b (after), both scored against the same catalog.
 * Slippage counts from b's plan date. out is overwritten; release with
 * diff_release().
 */
void diff_build(const struct diff_side *a, const struct diff_side *b, struct diff *out);
void diff_release(struct diff *d);

/* Renderings, each of the same struct diff. */
struct cJSON *diff_to_json(const struct diff *d);
enum az_err diff_json(const struct diff *d, struct buf *out, struct errmsg *em);
enum az_err diff_md(const struct diff *d, struct buf *out, struct errmsg *em);
enum az_err diff_html(const struct diff *d, struct buf *out, struct errmsg *em);

#endif
