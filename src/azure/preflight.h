/*
 * The pre-flight: before a long collection, what the identity can read and
 * which checks will therefore not be assessable (DESIGN.md section 4).
 *
 *   ARM      the identity's role assignments at the tenant root management
 *            group and in each subscription in scope (assignments at the
 *            subscription or above it; the root covers every subscription)
 *   Graph    the application permissions in the Graph token's "roles"
 *            claim (a user's delegated token carries "scp" instead, and what
 *            it may read depends on the user's directory roles)
 *   licences the service plans in subscribedSkus
 *
 * Each check is then judged from its source, its "permission" text and its
 * "licence": not assessable for permission or licence, or expected to work.
 * The verdicts are predictions: the collection itself is the judge.
 */
#ifndef AZMAT_PREFLIGHT_H
#define AZMAT_PREFLIGHT_H

#include <stddef.h>

#include "collect.h"

struct preflight_sub {
	char *id;
	char *roles; /* role names at or above the subscription, ", "-joined; "" when none */
	long status; /* HTTP status of the role lookup (0: no answer) */
};

struct preflight_check {
	const struct cat_check *check; /* borrowed */
	enum check_cause cause;        /* CAUSE_NONE: expected to be assessable */
	char why[256];
};

struct preflight {
	char identity[256];
	char tenant[64];
	char object_id[64];
	int arm_ok;
	char arm_error[256];
	int graph_ok;
	char graph_error[256];
	int delegated;   /* the Graph token is a user's (scp), not an application's (roles) */
	char *root_roles; /* at the root management group, ", "-joined */
	long root_status;
	struct preflight_sub *subs;
	size_t nsubs;
	long subs_status; /* of the subscription list (200 when given by --subscriptions) */
	char **graph_perms;
	size_t ngraph_perms;
	char **plans; /* licences: service plan names */
	size_t nplans;
	long plans_status;
	struct preflight_check *checks;
	size_t nchecks;
};

/*
 * Look (cfg as for collect_run(); on_result and on_progress are not used)
 * and judge checks[0..n). Fills out (release with preflight_release()) even
 * when some lookups fail; AZ_ERR_CANCELLED when cancelled.
 */
enum az_err preflight_run(const struct collect_config *cfg, const struct cat_check *const *checks,
			  size_t n, struct preflight *out /* OUT */, struct errmsg *em);
void preflight_release(struct preflight *p);

/*
 * Judge checks[0..n) from what pf holds (filled by preflight_run(), or by a
 * test); replaces pf->checks.
 */
void preflight_judge(struct preflight *pf, const struct cat_check *const *checks, size_t n);

/* The built-in Azure role named by a role definition id (its last GUID), or NULL. */
const char *preflight_role_name(const char *role_definition_id);

#endif
