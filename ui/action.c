/*
 * The action names and help texts, generated from UI_ACTION_LIST.
 */
#include "action.h"

#include <string.h>

#include "compat.h"

static const char *const names[] = {
#define UI_ACTION_NAME(e, name, help) name,
	UI_ACTION_LIST(UI_ACTION_NAME)
#undef UI_ACTION_NAME
};

static const char *const helps[] = {
#define UI_ACTION_HELP(e, name, help) help,
	UI_ACTION_LIST(UI_ACTION_HELP)
#undef UI_ACTION_HELP
};

const char *ui_action_name(enum ui_action a)
{
	return (size_t)a < ARRAY_SIZE(names) ? names[a] : "";
}

const char *ui_action_help(enum ui_action a)
{
	return (size_t)a < ARRAY_SIZE(helps) ? helps[a] : "";
}

enum ui_action ui_action_parse(const char *name)
{
	size_t i;

	for (i = 0; name && i < ARRAY_SIZE(names); i++)
		if (!strcmp(names[i], name))
			return (enum ui_action)i;
	return ACT__COUNT;
}
