/*
 * Loading, scoring and planning one assessment (scored.h).
 */
#include "scored.h"

#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "timeutil.h"
#include "xalloc.h"

#ifndef AZMAT_VERSION
#define AZMAT_VERSION "0.0.0"
#endif

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
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (cli_store(c, 0, &st, &em))
		return cli_fail_em(c, &em);
	if (scored_load(st, cat, id, flags, out, &em))
		return cli_fail_em(c, &em);
	return EXIT_OK;
}

static void trend_point(const struct assessment *a, const struct score *s, char date[16],
			struct report_trend *pt)
{
	snprintf(date, 16, "%.10s", a->created_at);
	pt->id = a->id;
	pt->name = a->name;
	pt->date = date;
	pt->has_index = s->has_index;
	pt->index = s->index;
	pt->level = s->level;
	pt->provisional = s->provisional;
}

enum az_err scored_trend_load(struct store *st, const struct catalog *cat, const struct scored *sc,
			      struct scored_trend *out, struct errmsg *em)
{
	enum az_err rc;
	size_t i;

	memset(out, 0, sizeof(*out));
	rc = store_assessment_lineage(st, sc->a.id, &out->as, &out->nas, em);
	if (rc || !out->nas)
		return rc;
	out->pts = xcalloc(out->nas, sizeof(*out->pts));
	out->dates = xcalloc(out->nas, sizeof(*out->dates));
	for (i = 0; i < out->nas; i++, out->n++) {
		struct scored other;

		if (out->as[i].id == sc->a.id) {
			trend_point(&sc->a, &sc->score, out->dates[i], &out->pts[i]);
			continue;
		}
		rc = scored_load(st, cat, out->as[i].id, 0, &other, em);
		if (!rc)
			trend_point(&out->as[i], &other.score, out->dates[i], &out->pts[i]);
		scored_release(&other);
		if (rc)
			return rc;
	}
	return AZ_OK;
}

void scored_trend_release(struct scored_trend *t)
{
	free(t->pts);
	free(t->dates);
	store_assessments_free(t->as, t->nas);
	memset(t, 0, sizeof(*t));
}

void scored_report(const struct scored *sc, const struct catalog *cat,
		   const struct scored_trend *t, char generated_at[32], struct report *r)
{
	memset(r, 0, sizeof(*r));
	time_format_iso(time_now(), generated_at, 32);
	r->cat = cat;
	r->a = &sc->a;
	r->answers = &sc->answers;
	r->evidence = &sc->evidence;
	r->runs = sc->runs;
	r->nruns = sc->nruns;
	r->carried = (const char *const *)sc->carried;
	r->ncarried = sc->ncarried;
	r->score = &sc->score;
	r->plan = &sc->plan;
	r->trend = t ? t->pts : NULL;
	r->ntrend = t ? t->n : 0;
	r->generated_at = generated_at;
	r->tool_version = "azmat " AZMAT_VERSION;
}

enum az_err scored_report_render(struct store *st, const struct catalog *cat, const struct scored *sc,
				 int fmt, long offenders, struct buf *out, struct errmsg *em)
{
	struct scored_trend trend;
	struct report r;
	char now[32];
	enum az_err rc;

	rc = scored_trend_load(st, cat, sc, &trend, em);
	if (!rc) {
		scored_report(sc, cat, &trend, now, &r);
		if (offenders >= 0)
			r.max_offenders = (size_t)offenders;
		else if (fmt == REPORT_HTML || fmt == REPORT_MD)
			r.max_offenders = SCORED_OFFENDERS_DOC;
		rc = report_render(&r, (enum report_format)fmt, out, em);
	}
	scored_trend_release(&trend);
	return rc;
}

/* Write data to path atomically (0600: a report describes weaknesses), or to out for "-". */
int cli_write_output(struct cli *c, const char *path, const struct buf *data)
{
	struct errmsg em = ERRMSG_INIT;

	if (!path || !strcmp(path, "-")) {
		fwrite(data->data, 1, data->len, c->out);
		return EXIT_OK;
	}
	if (file_write_atomic(path, data->data, data->len, 0600, &em))
		return cli_fail_em(c, &em);
	return EXIT_OK;
}

