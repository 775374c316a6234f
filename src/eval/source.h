/*
 * A check's "source": which requests produce its documents. Parsed from the
 * catalog (roadmap/README.md, "Check sources") into plain data that the
 * collector turns into requests and the bundle importer into file names.
 *
 *   {"api": "resourcegraph", "query": "resources | where type =~ '...'"}
 *   {"api": "arm", "per": "tenant"|"subscription"|"resource", "path": "/subscriptions/{subscriptionId}/...",
 *    "api_version": "2024-01-01", "query": "$filter=...", "resources": "<ARG query listing ids>"}
 *   {"api": "graph", "path": "/v1.0/...", "query": "$select=...", "consistency": "eventual"}
 *   {"parts": [ <one of the above>, ... ]}
 */
#ifndef AZMAT_SOURCE_H
#define AZMAT_SOURCE_H

#include <stddef.h>

#include "catalog.h"

struct cJSON;

enum source_api { SOURCE_ARG, SOURCE_ARM, SOURCE_GRAPH };
enum source_per { SOURCE_PER_TENANT, SOURCE_PER_SUBSCRIPTION, SOURCE_PER_RESOURCE };

#define SOURCE_MAXPARTS 4

struct source_part {
	enum source_api api;
	enum source_per per;     /* ARM only; tenant for the others */
	const char *query;       /* ARG: the KQL; ARM/Graph: extra query string, or NULL */
	const char *path;        /* ARM/Graph: the path, with {subscriptionId}/{resourceId}/{tenantId} */
	const char *api_version; /* ARM: required */
	const char *resources;   /* ARM per resource: ARG query whose rows' id fill {resourceId} */
	int eventual;            /* Graph: send ConsistencyLevel: eventual */
};

/* All strings are borrowed from the cJSON the source was parsed from. */
struct source {
	struct source_part parts[SOURCE_MAXPARTS];
	size_t nparts;
};

/*
 * Parse and validate a check's source object. Problems are reported to errs
 * (with file and the JSON path prefix) when errs is not NULL. Returns
 * AZ_ERR_INVALID on any problem.
 */
enum az_err source_parse(const struct cJSON *source, struct source *out /* OUT */,
			 const char *file, const char *path, struct cat_errors *errs);

const char *source_api_name(enum source_api api);
const char *source_per_name(enum source_per per);

/*
 * The Resource Graph table a query reads (its first word, e.g. "resources",
 * "securityresources"), copied into out (n bytes). "" when none.
 */
void source_arg_table(const char *query, char *out, size_t n);

#endif
