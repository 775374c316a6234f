/*
 * Internal to the report renderers: number formats and text they share, so
 * that every format prints the same values and says the same things.
 */
#ifndef AZMAT_REPORT_INT_H
#define AZMAT_REPORT_INT_H

#include "report.h"

/* A 0..100 value with one decimal ("73.2"). */
void rfmt1(char out[16], double v);
/* A 0..1 value with up to three decimals, trailing zeros dropped ("0.67", "1"). */
void rfmt3(char out[16], double v);

/* The catalog's label of an answer ("Largely"), "Unanswered" for none. */
const char *report_answer_label(const struct catalog *cat, enum answer_value v);

/* Is question qid carried over and not confirmed? */
int report_is_carried(const struct report *r, const char *qid);

/* How an answer relates to the evidence's suggestion when it was given. */
enum report_suggestion {
	REPORT_SUG_NONE,       /* the evidence suggested nothing (or no answer) */
	REPORT_SUG_ACCEPTED,   /* the operator took the suggestion */
	REPORT_SUG_OVERRIDDEN, /* the answer differs from it (with a reason) */
};
enum report_suggestion report_suggestion_state(const struct answer *a);

/* The offenders to show for a result: min(stored, max_offenders). */
size_t report_offenders_shown(const struct report *r, const struct check_result *res);

/* The method section: paragraphs of plain text (no tenant data), NULL-terminated. */
extern const char *const report_method[];

/* The sentence saying what a contradiction means for si ("" for none). */
const char *report_contradiction_text(const struct score_item *si);

/* The plan and exceptions alone, per format (report_plan_render()). */
enum az_err report_plan_md(const struct report *r, struct buf *out, struct errmsg *em);
enum az_err report_plan_html(const struct report *r, struct buf *out, struct errmsg *em);
enum az_err report_plan_json(const struct report *r, struct buf *out, struct errmsg *em);

/* AZ_ERR_TOOBIG when out came within a megabyte of its cap while rendering. */
enum az_err report_check_size(const struct buf *out, struct errmsg *em);

#endif
