/*
 * The key table (nnn bindings[], tig request table): the only place that
 * says which key does what. Order matters twice: the first entry for a key
 * in a context wins, and help lists entries in table order.
 */
#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "strutil.h"

#define K(ctx, key, act, hint) { ctx, (uint32_t)(key), act, 0, hint, NULL, NULL }
#define KH(ctx, key, act, hint, help) { ctx, (uint32_t)(key), act, 0, hint, help, NULL }
#define KSTEP(n) \
	{ CTX_OVERVIEW, (uint32_t)('0' + (n)), ACT_GOTO_STEP, n, (n) == 1 ? "step" : NULL, NULL, \
	  (n) == 1 ? "1-9" : NULL }

const struct keybind ui_keymap[] = {
	/* Answering an item's questions: the workshop's main keys. */
	{ CTX_ITEM, '1', ACT_ANSWER_NOT_STARTED, 0, "answer", NULL, "1-5" },
	K(CTX_ITEM, '2', ACT_ANSWER_PLANNED, NULL),
	K(CTX_ITEM, '3', ACT_ANSWER_PARTIAL, NULL),
	K(CTX_ITEM, '4', ACT_ANSWER_LARGELY, NULL),
	K(CTX_ITEM, '5', ACT_ANSWER_FULLY, NULL),
	K(CTX_ITEM, 'n', ACT_ANSWER_NA, "n/a"),
	K(CTX_ITEM, 'r', ACT_ANSWER_RISK, "risk"),
	K(CTX_ITEM, 'u', ACT_ANSWER_UNKNOWN, "unknown"),
	K(CTX_ITEM, 'x', ACT_ANSWER_CLEAR, NULL),
	K(CTX_ITEM, 'e', ACT_EDIT_NOTE, "note"),
	K(CTX_ITEM, 'a', ACT_ACCEPT, "accept"),
	K(CTX_ITEM, 'A', ACT_ACCEPT_ALL, "accept all"),

	/* The later screens: score, plan, compare, export. */
	K(CTX_SCORE, 's', ACT_SIGNOFF, "sign off"),
	K(CTX_PLAN, 'e', ACT_EDIT_PLAN, "edit"),
	K(CTX_PLAN, 't', ACT_STATUS, "status"),
	K(CTX_PLAN, 's', ACT_SORT, "sort"),
	K(CTX_PLAN, 'r', ACT_REVERSE, NULL),
	K(CTX_PLAN, 'f', ACT_FILTER_LANE, "lane"),
	K(CTX_PLAN, 'w', ACT_FILTER_OWNER, "owner"),
	K(CTX_COMPARE, 'c', ACT_CHOOSE, "choose"),
	K(CTX_EXPORT, UK_RIGHT, ACT_NEXT_CHOICE, NULL),
	K(CTX_EXPORT, ' ', ACT_NEXT_CHOICE, NULL),
	{ CTX_EXPORT, UK_LEFT, ACT_PREV_CHOICE, 0, "change", NULL, "Left/Right" },
	K(CTX_EXPORT, 'e', ACT_EDIT_NAME, "file name"),
	K(CTX_EXPORT, 'w', ACT_WRITE, "write"),

	/* Collecting evidence: Esc and c stop what runs (or leave when nothing does). */
	K(CTX_COLLECT, 's', ACT_START, "start"),
	KH(CTX_COLLECT, 'c', ACT_CANCEL, "cancel", "stop the sign-in or the run (resumable), or leave"),
	KH(CTX_COLLECT, UK_ESC, ACT_CANCEL, NULL, "stop the sign-in or the run (resumable), or leave"),
	K(CTX_COLLECT, 'r', ACT_RESUME, "resume"),
	K(CTX_COLLECT, 'e', ACT_EDIT_FIELD, "edit"),
	K(CTX_COLLECT, UK_RIGHT, ACT_NEXT_CHOICE, NULL),
	K(CTX_COLLECT, ' ', ACT_NEXT_CHOICE, NULL),
	{ CTX_COLLECT, UK_LEFT, ACT_PREV_CHOICE, 0, "change", NULL, "Left/Right" },

	K(CTX_ASSESSMENTS, 'n', ACT_NEW, "new"),
	K(CTX_ASSESSMENTS, 'r', ACT_RENAME, "rename"),
	K(CTX_ASSESSMENTS, 'd', ACT_DELETE, "delete"),

	KSTEP(1), KSTEP(2), KSTEP(3), KSTEP(4), KSTEP(5), KSTEP(6), KSTEP(7), KSTEP(8), KSTEP(9),

	/* Moving around lists and panes. */
	K(CTX_LIST, UK_UP, ACT_UP, NULL),
	K(CTX_LIST, 'k', ACT_UP, NULL),
	K(CTX_LIST, UK_DOWN, ACT_DOWN, NULL),
	K(CTX_LIST, 'j', ACT_DOWN, NULL),
	K(CTX_LIST, UK_ENTER, ACT_OPEN, "open"),
	K(CTX_LIST, 'l', ACT_OPEN, NULL),
	K(CTX_LIST, UK_RIGHT, ACT_OPEN, NULL),
	K(CTX_LIST, UK_ESC, ACT_BACK, NULL),
	K(CTX_LIST, 'h', ACT_BACK, "back"),
	K(CTX_LIST, UK_LEFT, ACT_BACK, NULL),
	K(CTX_LIST, UK_TAB, ACT_NEXT_PANE, "pane"),
	K(CTX_LIST, UK_BTAB, ACT_PREV_PANE, NULL),
	K(CTX_LIST, UK_PGUP, ACT_PAGE_UP, NULL),
	K(CTX_LIST, UK_PGDN, ACT_PAGE_DOWN, NULL),
	K(CTX_LIST, 'g', ACT_TOP, NULL),
	K(CTX_LIST, UK_HOME, ACT_TOP, NULL),
	K(CTX_LIST, 'G', ACT_BOTTOM, NULL),
	K(CTX_LIST, UK_END, ACT_BOTTOM, NULL),
	K(CTX_LIST, ']', ACT_NEXT, "next"),
	K(CTX_LIST, '[', ACT_PREV, NULL),

	/* Everywhere outside text fields. */
	K(CTX_GLOBAL, 'q', ACT_QUIT, "quit"),
	K(CTX_GLOBAL, UK_CTRL_C, ACT_QUIT_NOW, NULL),
	K(CTX_GLOBAL, '/', ACT_SEARCH, "search"),
	K(CTX_GLOBAL, 'p', ACT_PRIVACY, "privacy"),
	K(CTX_GLOBAL, '?', ACT_HELP, "help"),
	K(CTX_GLOBAL, UK_F1, ACT_HELP, NULL),
	K(CTX_GLOBAL, 'S', ACT_SCORE, "score"),
	K(CTX_GLOBAL, 'P', ACT_PLAN, "plan"),
	K(CTX_GLOBAL, 'C', ACT_COMPARE, "compare"),
	K(CTX_GLOBAL, 'X', ACT_EXPORT, "export"),
	K(CTX_GLOBAL, 'E', ACT_COLLECT, "collect"),

	/* Search: typing edits the query, these move through the hits. */
	K(CTX_SEARCH, UK_UP, ACT_UP, NULL),
	K(CTX_SEARCH, UK_DOWN, ACT_DOWN, NULL),
	K(CTX_SEARCH, UK_PGUP, ACT_PAGE_UP, NULL),
	K(CTX_SEARCH, UK_PGDN, ACT_PAGE_DOWN, NULL),
	KH(CTX_SEARCH, UK_ENTER, ACT_OPEN, "jump", "jump to the selected hit"),
	KH(CTX_SEARCH, UK_ESC, ACT_BACK, "close", "close the search"),
	K(CTX_SEARCH, UK_CTRL_C, ACT_BACK, NULL),

	/* Prompts (justification, risk acceptance, assessment details). */
	KH(CTX_FORM, UK_ENTER, ACT_NEWLINE, "next/save", "next field; save on the last one"),
	K(CTX_FORM, UK_TAB, ACT_NEXT_FIELD, NULL),
	K(CTX_FORM, UK_DOWN, ACT_NEXT_FIELD, NULL),
	K(CTX_FORM, UK_BTAB, ACT_PREV_FIELD, NULL),
	K(CTX_FORM, UK_UP, ACT_PREV_FIELD, NULL),
	K(CTX_FORM, UK_CTRL_S, ACT_SUBMIT, "save"),
	K(CTX_FORM, UK_ESC, ACT_CANCEL, "cancel"),
	K(CTX_FORM, UK_CTRL_G, ACT_CANCEL, NULL),
	K(CTX_FORM, UK_CTRL_C, ACT_CANCEL, NULL),

	/* The note editor: Enter is a new line; leaving keeps the text. */
	K(CTX_EDITOR, UK_ENTER, ACT_NEWLINE, NULL),
	KH(CTX_EDITOR, UK_ESC, ACT_SUBMIT, "save", "save the note and close"),
	KH(CTX_EDITOR, UK_CTRL_S, ACT_SUBMIT, NULL, "save the note and close"),
	KH(CTX_EDITOR, UK_CTRL_G, ACT_CANCEL, "discard", "close and discard the changes"),
	KH(CTX_EDITOR, UK_CTRL_C, ACT_CANCEL, NULL, "close and discard the changes"),
	K(CTX_EDITOR, UK_UP, ACT_CUR_UP, NULL),
	K(CTX_EDITOR, UK_DOWN, ACT_CUR_DOWN, NULL),

	/* Any text field. */
	K(CTX_TEXT, UK_LEFT, ACT_CUR_LEFT, NULL),
	K(CTX_TEXT, UK_RIGHT, ACT_CUR_RIGHT, NULL),
	K(CTX_TEXT, UK_HOME, ACT_CUR_HOME, NULL),
	K(CTX_TEXT, UK_CTRL_A, ACT_CUR_HOME, NULL),
	K(CTX_TEXT, UK_END, ACT_CUR_END, NULL),
	K(CTX_TEXT, UK_CTRL_E, ACT_CUR_END, NULL),
	K(CTX_TEXT, UK_BACKSPACE, ACT_BACKSPACE, NULL),
	K(CTX_TEXT, UK_DELETE, ACT_DELETE_CHAR, NULL),
	K(CTX_TEXT, UK_CTRL_U, ACT_KILL_LINE, NULL),

	/* Yes/no questions: anything but y cancels. */
	KH(CTX_CONFIRM, 'y', ACT_YES, "yes", "confirm (any other key cancels)"),
	KH(CTX_CONFIRM, 'Y', ACT_YES, NULL, "confirm (any other key cancels)"),
};
const size_t ui_nkeymap = ARRAY_SIZE(ui_keymap);

