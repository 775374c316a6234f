/*
 * The answer scale (DESIGN.md section 5). The ids are the catalog's and the
 * store's; the numeric values are the scoring model's and are fixed here,
 * the catalog only carries labels and keys (the loader refuses any other
 * scale).
 */
#ifndef AZMAT_ANSWER_H
#define AZMAT_ANSWER_H

/* X(enum, id, value, excluded, requires) */
#define ANSWER_LIST(X) \
	X(ANSWER_NOT_STARTED, "not-started", 0.0, 0, 0) \
	X(ANSWER_PLANNED, "planned", 0.0, 0, 0) \
	X(ANSWER_PARTIAL, "partial", 0.33, 0, 0) \
	X(ANSWER_LARGELY, "largely", 0.67, 0, 0) \
	X(ANSWER_FULLY, "fully", 1.0, 0, 0) \
	X(ANSWER_NA, "na", 0.0, 1, ANSWER_NEEDS_REASON) \
	X(ANSWER_RISK_ACCEPTED, "risk-accepted", 0.0, 0, \
	  ANSWER_NEEDS_REASON | ANSWER_NEEDS_OWNER | ANSWER_NEEDS_EXPIRY) \
	X(ANSWER_UNKNOWN, "unknown", 0.0, 0, 0)

enum answer_needs {
	ANSWER_NEEDS_REASON = 1 << 0,
	ANSWER_NEEDS_OWNER = 1 << 1,
	ANSWER_NEEDS_EXPIRY = 1 << 2,
};

/* ANSWER_NONE is "no answer yet", which is not on the scale. */
enum answer_value {
	ANSWER_NONE = -1,
#define ANSWER_ENUM(e, id, v, x, r) e,
	ANSWER_LIST(ANSWER_ENUM)
#undef ANSWER_ENUM
	ANSWER__COUNT
};

/* The id ("largely") of v, or "" for ANSWER_NONE. */
const char *answer_id(enum answer_value v);
/* Parse an id; ANSWER_NONE when s is not one (NULL is allowed). */
enum answer_value answer_parse(const char *s);
/* The scoring value of v (0..1); 0 for ANSWER_NONE. */
double answer_score(enum answer_value v);
/* True when v is excluded from the item score (not applicable). */
int answer_excluded(enum answer_value v);
/* The enum answer_needs bits v requires. */
unsigned answer_requires(enum answer_value v);
/* True for answers that count as "answered" (everything but NONE and UNKNOWN). */
int answer_is_answered(enum answer_value v);

#endif
