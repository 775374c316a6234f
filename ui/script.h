/*
 * Test and batch scripts (tig's TIG_SCRIPT idea): one action per line, by
 * name, so that rebinding a key does not break a test. Pure parsing.
 *
 *   # a comment; blank lines are skipped
 *   down                       any action name from action.h
 *   step 3                     ACT_GOTO_STEP with its argument
 *   type Not used here\n       text typed into a prompt or the editor
 *                              (\n, \t and \\ are escapes)
 *   key Ctrl-S                 a key, looked up in the key table
 *   resize 132 43              COLUMNS LINES
 *   click 5 10                 LINE COLUMN (also wheel-up, wheel-down)
 *   dump screens/item.txt      write the screen as text
 *   collect-event progress done=3 total=9
 *                              what a background collection reports
 *                              (collect_event.h), as the app hands it over
 */
#ifndef AZMAT_UI_SCRIPT_H
#define AZMAT_UI_SCRIPT_H

#include <stdint.h>

#include "action.h"
#include "collect_event.h"
#include "err.h"

enum script_kind { SCRIPT_SKIP, SCRIPT_INPUT, SCRIPT_KEY };

struct script_cmd {
	enum script_kind kind;
	struct ui_input in; /* SCRIPT_INPUT; in.text points into text */
	uint32_t key;       /* SCRIPT_KEY */
	char *text;         /* owned: the argument of type and dump, the event's text */
	struct ui_collect_event *ev; /* owned: collect-event (its strings point into text) */
};

/*
 * Parse one line (without its newline). On success fills *out (release it
 * with script_cmd_release()); AZ_ERR_PARSE with a message otherwise.
 */
enum az_err script_parse(const char *line, struct script_cmd *out /* OUT: on success */,
			 struct errmsg *em);
void script_cmd_release(struct script_cmd *c);

#endif
