#include "bundle_requests.h"

#include <cjson/cJSON.h>

#include "source.h"

static void add_opt(cJSON *o, const char *key, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, key, v);
}

cJSON *bundle_request_check(const struct cat_check *c)
{
	struct source src;
	cJSON *o, *parts;
	size_t k;

	if (source_parse(c->source, &src, NULL, NULL, NULL))
		return NULL;
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", c->id);
	cJSON_AddStringToObject(o, "title", c->title);
	add_opt(o, "licence", c->licence);
	parts = cJSON_AddArrayToObject(o, "parts");
	for (k = 0; k < src.nparts; k++) {
		const struct source_part *p = &src.parts[k];
		cJSON *po = cJSON_CreateObject();
		cJSON_AddStringToObject(po, "api", source_api_name(p->api));
		if (p->api == SOURCE_ARM)
			cJSON_AddStringToObject(po, "per", source_per_name(p->per));
		add_opt(po, "path", p->path);
		add_opt(po, "api_version", p->api_version);
		add_opt(po, "query", p->query);
		add_opt(po, "resources", p->resources);
		if (p->eventual)
			cJSON_AddStringToObject(po, "consistency", "eventual");
		cJSON_AddItemToArray(parts, po);
	}
	return o;
}

cJSON *bundle_requests(const struct catalog *cat)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *checks;
	size_t i;

	cJSON_AddNumberToObject(root, "format", 1);
	cJSON_AddStringToObject(root, "catalog_version", cat->version);
	checks = cJSON_AddArrayToObject(root, "checks");
	for (i = 0; i < cat->nchecks; i++) {
		cJSON *o = bundle_request_check(&cat->checks[i]);
		if (o)
			cJSON_AddItemToArray(checks, o);
	}
	return root;
}
