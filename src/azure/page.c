#include "page.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* A link or token: NULL when absent, null or empty; -1 when of a wrong type. */
static int optional_string(const cJSON *v, char **out)
{
	*out = NULL;
	if (!v || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsString(v) || !v->valuestring)
		return -1;
	if (*v->valuestring)
		*out = xstrdup(v->valuestring);
	return 0;
}

static int truthy(const cJSON *v)
{
	if (cJSON_IsTrue(v))
		return 1;
	return cJSON_IsString(v) && v->valuestring && !strcasecmp(v->valuestring, "true");
}

enum az_err page_parse(const char *body, size_t n, struct page *out, struct errmsg *em)
{
	struct page p;
	const cJSON *value, *data;

	memset(&p, 0, sizeof(p));
	p.root = body && n ? cJSON_ParseWithLength(body, n) : NULL;
	if (!p.root)
		return errmsg_set(em, AZ_ERR_PARSE, "the response is not JSON");
	if (!cJSON_IsObject(p.root)) {
		errmsg_set(em, AZ_ERR_PARSE, "the response is not a JSON object");
		goto fail;
	}
	value = cJSON_GetObjectItemCaseSensitive(p.root, "value");
	data = cJSON_GetObjectItemCaseSensitive(p.root, "data");
	if (value) {
		if (!cJSON_IsArray(value)) {
			errmsg_set(em, AZ_ERR_PARSE, "the response's 'value' is not an array");
			goto fail;
		}
		p.docs = value;
	} else if (data && (cJSON_GetObjectItemCaseSensitive(p.root, "resultTruncated") ||
			    cJSON_GetObjectItemCaseSensitive(p.root, "totalRecords") ||
			    cJSON_GetObjectItemCaseSensitive(p.root, "$skipToken"))) {
		if (!cJSON_IsArray(data)) {
			errmsg_set(em, AZ_ERR_PARSE, "the Resource Graph 'data' is not an array");
			goto fail;
		}
		p.docs = data;
		p.truncated = truthy(cJSON_GetObjectItemCaseSensitive(p.root, "resultTruncated"));
		if (optional_string(cJSON_GetObjectItemCaseSensitive(p.root, "$skipToken"),
				    &p.skip_token)) {
			errmsg_set(em, AZ_ERR_PARSE, "the Resource Graph '$skipToken' is not a string");
			goto fail;
		}
	} else {
		p.one = p.root;
	}
	if (optional_string(cJSON_GetObjectItemCaseSensitive(p.root, "nextLink"), &p.next) ||
	    (!p.next && optional_string(cJSON_GetObjectItemCaseSensitive(p.root, "@odata.nextLink"),
					&p.next))) {
		errmsg_set(em, AZ_ERR_PARSE, "the response's next link is not a string");
		goto fail;
	}
	*out = p;
	return AZ_OK;
fail:
	page_release(&p);
	return em ? em->code : AZ_ERR_PARSE;
}

void page_release(struct page *p)
{
	cJSON_Delete(p->root);
	free(p->next);
	free(p->skip_token);
	memset(p, 0, sizeof(*p));
}
