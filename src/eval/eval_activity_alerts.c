/*
 * "activity_alerts": Activity Log alert rules watch the listed control-plane
 * operations (a policy assignment deleted, an NSG rule written, ...). An
 * operation is watched when an enabled rule's condition names it: an
 * "allOf" entry with field "operationName" that "equals" it or whose
 * "containsAny" holds it, directly or inside an "anyOf".
 *
 * Verdict: healthy is the number of operations watched out of those
 * listed; the unwatched operations are the offenders.
 *
 * params:
 *   operations  required: operation names
 *               ("Microsoft.Authorization/policyAssignments/delete")
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval_util.h"
#include "xalloc.h"

struct state {
	const cJSON *ops;
	unsigned char *watched;
	size_t nops;
};

static const struct eval_pspec spec[] = { { "operations", EP_STRS, 1, 0, 0, NULL } };

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));

	s->ops = eval_param(check, "operations");
	s->nops = (size_t)cJSON_GetArraySize(s->ops);
	s->watched = xcalloc(s->nops + 1, 1);
	return s;
}

static void mark(struct state *s, const char *op)
{
	size_t i = 0;
	const cJSON *o;

	cJSON_ArrayForEach(o, s->ops) {
		if (cJSON_IsString(o) && !strcasecmp(o->valuestring, op))
			s->watched[i] = 1;
		i++;
	}
}

/* One condition leaf: {"field": "operationName", "equals" | "containsAny": ...}. */
static void leaf(struct state *s, const cJSON *c)
{
	const cJSON *field = cJSON_GetObjectItem(c, "field");
	const cJSON *eq = cJSON_GetObjectItem(c, "equals");
	const cJSON *any = cJSON_GetObjectItem(c, "containsAny"), *e;

	if (!cJSON_IsString(field) || strcasecmp(field->valuestring, "operationName"))
		return;
	if (cJSON_IsString(eq))
		mark(s, eq->valuestring);
	cJSON_ArrayForEach(e, any)
		if (cJSON_IsString(e))
			mark(s, e->valuestring);
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	const cJSON *c, *a;

	(void)ctx;
	if (!cJSON_IsTrue(doc_get(d, "properties.enabled")))
		return;
	cJSON_ArrayForEach(c, doc_get(d, "properties.condition.allOf")) {
		leaf(s, c);
		cJSON_ArrayForEach(a, cJSON_GetObjectItem(c, "anyOf"))
			leaf(s, a);
	}
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;
	unsigned long healthy = 0;
	size_t i = 0;
	const cJSON *o;
	char sum[200];

	(void)check;
	cJSON_ArrayForEach(o, s->ops) {
		if (s->watched[i])
			healthy++;
		else
			check_result_add_offender(r, o->valuestring, o->valuestring,
						  "no enabled Activity Log alert watches this operation");
		i++;
	}
	eval_verdict(r, healthy, (unsigned long)s->nops, "operations", "fail");
	r->offending_total = s->nops - healthy;
	snprintf(sum, sizeof(sum), "%lu of %zu critical operations are watched by an enabled alert",
		 healthy, s->nops);
	check_result_set_summary(r, sum);
}

static void release(void *state)
{
	struct state *s = state;

	free(s->watched);
	free(s);
}

const struct evaluator eval_activity_alerts = { "activity_alerts", validate, begin, doc, finish,
						 release };
