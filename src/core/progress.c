#include "progress.h"

struct progress progress_item(const struct cat_item *it, const struct answer_set *answers)
{
	struct progress p = { 0, it->nquestions };
	size_t i;

	for (i = 0; i < it->nquestions; i++) {
		const struct answer *a = answer_set_find(answers, it->questions[i].id);
		if (a && answer_is_answered(a->value))
			p.answered++;
	}
	return p;
}

struct progress progress_step(const struct cat_step *st, const struct answer_set *answers)
{
	struct progress p = { 0, 0 };
	size_t i;

	for (i = 0; i < st->nitems; i++) {
		struct progress q = progress_item(&st->items[i], answers);
		p.answered += q.answered;
		p.total += q.total;
	}
	return p;
}

struct progress progress_all(const struct catalog *cat, const struct answer_set *answers)
{
	struct progress p = { 0, 0 };
	size_t i;

	for (i = 0; i < cat->nsteps; i++) {
		struct progress q = progress_step(&cat->steps[i], answers);
		p.answered += q.answered;
		p.total += q.total;
	}
	return p;
}
