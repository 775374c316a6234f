/*
 * The score dashboard: the maturity level as a gauge of the nine steps,
 * each step's score as a bar, what the score rests on, and the
 * contradictions between answers and evidence (majors without a note
 * first: they block the sign-off).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "ui_int.h"
#include "vm.h"

#define MAX_ROWS 64

enum vm_style vm_band_style(enum score_band b)
{
	static const enum vm_style st[BAND__COUNT] = { VS_ANS_LOW, VS_ANS_PARTIAL, VS_ANS_LARGELY,
						       VS_ANS_FULLY };
	return b < BAND__COUNT ? st[b] : VS_TEXT;
}

/* "Level 2 of 9  [##.......]": achieved steps within the level, then ahead ones. */
static void gauge(const struct ui_state *s, const struct score *sc, struct vm_pane *p)
{
	struct vm_row *r = vm_row_new(p, -1);
	int utf8 = (s->flags & UI_UTF8) != 0;
	char head[96];
	size_t i;

	snprintf(head, sizeof(head), "Level %u of 9 ", sc->level);
	vm_row_add(r, head, VS_HEADING);
	vm_row_add(r, "[", VS_DIM);
	for (i = 0; i < sc->nsteps; i++) {
		const char *g;
		enum vm_style st;
		if (i < sc->level) {
			g = utf8 ? "\xe2\x96\xa0" : "#";
			st = VS_BAR_DONE;
		} else if (sc->steps[i].ahead) {
			g = utf8 ? "\xe2\x96\xa1" : "+";
			st = VS_INFO;
		} else {
			g = utf8 ? "\xc2\xb7" : ".";
			st = VS_BAR_TODO;
		}
		vm_row_add_raw(r, g, strlen(g), st);
	}
	vm_row_add(r, "]", VS_DIM);
	if (sc->provisional)
		vm_row_add(r, " provisional", VS_WARN);
	if (sc->has_index) {
		snprintf(head, sizeof(head), "  index %.1f", score_round1(sc->index));
		vm_row_add(r, head, VS_BOLD);
	}
	if (sc->nahead) {
		snprintf(head, sizeof(head), "  %zu ahead", sc->nahead);
		vm_row_add(r, head, VS_INFO);
	}
}

static void step_row(const struct ui_state *s, const struct score_step *st, struct vm_pane *p,
		     int bar)
{
	struct vm_row *r = vm_row_new(p, -1);
	char num[48];
	int tw = p->width - 4 - bar - 6 - 10;

	snprintf(num, sizeof(num), " %u  ", st->step->number);
	vm_row_add(r, num, VS_BOLD);
	vm_cell(r, st->step->title, MAX(8, tw), VS_TEXT);
	vm_row_add(r, " ", VS_TEXT);
	if (!st->has_score) {
		vm_cell(r, "", bar, VS_TEXT);
		vm_row_add(r, "     -", VS_DIM);
		vm_row_add(r, "  nothing applies", VS_DIM);
		return;
	}
	vm_bar(r, (size_t)(st->score * 10 + 0.5), 1000, bar, (s->flags & UI_UTF8) != 0);
	snprintf(num, sizeof(num), " %4.0f%%", st->score);
	vm_row_add(r, num, VS_BOLD);
	if (st->ahead)
		vm_row_add(r, "  ahead", VS_INFO);
	else if (st->achieved)
		vm_row_add(r, "  achieved", VS_OK);
	else if (st->nunknown) {
		snprintf(num, sizeof(num), "  %zu open", st->nunknown);
		vm_row_add(r, num, VS_DIM);
	}
}

