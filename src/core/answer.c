#include "answer.h"

#include <string.h>

struct answer_row {
	const char *id;
	double value;
	int excluded;
	unsigned requires;
};

static const struct answer_row rows[] = {
#define ANSWER_ROW(e, id, v, x, r) { id, v, x, r },
	ANSWER_LIST(ANSWER_ROW)
#undef ANSWER_ROW
};

const char *answer_id(enum answer_value v)
{
	if (v < 0 || v >= ANSWER__COUNT)
		return "";
	return rows[v].id;
}

enum answer_value answer_parse(const char *s)
{
	int i;

	if (!s)
		return ANSWER_NONE;
	for (i = 0; i < ANSWER__COUNT; i++)
		if (!strcmp(rows[i].id, s))
			return (enum answer_value)i;
	return ANSWER_NONE;
}

double answer_score(enum answer_value v)
{
	if (v < 0 || v >= ANSWER__COUNT)
		return 0.0;
	return rows[v].value;
}

int answer_excluded(enum answer_value v)
{
	return v >= 0 && v < ANSWER__COUNT && rows[v].excluded;
}

unsigned answer_requires(enum answer_value v)
{
	if (v < 0 || v >= ANSWER__COUNT)
		return 0;
	return rows[v].requires;
}

int answer_is_answered(enum answer_value v)
{
	return v != ANSWER_NONE && v != ANSWER_UNKNOWN;
}
