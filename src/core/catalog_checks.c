/*
 * Loading check files: {"checks": [ ... ]}. The core validates what every
 * check has; the evaluators (a layer above) validate their own source and
 * parameters through catalog_hooks.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_int.h"
#include "compat.h"
#include "xalloc.h"

static const struct js_field file_fields[] = {
	{ "checks", JS_ARRAY, JS_REQUIRED, 0, 1000 },
};

static const struct js_field check_fields[] = {
	{ "id", JS_STRING, JS_REQUIRED, 3, 64 },
	{ "title", JS_STRING, JS_REQUIRED, 1, 160 },
	{ "items", JS_STRINGS, JS_REQUIRED, 1, 2 },
	{ "source", JS_OBJECT, JS_REQUIRED, 0, 0 },
	{ "evaluator", JS_OBJECT, JS_REQUIRED, 0, 0 },
	{ "gating", JS_BOOL, JS_REQUIRED, 0, 0 },
	{ "weight", JS_INT, 0, 1, CAT_WEIGHT_MAX },
	{ "permission", JS_STRING, JS_REQUIRED, 1, 200 },
	{ "licence", JS_STRING, 0, 1, 120 },
	{ "remediation", JS_TEXT, JS_REQUIRED, 1, 1500 },
};

static const struct js_field evaluator_fields[] = {
	{ "name", JS_STRING, JS_REQUIRED, 1, 64 },
	{ "params", JS_OBJECT, 0, 0, 0 },
};

static int api_ok(const char *api)
{
	return api && (!strcmp(api, "resourcegraph") || !strcmp(api, "arm") || !strcmp(api, "graph"));
}

/*
 * The APIs a source reads, "+"-joined in part order without repeats
 * ("graph", "resourcegraph+arm"); "" when the source names none we know.
 * The evaluator layer validates the rest of the source (src/eval/source.c).
 */
static char *source_apis(const cJSON *src)
{
	struct buf b = BUF_INIT(256);
	const cJSON *parts = cJSON_GetObjectItemCaseSensitive(src, "parts");
	const cJSON *p;

	if (!parts) {
		const char *api = js_str(src, "api");
		if (api_ok(api))
			buf_addstr(&b, api);
		return buf_detach(&b, NULL);
	}
	cJSON_ArrayForEach(p, parts) {
		const char *api = js_str(p, "api");
		if (!api_ok(api)) {
			buf_reset(&b);
			break;
		}
		if (!strstr(b.data, api)) {
			if (b.len)
				buf_addch(&b, '+');
			buf_addstr(&b, api);
		}
	}
	return buf_detach(&b, NULL);
}

static void load_check(struct loader *L, const cJSON *e, const struct jpath *p, const char *rel)
{
	struct catalog *cat = L->cat;
	struct cat_check *ch;
	const cJSON *src, *ev, *params;
	struct jpath pf, pe;
	size_t i;

	if (!js_check_object(&L->js, e, p, check_fields, ARRAY_SIZE(check_fields)))
		return;
	ch = &cat->checks[cat->nchecks++];
	ch->id = js_dup(e, "id");
	ch->file = xstrdup(rel);
	jpath_key(&pf, p, "id");
	catalog_check_id(L, ch->id, &pf, 3, 64, "check id");
	for (i = 0; i + 1 < cat->nchecks; i++)
		if (!strcmp(cat->checks[i].id, ch->id))
			cat_errors_add(L->errs, L->js.file, pf.s, "duplicate check id '%s' (also in %s)",
				       ch->id, cat->checks[i].file);
	ch->title = js_dup(e, "title");
	ch->items = js_dup_strings(e, "items", &ch->nitems);
	jpath_key(&pf, p, "items");
	for (i = 0; i < ch->nitems; i++) {
		jpath_index(&pe, &pf, i);
		if (!catalog_find_item(cat, ch->items[i]))
			cat_errors_add(L->errs, L->js.file, pe.s, "unknown item '%s'", ch->items[i]);
	}
	src = cJSON_GetObjectItemCaseSensitive(e, "source");
	ch->source = cJSON_Duplicate(src, 1);
	ch->api = source_apis(src);
	jpath_key(&pf, p, "source");
	if (!*ch->api)
		cat_errors_add(L->errs, L->js.file, pf.s,
			       "needs 'api' ('resourcegraph', 'arm' or 'graph') or 'parts'");
	ev = js_object(e, "evaluator");
	jpath_key(&pf, p, "evaluator");
	if (ev && js_check_object(&L->js, ev, &pf, evaluator_fields, ARRAY_SIZE(evaluator_fields))) {
		ch->evaluator = js_dup(ev, "name");
		params = js_object(ev, "params");
		ch->params = params ? cJSON_Duplicate(params, 1) : cJSON_CreateObject();
	}
	if (!ch->evaluator)
		ch->evaluator = xstrdup("");
	if (!ch->params)
		ch->params = cJSON_CreateObject();
	ch->gating = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "gating"));
	ch->weight = (unsigned)js_int(e, "weight", 1);
	if (ch->weight < 1 || ch->weight > CAT_WEIGHT_MAX)
		ch->weight = 1; /* reported above; keeps the loaded catalog usable for its report */
	ch->permission = js_dup(e, "permission");
	ch->licence = js_dup_or_null(e, "licence");
	ch->remediation = js_dup(e, "remediation");
	if (L->hooks && L->hooks->check)
		L->hooks->check(e, L->js.file, p->s, L->errs, L->hooks->ctx);
}

void catalog_load_checks(struct loader *L, const char *rel)
{
	char *display = NULL;
	cJSON *root = catalog_read_json(L, rel, &display);
	const char *saved = L->js.file;
	const cJSON *arr, *e;
	struct jpath rp, p;
	size_t i = 0, n;

	if (!root)
		goto out;
	L->js.file = display;
	jpath_root(&rp);
	if (!js_check_object(&L->js, root, &rp, file_fields, ARRAY_SIZE(file_fields)))
		goto out;
	arr = js_array(root, "checks");
	n = (size_t)cJSON_GetArraySize(arr);
	L->cat->checks = xreallocarray(L->cat->checks, L->cat->nchecks + n + 1,
				       sizeof(*L->cat->checks));
	memset(L->cat->checks + L->cat->nchecks, 0, (n + 1) * sizeof(*L->cat->checks));
	jpath_key(&p, &rp, "checks");
	cJSON_ArrayForEach(e, arr) {
		struct jpath pe;
		jpath_index(&pe, &p, i++);
		load_check(L, e, &pe, rel);
	}
out:
	L->js.file = saved;
	cJSON_Delete(root);
	free(display);
}
