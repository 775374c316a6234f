/*
 * The requests an offline evidence bundle must hold, derived from the
 * catalog's check sources: what assets/bundle/azmat-bundle.py (run by the
 * client with the Azure CLI) fetches, and what `azmat import` expects to
 * find. docs/bundles.md describes the folder layout.
 */
#ifndef AZMAT_BUNDLE_REQUESTS_H
#define AZMAT_BUNDLE_REQUESTS_H

#include "catalog.h"

struct cJSON;

/*
 * A new JSON document {"format": 1, "catalog_version", "checks": [{"id",
 * "title", "licence", "parts": [{"api", "per", "path", "api_version",
 * "query", "resources", "consistency"}]}]} for every check whose source
 * parses. Caller deletes it.
 */
struct cJSON *bundle_requests(const struct catalog *cat);

/*
 * One check's entry of that document ({"id", "title", "licence", "parts"}),
 * or NULL when its source does not parse. Caller deletes it. The script
 * copies each entry into the bundle (checks/<id>/request.json), so that
 * import can tell a bundle made for another version of the check.
 */
struct cJSON *bundle_request_check(const struct cat_check *c);

#endif
