/*
 * The catalog loader: the real catalog loads, and each kind of error is
 * refused with its file and JSON path named. Catalogs are the real roadmap/
 * files read into memory and changed one way per test.
 */
#include <cjson/cJSON.h>

#include "catalog.h"
#include "catalog_map.h"
#include "t.h"

/* Load m; return the joined error text ("" when it loaded). */
static char *load(struct catalog_map *m, enum az_err *rc_out, struct catalog **out)
{
	struct cat_errors errs = CAT_ERRORS_INIT;
	struct buf b = BUF_INIT(1 << 20);
	struct catalog *cat = NULL;
	enum az_err rc;
	size_t i;

	rc = catalog_load_with("roadmap", map_read, m, NULL, &cat, &errs);
	for (i = 0; i < errs.n; i++)
		buf_addf(&b, "%s\n", errs.lines[i]);
	cat_errors_release(&errs);
	if (rc_out)
		*rc_out = rc;
	if (out)
		*out = cat;
	else
		catalog_free(&cat);
	return buf_detach(&b, NULL);
}

/* Apply fn to file, load, and expect a refusal whose text holds want. */
static void expect_error(const char *file, void (*fn)(cJSON *), const char *want)
{
	struct catalog_map m = { { 0 }, { 0 }, 0 };
	enum az_err rc;
	char *errs;

	map_load_real(&m);
	map_edit(&m, file, fn);
	errs = load(&m, &rc, NULL);
	T_EQ_INT(rc, AZ_ERR_INVALID);
	T_CONTAINS(errs, want);
	if (!strstr(errs, want))
		fprintf(stderr, "errors were:\n%s", errs);
	free(errs);
	map_release(&m);
}

static cJSON *item0(cJSON *root)
{
	return cJSON_GetArrayItem(cJSON_GetObjectItem(root, "items"), 0);
}

static void test_real_catalog_loads(void)
{
	struct catalog_map m = { { 0 }, { 0 }, 0 };
	struct catalog *cat = NULL;
	enum az_err rc;
	char *errs;
	size_t i;

	map_load_real(&m);
	errs = load(&m, &rc, &cat);
	T_EQ_STR(errs, "");
	T_REQUIRE(rc == AZ_OK && cat);
	T_EQ_INT(cat->nsteps, 9);
	T_EQ_INT(cat->nitems, 31);
	T_ASSERT(cat->nquestions >= 90 && cat->nquestions <= 130);
	T_EQ_STR(cat->items[0]->id, "1a");
	T_EQ_STR(cat->items[30]->id, "9b");
	for (i = 0; i < cat->nitems; i++) {
		T_ASSERT(cat->items[i]->nquestions >= 1 && cat->items[i]->nquestions <= 6);
		T_ASSERT(cat->items[i]->nrefs >= 1);
		T_ASSERT(*cat->items[i]->guidance && *cat->items[i]->why);
	}
	T_ASSERT(catalog_find_question(cat, "4a.1") != NULL);
	T_ASSERT(catalog_find_question(cat, "4a.9") == NULL);
	T_EQ_STR(catalog_find_item(cat, "9b")->step->title, cat->steps[8].title);
	T_EQ_STR(cat->answers[ANSWER_LARGELY].key, "4");
	free(errs);
	catalog_free(&cat);
	T_ASSERT(cat == NULL);
	map_release(&m);
}

static void test_malformed_json(void)
{
	struct catalog_map m = { { 0 }, { 0 }, 0 };
	enum az_err rc;
	char *errs;

	map_load_real(&m);
	map_put(&m, "steps/2-visibility.json", "{\n  \"number\": 2,\n  \"title\": \"x\",,\n}");
	errs = load(&m, &rc, NULL);
	T_EQ_INT(rc, AZ_ERR_INVALID);
	T_CONTAINS(errs, "roadmap/steps/2-visibility.json: $: malformed JSON near line 3");
	free(errs);
	map_release(&m);
}

static void drop_why(cJSON *r)
{
	cJSON_DeleteItemFromObject(item0(r), "why");
}

