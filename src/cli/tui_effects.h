/*
 * The TUI's effects executor: what the reducer asks for, done against the
 * store, with the results fed back into the state. Internal to the app
 * layer (tui_app.c drives it).
 */
#ifndef AZMAT_TUI_EFFECTS_H
#define AZMAT_TUI_EFFECTS_H

#include "tui_app.h"
#include "ui.h"

struct term;

struct tui {
	struct cli *c;
	const struct catalog *cat;
	struct store *st;
	struct term *term;
	struct ui_state s;
	char who[256]; /* who answers in the open assessment */
};

/* The setting that keeps the position per assessment. */
#define TUI_POSITION_KEY "tui.position"

/* Perform the effects in fx (enum ui_effect); returns fx with UE_QUIT kept. */
unsigned tui_effects(struct tui *t, unsigned fx);

/* Call every built extension's callback (by its field) on the state. */
void tui_ext_start(struct tui *t);
void tui_ext_opened(struct tui *t);
void tui_ext_changed(struct tui *t);
void tui_ext_stop(struct tui *t);
/* Poll every extension (tui_ext.poll); returns the effects asked for, *wait_ms the shortest wait. */
unsigned tui_ext_poll(struct tui *t, int *wait_ms);

#endif
