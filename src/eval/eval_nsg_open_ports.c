/*
 * "nsg_open_ports": network security groups must not allow inbound traffic
 * from the Internet to the listed ports. A rule is open when it is Inbound
 * and Allow, its protocol is one of those judged, one of its sources
 * (sourceAddressPrefix or sourceAddressPrefixes: ARM sets one or the other)
 * is an Internet source, and one of its destination ports
 * (destinationPortRange or destinationPortRanges: "*", "3389", "1000-4000")
 * covers a listed port. Default rules (defaultSecurityRules) never allow
 * Internet traffic in and are not read.
 *
 * params:
 *   ports      ports that must not be open ([22, 3389]); or
 *   all_ports  true: only rules open to every port ("*", "0-65535") count
 *   sources    Internet sources (default "*", "0.0.0.0/0", "0.0.0.0",
 *              "Internet", "Any", "::/0")
 *   protocols  protocols judged (default all: "*", "Tcp", "Udp", ...)
 *   noun, name, empty: as for "property"
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval_util.h"
#include "jpath.h"
#include "xalloc.h"

struct state {
	const cJSON *ports;
	int all_ports;
	const cJSON *sources;
	const cJSON *protocols;
	cJSON *default_sources; /* owned when "sources" is absent */
	const char *name;
	unsigned long healthy;
	unsigned long total;
	struct check_result offenders;
};

static const struct eval_pspec spec[] = {
	{ "ports", EP_ANY, 0, 0, 0, NULL },      { "all_ports", EP_BOOL, 0, 0, 0, NULL },
	{ "sources", EP_STRS, 0, 0, 0, NULL },   { "protocols", EP_STRS, 0, 0, 0, NULL },
	{ "noun", EP_STR, 0, 0, 0, NULL },       { "name", EP_STR, 0, 0, 0, NULL },
	{ "empty", EP_CHOICE, 0, 0, 0, eval_empty_choices },
};

static void validate(const cJSON *check, const char *file, const char *path,
		     struct cat_errors *errs)
{
	const cJSON *params = eval_check_params(check);
	const cJSON *ports = cJSON_GetObjectItemCaseSensitive(params, "ports"), *p;
	const cJSON *all = cJSON_GetObjectItemCaseSensitive(params, "all_ports");

	struct jpath base, pp;
	int bad = 0;

	eval_check_spec(check, file, path, errs, spec, sizeof(spec) / sizeof(spec[0]));
	if (ports && (!cJSON_IsArray(ports) || !cJSON_GetArraySize(ports)))
		bad = 1;
	cJSON_ArrayForEach(p, ports)
		if (!cJSON_IsNumber(p) || p->valuedouble < 0 || p->valuedouble > 65535 ||
		    p->valuedouble != (double)(long)p->valuedouble)
			bad = 1;
	if (!ports && !cJSON_IsTrue(all))
		bad = 1;
	if (bad) {
		jpath_set(&base, path);
		jpath_key(&pp, &base, "evaluator.params");
		cat_errors_add(errs, file, pp.s,
			       "needs 'ports' (port numbers 0..65535) or 'all_ports': true");
	}
}

static void *begin(const struct cat_check *check)
{
	static const char *const dflt[] = { "*", "0.0.0.0/0", "0.0.0.0", "Internet", "Any", "::/0" };
	struct state *s = xcalloc(1, sizeof(*s));

	s->ports = eval_param(check, "ports");
	s->all_ports = cJSON_IsTrue(eval_param(check, "all_ports"));
	s->sources = eval_param(check, "sources");
	if (!s->sources) {
		s->default_sources = cJSON_CreateStringArray(dflt, (int)(sizeof(dflt) / sizeof(dflt[0])));
		s->sources = s->default_sources;
	}
	s->protocols = eval_param(check, "protocols");
	s->name = eval_param_str(check, "name", NULL);
	check_result_init(&s->offenders, check->id);
	return s;
}

/* Parse "22", "1000-2000" or "*" into lo..hi; -1 when malformed. */
static int port_range(const char *text, long *lo, long *hi)
{
	char *end;

	while (*text == ' ')
		text++;
	if (!strcmp(text, "*")) {
		*lo = 0;
		*hi = 65535;
		return 0;
	}
	*lo = strtol(text, &end, 10);
	if (end == text)
		return -1;
	while (*end == ' ')
		end++;
	if (*end == '-') {
		const char *second = end + 1;
		*hi = strtol(second, &end, 10);
		if (end == second)
			return -1;
	} else {
		*hi = *lo;
	}
	while (*end == ' ')
		end++;
	return *end || *lo > *hi ? -1 : 0;
}

