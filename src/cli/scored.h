/*
 * Everything about one assessment that scoring, planning and reporting
 * read, loaded from the store and computed in one go. Used by the score,
 * plan, report, diff and signoff commands (and usable by the TUI's effects
 * executor, which may use the store).
 */
#ifndef AZMAT_SCORED_H
#define AZMAT_SCORED_H

#include "cli.h"
#include "plan.h"
#include "report.h"
#include "score.h"
#include "store_plan.h"

enum scored_flags {
	SCORED_OFFENDERS = 1 << 0, /* load offending resources (reports) */
	SCORED_RUNS = 1 << 1,      /* load the evidence runs (reports) */
};

struct scored {
	struct assessment a;
	struct answer_set answers;
	struct evidence_set evidence;
	struct evidence_run *runs;
	size_t nruns;
	char **carried;
	size_t ncarried;
	struct plan_overrides overrides;
	struct score score;
	struct plan plan;
	char today[16]; /* the plan's date: the sign-off date once signed off, else today */
};

/*
 * Load assessment id from st and score and plan it into out (overwritten;
 * release with scored_release() whatever the result).
 */
enum az_err scored_load(struct store *st, const struct catalog *cat, long long id, unsigned flags,
			struct scored *out, struct errmsg *em);
void scored_release(struct scored *s);

/* The trend points of a report: the tenant's assessments up to this one. */
struct scored_trend {
	struct report_trend *pts;
	size_t n;
	struct assessment *as; /* owns the names the points borrow */
	size_t nas;
	char (*dates)[16];
};

/* Score every earlier assessment of sc's tenant (oldest first, sc last). */
enum az_err scored_trend_load(struct store *st, const struct catalog *cat, const struct scored *sc,
			      struct scored_trend *out, struct errmsg *em);
void scored_trend_release(struct scored_trend *t);

/*
 * Fill a report over sc (and t, which may be NULL) for catalog cat;
 * generated_at must hold 32 bytes and outlive r. Everything is borrowed.
 */
void scored_report(const struct scored *sc, const struct catalog *cat,
		   const struct scored_trend *t, char generated_at[32], struct report *r);

/* Offending resources per check in HTML and Markdown reports unless told otherwise. */
#define SCORED_OFFENDERS_DOC 25

/*
 * Render sc's full report in fmt (enum report_format), with the trend over
 * the tenant's earlier assessments, appending to out. offenders: per check
 * (0 all), or -1 for the default (SCORED_OFFENDERS_DOC in HTML and
 * Markdown, all in JSON). sc must be loaded with SCORED_OFFENDERS | SCORED_RUNS.
 */
enum az_err scored_report_render(struct store *st, const struct catalog *cat, const struct scored *sc,
				 int fmt, long offenders, struct buf *out, struct errmsg *em);

/*
 * Write data to path atomically with mode 0600 (a report describes a
 * tenant's weaknesses), or to c->out when path is NULL or "-". Prints
 * errors; returns an exit code.
 */
int cli_write_output(struct cli *c, const char *path, const struct buf *data);

/* Parse id_s, open the store and scored_load(); prints errors, returns an exit code. */
int scored_open(struct cli *c, const char *id_s, unsigned flags, struct scored *out);

#endif
