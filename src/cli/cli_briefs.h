/*
 * What a run's report keeps of each check result (collect, import): the
 * verdict and summary line without the offenders, which are in the store.
 */
#ifndef AZMAT_CLI_BRIEFS_H
#define AZMAT_CLI_BRIEFS_H

#include <stdio.h>

#include "evidence.h"

struct cJSON;

struct check_brief {
	char *check;
	enum check_status status;
	enum check_cause cause;
	unsigned long healthy, total;
	char *summary;
};

struct briefs {
	struct check_brief *v;
	size_t n;
	size_t alloc;
};

/* Append a brief of r (copies). */
void briefs_add(struct briefs *b, const struct check_result *r);
void briefs_release(struct briefs *b);

/* True when some check is not assessable for a cause other than nothing in scope. */
int briefs_partial(const struct briefs *b);

/*
 * One line per check ("  <status or cause> <check> <summary>", the summary
 * escaped for the terminal), counting statuses into counts.
 */
void briefs_print(FILE *out, const struct briefs *b, size_t counts[CHECK_STATUS__COUNT]);

/* {"check", "status", "cause", "healthy", "total", "summary"} (caller owns). */
struct cJSON *brief_json(const struct check_brief *b);

#endif