static const char *const context_titles[] = {
#define UI_CONTEXT_TITLE(e, title) title,
	UI_CONTEXT_LIST(UI_CONTEXT_TITLE)
#undef UI_CONTEXT_TITLE
};

const char *ui_context_title(enum ui_context c)
{
	return (size_t)c < ARRAY_SIZE(context_titles) ? context_titles[c] : "";
}

static int printable(uint32_t key)
{
	return key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0) && key < UK_SPECIAL;
}

int keymap_lookup(uint32_t key, const enum ui_context *ctxs, size_t n, struct ui_input *out)
{
	size_t c, i;

	for (c = 0; c < n; c++) {
		for (i = 0; i < ui_nkeymap; i++) {
			if (ui_keymap[i].ctx != ctxs[c] || ui_keymap[i].key != key)
				continue;
			memset(out, 0, sizeof(*out));
			out->act = ui_keymap[i].act;
			out->arg = ui_keymap[i].arg;
			return 0;
		}
		if (ctxs[c] == CTX_TEXT && printable(key)) {
			memset(out, 0, sizeof(*out));
			out->act = ACT_CHAR;
			out->cp = key;
			return 0;
		}
		if (ctxs[c] == CTX_CONFIRM) {
			memset(out, 0, sizeof(*out));
			out->act = ACT_CANCEL;
			return 0;
		}
	}
	return -1;
}

