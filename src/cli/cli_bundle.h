/*
 * Importing an offline evidence bundle into an assessment as one evidence
 * run (shared by `azmat import` and `azmat demo`): the judging is the azure
 * layer's (src/azure/bundle.h); here the results are stored as they come,
 * in a run of their own, so that earlier runs are never touched.
 */
#ifndef AZMAT_CLI_BUNDLE_H
#define AZMAT_CLI_BUNDLE_H

#include "bundle.h"
#include "cli.h"
#include "cli_briefs.h"

struct import_outcome {
	long long run_id;
	enum run_status status;
	char *path;                 /* the bundle's absolute path */
	struct bundle_manifest m;   /* a copy of the manifest's facts */
	struct bundle_summary sum;
	struct briefs b;
};

void import_outcome_init(struct import_outcome *o);
void import_outcome_release(struct import_outcome *o);

enum import_flags {
	IMPORT_ANY_TENANT = 1 << 0, /* accept a bundle of another tenant than the assessment's */
};

/*
 * Judge the bundle in dir with the catalog's checks and store the results
 * in a new run of assessment a whose source is source ("bundle", "demo").
 * Errors are printed; returns an exit code: EXIT_INVALID when dir is not a
 * bundle (or is another tenant's), EXIT_READONLY when a is signed off,
 * EXIT_OK otherwise, whatever the checks' verdicts (see out->status).
 */
int cli_bundle_import(struct cli *c, struct store *st, const struct catalog *cat,
		      const struct assessment *a, const char *dir, const char *source, unsigned flags,
		      struct import_outcome *out);

/* Checks the import could not judge from the bundle: not collected, or hit by a damaged file. */
int import_not_imported(const struct import_outcome *o, const struct check_brief *b);

#endif