/* The first listed port the spec covers, -2 for "all ports", -1 for none. */
static long covered_port(const struct state *s, const char *range)
{
	long lo, hi;
	const cJSON *p;

	if (port_range(range, &lo, &hi))
		return -1;
	if (s->all_ports)
		return lo <= 0 && hi >= 65535 ? -2 : -1;
	cJSON_ArrayForEach(p, s->ports)
		if ((long)p->valuedouble >= lo && (long)p->valuedouble <= hi)
			return (long)p->valuedouble;
	return -1;
}

/* The Internet source among the rule's sources (singular or plural), or NULL. */
static const char *internet_source(const struct state *s, const cJSON *rp)
{
	const cJSON *one = cJSON_GetObjectItem(rp, "sourceAddressPrefix");
	const cJSON *many = cJSON_GetObjectItem(rp, "sourceAddressPrefixes"), *e;

	if (cJSON_IsString(one) && eval_strs_has(s->sources, one->valuestring))
		return one->valuestring;
	cJSON_ArrayForEach(e, many)
		if (cJSON_IsString(e) && eval_strs_has(s->sources, e->valuestring))
			return e->valuestring;
	return NULL;
}

static long open_port(const struct state *s, const cJSON *rp)
{
	const cJSON *one = cJSON_GetObjectItem(rp, "destinationPortRange");
	const cJSON *many = cJSON_GetObjectItem(rp, "destinationPortRanges"), *e;
	long p = cJSON_IsString(one) ? covered_port(s, one->valuestring) : -1;

	if (p != -1)
		return p;
	cJSON_ArrayForEach(e, many) {
		p = cJSON_IsString(e) ? covered_port(s, e->valuestring) : -1;
		if (p != -1)
			return p;
	}
	return -1;
}

static int str_is(const cJSON *v, const char *want)
{
	return cJSON_IsString(v) && !strcasecmp(v->valuestring, want);
}

/* Explain the first open rule of rules in why; 0 when none is open. */
static int find_open_rule(const struct state *s, const cJSON *rules, char *why, size_t n)
{
	const cJSON *r;

	cJSON_ArrayForEach(r, rules) {
		const cJSON *rp = cJSON_GetObjectItem(r, "properties");
		const cJSON *proto, *name;
		const char *src;
		long port;
		if (!rp)
			rp = r; /* some exports flatten the rule */
		proto = cJSON_GetObjectItem(rp, "protocol");
		if (!str_is(cJSON_GetObjectItem(rp, "direction"), "Inbound") ||
		    !str_is(cJSON_GetObjectItem(rp, "access"), "Allow"))
			continue;
		if (s->protocols && !(cJSON_IsString(proto) && eval_strs_has(s->protocols, proto->valuestring)))
			continue;
		src = internet_source(s, rp);
		port = src ? open_port(s, rp) : -1;
		if (port == -1)
			continue;
		name = cJSON_GetObjectItem(r, "name");
		if (port == -2)
			snprintf(why, n, "rule '%.80s' allows every port from %.40s",
				 cJSON_IsString(name) ? name->valuestring : "?", src);
		else
			snprintf(why, n, "rule '%.80s' allows port %ld from %.40s",
				 cJSON_IsString(name) ? name->valuestring : "?", port, src);
		return 1;
	}
	return 0;
}

static void doc(void *state, const cJSON *d, const struct eval_ctx *ctx)
{
	struct state *s = state;
	char why[256];

	(void)ctx;
	s->total++;
	if (!find_open_rule(s, doc_get(d, "properties.securityRules"), why, sizeof(why))) {
		s->healthy++;
		return;
	}
	eval_offend(&s->offenders, d, s->name, why);
}

static void finish(void *state, const struct cat_check *check, struct check_result *r)
{
	struct state *s = state;

	eval_verdict_offenders(r, s->healthy, s->total,
			       eval_param_str(check, "noun", "network security groups"),
			       eval_param_str(check, "empty", "nothing-in-scope"), &s->offenders);
}

static void release(void *state)
{
	struct state *s = state;

	cJSON_Delete(s->default_sources);
	check_result_release(&s->offenders);
	free(s);
}

const struct evaluator eval_nsg_open_ports = { "nsg_open_ports", validate, begin, doc, finish,
						release };
