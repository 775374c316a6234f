/*
 * Targets: the join behind "every X has a Y". Part 0 of a check's source
 * lists the targets (subscriptions, Key Vaults, AKS clusters, Sentinel
 * workspaces); later parts list documents attached to a target (diagnostic
 * settings, Defender plans, locks, role or policy assignments, backup
 * items). Each attached document is found its target by a key, judged, and
 * counted; at the end every target is healthy when it has between min and
 * max healthy documents.
 *
 * Memory: one entry per target (key, id, name, counts and the first reason
 * it fails), never the documents.
 */
#ifndef AZMAT_EVAL_TARGETS_H
#define AZMAT_EVAL_TARGETS_H

#include "eval_util.h"
#include "strmap.h"

struct cJSON;

/* How a target is keyed (the "target" parameter). */
enum tkey { TKEY_ID, TKEY_SUBSCRIPTION, TKEY_PATH };

struct tset {
	enum tkey tkey;
	const char *tpath;     /* TKEY_PATH: path of the key in the part-0 doc */
	const char *name_path; /* offender name, or NULL */
	int ancestor;          /* attached keys cover descendants (scopes, locks) */
	struct strmap targets; /* key -> struct target */
	struct strmap scopes;  /* ancestor mode: attached key -> struct scope_count */
	unsigned long order;   /* insertion counter, to list offenders stably */
};

/* Set up; target is "id", "subscription" or a path. name_path may be NULL. */
void tset_init(struct tset *t, const char *target, const char *name_path, int ancestor);
void tset_release(struct tset *t);

/* Add the target described by part-0 document doc (duplicates merge). */
void tset_add(struct tset *t, const struct cJSON *doc, const struct eval_ctx *ctx);

/*
 * The key of an attached document per the "attach" parameter:
 * "subscription", "parent", "id", or a path holding the target's id.
 * Returns 0 and fills out, or -1 when the document names no target.
 */
int tset_attach_key(const char *attach, const struct cJSON *doc, const struct eval_ctx *ctx,
		    char *out, size_t n);

/*
 * Count an attached document under key: healthy or not; why (may be NULL)
 * is kept as the target's explanation when it has none yet. In exact mode
 * a key that is no target is ignored.
 */
void tset_attach(struct tset *t, const char *key, int healthy, const char *why);

/*
 * The verdict: a target is healthy when its healthy count lies in min..max
 * (max < 0: no upper limit). missing is the detail for a target with too
 * few (default "nothing attached"), noun names the targets, empty is the
 * verdict when there are none ("nothing-in-scope", "pass", "fail").
 */
void tset_finish(struct tset *t, double min, double max, const char *missing, const char *noun,
		 const char *empty, struct check_result *r);

#endif
