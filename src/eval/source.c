/*
 * Parsing check sources. The rules here are the ones roadmap/README.md
 * states under "Check sources"; keep the two in step.
 */
#include "source.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "jpath.h"
#include "strutil.h"

static const char *const arg_tables[] = {
	"resources", "resourcecontainers", "authorizationresources", "policyresources",
	"securityresources", "recoveryservicesresources", "advisorresources",
	"networkresources", "healthresources",
};

const char *source_api_name(enum source_api api)
{
	switch (api) {
	case SOURCE_ARG:
		return "resourcegraph";
	case SOURCE_ARM:
		return "arm";
	case SOURCE_GRAPH:
		return "graph";
	}
	return "?";
}

const char *source_per_name(enum source_per per)
{
	switch (per) {
	case SOURCE_PER_TENANT:
		return "tenant";
	case SOURCE_PER_SUBSCRIPTION:
		return "subscription";
	case SOURCE_PER_RESOURCE:
		return "resource";
	}
	return "?";
}

void source_arg_table(const char *query, char *out, size_t n)
{
	size_t i = 0;

	if (!n)
		return;
	while (query && isspace((unsigned char)*query))
		query++;
	while (query && (isalnum((unsigned char)query[i]) || query[i] == '_') && i + 1 < n) {
		out[i] = (char)tolower((unsigned char)query[i]);
		i++;
	}
	out[i] = '\0';
}

struct ctx {
	const char *file;
	struct jpath path;
	struct cat_errors *errs;
	int bad;
};

static void err(struct ctx *c, const char *key, const char *msg)
{
	c->bad = 1;
	if (!c->errs)
		return;
	if (key) {
		struct jpath p;
		jpath_key(&p, &c->path, key);
		cat_errors_add(c->errs, c->file, p.s, "%s", msg);
	} else {
		cat_errors_add(c->errs, c->file, c->path.s, "%s", msg);
	}
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) && v->valuestring && *v->valuestring ? v->valuestring : NULL;
}

static int known_key(const char *k)
{
	static const char *const keys[] = { "api", "per", "query", "path", "api_version",
					     "resources", "consistency" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i], k))
			return 1;
	return 0;
}

static int table_ok(const char *query)
{
	char t[64];
	size_t i;

	source_arg_table(query, t, sizeof(t));
	for (i = 0; i < ARRAY_SIZE(arg_tables); i++)
		if (!strcmp(t, arg_tables[i]))
			return 1;
	return 0;
}

static int path_ok(const char *p)
{
	size_t i;

	if (p[0] != '/' && !str_has_prefix(p, "{resourceId}/"))
		return 0;
	for (i = 0; p[i]; i++) {
		unsigned char ch = (unsigned char)p[i];
		if (ch <= 0x20 || ch >= 0x7f || ch == '?' || ch == '#' || ch == '"' || ch == '\\')
			return 0;
	}
	return !strstr(p, "..");
}

