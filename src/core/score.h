/*
 * The maturity score (DESIGN.md section 5; docs/scoring.md states the model
 * and every interpretation made here).
 *
 * Pure: score_compute() reads the catalog, the answers and the evidence and
 * fills a struct score; no I/O, no clock. The result is view-ready: the TUI
 * dashboard, the CLI, the plan, the reports and the diff all read it.
 *
 * Ownership: a struct score owns its arrays (items, per-item checks) and
 * nothing else. Every catalog, answer and check_result pointer in it is
 * borrowed from the inputs, which must outlive it.
 */
#ifndef AZMAT_SCORE_H
#define AZMAT_SCORE_H

#include <stddef.h>

#include "catalog.h"
#include "evidence.h"
#include "model.h"

/* The four bands of the answer scale that carry a value. */
#define SCORE_BAND_LIST(X) \
	X(BAND_NOT_STARTED, "not-started", "Not started", 0.0) \
	X(BAND_PARTIAL, "partial", "Partial", 0.33) \
	X(BAND_LARGELY, "largely", "Largely", 0.67) \
	X(BAND_FULLY, "fully", "Fully", 1.0)

enum score_band {
#define SCORE_BAND_ENUM(e, id, label, v) e,
	SCORE_BAND_LIST(SCORE_BAND_ENUM)
#undef SCORE_BAND_ENUM
	BAND__COUNT
};

/* How much the effective score rests on. */
#define SCORE_CONF_LIST(X) \
	X(CONF_NONE, "none") /* neither answers nor evidence */ \
	X(CONF_LOW, "low")   /* answers alone */ \
	X(CONF_MEDIUM, "medium") /* evidence alone: a suggested, unconfirmed answer */ \
	X(CONF_HIGH, "high") /* answers confirmed by evidence */

enum score_confidence {
#define SCORE_CONF_ENUM(e, id) e,
	SCORE_CONF_LIST(SCORE_CONF_ENUM)
#undef SCORE_CONF_ENUM
	CONF__COUNT
};

/*
 * Answer against evidence. MAJOR: the answers are two or more bands above
 * the evidence, or every question is "not applicable" while evidence shows
 * the scope exists (na_refuted). MINOR: one band above. UNDER: the evidence
 * is better than the answers (under-reported).
 */
#define SCORE_CONTRA_LIST(X) \
	X(CONTRA_NONE, "none") \
	X(CONTRA_MINOR, "minor") \
	X(CONTRA_MAJOR, "major") \
	X(CONTRA_UNDER, "under-reported")

enum score_contradiction {
#define SCORE_CONTRA_ENUM(e, id) e,
	SCORE_CONTRA_LIST(SCORE_CONTRA_ENUM)
#undef SCORE_CONTRA_ENUM
	CONTRA__COUNT
};

const char *score_band_id(enum score_band b);
const char *score_band_label(enum score_band b);
double score_band_value(enum score_band b);
const char *score_confidence_id(enum score_confidence c);
const char *score_contradiction_id(enum score_contradiction c);

/* The band of a 0..1 value: above 0.85 Fully, above 0.5 Largely, above 0.15 Partial. */
enum score_band score_band_of(double v);

/* The weight of a risk level in step scores and priorities: 3/2/1. */
unsigned score_risk_weight(enum cat_level risk);

/* One check linked to an item, with its current result (NULL when none). */
struct score_check {
	const struct cat_check *check;
	const struct check_result *result; /* borrowed from the evidence set */
	double ratio;   /* 0..1 when assessable, -1 otherwise */
	int failed;     /* assessable and not a pass (fail or partial) */
};

struct score_item {
	const struct cat_item *item;
	int applicable; /* 0 when every question is "not applicable" (and not refuted) */

	/* Answers. */
	size_t nquestions;   /* the item's questions */
	size_t nna;          /* answered "not applicable" */
	size_t nanswered;    /* applicable questions with a value on the scale */
	size_t nunknown;     /* applicable questions unknown or unanswered */
	size_t nrisk_accepted;
	size_t ncarried;     /* answers carried over from an earlier assessment, not confirmed */
	int has_attested;    /* at least one applicable question answered */
	double attested;     /* A: mean of the applicable question values */
	enum score_band attested_band;

