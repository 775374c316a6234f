/*
 * Answering progress: how many questions of an item, a step or the whole
 * roadmap have an answer. "Answered" means any answer on the scale except
 * unknown (answer_is_answered()).
 */
#ifndef AZMAT_PROGRESS_H
#define AZMAT_PROGRESS_H

#include <stddef.h>

#include "catalog.h"
#include "model.h"

struct progress {
	size_t answered;
	size_t total;
};

struct progress progress_item(const struct cat_item *it, const struct answer_set *answers);
struct progress progress_step(const struct cat_step *st, const struct answer_set *answers);
struct progress progress_all(const struct catalog *cat, const struct answer_set *answers);

#endif