static void test_missing_required_key(void)
{
	expect_error("steps/1-inventory.json", drop_why,
		     "roadmap/steps/1-inventory.json: $.items[0]: missing required key 'why'");
}

static void risk_number(cJSON *r)
{
	cJSON_ReplaceItemInObject(item0(r), "risk", cJSON_CreateNumber(3));
}

static void test_wrong_type(void)
{
	expect_error("steps/1-inventory.json", risk_number,
		     "roadmap/steps/1-inventory.json: $.items[0].risk: must be a string");
}

static void typo_key(cJSON *r)
{
	cJSON_AddItemToObject(item0(r), "refernces", cJSON_CreateArray());
}

static void test_unknown_key(void)
{
	expect_error("steps/1-inventory.json", typo_key,
		     "$.items[0].refernces: unknown key 'refernces'");
}

static void test_duplicate_key(void)
{
	struct catalog_map m = { { 0 }, { 0 }, 0 };
	struct buf b = BUF_INIT(1 << 22);
	const char *t, *p;
	enum az_err rc;
	char *errs;

	map_load_real(&m);
	t = map_get(&m, "steps/3-detection.json");
	p = strstr(t, "\"title\"");
	T_REQUIRE(p != NULL);
	buf_add(&b, t, (size_t)(p - t));
	buf_addstr(&b, "\"title\": \"first\", ");
	buf_addstr(&b, p);
	map_put(&m, "steps/3-detection.json", b.data);
	errs = load(&m, &rc, NULL);
	T_EQ_INT(rc, AZ_ERR_INVALID);
	T_CONTAINS(errs, "roadmap/steps/3-detection.json: $.title: duplicate key 'title'");
	free(errs);
	buf_release(&b);
	map_release(&m);
}

static void question_id_repeated(cJSON *r)
{
	cJSON *qs = cJSON_GetObjectItem(item0(r), "questions");
	cJSON_ReplaceItemInObject(cJSON_GetArrayItem(qs, 1), "id", cJSON_CreateString("1a.1"));
}

static void test_duplicate_question_id(void)
{
	expect_error("steps/1-inventory.json", question_id_repeated,
		     "$.items[0].questions[1].id: question id '1a.1' must be '1a.2'");
}

static void extra_item(cJSON *r)
{
	cJSON *items = cJSON_GetObjectItem(r, "items");
	cJSON *dup = cJSON_Duplicate(cJSON_GetArrayItem(items, 0), 1);
	cJSON_ReplaceItemInObject(dup, "id", cJSON_CreateString("1z"));
	cJSON_AddItemToArray(items, dup);
}

static void test_item_not_in_roadmap(void)
{
	expect_error("steps/1-inventory.json", extra_item,
		     "$.items[3].id: item '1z' is not in the roadmap: step 1 has items 1a..1c");
}

static void drop_last_item(cJSON *r)
{
	cJSON *items = cJSON_GetObjectItem(r, "items");
	cJSON_DeleteItemFromArray(items, cJSON_GetArraySize(items) - 1);
}

static void test_missing_item(void)
{
	expect_error("steps/9-incident-response.json", drop_last_item,
		     "roadmap/steps/9-incident-response.json: $.items: step 9 must have the roadmap's "
		     "items 9a..9b, has 1 item");
}

static void swap_items(cJSON *r)
{
	cJSON *items = cJSON_GetObjectItem(r, "items");
	cJSON *first = cJSON_DetachItemFromArray(items, 0);
	cJSON_AddItemToArray(items, first);
}

static void test_items_out_of_order(void)
{
	expect_error("steps/6-reproducibility.json", swap_items,
		     "$.items[0].id: expected the roadmap's item '6a' here, found '6b'");
}

static void risk_critical(cJSON *r)
{
	cJSON_ReplaceItemInObject(item0(r), "risk", cJSON_CreateString("critical"));
}

static void test_bad_enum(void)
{
	expect_error("steps/4-identity.json", risk_critical,
		     "$.items[0].risk: must be 'high', 'medium' or 'low'");
}

