/*
 * "count": the number of documents matching conditions must lie in a range,
 * e.g. two to four Global Administrators, or at least one enabled
 * Conditional Access policy that requires MFA.
 *
 * params:
 *   where   conditions selecting the documents counted (default: all)
 *   min     the smallest acceptable count (default 0)
 *   max     the largest acceptable count (default: no limit)
 *   part    count only documents of this source part
 *   noun    what is counted, for the summary
 *   name    path of the name to show for an offender
 *   detail  text for each offender when there are too many
 *
 * Too many: every counted document is listed as an offender. Too few: the
 * summary says so; there is nothing to list.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "eval_util.h"
#include "jpath.h"
#include "xalloc.h"

struct state {
	struct cond_list where;
	long part;
	const char *name;
	const char *detail;
	unsigned long n;
	struct check_result matched;
};

static const char *const keys[] = { "where", "min", "max", "part", "noun", "name", "detail", NULL };

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	const cJSON *params = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(check, "evaluator"), "params");
	const cJSON *min = cJSON_GetObjectItemCaseSensitive(params, "min");
	const cJSON *max = cJSON_GetObjectItemCaseSensitive(params, "max");
	struct cond_list l;
	struct jpath base, pp, pk;

	eval_check_keys(check, file, path, errs, keys);
	jpath_set(&base, path);
	jpath_key(&pp, &base, "evaluator.params");
	jpath_key(&pk, &pp, "where");
	if (!cond_parse(cJSON_GetObjectItemCaseSensitive(params, "where"), &l, file, pk.s, errs))
		cond_list_release(&l);
	if ((min && (!cJSON_IsNumber(min) || min->valuedouble < 0 ||
		     min->valuedouble != floor(min->valuedouble))) ||
	    (max && (!cJSON_IsNumber(max) || max->valuedouble < 0 ||
		     max->valuedouble != floor(max->valuedouble)))) {
		cat_errors_add(errs, file, pp.s, "'min' and 'max' must be whole numbers >= 0");
	} else if (!min && !max) {
		cat_errors_add(errs, file, pp.s, "the count evaluator needs 'min' or 'max'");
	} else if (min && max && min->valuedouble > max->valuedouble) {
		cat_errors_add(errs, file, pp.s, "'min' is larger than 'max'");
	}
}

static void *begin(const struct cat_check *check)
{
	struct state *s = xcalloc(1, sizeof(*s));

	cond_parse(eval_param(check, "where"), &s->where, NULL, "$", NULL);
	s->part = (long)eval_param_num(check, "part", -1);
	s->name = eval_param_str(check, "name", NULL);
	s->detail = eval_param_str(check, "detail", "counted");
	check_result_init(&s->matched, check->id);
	return s;
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;

	if (s->part >= 0 && (size_t)s->part != ctx->part)
		return;
	if (!cond_match(&s->where, d))
		return;
	s->n++;
	/* Keep what we might list, up to the cap; the count stays exact. */
	if (s->matched.noffenders < EVAL_OFFENDERS_MAX)
		check_result_add_offender(&s->matched, eval_doc_id(d), eval_doc_name(d, s->name), s->detail);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;
	const char *noun = eval_param_str(check, "noun", "matching objects");
	double min = eval_param_num(check, "min", 0);
	double max = eval_param_num(check, "max", -1);
	char sum[256], range[64], one[160];
	size_t i;

	if (s->n == 1) {
		eval_singular(one, sizeof(one), noun);
		noun = one;
	}
	if (max >= 0 && min > 0)
		snprintf(range, sizeof(range), "%g to %g", min, max);
	else if (max >= 0)
		snprintf(range, sizeof(range), "at most %g", max);
	else
		snprintf(range, sizeof(range), "at least %g", min);
	r->cause = CAUSE_NONE;
	r->total = 1;
	if ((double)s->n < min) {
		r->status = CHECK_FAIL;
		r->healthy = 0;
		snprintf(sum, sizeof(sum), "%lu %s; expected %s", s->n, noun, range);
	} else if (max >= 0 && (double)s->n > max) {
		r->status = CHECK_FAIL;
		r->healthy = 0;
		snprintf(sum, sizeof(sum), "%lu %s; expected %s", s->n, noun, range);
		for (i = 0; i < s->matched.noffenders; i++)
			check_result_add_offender(r, s->matched.offenders[i].id,
						  s->matched.offenders[i].name,
						  s->matched.offenders[i].detail);
		r->offending_total = s->n;
	} else {
		r->status = CHECK_PASS;
		r->healthy = 1;
		snprintf(sum, sizeof(sum), "%lu %s (expected %s)", s->n, noun, range);
	}
	check_result_set_summary(r, sum);
}

static void release(void *state)
{
	struct state *s = state;

	cond_list_release(&s->where);
	check_result_release(&s->matched);
	free(s);
}

const struct evaluator eval_count = { "count", validate, begin, doc, finish, release };
