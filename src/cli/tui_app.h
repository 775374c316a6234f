/*
 * The TUI's app layer: the loop that reads input, runs the pure reducer
 * (ui/ui.h), performs the effects it asks for against the store, and
 * draws. This is the only place where the TUI touches SQLite (through
 * db/store.h).
 */
#ifndef AZMAT_TUI_APP_H
#define AZMAT_TUI_APP_H

#include <stdint.h>

#include "cli.h"

struct tui_opts {
	const char *script;   /* read actions from this file, draw headless */
	const char *dump;     /* write the last screen here at exit */
	const char *timing;   /* append per-frame timings here (benchmarks) */
	long max_frames;      /* stop after this many frames (0: no limit) */
	int lines, cols;      /* headless size */
	long long open_id;    /* open this assessment at start (0: none) */
	int private_mode;     /* start with the privacy toggle on */
	int no_mouse;         /* leave the mouse to the terminal */
	int64_t t0_us;        /* when the command started, for timings */
};

/* Run the TUI on the open store st; returns an exit code. */
int tui_run(struct cli *c, const struct catalog *cat, struct store *st, const struct tui_opts *o);

/* Microseconds from an arbitrary start (monotonic). */
int64_t tui_now_us(void);

/*
 * Extensions: later work adds to the TUI through this table instead of
 * editing the loop. An extension is a `const struct tui_ext tui_ext_<name>`
 * defined in its own src/cli file; the declarations are weak, so one not
 * built yet is simply absent (as with the command table in cli.h).
 *
 *  - evidence (issue 5, tui_evidence.c): sets ui_state.item_pane (the
 *    evidence panel) in start();
 *  - scoring (issue 6, tui_scoring.c): registers the score, plan, compare
 *    and export screens with ui_register_screen() in start(), hands the
 *    open assessment's evidence, carried-over answers and plan overrides
 *    to the ui in opened() (ui_set_scoring(): the ui scores them), and
 *    performs plan edits, comparison, sign-off and export in effects().
 *  - collect (issue 5, tui_collect.c): registers the collection screen,
 *    runs sign-in, pre-flight and collection on a worker thread
 *    (collect_worker.h) for the effects UE_COLLECT_*, stores the results
 *    as they come, and hands what happened to the ui from poll().
 *
 * Every callback may be NULL. They run on the app layer's thread between
 * frames; what they put in the state they own and free in stop().
 * effects() gets every effect flag the reducer returned, after the loop's
 * own effects were performed.
 */
struct ui_state;
struct tui_ext {
	const char *name;
	void (*start)(struct cli *c, struct store *st, struct ui_state *s);
	void (*opened)(struct cli *c, struct store *st, struct ui_state *s);
	void (*changed)(struct cli *c, struct store *st, struct ui_state *s);
	void (*stop)(struct cli *c, struct ui_state *s);
	void (*effects)(struct cli *c, struct store *st, struct ui_state *s, unsigned fx);
	/*
	 * Work in the background: the loop calls poll() before it waits for
	 * input and after every input or timeout. It hands what happened to
	 * the ui (ui_apply()) and returns the effects that asked for, which
	 * the loop performs. *wait_ms (-1 on entry): how long the loop may
	 * wait for a key before polling again; leave it when nothing runs.
	 */
	unsigned (*poll)(struct cli *c, struct store *st, struct ui_state *s, int *wait_ms);
};

#define TUI_EXT_LIST(X) \
	X(evidence) \
	X(scoring) \
	X(collect)

#define TUI_EXT_DECL(n) extern const struct tui_ext tui_ext_##n __attribute__((weak));
TUI_EXT_LIST(TUI_EXT_DECL)
#undef TUI_EXT_DECL

/*
 * The demo (issue 5) may define this to create, or find, the demo
 * assessment and give its id; the TUI then opens it. When only cmd_demo
 * exists, the TUI runs that command and reloads the list.
 */
enum az_err tui_demo_assessment(struct cli *c, struct store *st, long long *id /* OUT */,
				struct errmsg *em) __attribute__((weak));

#endif
