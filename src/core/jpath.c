#include "jpath.h"

#include <stdio.h>
#include <string.h>

static void finish(struct jpath *out, int n)
{
	if (n < 0 || (size_t)n >= sizeof(out->s))
		memcpy(out->s + sizeof(out->s) - 4, "...", 4);
}

void jpath_root(struct jpath *p)
{
	p->s[0] = '$';
	p->s[1] = '\0';
}

void jpath_key(struct jpath *out, const struct jpath *parent, const char *key)
{
	finish(out, snprintf(out->s, sizeof(out->s), "%s.%s", parent->s, key));
}

void jpath_index(struct jpath *out, const struct jpath *parent, size_t i)
{
	finish(out, snprintf(out->s, sizeof(out->s), "%s[%zu]", parent->s, i));
}

void jpath_set(struct jpath *p, const char *s)
{
	finish(p, snprintf(p->s, sizeof(p->s), "%s", s ? s : "$"));
}
