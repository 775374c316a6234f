/*
 * Cloud endpoints. The public, US Government and China endpoints are the
 * ones each cloud documents for its login authority, Resource Manager and
 * Microsoft Graph.
 */
#include "cloud.h"

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "compat.h"
#include "strutil.h"
#include "xalloc.h"

struct cloud_def {
	const char *name;
	const char *authority;
	const char *arm;
	const char *graph;
};

static const struct cloud_def clouds[] = {
	{ "public", "https://login.microsoftonline.com", "https://management.azure.com",
	  "https://graph.microsoft.com" },
	{ "usgov", "https://login.microsoftonline.us", "https://management.usgovcloudapi.net",
	  "https://graph.microsoft.us" },
	{ "china", "https://login.chinacloudapi.cn", "https://management.chinacloudapi.cn",
	  "https://microsoftgraph.chinacloudapi.cn" },
};

#define IMDS_DEFAULT "http://169.254.169.254"

static const char *pick(const char *flag, const char *env)
{
	const char *e;

	if (flag && *flag)
		return flag;
	e = getenv(env);
	return e && *e ? e : NULL;
}

enum az_err url_origin(const char *url, struct buf *out)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *user = NULL, *pass = NULL;
	enum az_err rc = AZ_ERR_INVALID;
	size_t i;

	if (!url || curl_url_set(u, CURLUPART_URL, url, 0))
		goto out;
	if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT))
		goto out;
	if (!curl_url_get(u, CURLUPART_USER, &user, 0) || !curl_url_get(u, CURLUPART_PASSWORD, &pass, 0))
		goto out;
	if (strcasecmp(scheme, "https") && strcasecmp(scheme, "http"))
		goto out;
	for (i = 0; scheme[i]; i++)
		scheme[i] = (char)(scheme[i] >= 'A' && scheme[i] <= 'Z' ? scheme[i] + 32 : scheme[i]);
	for (i = 0; host[i]; i++)
		host[i] = (char)(host[i] >= 'A' && host[i] <= 'Z' ? host[i] + 32 : host[i]);
	buf_addf(out, "%s://%s:%s", scheme, host, port);
	rc = AZ_OK;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(user);
	curl_free(pass);
	curl_url_cleanup(u);
	return rc;
}

int url_same_origin(const char *url, const char *base)
{
	struct buf a = BUF_INIT(4096), b = BUF_INIT(4096);
	int same = 0;

	if (!url_origin(url, &a) && !url_origin(base, &b))
		same = !strcmp(a.data, b.data);
	buf_release(&a);
	buf_release(&b);
	return same;
}

int url_is_local(const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL;
	int local = 0;

	if (url && !curl_url_set(u, CURLUPART_URL, url, 0) &&
	    !curl_url_get(u, CURLUPART_HOST, &host, 0))
		local = !strcasecmp(host, "localhost") || str_has_prefix(host, "127.") ||
			!strcmp(host, "[::1]") || str_has_prefix(host, "169.254.");
	curl_free(host);
	curl_url_cleanup(u);
	return local;
}

/*
 * An endpoint must be an origin: scheme, host, optional port, optional
 * trailing slash, nothing else. Returns a heap copy without the slash.
 */
static enum az_err endpoint(const char *what, const char *v, int allow_http, char **out,
			    struct errmsg *em)
{
	struct buf o = BUF_INIT(4096);
	CURLU *u = curl_url();
	char *path = NULL, *query = NULL, *frag = NULL;
	enum az_err rc = AZ_ERR_USAGE;
	size_t n = strlen(v);

	if (url_origin(v, &o) || curl_url_set(u, CURLUPART_URL, v, 0)) {
		errmsg_set(em, rc, "%s '%s' is not an https URL", what, v);
		goto out;
	}
	curl_url_get(u, CURLUPART_PATH, &path, 0);
	if (!curl_url_get(u, CURLUPART_QUERY, &query, 0) ||
	    !curl_url_get(u, CURLUPART_FRAGMENT, &frag, 0) || (path && strcmp(path, "/"))) {
		errmsg_set(em, rc, "%s '%s' must be scheme, host and port only (azmat adds the paths)",
			   what, v);
		goto out;
	}
	if (str_has_prefix(o.data, "http:") && !allow_http) {
		errmsg_set(em, rc, "%s '%s' must use https", what, v);
		goto out;
	}
	if (str_has_prefix(o.data, "http:") && !url_is_local(v)) {
		errmsg_set(em, rc, "%s '%s' may use plain http only on a local address", what, v);
		goto out;
	}
	while (n && v[n - 1] == '/')
		n--;
	*out = xstrndup(v, n);
	rc = AZ_OK;
out:
	curl_free(path);
	curl_free(query);
	curl_free(frag);
	curl_url_cleanup(u);
	buf_release(&o);
	return rc;
}

enum az_err cloud_resolve(const struct cloud_overrides *o, struct cloud *out, struct errmsg *em)
{
	const struct cloud_def *def = NULL;
	const char *name = pick(o->cloud, "AZMAT_CLOUD");
	const char *authority = pick(o->authority, "AZMAT_AUTHORITY");
	const char *arm = pick(o->arm, "AZMAT_ARM_ENDPOINT");
	const char *graph = pick(o->graph, "AZMAT_GRAPH_ENDPOINT");
	const char *ca = pick(o->ca_bundle, "AZMAT_CA_BUNDLE");
	const char *imds = pick(o->imds, "AZMAT_IMDS_ENDPOINT");
	struct cloud c;
	enum az_err rc;
	size_t i;

	memset(&c, 0, sizeof(c));
	for (i = 0; i < ARRAY_SIZE(clouds); i++)
		if (name ? !strcmp(name, clouds[i].name) : !i)
			def = &clouds[i];
	if (!def)
		return errmsg_set(em, AZ_ERR_USAGE, "unknown cloud '%s' (use public, usgov or china)",
				  name);
	if ((rc = endpoint("authority", authority ? authority : def->authority, 0, &c.authority, em)) ||
	    (rc = endpoint("ARM endpoint", arm ? arm : def->arm, 0, &c.arm, em)) ||
	    (rc = endpoint("Graph endpoint", graph ? graph : def->graph, 0, &c.graph, em)) ||
	    (rc = endpoint("managed identity endpoint", imds ? imds : IMDS_DEFAULT, 1, &c.imds, em)))
		goto fail;
	if (ca && access(ca, R_OK)) {
		rc = errmsg_set(em, AZ_ERR_USAGE, "cannot read CA bundle '%s'", ca);
		goto fail;
	}
	c.ca_bundle = xstrdup_or_null(ca);
	c.name = xstrdup(authority || arm || graph ? "custom" : def->name);
	*out = c;
	return AZ_OK;
fail:
	cloud_release(&c);
	return rc;
}

void cloud_release(struct cloud *c)
{
	FREE_AND_NULL(c->name);
	FREE_AND_NULL(c->authority);
	FREE_AND_NULL(c->arm);
	FREE_AND_NULL(c->graph);
	FREE_AND_NULL(c->ca_bundle);
	FREE_AND_NULL(c->imds);
}

char *cloud_endpoints_json(const struct cloud *c)
{
	cJSON *o = cJSON_CreateObject();
	char *s, *copy;

	cJSON_AddStringToObject(o, "authority", c->authority);
	cJSON_AddStringToObject(o, "arm", c->arm);
	cJSON_AddStringToObject(o, "graph", c->graph);
	s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	copy = xstrdup(s ? s : "{}");
	cJSON_free(s);
	return copy;
}