	/* Evidence. */
	struct score_check *checks; /* one per linked check, catalog order; owned */
	size_t nchecks;
	size_t nassessable;
	int has_evidence;    /* at least one assessable result */
	double evidence;     /* E: mean ratio of the assessable results */
	enum score_band evidence_band;
	const struct score_check *gating_failed; /* first failed gating check, or NULL */
	const struct score_check *scope;         /* first assessable result: the scope exists */

	/* Verdict. */
	double effective;    /* 0..1 */
	enum score_confidence confidence;
	int suggested;       /* effective comes from evidence alone (not confirmed) */
	int capped;          /* the gating cap lowered the effective score */
	enum score_contradiction contradiction;
	int na_refuted;      /* all "not applicable" but evidence shows the scope */
	int band_gap;        /* attested band minus evidence band (when both exist) */
	int noted;           /* a question carries a confirmed note or override reason */
	int achieved;        /* at least Largely, nothing unknown, no failed gating check */
};

struct score_step {
	const struct cat_step *step;
	size_t first_item;  /* index into score.items */
	size_t nitems;
	size_t napplicable;
	int has_score;      /* 0 when no item of the step is applicable */
	double score;       /* 0..100 */
	int achieved;       /* every applicable item achieved (vacuously when none) */
	int ahead;          /* achieved, but beyond the level */
	int provisional;    /* an applicable item that evidence could judge rests on answers alone */
	size_t nunknown;    /* unknown or unanswered applicable questions */
	size_t ncontra[CONTRA__COUNT];
};

struct score {
	const struct catalog *cat;
	struct score_item *items; /* catalog order; owned */
	size_t nitems;
	struct score_step steps[CAT_NSTEPS];
	size_t nsteps;
	int has_index;      /* 0 when no step has an applicable item */
	double index;       /* 0..100: mean of the step scores */
	unsigned level;     /* 0..9 */
	int provisional;    /* an item within steps 1..level rests on answers alone */
	size_t nahead;      /* steps achieved beyond the level */
	size_t ncontra[CONTRA__COUNT];
	size_t nunacknowledged; /* major contradictions without a note */
	size_t nunknown;
	size_t napplicable;
};

struct score_input {
	const struct catalog *cat;
	const struct answer_set *answers;
	const struct evidence_set *evidence; /* may be NULL: no evidence */
	/* Question ids whose answer was carried over and is not confirmed yet. */
	char *const *carried;
	size_t ncarried;
};

/*
 * Score everything into out, which is overwritten (release an earlier
 * score first); the caller releases it with score_release(). Never fails.
 */
void score_compute(const struct score_input *in, struct score *out);
void score_release(struct score *s);

/* The score of item id, or NULL (borrowed from s). */
const struct score_item *score_find_item(const struct score *s, const char *id);
/* The step of an item's score (borrowed). */
const struct score_step *score_item_step(const struct score *s, const struct score_item *si);

/*
 * May the questions of item it be answered "not applicable"? Returns NULL
 * when they may; otherwise the result (borrowed from ev) of a check of the
 * item that judged something, which shows the scope exists. ev may be NULL.
 */
const struct check_result *score_na_refusal(const struct cat_item *it,
					    const struct evidence_set *ev);

/*
 * Items whose major contradiction has no note yet: the sign-off blockers.
 * Fills up to max pointers (borrowed) into out and returns how many there are.
 */
size_t score_signoff_blockers(const struct score *s, const struct score_item **out, size_t max);

/*
 * The contradictions for a dashboard: pointers (borrowed) to the applicable
 * items with one, majors first (those without a note before noted ones),
 * then minor, then under-reported, each in catalog order. Fills up to max
 * and returns how many there are.
 */
size_t score_contradiction_rows(const struct score *s, const struct score_item **out, size_t max);

/*
 * Append a one-line summary of si's evidence ("chk-a fail 12/40; chk-b
 * pass"; "no automated check"; "not collected") to out. Only catalog ids,
 * statuses and counts: no tenant text.
 */
void score_evidence_summary(const struct score_item *si, struct buf *out);

/* Rounding used by every output so that all formats agree: 0..1 values to
 * three decimals, 0..100 values to one. */
double score_round3(double v);
double score_round1(double v);

#endif
