/*
 * The TUI's evidence extension (tui_app.h): the item screen's evidence
 * panel (ui_evidence_pane(), fed by the scoring extension's load of the
 * current evidence with its offending resources).
 */
#include "tui_app.h"
#include "ui.h"

static void start(struct cli *c, struct store *st, struct ui_state *s)
{
	(void)c;
	(void)st;
	s->item_pane = ui_evidence_pane;
	s->item_pane_title = "Evidence";
}

const struct tui_ext tui_ext_evidence = { "evidence", start, NULL, NULL, NULL, NULL, NULL };
