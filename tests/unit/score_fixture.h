/*
 * Helpers shared by the scoring and plan unit tests: the test catalog
 * (tests/data/score-catalog: the real roadmap plus a few checks of its own),
 * answers and results built in memory.
 */
#ifndef AZMAT_TEST_SCORE_FIXTURE_H
#define AZMAT_TEST_SCORE_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "evidence.h"
#include "model.h"
#include "score.h"
#include "t.h"
#include "xalloc.h"

static inline struct catalog *fx_catalog(void)
{
	struct cat_errors errs = CAT_ERRORS_INIT;
	struct catalog *cat = NULL;
	size_t i;

	if (catalog_load(t_data("score-catalog"), NULL, &cat, &errs)) {
		for (i = 0; i < errs.n; i++)
			fprintf(stderr, "%s\n", errs.lines[i]);
		abort();
	}
	cat_errors_release(&errs);
	return cat;
}

/* Answer one question; reason/owner/expiry/note may be NULL. */
static inline void fx_answer_full(struct answer_set *as, const char *qid, enum answer_value v,
			   const char *reason, const char *owner, const char *expiry,
			   const char *note)
{
	struct answer a;

	answer_init(&a, qid);
	a.value = v;
	free(a.reason);
	a.reason = xstrdup(reason ? reason : "");
	free(a.owner);
	a.owner = xstrdup(owner ? owner : "");
	free(a.expiry);
	a.expiry = xstrdup(expiry ? expiry : "");
	free(a.note);
	a.note = xstrdup(note ? note : "");
	answer_set_put(as, &a);
	answer_release(&a);
}

static inline void fx_answer(struct answer_set *as, const char *qid, enum answer_value v)
{
	fx_answer_full(as, qid, v, NULL, NULL, NULL, NULL);
}

/* Answer every question of an item the same. */
static inline void fx_item(struct answer_set *as, const struct catalog *cat, const char *item,
		    enum answer_value v)
{
	const struct cat_item *it = catalog_find_item(cat, item);
	size_t i;

	for (i = 0; it && i < it->nquestions; i++)
		fx_answer(as, it->questions[i].id, v);
}

/* Answer every question of every item of steps first..last. */
static inline void fx_steps(struct answer_set *as, const struct catalog *cat, unsigned first,
		     unsigned last, enum answer_value v)
{
	size_t i;

	for (i = 0; i < cat->nitems; i++)
		if (cat->items[i]->step->number >= first && cat->items[i]->step->number <= last)
			fx_item(as, cat, cat->items[i]->id, v);
}

static inline void fx_result(struct evidence_set *ev, const char *check, enum check_status st,
		      unsigned long healthy, unsigned long total)
{
	struct check_result r;

	check_result_init(&r, check);
	r.status = st;
	r.cause = st == CHECK_NOT_ASSESSABLE ? CAUSE_NOTHING_IN_SCOPE : CAUSE_NONE;
	r.healthy = healthy;
	r.total = total;
	evidence_put(ev, &r);
	check_result_release(&r);
}

static inline void fx_score(const struct catalog *cat, const struct answer_set *as,
		     const struct evidence_set *ev, struct score *out)
{
	struct score_input in;

	memset(&in, 0, sizeof(in));
	in.cat = cat;
	in.answers = as;
	in.evidence = ev;
	score_compute(&in, out);
}

#endif