/* What the score rests on, and whether it may be signed off. */
static void summary(const struct ui_state *s, const struct score *sc, struct vm_pane *p)
{
	size_t evidenced = 0, i, blockers = score_signoff_blockers(sc, NULL, 0);
	char line[256];

	for (i = 0; i < sc->nitems; i++)
		evidenced += sc->items[i].has_evidence ? 1 : 0;
	snprintf(line, sizeof(line),
		 "%zu item%s with evidence, %zu open question%s, %zu answer%s carried over to confirm",
		 evidenced, evidenced == 1 ? "" : "s", sc->nunknown, sc->nunknown == 1 ? "" : "s",
		 s->sc.ncarried, s->sc.ncarried == 1 ? "" : "s");
	vm_wrap(p, -1, 0, line, VS_DIM);
	if (s->a.signed_off_at) {
		char *by = vm_private(s, s->a.signed_off_by, 1);
		snprintf(line, sizeof(line), "Signed off by %s on %.10s: read-only", by,
			 s->a.signed_off_at);
		vm_wrap(p, -1, 0, line, VS_OK);
		free(by);
	} else if (blockers) {
		snprintf(line, sizeof(line), "Sign-off blocked: %zu major contradiction%s without a note",
			 blockers, blockers == 1 ? "" : "s");
		vm_wrap(p, -1, 0, line, VS_WARN);
	} else {
		vm_wrap(p, -1, 0, "Ready to sign off (s)", VS_OK);
	}
}

static const char *contra_label(const struct score_item *si)
{
	switch (si->contradiction) {
	case CONTRA_MAJOR:
		return "MAJOR ";
	case CONTRA_MINOR:
		return "minor ";
	default:
		return "under ";
	}
}

static void contradiction(const struct ui_state *s, const struct score_item *si, int group,
			  struct vm_pane *p)
{
	struct vm_row *r = vm_row_new(p, group);
	char line[256];
	int tw = p->width - 6 - 4 - 12;

	vm_row_add(r, contra_label(si), si->contradiction == CONTRA_MAJOR ? VS_ERROR : VS_WARN);
	vm_cell(r, si->item->id, 4, VS_BOLD);
	vm_cell(r, si->item->title, MAX(8, tw), VS_TEXT);
	if (si->contradiction == CONTRA_MAJOR)
		vm_row_add(r, si->noted ? "  noted" : "  needs note", si->noted ? VS_OK : VS_WARN);
	if (si->na_refuted)
		snprintf(line, sizeof(line), "answered not applicable, but the evidence shows the scope");
	else if (si->gating_failed && si->evidence_band > BAND_PARTIAL)
		snprintf(line, sizeof(line), "answers %s (%.2f), evidence Partial (a gating check failed)",
			 score_band_label(si->attested_band), score_round3(si->attested));
	else
		snprintf(line, sizeof(line), "answers %s (%.2f), evidence %s (%.2f)",
			 score_band_label(si->attested_band), score_round3(si->attested),
			 score_band_label(si->evidence_band), score_round3(si->evidence));
	vm_wrap(p, group, 6, line, VS_DIM);
	UNUSED(s);
}

void vm_dashboard(const struct ui_state *s, const struct catalog *cat, struct vm *vm)
{
	const struct score_item *rows[MAX_ROWS];
	struct vm_pane *p = &vm->pane[0], *c = &vm->pane[1];
	const struct score *sc = &s->sc.score;
	size_t n, i;

	UNUSED(cat);
	vm_layout(s, vm, 2, vm->wide ? 58 : -14);
	vm_set_title(p, "Score: %s", s->a.signed_off_at ? "signed off" : "as answered now");
	vm_set_title(c, "Contradictions between answers and evidence");
	c->list = 1;
	if (!s->sc.have_score) {
		vm_wrap(p, -1, 0, "The score is not known yet.", VS_DIM);
		return;
	}
	gauge(s, sc, p);
	for (i = 0; i < sc->nsteps; i++)
		step_row(s, &sc->steps[i], p, vm->wide ? 20 : 10);
	summary(s, sc, p);
	n = MIN((size_t)MAX_ROWS, score_contradiction_rows(sc, rows, MAX_ROWS));
	if (!n) {
		vm_wrap(c, -1, 0, "None: where evidence exists, the answers agree with it.", VS_DIM);
		return;
	}
	for (i = 0; i < n; i++)
		contradiction(s, rows[i], (int)i, c);
}