static void partial_half(cJSON *r)
{
	cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "answers"), 2);
	cJSON_ReplaceItemInObject(a, "value", cJSON_CreateNumber(0.5));
}

static void test_answer_scale_value(void)
{
	expect_error("catalog.json", partial_half,
		     "roadmap/catalog.json: $.answers[2].value: the value of 'partial' must be 0.33");
}

static void answers_swapped(cJSON *r)
{
	cJSON *arr = cJSON_GetObjectItem(r, "answers");
	cJSON *first = cJSON_DetachItemFromArray(arr, 0);
	cJSON_AddItemToArray(arr, first);
}

static void test_answer_scale_order(void)
{
	expect_error("catalog.json", answers_swapped,
		     "$.answers[0].id: answer 1 must be 'not-started' (the scale is fixed by the "
		     "scoring model)");
}

static void na_without_reason(cJSON *r)
{
	cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "answers"), 5);
	cJSON_DeleteItemFromObject(a, "requires");
}

static void test_answer_scale_requires(void)
{
	expect_error("catalog.json", na_without_reason,
		     "$.answers[5].requires: 'na' must require [\"reason\"]");
}

static void http_url(cJSON *r)
{
	cJSON *ref = cJSON_GetArrayItem(cJSON_GetObjectItem(item0(r), "references"), 0);
	cJSON_ReplaceItemInObject(ref, "url", cJSON_CreateString("http://learn.microsoft.com/x"));
}

static void test_bad_url(void)
{
	expect_error("steps/5-attack-surface.json", http_url,
		     "$.items[0].references[0].url: 'http://learn.microsoft.com/x' is not an https URL");
}

static void bad_principle(cJSON *r)
{
	cJSON_ReplaceItemInObject(item0(r), "principles",
				  cJSON_Parse("[\"P10\"]"));
}

static void test_unknown_principle(void)
{
	expect_error("steps/7-least-privilege.json", bad_principle,
		     "$.items[0].principles[0]: unknown principle 'P10' (P1..P9)");
}

static void bad_source(cJSON *r)
{
	cJSON *s = cJSON_GetArrayItem(cJSON_GetObjectItem(item0(r), "sources"), 0);
	cJSON_ReplaceItemInObject(s, "source", cJSON_CreateString("blog"));
}

static void test_unknown_source(void)
{
	expect_error("steps/8-network.json", bad_source,
		     "$.items[0].sources[0].source: unknown source 'blog'");
}

static void bad_placement(cJSON *r)
{
	cJSON *p = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "placements"), 0);
	cJSON_ReplaceItemInObject(p, "item", cJSON_CreateString("9z"));
}

static void test_reference_to_unknown_item(void)
{
	expect_error("catalog.json", bad_placement,
		     "roadmap/catalog.json: $.placements[0].item: unknown item '9z'");
}

static void no_question_mark(cJSON *r)
{
	cJSON *q = cJSON_GetArrayItem(cJSON_GetObjectItem(item0(r), "questions"), 0);
	cJSON_ReplaceItemInObject(q, "text", cJSON_CreateString("Every subscription is listed."));
}

static void test_question_not_a_question(void)
{
	expect_error("steps/1-inventory.json", no_question_mark,
		     "$.items[0].questions[0].text: a question must end with '?'");
}

static void long_title(cJSON *r)
{
	char t[200];
	memset(t, 'x', sizeof(t) - 1);
	t[sizeof(t) - 1] = '\0';
	cJSON_ReplaceItemInObject(item0(r), "title", cJSON_CreateString(t));
}

static void test_text_too_long(void)
{
	expect_error("steps/2-visibility.json", long_title,
		     "$.items[0].title: is 199 characters long; at most 120 allowed");
}

static void control_char(cJSON *r)
{
	cJSON_ReplaceItemInObject(item0(r), "title", cJSON_CreateString("bad\x1b[2Jtitle"));
}

static void test_control_character(void)
{
	expect_error("steps/2-visibility.json", control_char,
		     "$.items[0].title: contains a control character (0x1b)");
}

