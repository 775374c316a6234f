/*
 * Clouds and endpoints: where the login authority, Azure Resource Manager
 * and Microsoft Graph live, and which hosts may ever see a bearer token.
 *
 * Each endpoint is an origin, "scheme://host[:port]" as the clouds publish
 * them; azmat appends the paths itself (DESIGN.md section 6). Every one can
 * be overridden by a flag or by the environment (AZMAT_AUTHORITY,
 * AZMAT_ARM_ENDPOINT, AZMAT_GRAPH_ENDPOINT, AZMAT_CA_BUNDLE,
 * AZMAT_IMDS_ENDPOINT), which is how tests point azmat at the mock tenant.
 * The authority, ARM and Graph must be https; the managed identity endpoint
 * is plain http and must be on a loopback or link-local address.
 */
#ifndef AZMAT_CLOUD_H
#define AZMAT_CLOUD_H

#include "buf.h"
#include "err.h"

/* What the operator asked for; NULL fields fall back to the environment, then the cloud. */
struct cloud_overrides {
	const char *cloud; /* "public", "usgov", "china" */
	const char *authority;
	const char *arm;
	const char *graph;
	const char *ca_bundle;
	const char *imds;
};

/* A resolved cloud; every string owned, no trailing slash on origins. */
struct cloud {
	char *name;      /* "public", "usgov", "china", or "custom" once anything is overridden */
	char *authority; /* https://login.microsoftonline.com */
	char *arm;       /* https://management.azure.com */
	char *graph;     /* https://graph.microsoft.com */
	char *ca_bundle; /* a CA file, or NULL for the system store */
	char *imds;      /* http://169.254.169.254 */
};

/*
 * Resolve the endpoints: flags, then environment, then the named cloud
 * (public when none). AZ_ERR_USAGE with a message for an unknown cloud, an
 * endpoint that is not an origin of the allowed scheme, or a CA bundle that
 * cannot be read. out is filled only on success; release it.
 */
enum az_err cloud_resolve(const struct cloud_overrides *o, struct cloud *out /* OUT */,
			  struct errmsg *em);
void cloud_release(struct cloud *c);

/* {"authority", "arm", "graph"} as JSON text (heap, caller frees), for the run record. */
char *cloud_endpoints_json(const struct cloud *c);

/*
 * Append url's normalised origin to out: lower-case scheme and host, the
 * port always explicit ("https://host:443"). AZ_ERR_INVALID when url is not
 * an absolute http(s) URL, or carries a user name or password.
 */
enum az_err url_origin(const char *url, struct buf *out);

/* True when url's origin equals the origin of base (also a URL). */
int url_same_origin(const char *url, const char *base);

/* True when url's host is a loopback or link-local address (or "localhost"). */
int url_is_local(const char *url);

#endif
