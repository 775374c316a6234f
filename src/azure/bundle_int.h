/*
 * Inside the bundle importer: safe file access under the bundle's folder,
 * the bundle's state, and one check being judged.
 */
#ifndef AZMAT_BUNDLE_INT_H
#define AZMAT_BUNDLE_INT_H

#include <time.h>

#include "bundle.h"
#include "buf.h"
#include "collect_int.h"

/* ---- bundle_fs.c: files under the bundle, never through a symbolic link ---- */

enum bfs_status {
	BFS_OK,
	BFS_MISSING, /* no such name */
	BFS_REFUSED, /* a symbolic link, not a plain file/folder, too large, unreadable: *why says which */
};

/* Open folder name under dirfd (a new descriptor in *fd). */
enum bfs_status bfs_open_dir(int dirfd, const char *name, int *fd /* OUT */, char *why, size_t nwhy);
/* Read plain file name under dirfd into out (reset first), refusing more than cap bytes. */
enum bfs_status bfs_read(int dirfd, const char *name, size_t cap, struct buf *out, char *why,
			 size_t nwhy);
/* True when name under dirfd exists in any form (a link counts). */
int bfs_exists(int dirfd, const char *name);

/* ---- bundle_manifest.c ---- */

/* True when s may be a subscription id (and so a folder name): [0-9A-Za-z-]{1,64}. */
int bundle_subscription_ok(const char *s);

/* ---- bundle.c: the open bundle ---- */

enum bundle_list { BL_UNKNOWN, BL_DONE, BL_FAILED };

struct bundle {
	int root;                /* the bundle's folder */
	struct bundle_manifest m;
	struct bundle_problems opened; /* problems found while opening */
	time_t created;          /* when to judge dates as of; (time_t)-1: now */
	enum bundle_list subs_state;
	struct strlist subs;     /* subscriptions in scope (BL_DONE) */
	enum check_cause subs_cause;
	char subs_detail[600];
	enum bundle_list skus_state;
	struct strlist plans;    /* the tenant's service plans (BL_DONE) */
};

/* ---- bundle_scope.c: one check's pages ---- */

struct bjob {
	struct bundle *b;
	const struct cat_check *check;
	struct bundle_problems *probs;
	struct eval_run run;
	int run_started;
	struct check_result result;
	enum check_cause failed; /* CAUSE_NONE while healthy */
	char detail[512];
	struct buf path;         /* the folder being read, relative to the bundle */
	/* When set, the documents of list pages go here instead of to the evaluator. */
	void (*sink)(void *ctx, const struct cJSON *doc);
	void *sink_ctx;
	unsigned long unrecorded;
};

void bjob_init(struct bjob *j, struct bundle *b, const struct cat_check *check,
	       struct bundle_problems *probs);
void bjob_release(struct bjob *j);

/* End the job as not assessable (first failure wins); a damaged file is also listed as a problem. */
void bjob_fail(struct bjob *j, enum check_cause cause, const char *file, int damaged,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * Read the scope folder name under dirfd (its path is j->path + name):
 * every page in order, then error.json. Documents go to the evaluator with
 * ctx (or their ids to j->ids). per_resource: a 404 means the resource went
 * away (skipped, as live). Sets j->failed on failure.
 */
void bjob_scope(struct bjob *j, int dirfd, const char *name, const struct eval_ctx *ctx,
		int per_resource);

/*
 * Read the list tenant/<name> (tenant/subscriptions, tenant/subscribedSkus),
 * each document into add(out, doc). BL_DONE when every page was read,
 * BL_FAILED (with the cause and why) otherwise, BL_UNKNOWN when the bundle
 * has no such folder.
 */
enum bundle_list bundle_read_list(struct bundle *b, const char *name, struct strlist *out,
				  void (*add)(struct strlist *, const struct cJSON *),
				  enum check_cause *cause /* OUT */, char *why, size_t nwhy);

#endif