static void wrong_number(cJSON *r)
{
	cJSON_ReplaceItemInObject(r, "number", cJSON_CreateNumber(2));
}

static void test_step_number_mismatch(void)
{
	expect_error("steps/1-inventory.json", wrong_number,
		     "$.number: is 2 but the file is listed as step 1 in catalog.json");
}

static void bad_version(cJSON *r)
{
	cJSON_ReplaceItemInObject(r, "version", cJSON_CreateString("latest"));
}

static void test_bad_version(void)
{
	expect_error("catalog.json", bad_version,
		     "$.version: 'latest' is not a version such as '2026.11.0'");
}

static void future_format(cJSON *r)
{
	cJSON_ReplaceItemInObject(r, "format", cJSON_CreateNumber(2));
}

static void test_unsupported_format(void)
{
	expect_error("catalog.json", future_format,
		     "$.format: format 2 is not supported; this azmat reads format 1");
}

static void test_missing_file(void)
{
	struct catalog_map m = { { 0 }, { 0 }, 0 };
	enum az_err rc;
	char *errs;
	size_t i;

	map_load_real(&m);
	for (i = 0; i < m.n; i++)
		if (!strcmp(m.name[i], "steps/4-identity.json"))
			m.name[i][0] = 'X';
	errs = load(&m, &rc, NULL);
	T_EQ_INT(rc, AZ_ERR_INVALID);
	T_CONTAINS(errs, "roadmap/steps/4-identity.json: cannot open 'steps/4-identity.json'");
	free(errs);
	map_release(&m);
}

static void add_checks_file(cJSON *r)
{
	cJSON *arr = cJSON_GetObjectItem(r, "checks");
	cJSON_AddItemToArray(arr, cJSON_CreateString("checks/test.json"));
}

static void test_check_errors(void)
{
	struct catalog_map m = { { 0 }, { 0 }, 0 };
	enum az_err rc;
	char *errs;

	map_load_real(&m);
	map_edit(&m, "catalog.json", add_checks_file);
	map_put(&m, "checks/test.json",
		"{\"checks\": ["
		"{\"id\": \"kv-purge\", \"title\": \"t\", \"items\": [\"5a\"], \"source\": {\"api\": \"arm\"},"
		" \"evaluator\": {\"name\": \"property\"}, \"gating\": false, \"permission\": \"Reader\","
		" \"remediation\": \"r\"},"
		"{\"id\": \"kv-purge\", \"title\": \"t\", \"items\": [\"5z\"], \"source\": {\"api\": \"ftp\"},"
		" \"evaluator\": {\"name\": \"property\"}, \"gating\": \"yes\", \"permission\": \"Reader\","
		" \"remediation\": \"r\"}]}");
	errs = load(&m, &rc, NULL);
	T_EQ_INT(rc, AZ_ERR_INVALID);
	T_CONTAINS(errs, "roadmap/checks/test.json: $.checks[1].gating: must be true or false");
	map_release(&m);
	free(errs);

	map_load_real(&m);
	map_edit(&m, "catalog.json", add_checks_file);
	map_put(&m, "checks/test.json",
		"{\"checks\": ["
		"{\"id\": \"kv-purge\", \"title\": \"t\", \"items\": [\"5a\"], \"source\": {\"api\": \"arm\"},"
		" \"evaluator\": {\"name\": \"property\"}, \"gating\": false, \"permission\": \"Reader\","
		" \"remediation\": \"r\"},"
		"{\"id\": \"kv-purge\", \"title\": \"t\", \"items\": [\"5z\"], \"source\": {\"api\": \"ftp\"},"
		" \"evaluator\": {\"name\": \"property\"}, \"gating\": true, \"permission\": \"Reader\","
		" \"remediation\": \"r\"}]}");
	errs = load(&m, &rc, NULL);
	T_EQ_INT(rc, AZ_ERR_INVALID);
	T_CONTAINS(errs, "$.checks[1].id: duplicate check id 'kv-purge' (also in checks/test.json)");
	T_CONTAINS(errs, "$.checks[1].items[0]: unknown item '5z'");
	T_CONTAINS(errs, "$.checks[1].source: needs 'api'");
	free(errs);
	map_release(&m);

	/* Weights: whole numbers from 1 to 5. */
	map_load_real(&m);
	map_edit(&m, "catalog.json", add_checks_file);
	map_put(&m, "checks/test.json",
		"{\"checks\": ["
		"{\"id\": \"w-zero\", \"title\": \"t\", \"items\": [\"5a\"], \"source\": {\"api\": \"arm\"},"
		" \"evaluator\": {\"name\": \"property\"}, \"gating\": false, \"weight\": 0,"
		" \"permission\": \"Reader\", \"remediation\": \"r\"},"
		"{\"id\": \"w-half\", \"title\": \"t\", \"items\": [\"5a\"], \"source\": {\"api\": \"arm\"},"
		" \"evaluator\": {\"name\": \"property\"}, \"gating\": false, \"weight\": 2.5,"
		" \"permission\": \"Reader\", \"remediation\": \"r\"},"
		"{\"id\": \"w-big\", \"title\": \"t\", \"items\": [\"5a\"], \"source\": {\"api\": \"arm\"},"
		" \"evaluator\": {\"name\": \"property\"}, \"gating\": false, \"weight\": 6,"
		" \"permission\": \"Reader\", \"remediation\": \"r\"}]}");
	errs = load(&m, &rc, NULL);
	T_EQ_INT(rc, AZ_ERR_INVALID);
	T_CONTAINS(errs, "$.checks[0].weight: must be a whole number from 1 to 5");
	T_CONTAINS(errs, "$.checks[1].weight: must be");
	T_CONTAINS(errs, "$.checks[2].weight: must be a whole number from 1 to 5");
	free(errs);
	map_release(&m);
}

