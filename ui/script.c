/*
 * Parsing script lines into inputs.
 */
#include "script.h"

#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "strutil.h"
#include "xalloc.h"

void script_cmd_release(struct script_cmd *c)
{
	free(c->text);
	free(c->ev);
	memset(c, 0, sizeof(*c));
}

/* The text after "name " with \n, \t and \\ turned into what they say. */
static char *unescape(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			*o++ = *s;
			continue;
		}
		s++;
		*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
	}
	*o = '\0';
	return out;
}

/* Two integers "A B" into *a and *b. */
static int two_ints(const char *s, int *a, int *b)
{
	char first[32];
	const char *sp = strchr(s, ' ');
	long x, y;

	if (!sp || (size_t)(sp - s) >= sizeof(first))
		return -1;
	memcpy(first, s, (size_t)(sp - s));
	first[sp - s] = '\0';
	if (str_to_long(first, 0, 10000, &x) || str_to_long(sp + 1, 0, 10000, &y))
		return -1;
	*a = (int)x;
	*b = (int)y;
	return 0;
}

enum az_err script_parse(const char *line, struct script_cmd *out, struct errmsg *em)
{
	struct script_cmd c;
	char name[48];
	const char *arg;
	size_t k;
	long v;

	memset(&c, 0, sizeof(c));
	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line || *line == '#') {
		*out = c;
		return AZ_OK;
	}
	for (k = 0; line[k] && line[k] != ' '; k++)
		;
	if (k >= sizeof(name))
		return errmsg_set(em, AZ_ERR_PARSE, "unknown script action '%.40s'", line);
	memcpy(name, line, k);
	name[k] = '\0';
	arg = line[k] ? line + k + 1 : "";
	if (!strcmp(name, "key")) {
		c.kind = SCRIPT_KEY;
		c.key = keymap_key_parse(arg);
		if (c.key == UK_NONE)
			return errmsg_set(em, AZ_ERR_PARSE, "unknown key '%s'", arg);
		*out = c;
		return AZ_OK;
	}
	c.kind = SCRIPT_INPUT;
	c.in.act = ui_action_parse(name);
	switch (c.in.act) {
	case ACT__COUNT:
		return errmsg_set(em, AZ_ERR_PARSE, "unknown script action '%s'", name);
	case ACT_TYPE:
	case ACT_DUMP:
		c.text = unescape(arg);
		c.in.text = c.text;
		break;
	case ACT_COLLECT_EVENT:
		c.text = xstrdup(arg);
		c.ev = xcalloc(1, sizeof(*c.ev));
		if (ui_collect_event_parse(c.text, c.ev, em)) {
			script_cmd_release(&c);
			return AZ_ERR_PARSE;
		}
		c.in.ev = c.ev;
		break;
	case ACT_CHAR:
		if (utf8_decode(arg, strlen(arg), &c.in.cp) != strlen(arg) || !*arg)
			return errmsg_set(em, AZ_ERR_PARSE, "'char' takes one character");
		break;
	case ACT_GOTO_STEP:
		if (str_to_long(arg, 1, 9, &v))
			return errmsg_set(em, AZ_ERR_PARSE, "'step' takes a step number 1-9");
		c.in.arg = (int)v;
		break;
	case ACT_RESIZE:
		if (two_ints(arg, &c.in.x, &c.in.y))
			return errmsg_set(em, AZ_ERR_PARSE, "'resize' takes COLUMNS LINES");
		break;
	case ACT_CLICK:
	case ACT_WHEEL_UP:
	case ACT_WHEEL_DOWN:
		if (two_ints(arg, &c.in.y, &c.in.x))
			return errmsg_set(em, AZ_ERR_PARSE, "'%s' takes LINE COLUMN", name);
		break;
	default:
		if (*arg)
			return errmsg_set(em, AZ_ERR_PARSE, "'%s' takes no argument", name);
		break;
	}
	*out = c;
	return AZ_OK;
}
