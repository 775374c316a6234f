/*
 * Actions: everything the TUI can be asked to do. Keys (keymap.h), mouse
 * events, resizes and test scripts all become a struct ui_input carrying
 * one of these; the reducer (ui.h) never sees a raw key code.
 *
 * The names are the script language (--script FILE, one action per line),
 * so tests keep working when a key is rebound. The help text is what the
 * help screen and the status line show next to the key.
 */
#ifndef AZMAT_UI_ACTION_H
#define AZMAT_UI_ACTION_H

#include <stdint.h>

/* X(enum, name, help) */
#define UI_ACTION_LIST(X) \
	X(ACT_NONE, "none", "") \
	X(ACT_UP, "up", "move up") \
	X(ACT_DOWN, "down", "move down") \
	X(ACT_OPEN, "open", "open the selection") \
	X(ACT_BACK, "back", "go back") \
	X(ACT_QUIT, "quit", "back; quit from the top screen") \
	X(ACT_QUIT_NOW, "quit-now", "quit at once") \
	X(ACT_NEXT_PANE, "next-pane", "next pane") \
	X(ACT_PREV_PANE, "prev-pane", "previous pane") \
	X(ACT_PAGE_UP, "page-up", "page up") \
	X(ACT_PAGE_DOWN, "page-down", "page down") \
	X(ACT_TOP, "top", "go to the first row") \
	X(ACT_BOTTOM, "bottom", "go to the last row") \
	X(ACT_NEXT, "next", "next item (or step) across the roadmap") \
	X(ACT_PREV, "prev", "previous item (or step) across the roadmap") \
	X(ACT_GOTO_STEP, "step", "open step N") \
	X(ACT_HELP, "help", "show this help") \
	X(ACT_SEARCH, "search", "search titles, guidance and questions") \
	X(ACT_PRIVACY, "privacy", "mask tenant, subscription, people and resource names") \
	X(ACT_ANSWER_NOT_STARTED, "answer-not-started", "answer: not started") \
	X(ACT_ANSWER_PLANNED, "answer-planned", "answer: planned") \
	X(ACT_ANSWER_PARTIAL, "answer-partial", "answer: partial") \
	X(ACT_ANSWER_LARGELY, "answer-largely", "answer: largely") \
	X(ACT_ANSWER_FULLY, "answer-fully", "answer: fully") \
	X(ACT_ANSWER_NA, "answer-na", "answer: not applicable (asks why)") \
	X(ACT_ANSWER_RISK, "answer-risk", "answer: risk accepted (asks reason, owner, expiry)") \
	X(ACT_ANSWER_UNKNOWN, "answer-unknown", "answer: unknown") \
	X(ACT_ANSWER_CLEAR, "answer-clear", "clear the answer (the note stays)") \
	X(ACT_EDIT_NOTE, "edit-note", "edit the question's note") \
	X(ACT_ACCEPT, "accept", "take the suggestion, or confirm a carried-over answer") \
	X(ACT_ACCEPT_ALL, "accept-all", "take every suggestion of the item and confirm its carried-over answers") \
	X(ACT_NEW, "new", "create an assessment") \
	X(ACT_RENAME, "rename", "rename or edit the assessment's details") \
	X(ACT_DELETE, "delete", "delete the assessment (asks first)") \
	X(ACT_SCORE, "score", "score dashboard") \
	X(ACT_PLAN, "plan", "remediation plan") \
	X(ACT_COMPARE, "compare", "compare with another assessment") \
	X(ACT_EXPORT, "export", "export a report") \
	X(ACT_COLLECT, "collect", "collect evidence from the tenant") \
	X(ACT_START, "start", "sign in and run the pre-flight; then start the run") \
	X(ACT_RESUME, "resume", "resume the interrupted collection") \
	X(ACT_EDIT_FIELD, "edit-field", "edit the selected setting") \
	X(ACT_COLLECT_EVENT, "collect-event", "what a collection in the background reports (KIND key=value ...)") \
	X(ACT_SIGNOFF, "sign-off", "sign the assessment off (asks first; read-only afterwards)") \
	X(ACT_SORT, "sort", "sort by the next key (priority, due date, owner, step, status)") \
	X(ACT_REVERSE, "reverse", "reverse the order") \
	X(ACT_FILTER_LANE, "filter-lane", "show one lane, then the next, then all") \
	X(ACT_FILTER_OWNER, "filter-owner", "show one owner's tasks, then the next, then all") \
	X(ACT_EDIT_PLAN, "edit-plan", "edit the task's owner, due date and status") \
	X(ACT_STATUS, "status", "move the task to its next status") \
	X(ACT_CHOOSE, "choose", "choose another assessment to compare with") \
	X(ACT_NEXT_CHOICE, "next-choice", "next choice") \
	X(ACT_PREV_CHOICE, "prev-choice", "previous choice") \
	X(ACT_EDIT_NAME, "file-name", "edit the file name") \
	X(ACT_WRITE, "write", "write the file") \
	X(ACT_CHAR, "char", "type a character") \
	X(ACT_TYPE, "type", "type text") \
	X(ACT_BACKSPACE, "backspace", "delete before the cursor") \
	X(ACT_DELETE_CHAR, "delete-char", "delete under the cursor") \
	X(ACT_CUR_LEFT, "cursor-left", "cursor left") \
	X(ACT_CUR_RIGHT, "cursor-right", "cursor right") \
	X(ACT_CUR_UP, "cursor-up", "cursor up") \
	X(ACT_CUR_DOWN, "cursor-down", "cursor down") \
	X(ACT_CUR_HOME, "cursor-home", "start of the line") \
	X(ACT_CUR_END, "cursor-end", "end of the line") \
	X(ACT_KILL_LINE, "kill-line", "delete to the start of the line") \
	X(ACT_NEWLINE, "newline", "new line") \
	X(ACT_NEXT_FIELD, "next-field", "next field") \
	X(ACT_PREV_FIELD, "prev-field", "previous field") \
	X(ACT_SUBMIT, "submit", "save") \
	X(ACT_CANCEL, "cancel", "cancel") \
	X(ACT_YES, "yes", "confirm") \
	X(ACT_PASTE_BEGIN, "paste-begin", "start of pasted text") \
	X(ACT_PASTE_END, "paste-end", "end of pasted text") \
	X(ACT_CLICK, "click", "mouse click at LINE COLUMN") \
	X(ACT_WHEEL_UP, "wheel-up", "mouse wheel up at LINE COLUMN") \
	X(ACT_WHEEL_DOWN, "wheel-down", "mouse wheel down at LINE COLUMN") \
	X(ACT_RESIZE, "resize", "the terminal is now COLUMNS LINES") \
	X(ACT_DUMP, "dump", "write the screen as text to FILE")

enum ui_action {
#define UI_ACTION_ENUM(e, name, help) e,
	UI_ACTION_LIST(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	ACT__COUNT
};

struct ui_collect_event;

/*
 * One input for the reducer. text and ev are borrowed for the duration of
 * ui_apply() (ACT_TYPE, ACT_DUMP; ACT_COLLECT_EVENT).
 */
struct ui_input {
	enum ui_action act;
	uint32_t cp;      /* ACT_CHAR: the code point */
	int y, x;         /* mouse: screen cell; ACT_RESIZE: x = columns, y = lines */
	int arg;          /* ACT_GOTO_STEP: the step number */
	const char *text; /* ACT_TYPE: UTF-8 text; ACT_DUMP: the file */
	const struct ui_collect_event *ev; /* ACT_COLLECT_EVENT */
};

/* The script name of a ("down"); never NULL. */
const char *ui_action_name(enum ui_action a);
/* The help text of a; never NULL. */
const char *ui_action_help(enum ui_action a);
/* Parse a script name; ACT__COUNT when unknown. */
enum ui_action ui_action_parse(const char *name);

#endif
