/*
 * Managed identity: App Service / Functions (IDENTITY_ENDPOINT with the
 * X-IDENTITY-HEADER secret, api-version 2019-08-01, user-assigned identity
 * by client_id) or the instance metadata service of a VM (Metadata: true,
 * api-version 2018-02-01; it may answer 404 or 410 while it updates). Both
 * speak plain http to a local address, never through a proxy.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cred_int.h"
#include "fetch.h"
#include "secret.h"

enum az_err cred_flow_msi(struct cred *c, enum http_aud aud, long timeout_ms,
			  struct token_reply *r, struct errmsg *em)
{
	struct buf url = BUF_INIT(8192), res = BUF_INIT(4096), hdr = BUF_INIT(4096);
	struct buf raw = BUF_INIT(FETCH_BODY_MAX);
	const char *headers[2] = { NULL, NULL };
	struct fetch_req req;
	long status = 0;
	enum az_err rc;

	cred_resource(c, aud, &res);
	memset(&req, 0, sizeof(req));
	req.method = "GET";
	req.ca_bundle = c->cloud->ca_bundle;
	req.timeout_ms = timeout_ms;
	req.flags = FETCH_LOCAL_HTTP;
	req.cancel = c->cancel;
	if (c->identity_endpoint) {
		buf_addf(&url, "%s%cresource=", c->identity_endpoint,
			 strchr(c->identity_endpoint, '?') ? '&' : '?');
		url_encode(&url, res.data);
		buf_addstr(&url, "&api-version=2019-08-01");
		buf_addstr(&hdr, "X-IDENTITY-HEADER: ");
		buf_addstr(&hdr, c->identity_header.data);
		req.retries = 2;
	} else {
		buf_addf(&url, "%s/metadata/identity/oauth2/token?api-version=2018-02-01&resource=",
			 c->cloud->imds);
		url_encode(&url, res.data);
		buf_addstr(&hdr, "Metadata: true");
		req.flags |= FETCH_RETRY_404;
		req.retries = timeout_ms < 5000 ? 0 : 3;
	}
	if (c->client_id) {
		buf_addstr(&url, "&client_id=");
		url_encode(&url, c->client_id);
	}
	headers[0] = hdr.data;
	req.url = url.data;
	req.headers = headers;
	rc = fetch(&req, &status, &raw, em);
	if (!rc)
		rc = token_parse(raw.data, raw.len, time(NULL), r, em);
	if (!rc && (status < 200 || status > 299))
		rc = errmsg_set(em, AZ_ERR_AUTH, "the managed identity endpoint answered HTTP %ld",
				status);
	secret_wipe(hdr.data, hdr.len);
	secret_wipe(raw.data, raw.len);
	buf_release(&hdr);
	buf_release(&raw);
	buf_release(&res);
	buf_release(&url);
	return rc;
}
