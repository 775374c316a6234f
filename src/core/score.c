/*
 * Steps, the overall index and the maturity level, from the item scores
 * (score_item.c). See score.h and docs/scoring.md.
 */
#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score_int.h"
#include "xalloc.h"

struct band_row {
	const char *id;
	const char *label;
	double value;
};

static const struct band_row bands[] = {
#define BAND_ROW(e, id, label, v) { id, label, v },
	SCORE_BAND_LIST(BAND_ROW)
#undef BAND_ROW
};

static const char *const conf_ids[] = {
#define CONF_ROW(e, id) id,
	SCORE_CONF_LIST(CONF_ROW)
#undef CONF_ROW
};

static const char *const contra_ids[] = {
#define CONTRA_ROW(e, id) id,
	SCORE_CONTRA_LIST(CONTRA_ROW)
#undef CONTRA_ROW
};

const char *score_band_id(enum score_band b)
{
	return b < BAND__COUNT ? bands[b].id : "";
}

const char *score_band_label(enum score_band b)
{
	return b < BAND__COUNT ? bands[b].label : "";
}

double score_band_value(enum score_band b)
{
	return b < BAND__COUNT ? bands[b].value : 0.0;
}

const char *score_confidence_id(enum score_confidence c)
{
	return c < CONF__COUNT ? conf_ids[c] : "";
}

const char *score_contradiction_id(enum score_contradiction c)
{
	return c < CONTRA__COUNT ? contra_ids[c] : "";
}

enum score_band score_band_of(double v)
{
	if (v > 0.85)
		return BAND_FULLY;
	if (v > 0.5)
		return BAND_LARGELY;
	if (v > 0.15)
		return BAND_PARTIAL;
	return BAND_NOT_STARTED;
}

unsigned score_risk_weight(enum cat_level risk)
{
	return risk == CAT_HIGH ? 3 : risk == CAT_MEDIUM ? 2 : 1;
}

double score_round3(double v)
{
	return round(v * 1000.0) / 1000.0;
}

double score_round1(double v)
{
	return round(v * 10.0) / 10.0;
}

static void score_step(struct score *s, struct score_step *st)
{
	double sum = 0.0, wsum = 0.0;
	size_t i;

	st->achieved = 1;
	for (i = 0; i < st->nitems; i++) {
		const struct score_item *si = &s->items[st->first_item + i];
		double w;

		if (!si->applicable)
			continue;
		w = (double)score_risk_weight(si->item->risk);
		st->napplicable++;
		sum += w * si->effective;
		wsum += w;
		st->nunknown += si->nunknown;
		st->ncontra[si->contradiction]++;
		if (!si->achieved)
			st->achieved = 0;
		/* Answers are all a questionnaire-only item can ever rest on. */
		if (si->confidence == CONF_LOW && !si->item->questionnaire_only)
			st->provisional = 1;
	}
	st->has_score = st->napplicable > 0;
	if (st->has_score)
		st->score = 100.0 * sum / wsum;
}

static void score_level(struct score *s)
{
	double sum = 0.0;
	size_t i, nscored = 0;

	for (i = 0; i < s->nsteps; i++) {
		if (s->steps[i].has_score) {
			sum += s->steps[i].score;
			nscored++;
		}
	}
	s->has_index = nscored > 0;
	if (s->has_index)
		s->index = sum / (double)nscored;
	/* Nothing applicable anywhere: nothing is achieved either. */
	for (i = 0; nscored && i < s->nsteps && s->steps[i].achieved; i++)
		s->level = (unsigned)i + 1;
	for (i = 0; i < s->level; i++)
		if (s->steps[i].provisional)
			s->provisional = 1;
	for (i = s->level; i < s->nsteps; i++) {
		if (s->steps[i].achieved && s->steps[i].has_score) {
			s->steps[i].ahead = 1;
			s->nahead++;
		}
	}
}

void score_compute(const struct score_input *in, struct score *out)
{
	const struct catalog *cat = in->cat;
	size_t i, j, k = 0;

	memset(out, 0, sizeof(*out));
	out->cat = cat;
	out->nitems = cat->nitems;
	out->items = cat->nitems ? xcalloc(cat->nitems, sizeof(*out->items)) : NULL;
	out->nsteps = cat->nsteps;
	for (i = 0; i < cat->nsteps; i++) {
		struct score_step *st = &out->steps[i];

		st->step = &cat->steps[i];
		st->first_item = k;
		st->nitems = cat->steps[i].nitems;
		for (j = 0; j < st->nitems; j++, k++) {
			struct score_item *si = &out->items[k];
			score_item_compute(in, &cat->steps[i].items[j], si);
			if (!si->applicable)
				continue;
			out->napplicable++;
			out->nunknown += si->nunknown;
			out->ncontra[si->contradiction]++;
			if (si->contradiction == CONTRA_MAJOR && !si->noted)
				out->nunacknowledged++;
		}
		score_step(out, st);
	}
	score_level(out);
}

void score_release(struct score *s)
{
	size_t i;

	for (i = 0; i < s->nitems; i++)
		score_item_release(&s->items[i]);
	free(s->items);
	memset(s, 0, sizeof(*s));
}

const struct score_item *score_find_item(const struct score *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->nitems; i++)
		if (!strcmp(s->items[i].item->id, id))
			return &s->items[i];
	return NULL;
}

const struct score_step *score_item_step(const struct score *s, const struct score_item *si)
{
	size_t i;

	for (i = 0; i < s->nsteps; i++)
		if (si->item->step == s->steps[i].step)
			return &s->steps[i];
	return NULL;
}

size_t score_signoff_blockers(const struct score *s, const struct score_item **out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < s->nitems; i++) {
		const struct score_item *si = &s->items[i];
		if (!si->applicable || si->contradiction != CONTRA_MAJOR || si->noted)
			continue;
		if (n < max)
			out[n] = si;
		n++;
	}
	return n;
}

/* Dashboard order: unexplained majors, explained majors, minor, under-reported. */
static int contra_rank(const struct score_item *si)
{
	switch (si->contradiction) {
	case CONTRA_MAJOR:
		return si->noted ? 1 : 0;
	case CONTRA_MINOR:
		return 2;
	case CONTRA_UNDER:
		return 3;
	default:
		return -1;
	}
}

size_t score_contradiction_rows(const struct score *s, const struct score_item **out, size_t max)
{
	size_t i, n = 0;
	int rank;

	for (rank = 0; rank <= 3; rank++) {
		for (i = 0; i < s->nitems; i++) {
			if (!s->items[i].applicable || contra_rank(&s->items[i]) != rank)
				continue;
			if (n < max)
				out[n] = &s->items[i];
			n++;
		}
	}
	return n;
}
