/*
 * The roadmap catalog: steps, items, questions and checks, loaded once from
 * roadmap/ (see roadmap/README.md for the format) and immutable afterwards.
 * Everybody else borrows pointers into it; only catalog_free() frees.
 */
#ifndef AZMAT_CATALOG_H
#define AZMAT_CATALOG_H

#include <stddef.h>

#include "answer.h"
#include "buf.h"
#include "err.h"

struct cJSON;

enum cat_level { CAT_LOW, CAT_MEDIUM, CAT_HIGH };

struct cat_reference {
	char *title;
	char *url;
};

struct cat_source_ref {
	char *source; /* a struct cat_source id */
	char *where;
};

struct cat_item;
struct cat_step;
struct cat_check;

struct cat_question {
	char *id; /* "1a.2" */
	char *text;
	char *hint;
	const struct cat_item *item; /* the owning item */
	size_t index;                /* position within the item */
};

struct cat_item {
	char *id; /* "1a" */
	char *title;
	char *roadmap;
	char *guidance;
	char *why;
	enum cat_level risk;
	enum cat_level effort;
	struct cat_question *questions;
	size_t nquestions;
	char *action;
	char *acceptance;
	struct cat_reference *refs;
	size_t nrefs;
	char **principles;
	size_t nprinciples;
	char **cis;
	size_t ncis;
	char **mcsb;
	size_t nmcsb;
	struct cat_source_ref *sources;
	size_t nsources;
	char *questionnaire_only; /* NULL when APIs may give evidence */
	const struct cat_step *step;
	const struct cat_check **checks; /* checks giving evidence here */
	size_t nchecks;
};

struct cat_step {
	unsigned number; /* 1..9 */
	char *title;
	char *summary;
	char *file; /* relative to the catalog folder */
	struct cat_item *items;
	size_t nitems;
};

#define CAT_WEIGHT_MAX 5 /* a check's "weight" runs 1..5 */

struct cat_check {
	char *id;
	char *title;
	char **items;
	size_t nitems;
	char *api;       /* "resourcegraph", "arm" or "graph" */
	char *evaluator; /* the evaluator's name */
	struct cJSON *source; /* the "source" object, owned */
	struct cJSON *params; /* the evaluator's "params" object, owned; never NULL */
	int gating;
	unsigned weight; /* 1..CAT_WEIGHT_MAX: its share of the item's evidence ratio (default 1) */
	char *permission;
	char *licence; /* NULL when none is needed */
	char *remediation;
	char *file;
};

struct cat_answer_def {
	char *label;
	char *key;
	char *description;
};

struct cat_source {
	char *id;
	char *title;
	char *author;
	char *note;
};

struct cat_principle {
	char *id; /* "P1" */
	char *title;
	char *text;
};

struct cat_placement {
	char *topic;
	char *item;
	char *why;
};

#define CAT_NSTEPS 9

struct catalog {
	int format;
	char *version;
	char *title;
	char *dir; /* the folder it was loaded from */
	struct cat_source *sources;
	size_t nsources;
	struct cat_answer_def answers[ANSWER__COUNT];
	struct cat_principle *principles;
	size_t nprinciples;
	struct cat_placement *placements;
	size_t nplacements;
	struct cat_step steps[CAT_NSTEPS];
	size_t nsteps;
	struct cat_check *checks;
	size_t nchecks;
	/* Indexes, borrowed pointers in roadmap order. */
	const struct cat_item **items;
	size_t nitems;
	const struct cat_question **questions;
	size_t nquestions;
};

/*
 * Every problem found while loading: one line each, "FILE: PATH: message".
 */
struct cat_errors {
	char **lines;
	size_t n;
	size_t alloc;
};

#define CAT_ERRORS_INIT { NULL, 0, 0 }

void cat_errors_release(struct cat_errors *e);
/* Record one error. file and path may be NULL. */
void cat_errors_add(struct cat_errors *e, const char *file, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Optional extra validation the loader calls for each check, so that layers
 * above the core (the evaluators) can judge their own parameters without the
 * core knowing them. Report problems with cat_errors_add().
 */
struct catalog_hooks {
	void (*check)(const struct cJSON *check, const char *file, const char *path,
		      struct cat_errors *errs, void *ctx);
	void *ctx;
};

/*
 * Load and validate the catalog in dir (holding catalog.json). On success
 * stores a new catalog in *out (caller frees with catalog_free()) and
 * returns AZ_OK. On any error returns AZ_ERR_INVALID (or AZ_ERR_NOTFOUND
 * when dir has no catalog.json) with every problem in errs; *out untouched.
 * hooks may be NULL.
 */
enum az_err catalog_load(const char *dir, const struct catalog_hooks *hooks,
			 struct catalog **out /* OUT: on success */, struct cat_errors *errs);

/*
 * Where the loader gets file contents: read(ctx, rel, out, em) appends the
 * file rel (relative to the catalog folder, e.g. "steps/1-inventory.json")
 * to out. catalog_load() reads from disk; tests and the fuzzer read from
 * memory. dir is only used to name files in messages.
 */
typedef enum az_err (*catalog_read_fn)(void *ctx, const char *rel, struct buf *out,
				       struct errmsg *em);

enum az_err catalog_load_with(const char *dir, catalog_read_fn read, void *read_ctx,
			      const struct catalog_hooks *hooks,
			      struct catalog **out /* OUT: on success */, struct cat_errors *errs);

/* Free everything the catalog owns, and *pcat; sets *pcat to NULL. */
void catalog_free(struct catalog **pcat);

const struct cat_step *catalog_step(const struct catalog *cat, unsigned number);
const struct cat_item *catalog_find_item(const struct catalog *cat, const char *id);
const struct cat_question *catalog_find_question(const struct catalog *cat, const char *id);
const struct cat_check *catalog_find_check(const struct catalog *cat, const char *id);

/* "low", "medium" or "high". */
const char *cat_level_name(enum cat_level l);

/*
 * Find the catalog folder: explicit (--catalog) if not NULL, else
 * $AZMAT_CATALOG, else "roadmap" beside the executable (build tree), else
 * "../share/azmat/roadmap" beside it (install prefix), else the configured
 * data directory. Appends the folder to out. AZ_ERR_NOTFOUND with a
 * message listing where it looked when none has a catalog.json.
 */
enum az_err catalog_locate(const char *explicit_dir, const char *datadir, struct buf *out,
			   struct errmsg *em);

#endif
