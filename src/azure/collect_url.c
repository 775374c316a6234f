/*
 * Building the collector's requests from check sources.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <string.h>

#include "collect_int.h"
#include "strutil.h"
#include "xalloc.h"

static void pct(struct buf *out, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";

	buf_addch(out, '%');
	buf_addch(out, hex[c >> 4]);
	buf_addch(out, hex[c & 15]);
}

static int is_pct_escape(const char *s)
{
	return s[0] == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2]);
}

/* Copy s, percent-encoding controls, spaces, non-ASCII and the bytes in unsafe. */
static void encode(struct buf *out, const char *s, const char *unsafe)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c <= 0x20 || c >= 0x7f || strchr(unsafe, c) || (c == '%' && !is_pct_escape(s)))
			pct(out, c);
		else
			buf_addch(out, (char)c);
	}
}

/*
 * A query string as the catalog writes it ("$filter=userType eq 'Guest'"):
 * keep the URL's own delimiters, encode what may not appear raw.
 */
void collect_encode_query(struct buf *out, const char *q)
{
	encode(out, q, "\"#<>\\^`{|}");
}

/* A path (a resource id may hold characters a URL may not). */
void collect_encode_path(struct buf *out, const char *p)
{
	encode(out, p, "\"#<>\\^`{|}?");
}

enum az_err collect_arm_url(const struct collector *co, const struct source_part *sp,
			    const char *sub, const char *resource, struct buf *out)
{
	const char *p = sp->path;
	const char *tenant = cred_tenant(co->cfg->cred);

	buf_addstr(out, co->cfg->cloud->arm);
	while (*p) {
		if (str_has_prefix(p, "{subscriptionId}") && sub) {
			collect_encode_path(out, sub);
			p += strlen("{subscriptionId}");
		} else if (str_has_prefix(p, "{resourceId}") && resource) {
			collect_encode_path(out, resource);
			p += strlen("{resourceId}");
		} else if (str_has_prefix(p, "{tenantId}")) {
			if (!tenant || !*tenant)
				return AZ_ERR_NOTFOUND;
			collect_encode_path(out, tenant);
			p += strlen("{tenantId}");
		} else {
			char one[2] = { *p++, '\0' };
			collect_encode_path(out, one);
		}
	}
	buf_addstr(out, "?api-version=");
	collect_encode_query(out, sp->api_version);
	if (sp->query) {
		buf_addch(out, '&');
		collect_encode_query(out, sp->query);
	}
	return AZ_OK;
}

void collect_graph_url(const struct collector *co, const struct source_part *sp, struct buf *out)
{
	buf_addstr(out, co->cfg->cloud->graph);
	collect_encode_path(out, sp->path);
	if (sp->query) {
		buf_addch(out, '?');
		collect_encode_query(out, sp->query);
	}
}

void collect_arg_url(const struct collector *co, struct buf *out)
{
	buf_addstr(out, co->cfg->cloud->arm);
	buf_addstr(out, "/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01");
}

char *collect_arg_body(const char *query, const char *const *subs, size_t n, const char *skip)
{
	cJSON *o = cJSON_CreateObject(), *opts, *arr;
	char *s, *copy;
	size_t i;

	if (n) {
		arr = cJSON_AddArrayToObject(o, "subscriptions");
		for (i = 0; i < n; i++)
			cJSON_AddItemToArray(arr, cJSON_CreateString(subs[i]));
	}
	cJSON_AddStringToObject(o, "query", query);
	opts = cJSON_AddObjectToObject(o, "options");
	cJSON_AddNumberToObject(opts, "$top", 1000);
	cJSON_AddStringToObject(opts, "resultFormat", "objectArray");
	if (skip)
		cJSON_AddStringToObject(opts, "$skipToken", skip);
	s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	copy = xstrdup(s);
	cJSON_free(s);
	return copy;
}
