/*
 * Page envelopes: where a response's documents are and how to get the next
 * page.
 *
 *   ARM          {"value": [...], "nextLink": "https://..."}
 *   Graph        {"value": [...], "@odata.nextLink": "https://..."}
 *   Resource     {"data": [...], "$skipToken": "...", "resultTruncated": "true"|"false",
 *   Graph         "totalRecords", "count"}
 *   one object   anything else that is a JSON object (a Graph singleton such
 *                as /policies/authorizationPolicy, an ARM GET of one resource)
 *
 * A next link that is absent, null or "" ends the list. resultTruncated is
 * a string in Resource Graph and a boolean in some clients: both count.
 */
#ifndef AZMAT_PAGE_H
#define AZMAT_PAGE_H

#include <stddef.h>

#include "err.h"

struct cJSON;

struct page {
	struct cJSON *root;       /* the parsed body, owned */
	const struct cJSON *docs; /* the array of documents, borrowed from root; NULL for one object */
	const struct cJSON *one;  /* the single document when docs is NULL */
	char *next;               /* nextLink or @odata.nextLink, owned; NULL at the end */
	char *skip_token;         /* Resource Graph $skipToken, owned; NULL at the end */
	int truncated;            /* Resource Graph said resultTruncated */
};

/*
 * Parse the body of a 2xx response. AZ_ERR_PARSE (with a message) when it
 * is not JSON, not an object, has a "value" or "data" that is not an
 * array, or a next link that is not a string. out is filled only on success;
 * release it with page_release().
 */
enum az_err page_parse(const char *body, size_t n, struct page *out /* OUT */, struct errmsg *em);
void page_release(struct page *p);

#endif
