/*
 * Reports: one assessment's score, findings, plan, exceptions and method,
 * rendered as JSON (docs/report.schema.json), Markdown, a self-contained
 * HTML file, and a CSV of the plan for trackers. All four render the same
 * struct report, so they agree with each other and with `azmat score`.
 *
 * Pure: no I/O and no clock (the caller passes generated_at). Every string
 * that came from a tenant or an operator goes through escape.c for its
 * format. The renderers append to out; give it a generous cap (REPORT_MAX):
 * AZ_ERR_TOOBIG when the report would not fit.
 */
#ifndef AZMAT_REPORT_H
#define AZMAT_REPORT_H

#include <stddef.h>

#include "buf.h"
#include "catalog.h"
#include "err.h"
#include "evidence.h"
#include "model.h"
#include "plan.h"
#include "score.h"

struct cJSON;

#define REPORT_MAX ((size_t)1 << 30)

/* One earlier (or this) assessment of the same tenant, for the trend. */
struct report_trend {
	long long id;
	const char *name;
	const char *date; /* "YYYY-MM-DD" */
	int has_index;
	double index;     /* 0..100 */
	unsigned level;
	int provisional;
};

struct report {
	const struct catalog *cat;
	const struct assessment *a;
	const struct answer_set *answers;
	const struct evidence_set *evidence; /* with offenders when they are to be shown; may be NULL */
	const struct evidence_run *runs;     /* newest first; may be NULL */
	size_t nruns;
	const char *const *carried;          /* question ids still to confirm */
	size_t ncarried;
	const struct score *score;
	const struct plan *plan;
	const struct report_trend *trend;    /* oldest first, this assessment last */
	size_t ntrend;
	const char *generated_at;            /* ISO 8601 UTC */
	const char *tool_version;
	size_t max_offenders;                /* per check; 0 shows every stored one */
};

enum report_format { REPORT_JSON, REPORT_MD, REPORT_HTML, REPORT_CSV };

/* "json", "md", "html", "csv" (also "markdown"); -1 otherwise. */
int report_format_parse(const char *s);

/* The whole report in format f. */
enum az_err report_render(const struct report *r, enum report_format f, struct buf *out,
			  struct errmsg *em);
/* The plan (and exceptions) alone in format f (azmat plan --format). */
enum az_err report_plan_render(const struct report *r, enum report_format f, struct buf *out,
			       struct errmsg *em);

enum az_err report_json(const struct report *r, struct buf *out, struct errmsg *em);
enum az_err report_md(const struct report *r, struct buf *out, struct errmsg *em);
enum az_err report_html(const struct report *r, struct buf *out, struct errmsg *em);
enum az_err report_csv(const struct report *r, struct buf *out, struct errmsg *em);

/*
 * The JSON pieces, shared with `azmat score --json` and `azmat plan
 * --format json`. Each returns a new tree the caller deletes.
 * score_to_json: {"level", "provisional", "index", "ahead", "contradictions",
 * "steps": [...], "items": [...]}.
 */
struct cJSON *score_to_json(const struct score *s);
struct cJSON *plan_to_json(const struct plan *p);
struct cJSON *exceptions_to_json(const struct plan *p);
/* {"id", "name", "tenant", "organisation", "assessor", "catalog_version",
 * "created", "updated", "signed_off", "signed_off_by"} (also azmat show --json). */
struct cJSON *assessment_to_json(const struct assessment *a);

/*
 * Print a cJSON tree as safe JSON text (escape_json_text) into out, and
 * delete it (as soon as it is printed, before the escaping copy: a report
 * with every offender is tens of megabytes).
 */
enum az_err report_json_print(struct cJSON *root, struct buf *out, struct errmsg *em);

/* The CSV priority of a lane, as trackers name them: Highest, High, Medium, Low. */
const char *report_lane_priority(enum plan_lane l);

#endif