static void parse_part(struct ctx *c, const cJSON *o, struct source_part *sp)
{
	const char *api = str(o, "api"), *per = str(o, "per"), *cons = str(o, "consistency");
	const cJSON *v;

	memset(sp, 0, sizeof(*sp));
	if (!cJSON_IsObject(o)) {
		err(c, NULL, "must be an object");
		return;
	}
	cJSON_ArrayForEach(v, o) {
		if (v->string && !known_key(v->string)) {
			char msg[128];
			snprintf(msg, sizeof(msg), "unknown key '%.60s'", v->string);
			err(c, v->string, msg);
		}
	}
	sp->query = str(o, "query");
	sp->path = str(o, "path");
	sp->api_version = str(o, "api_version");
	sp->resources = str(o, "resources");
	if (!api || !strcmp(api, "resourcegraph")) {
		sp->api = SOURCE_ARG;
		if (!api)
			err(c, "api", "must be 'resourcegraph', 'arm' or 'graph'");
		if (!sp->query || !table_ok(sp->query))
			err(c, "query", "a Resource Graph source needs a query starting with a known table "
					"(resources, resourcecontainers, authorizationresources, ...)");
		if (sp->path || sp->api_version || per || sp->resources || cons)
			err(c, NULL, "a Resource Graph source takes only 'api' and 'query'");
	} else if (!strcmp(api, "arm")) {
		sp->api = SOURCE_ARM;
		if (!per || !strcmp(per, "tenant"))
			sp->per = SOURCE_PER_TENANT;
		else if (!strcmp(per, "subscription"))
			sp->per = SOURCE_PER_SUBSCRIPTION;
		else if (!strcmp(per, "resource"))
			sp->per = SOURCE_PER_RESOURCE;
		else
			err(c, "per", "must be 'tenant', 'subscription' or 'resource'");
		if (!sp->path || !path_ok(sp->path))
			err(c, "path", "an ARM source needs a path starting with '/' (no query string)");
		if (!sp->api_version)
			err(c, "api_version", "an ARM source needs an api_version");
		if (sp->path && sp->per == SOURCE_PER_SUBSCRIPTION && !strstr(sp->path, "{subscriptionId}"))
			err(c, "path", "a per-subscription path must contain {subscriptionId}");
		if (sp->per == SOURCE_PER_RESOURCE &&
		    (!sp->path || !str_has_prefix(sp->path, "{resourceId}")))
			err(c, "path", "a per-resource path must start with {resourceId}");
		if (sp->per == SOURCE_PER_RESOURCE && (!sp->resources || !table_ok(sp->resources)))
			err(c, "resources", "a per-resource source needs a Resource Graph query listing the resources");
		if (sp->per != SOURCE_PER_RESOURCE && sp->resources)
			err(c, "resources", "only per-resource sources take 'resources'");
		if (cons)
			err(c, "consistency", "only Graph sources take 'consistency'");
	} else if (!strcmp(api, "graph")) {
		sp->api = SOURCE_GRAPH;
		if (!sp->path || !path_ok(sp->path) ||
		    (!str_has_prefix(sp->path, "/v1.0/") && !str_has_prefix(sp->path, "/beta/")))
			err(c, "path", "a Graph source needs a path starting with /v1.0/ (no query string)");
		if (per || sp->api_version || sp->resources)
			err(c, NULL, "a Graph source takes only 'api', 'path', 'query' and 'consistency'");
		if (cons && strcmp(cons, "eventual"))
			err(c, "consistency", "must be 'eventual'");
		sp->eventual = cons != NULL;
	} else {
		err(c, "api", "must be 'resourcegraph', 'arm' or 'graph'");
	}
	if (sp->query && sp->api != SOURCE_ARG && (sp->query[0] == '?' || strchr(sp->query, '#')))
		err(c, "query", "give the query string without '?' and without '#'");
}

enum az_err source_parse(const cJSON *source, struct source *out, const char *file,
			 const char *path, struct cat_errors *errs)
{
	const cJSON *parts = cJSON_GetObjectItemCaseSensitive(source, "parts");
	struct ctx c;
	struct source s;

	memset(&s, 0, sizeof(s));
	c.file = file;
	c.errs = errs;
	c.bad = 0;
	jpath_set(&c.path, path);
	if (!cJSON_IsObject(source)) {
		err(&c, NULL, "must be an object");
		return AZ_ERR_INVALID;
	}
	if (parts) {
		const cJSON *p;
		struct jpath base, arr;
		if (cJSON_GetArraySize(source) != 1)
			err(&c, NULL, "a source with 'parts' takes no other key");
		if (!cJSON_IsArray(parts) || !cJSON_GetArraySize(parts) ||
		    cJSON_GetArraySize(parts) > SOURCE_MAXPARTS) {
			err(&c, "parts", "must be an array of 1 to 4 sources");
			return AZ_ERR_INVALID;
		}
		base = c.path;
		jpath_key(&arr, &base, "parts");
		cJSON_ArrayForEach(p, parts) {
			jpath_index(&c.path, &arr, s.nparts);
			parse_part(&c, p, &s.parts[s.nparts++]);
		}
	} else {
		parse_part(&c, source, &s.parts[s.nparts++]);
	}
	if (c.bad)
		return AZ_ERR_INVALID;
	*out = s;
	return AZ_OK;
}
