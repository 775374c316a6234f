/*
 * Collection events as script text: a kind, then key=value fields found
 * through a table, so that every field has one spelling.
 */
#include "collect_event.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "compat.h"
#include "strutil.h"

static const char *const names[] = {
#define UI_CEV_NAME(e, name) name,
	UI_CEV_LIST(UI_CEV_NAME)
#undef UI_CEV_NAME
};

const char *ui_cev_name(enum ui_cev k)
{
	return (size_t)k < ARRAY_SIZE(names) ? names[k] : "";
}

enum field_type { F_STR, F_LL, F_ULL };

static const struct {
	const char *key;
	enum field_type type;
	size_t off;
} fields[] = {
#define S(k, m) { k, F_STR, offsetof(struct ui_collect_event, m) }
#define U(k, m) { k, F_ULL, offsetof(struct ui_collect_event, m) }
	S("text", text), S("url", url), S("code", code), S("identity", identity),
	S("tenant", tenant), S("client", client), S("arm", arm), S("graph", graph),
	S("licences", licences), S("have", have), S("check", check), S("status", status),
	S("cause", cause), S("current", current),
	{ "run", F_LL, offsetof(struct ui_collect_event, run) },
	U("done", done), U("total", total), U("left", left), U("requests", requests),
	U("in-flight", in_flight), U("retries", retries), U("throttled", throttled),
	U("wait-ms", wait_ms), U("elapsed-ms", elapsed_ms), U("running", running),
	U("subs", subs), U("subs-role", subs_role),
#undef S
#undef U
};

/*
 * The value starting at *p, unquoted in place and NUL-terminated; *p moves
 * past it. NULL when a quote is not closed.
 */
static char *value(char **p)
{
	char *s = *p, *o, *v;

	if (*s != '"') {
		v = s;
		while (*s && *s != ' ')
			s++;
		if (*s)
			*s++ = '\0';
		*p = s;
		return v;
	}
	v = o = ++s;
	while (*s && *s != '"') {
		if (*s == '\\' && s[1])
			s++;
		*o++ = *s++;
	}
	if (*s != '"')
		return NULL;
	s++;
	*o = '\0';
	*p = s;
	return v;
}

static enum az_err set_field(struct ui_collect_event *ev, const char *key, const char *v,
			     struct errmsg *em)
{
	size_t i;
	long n;

	for (i = 0; i < ARRAY_SIZE(fields) && strcmp(fields[i].key, key); i++)
		;
	if (i == ARRAY_SIZE(fields))
		return errmsg_set(em, AZ_ERR_PARSE, "unknown collect-event field '%s'", key);
	if (fields[i].type == F_STR) {
		*(const char **)(void *)((char *)ev + fields[i].off) = v;
		return AZ_OK;
	}
	if (str_to_long(v, 0, LONG_MAX, &n))
		return errmsg_set(em, AZ_ERR_PARSE, "collect-event field '%s' takes a number", key);
	if (fields[i].type == F_LL)
		*(long long *)(void *)((char *)ev + fields[i].off) = n;
	else
		*(unsigned long long *)(void *)((char *)ev + fields[i].off) = (unsigned long long)n;
	return AZ_OK;
}

enum az_err ui_collect_event_parse(char *line, struct ui_collect_event *out, struct errmsg *em)
{
	struct ui_collect_event ev;
	char *p = line, *kind;
	size_t k;

	memset(&ev, 0, sizeof(ev));
	while (*p == ' ')
		p++;
	kind = value(&p);
	for (k = 0; kind && k < ARRAY_SIZE(names) && strcmp(names[k], kind); k++)
		;
	if (!kind || k == ARRAY_SIZE(names))
		return errmsg_set(em, AZ_ERR_PARSE, "unknown collect-event kind '%s'", kind ? kind : "");
	ev.kind = (enum ui_cev)k;
	for (;;) {
		char *eq, *v;
		enum az_err rc;
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		eq = strchr(p, '=');
		if (!eq || memchr(p, ' ', (size_t)(eq - p)))
			return errmsg_set(em, AZ_ERR_PARSE, "collect-event fields are key=value");
		*eq = '\0';
		v = eq + 1;
		eq = p;
		p = v;
		v = value(&p);
		if (!v)
			return errmsg_set(em, AZ_ERR_PARSE, "unclosed quote in collect-event field '%s'", eq);
		rc = set_field(&ev, eq, v, em);
		if (rc)
			return rc;
	}
	*out = ev;
	return AZ_OK;
}