static void many_problems(cJSON *r)
{
	drop_why(r);
	risk_critical(r);
	typo_key(r);
	no_question_mark(r);
}

static void test_every_error_reported(void)
{
	struct catalog_map m = { { 0 }, { 0 }, 0 };
	enum az_err rc;
	char *errs;

	map_load_real(&m);
	map_edit(&m, "steps/1-inventory.json", many_problems);
	map_edit(&m, "catalog.json", bad_version);
	map_edit(&m, "steps/8-network.json", bad_source);
	errs = load(&m, &rc, NULL);
	T_EQ_INT(rc, AZ_ERR_INVALID);
	T_CONTAINS(errs, "missing required key 'why'");
	T_CONTAINS(errs, "must be 'high', 'medium' or 'low'");
	T_CONTAINS(errs, "unknown key 'refernces'");
	T_CONTAINS(errs, "a question must end with '?'");
	T_CONTAINS(errs, "is not a version such as");
	T_CONTAINS(errs, "unknown source 'blog'");
	free(errs);
	map_release(&m);
}

int main(void)
{
	T_RUN(test_real_catalog_loads);
	T_RUN(test_malformed_json);
	T_RUN(test_missing_required_key);
	T_RUN(test_wrong_type);
	T_RUN(test_unknown_key);
	T_RUN(test_duplicate_key);
	T_RUN(test_duplicate_question_id);
	T_RUN(test_item_not_in_roadmap);
	T_RUN(test_missing_item);
	T_RUN(test_items_out_of_order);
	T_RUN(test_bad_enum);
	T_RUN(test_answer_scale_value);
	T_RUN(test_answer_scale_order);
	T_RUN(test_answer_scale_requires);
	T_RUN(test_bad_url);
	T_RUN(test_unknown_principle);
	T_RUN(test_unknown_source);
	T_RUN(test_reference_to_unknown_item);
	T_RUN(test_question_not_a_question);
	T_RUN(test_text_too_long);
	T_RUN(test_control_character);
	T_RUN(test_step_number_mismatch);
	T_RUN(test_bad_version);
	T_RUN(test_unsupported_format);
	T_RUN(test_missing_file);
	T_RUN(test_check_errors);
	T_RUN(test_every_error_reported);
	return t_done();
}
