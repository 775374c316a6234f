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

/* Parse id_s, open the store and scored_load(); prints errors, returns an exit code. */
int scored_open(struct cli *c, const char *id_s, unsigned flags, struct scored *out);

#endif
