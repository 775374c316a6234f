/*
 * Script lines (`azmat tui --script FILE`, and the collection events the
 * app hands the reducer in the same language): every line of the input is
 * parsed; a collection event that parses is applied to a state, so the
 * reducer's copies of its strings are exercised too. Checks that parsing
 * never crashes, that a refused line says why, and that the event's
 * strings stay inside the line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"
#include "ui.h"

#define REQUIRE(c) \
	do { \
		if (!(c)) \
			abort(); \
	} while (0)

static void one_line(struct ui_state *s, const char *line)
{
	struct errmsg em = ERRMSG_INIT;
	struct script_cmd c;

	memset(&c, 0, sizeof(c));
	if (script_parse(line, &c, &em)) {
		REQUIRE(em.code == AZ_ERR_PARSE && errmsg_text(&em)[0]);
		return;
	}
	if (c.kind == SCRIPT_INPUT && c.in.act == ACT_COLLECT_EVENT) {
		REQUIRE(c.ev && c.in.ev == c.ev && c.ev->kind < CEV__COUNT);
		ui_apply(s, &c.in);
	}
	script_cmd_release(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *p, *nl;
	struct ui_state s;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	/* the reducer's collection events need no catalog */
	ui_init(&s, NULL, 24, 80, 0);
	for (p = text; p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		one_line(&s, p);
	}
	ui_release(&s);
	free(text);
	return 0;
}
