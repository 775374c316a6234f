/*
 * "ca_exclusions": emergency access (break-glass) accounts are excluded
 * from every enabled Conditional Access policy that applies to all users,
 * so that a mistaken policy or an MFA outage cannot lock everybody out.
 * The accounts are recognised as the users every such policy excludes.
 *
 * Verdict: total is min (the accounts expected), healthy the accounts
 * found (at most min): pass with min or more, partial with fewer, fail
 * with none. Offenders are the policies that do not exclude the account
 * most policies exclude. No enabled all-users policy: nothing in scope.
 *
 * params:
 *   min   accounts expected (default 2, as Microsoft recommends)
 *
 * Memory: the policies' ids, names and excluded user ids (a tenant has at
 * most a few hundred policies).
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval_util.h"
#include "strmap.h"
#include "xalloc.h"

#define MAX_POLICIES 1000

struct policy {
	char *id;
	char *name;
	cJSON *excluded; /* owned copy of excludeUsers */
};

struct state {
	struct policy *p;
	size_t n, alloc;
};

static const struct eval_pspec spec[] = { { "min", EP_INT, 0, 1, 100, NULL } };

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
}

static void *begin(const struct cat_check *check)
{
	(void)check;
	return xcalloc(1, sizeof(struct state));
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	const cJSON *st = cJSON_GetObjectItem(d, "state");
	const cJSON *exc = doc_get(d, "conditions.users.excludeUsers");
	struct policy *p;

	(void)ctx;
	if (!cJSON_IsString(st) || strcmp(st->valuestring, "enabled") ||
	    !eval_strs_has(doc_get(d, "conditions.users.includeUsers"), "All") || s->n >= MAX_POLICIES)
		return;
	ALLOC_GROW(s->p, s->n + 1, s->alloc);
	p = &s->p[s->n++];
	p->id = xstrdup(eval_doc_id(d));
	p->name = xstrdup(eval_doc_name(d, NULL));
	p->excluded = cJSON_IsArray(exc) ? cJSON_Duplicate(exc, 1) : cJSON_CreateArray();
}

struct best {
	const char *user;
	unsigned long count;
	unsigned long full; /* users excluded everywhere */
	unsigned long npolicies;
};

static void pick(const char *key, void *val, void *ctx)
{
	struct best *b = ctx;
	unsigned long c = (unsigned long)(uintptr_t)val;

	if (c == b->npolicies)
		b->full++;
	if (c > b->count || (c == b->count && b->user && strcmp(key, b->user) < 0)) {
		b->count = c;
		b->user = key;
	}
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;
	unsigned long min = (unsigned long)eval_param_num(check, "min", 2);
	struct strmap counts = STRMAP_INIT;
	struct best b = { NULL, 0, 0, s->n };
	char sum[256];
	size_t i;

	r->cause = CAUSE_NONE;
	if (!s->n) {
		r->status = CHECK_NOT_ASSESSABLE;
		r->cause = CAUSE_NOTHING_IN_SCOPE;
		check_result_set_summary(r, "no enabled Conditional Access policy applies to all users");
		return;
	}
	for (i = 0; i < s->n; i++) {
		const cJSON *u;
		cJSON_ArrayForEach(u, s->p[i].excluded) {
			void **slot;
			if (!cJSON_IsString(u))
				continue;
			slot = strmap_put(&counts, u->valuestring, NULL);
			*slot = (void *)((uintptr_t)*slot + 1);
		}
	}
	strmap_each(&counts, pick, &b);
	r->total = min;
	r->healthy = b.full < min ? b.full : min;
	r->status = r->healthy >= min ? CHECK_PASS : r->healthy ? CHECK_PARTIAL : CHECK_FAIL;
	snprintf(sum, sizeof(sum), "%lu account(s) are excluded from all %zu enabled all-user policies; "
		 "at least %lu expected", b.full, s->n, min);
	check_result_set_summary(r, sum);
	if (r->status != CHECK_PASS) {
		for (i = 0; i < s->n; i++)
			if (!b.user || !eval_strs_has(s->p[i].excluded, b.user))
				check_result_add_offender(r, s->p[i].id, s->p[i].name,
							  "does not exclude the emergency access account");
		r->offending_total = r->noffenders;
	}
	strmap_release(&counts, NULL);
}

static void release(void *state)
{
	struct state *s = state;
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->p[i].id);
		free(s->p[i].name);
		cJSON_Delete(s->p[i].excluded);
	}
	free(s->p);
	free(s);
}

const struct evaluator eval_ca_exclusions = { "ca_exclusions", validate, begin, doc, finish,
					       release };
