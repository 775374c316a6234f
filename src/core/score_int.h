/*
 * Internal to the score module: the per-item seam between score_item.c
 * and score.c.
 */
#ifndef AZMAT_SCORE_INT_H
#define AZMAT_SCORE_INT_H

#include "score.h"

/* Score one item into si (overwritten; release with score_item_release()). */
void score_item_compute(const struct score_input *in, const struct cat_item *it,
			struct score_item *si);
void score_item_release(struct score_item *si);

#endif
