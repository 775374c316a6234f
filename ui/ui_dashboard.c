/*
 * The score dashboard's keys: Enter on a contradiction opens its item
 * (where a note explains it), and s signs the assessment off, which is
 * refused while a major contradiction has no note.
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "ui_int.h"
#include "vm.h"

#define MAX_ROWS 64

static int rows_len(const struct ui_state *s, int pane)
{
	if (pane != 1 || !s->sc.have_score)
		return 0;
	return (int)MIN((size_t)MAX_ROWS, score_contradiction_rows(&s->sc.score, NULL, 0));
}

/* Open the item of the selected contradiction. */
static unsigned open_row(struct ui_state *s)
{
	const struct score_item *rows[MAX_ROWS];
	size_t n;
	int sel = s->pane[SCR_SCORE][1].sel;

	if (!s->sc.have_score)
		return 0;
	n = MIN((size_t)MAX_ROWS, score_contradiction_rows(&s->sc.score, rows, MAX_ROWS));
	if (sel < 0 || (size_t)sel >= n)
		return 0;
	ui_message(s, MSG_INFO, "%s: e adds a note that explains the contradiction", rows[sel]->item->id);
	return ui_open_item(s, rows[sel]->item);
}

static unsigned signoff(struct ui_state *s)
{
	const struct score_item *blk[8];
	struct buf ids = BUF_INIT(256);
	size_t n, i;

	if (s->a.signed_off_at) {
		ui_message(s, MSG_INFO, "already signed off on %.10s: the assessment is read-only",
			   s->a.signed_off_at);
		return UE_REDRAW;
	}
	if (!s->sc.have_score) {
		ui_message(s, MSG_ERROR, "the score is not known yet: cannot sign off");
		return UE_REDRAW;
	}
	n = score_signoff_blockers(&s->sc.score, blk, ARRAY_SIZE(blk));
	if (!n)
		return ui_confirm_open(s, CONFIRM_SIGNOFF);
	for (i = 0; i < n && i < ARRAY_SIZE(blk); i++)
		buf_addf(&ids, "%s%s", i ? ", " : "", blk[i]->item->id);
	if (n > ARRAY_SIZE(blk))
		buf_addstr(&ids, ", ...");
	ui_message(s, MSG_ERROR,
		   "sign-off blocked: %zu major contradiction%s without a note (%s); Enter opens "
		   "one, e adds the note",
		   n, n == 1 ? "" : "s", ids.data);
	buf_release(&ids);
	return UE_REDRAW;
}

unsigned ui_dashboard_signoff_confirmed(struct ui_state *s)
{
	UNUSED(s);
	return UE_SIGNOFF | UE_REDRAW;
}

static unsigned apply(struct ui_state *s, const struct catalog *cat, const struct ui_input *in)
{
	UNUSED(cat);
	switch (in->act) {
	case ACT_OPEN:
		return s->focus[SCR_SCORE] == 1 ? open_row(s) : 0;
	case ACT_SIGNOFF:
		return signoff(s);
	default:
		return 0;
	}
}

const struct ui_screen_ext ui_screen_dashboard = { "Score", vm_dashboard, apply, rows_len, 1 };
