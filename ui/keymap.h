/*
 * The one key table: key -> action, per context. The terminal layer turns
 * what ncurses reads into a key code below (printable keys are their
 * Unicode code point, control keys their ASCII code), keymap_lookup() turns
 * that into an action for the current context, and the help screen and the
 * status line's key hints are generated from the same table, so what the
 * help says is what the keys do.
 *
 * No curses here: the codes are azmat's own, so the table can be tested
 * without a terminal.
 */
#ifndef AZMAT_UI_KEYMAP_H
#define AZMAT_UI_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

#include "action.h"

/* Special keys, above the Unicode range. */
enum ui_key {
	UK_NONE = 0,
	UK_CTRL_A = 1,
	UK_CTRL_C = 3,
	UK_CTRL_E = 5,
	UK_CTRL_G = 7,
	UK_TAB = 9,
	UK_CTRL_L = 12,
	UK_ENTER = 13,
	UK_CTRL_S = 19,
	UK_CTRL_U = 21,
	UK_ESC = 27,
	UK_SPECIAL = 0x110000,
	UK_UP,
	UK_DOWN,
	UK_LEFT,
	UK_RIGHT,
	UK_HOME,
	UK_END,
	UK_PGUP,
	UK_PGDN,
	UK_BACKSPACE,
	UK_DELETE,
	UK_BTAB,
	UK_F1,
};

/*
 * Contexts. The reducer says which ones are active, most specific first
 * (ui_contexts()); the first matching entry wins.
 */
#define UI_CONTEXT_LIST(X) \
	X(CTX_GLOBAL, "Everywhere") \
	X(CTX_LIST, "Lists and panes") \
	X(CTX_ASSESSMENTS, "Assessments") \
	X(CTX_OVERVIEW, "Roadmap overview") \
	X(CTX_ITEM, "Item: answering") \
	X(CTX_SCORE, "Score dashboard") \
	X(CTX_PLAN, "Remediation plan") \
	X(CTX_COMPARE, "Compare") \
	X(CTX_EXPORT, "Export") \
	X(CTX_COLLECT, "Collecting evidence") \
	X(CTX_SEARCH, "Search") \
	X(CTX_FORM, "Prompts") \
	X(CTX_EDITOR, "Note editor") \
	X(CTX_TEXT, "Editing text") \
	X(CTX_CONFIRM, "Confirmation")

enum ui_context {
#define UI_CONTEXT_ENUM(e, title) e,
	UI_CONTEXT_LIST(UI_CONTEXT_ENUM)
#undef UI_CONTEXT_ENUM
	CTX__COUNT
};

struct keybind {
	enum ui_context ctx;
	uint32_t key;
	enum ui_action act;
	int arg;           /* ACT_GOTO_STEP: the step */
	const char *hint;  /* short text for the status line, NULL: not shown there */
	const char *help;  /* help text when it differs from the action's, or NULL */
	const char *hint_key; /* the key as the status line shows it ("1-5"), or NULL */
};

extern const struct keybind ui_keymap[];
extern const size_t ui_nkeymap;

/*
 * The action for key in the contexts ctxs[0..n) (most specific first).
 * In CTX_TEXT a printable key with no binding becomes ACT_CHAR; in
 * CTX_CONFIRM any unbound key cancels. Fills *out and returns 0, or -1
 * when the key means nothing here.
 */
int keymap_lookup(uint32_t key, const enum ui_context *ctxs, size_t n, struct ui_input *out);

/* The title of a context ("Note editor"). */
const char *ui_context_title(enum ui_context c);

/* A readable name for key ("Ctrl-S", "PgDn", "j") written into out. */
void keymap_key_name(uint32_t key, char *out, size_t n);

/*
 * Parse a key name as keymap_key_name() writes it (and single characters).
 * Returns UK_NONE when unknown. Used by scripts ("key Ctrl-S").
 */
uint32_t keymap_key_parse(const char *name);

#endif
