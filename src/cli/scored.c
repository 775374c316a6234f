/*
 * Loading, scoring and planning one assessment (scored.h).
 */
#include "scored.h"

#include <string.h>

#include "timeutil.h"

static void plan_date(const struct assessment *a, char out[16])
{
	time_t t;

	if (a->signed_off_at && !time_parse_iso(a->signed_off_at, &t))
		time_format_date(t, out, 16);
	else
		time_format_date(time_now(), out, 16);
}

enum az_err scored_load(struct store *st, const struct catalog *cat, long long id, unsigned flags,
			struct scored *out, struct errmsg *em)
{
	struct score_input in;
	struct plan_input pin;
	enum az_err rc;

	memset(out, 0, sizeof(*out));
	rc = store_assessment_get(st, id, &out->a, em);
	if (!rc)
		rc = store_answers_load(st, id, &out->answers, em);
	if (!rc)
		rc = store_evidence_current(st, id, flags & SCORED_OFFENDERS ? STORE_EV_OFFENDERS : 0,
					    &out->evidence, em);
	if (!rc && (flags & SCORED_RUNS))
		rc = store_runs_list(st, id, &out->runs, &out->nruns, em);
	if (!rc)
		rc = store_carried_load(st, id, &out->carried, &out->ncarried, em);
	if (!rc)
		rc = store_plan_overrides_load(st, id, &out->overrides, em);
	if (rc)
		return rc;
	memset(&in, 0, sizeof(in));
	in.cat = cat;
	in.answers = &out->answers;
	in.evidence = &out->evidence;
	in.carried = out->carried;
	in.ncarried = out->ncarried;
	score_compute(&in, &out->score);
	plan_date(&out->a, out->today);
	pin.score = &out->score;
	pin.answers = &out->answers;
	pin.overrides = &out->overrides;
	pin.today = out->today;
	return plan_build(&pin, &out->plan, em);
}

void scored_release(struct scored *s)
{
	plan_release(&s->plan);
	score_release(&s->score);
	plan_overrides_release(&s->overrides);
	store_strings_free(s->carried, s->ncarried);
	store_runs_free(s->runs, s->nruns);
	evidence_release(&s->evidence);
	answer_set_release(&s->answers);
	assessment_release(&s->a);
	memset(s, 0, sizeof(*s));
}

int scored_open(struct cli *c, const char *id_s, unsigned flags, struct scored *out)
{
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	struct store *st;
	long long id;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = cli_parse_id(c, id_s, &id);
	if (ret)
		return ret;
	if (cli_catalog_stored(c, &cat))
		return EXIT_INVALID;
	if (cli_store(c, 0, &st, &em))
		return cli_fail_em(c, &em);
	if (scored_load(st, cat, id, flags, out, &em))
		return cli_fail_em(c, &em);
	return EXIT_OK;
}