static const struct {
	uint32_t key;
	const char *name;
} key_names[] = {
	{ UK_UP, "Up" },         { UK_DOWN, "Down" },     { UK_LEFT, "Left" },
	{ UK_RIGHT, "Right" },   { UK_HOME, "Home" },     { UK_END, "End" },
	{ UK_PGUP, "PgUp" },     { UK_PGDN, "PgDn" },     { UK_BACKSPACE, "Backspace" },
	{ UK_DELETE, "Delete" }, { UK_BTAB, "Shift-Tab" }, { UK_F1, "F1" },
	{ UK_TAB, "Tab" },       { UK_ENTER, "Enter" },   { UK_ESC, "Esc" },
	{ ' ', "Space" },
};

void keymap_key_name(uint32_t key, char *out, size_t n)
{
	size_t i;
	char u[5];

	for (i = 0; i < ARRAY_SIZE(key_names); i++) {
		if (key_names[i].key == key) {
			snprintf(out, n, "%s", key_names[i].name);
			return;
		}
	}
	if (key >= 1 && key < 0x20) {
		snprintf(out, n, "Ctrl-%c", (char)('A' + key - 1));
		return;
	}
	memset(u, 0, sizeof(u));
	if (!utf8_encode(key, u))
		u[0] = '?';
	snprintf(out, n, "%s", u);
}

uint32_t keymap_key_parse(const char *name)
{
	size_t i, len;
	uint32_t cp;

	if (!name || !*name)
		return UK_NONE;
	for (i = 0; i < ARRAY_SIZE(key_names); i++)
		if (!strcmp(key_names[i].name, name))
			return key_names[i].key;
	if (str_has_prefix(name, "Ctrl-") && name[5] >= 'A' && name[5] <= 'Z' && !name[6])
		return (uint32_t)(name[5] - 'A' + 1);
	len = strlen(name);
	if (utf8_decode(name, len, &cp) == len && cp != 0xfffd)
		return cp;
	return UK_NONE;
}
