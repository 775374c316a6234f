/*
 * Loading and validating the catalog. The loader checks everything it can
 * and keeps going after a problem, so that one run of `azmat catalog
 * validate` lists every error with its file and JSON path.
 *
 * The roadmap's shape (nine steps, items 1a..9b) is the backbone of the
 * product and is fixed here; everything else is data.
 */
#include "catalog.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_int.h"
#include "compat.h"
#include "fsutil.h"
#include "strutil.h"
#include "xalloc.h"

#define CATALOG_FORMAT 1
#define CAT_FILE_MAX ((size_t)4 << 20)
#define CAT_ERRORS_MAX 2000

/* The roadmap's items per step: step N has the letters a..roadmap_letters[N-1]. */
static const char roadmap_letters[CAT_NSTEPS] = { 'c', 'd', 'f', 'c', 'd', 'c', 'c', 'c', 'b' };

/* Expected answer scale: key per answer, in ANSWER_LIST order. */
static const char *const answer_keys[ANSWER__COUNT] = { "1", "2", "3", "4", "5", "n", "r", "u" };

void cat_errors_add(struct cat_errors *e, const char *file, const char *path, const char *fmt, ...)
{
	struct buf b = BUF_INIT(4096);
	va_list ap;

	if (e->n >= CAT_ERRORS_MAX)
		return;
	if (file)
		buf_addf(&b, "%s: ", file);
	if (path)
		buf_addf(&b, "%s: ", path);
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	ALLOC_GROW(e->lines, e->n, e->alloc);
	e->lines[e->n++] = buf_detach(&b, NULL);
	if (e->n == CAT_ERRORS_MAX) {
		ALLOC_GROW(e->lines, e->n, e->alloc);
		e->lines[e->n++] = xstrdup("too many errors; stopping the list here");
	}
}

void cat_errors_release(struct cat_errors *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		free(e->lines[i]);
	free(e->lines);
	e->lines = NULL;
	e->n = e->alloc = 0;
}

const char *cat_level_name(enum cat_level l)
{
	switch (l) {
	case CAT_LOW:
		return "low";
	case CAT_MEDIUM:
		return "medium";
	case CAT_HIGH:
		return "high";
	}
	return "?";
}

static int parse_level(const char *s, enum cat_level *out)
{
	if (!s)
		return -1;
	if (!strcmp(s, "low"))
		*out = CAT_LOW;
	else if (!strcmp(s, "medium"))
		*out = CAT_MEDIUM;
	else if (!strcmp(s, "high"))
		*out = CAT_HIGH;
	else
		return -1;
	return 0;
}

/* Read and parse dir/rel; returns NULL after reporting. *display gets the shown name. */
cJSON *catalog_read_json(struct loader *L, const char *rel, char **display)
{
	struct buf path = BUF_INIT(4096);
	struct buf data = BUF_INIT(CAT_FILE_MAX);
	struct errmsg em = ERRMSG_INIT;
	const char *end = NULL;
	cJSON *root = NULL;

	path_join(&path, L->dir, rel);
	*display = xstrdup(path.data);
	if (L->read(L->read_ctx, rel, &data, &em)) {
		cat_errors_add(L->errs, path.data, NULL, "%s", errmsg_text(&em));
		goto out;
	}
	root = cJSON_ParseWithLengthOpts(data.data, data.len, &end, 0);
	if (!root) {
		size_t line = 1, col = 1;
		const char *p;
		if (!end || end < data.data || end > data.data + data.len)
			end = data.data + data.len;
		for (p = data.data; p < end; p++) {
			if (*p == '\n') {
				line++;
				col = 1;
			} else {
				col++;
			}
		}
		cat_errors_add(L->errs, path.data, "$", "malformed JSON near line %zu, column %zu",
			       line, col);
	}
out:
	buf_release(&path);
	buf_release(&data);
	return root;
}

/* A relative file name inside the catalog folder. */
static int rel_ok(const char *s)
{
	return s && *s && s[0] != '/' && !strstr(s, "..") && str_has_suffix(s, ".json");
}

void catalog_check_id(struct loader *L, const char *id, const struct jpath *p, size_t min,
			   size_t max, const char *what)
{
	size_t n = strlen(id), i;

	for (i = 0; i < n; i++) {
		if (!islower((unsigned char)id[i]) && !isdigit((unsigned char)id[i]) &&
		    id[i] != '-' && id[i] != '.')
			break;
	}
	if (i < n || n < min || n > max)
		cat_errors_add(L->errs, L->js.file, p->s,
			       "%s '%s' must be %zu..%zu characters of a-z, 0-9, '.' and '-'", what,
			       id, min, max);
}

/* ---- catalog.json --------------------------------------------------- */

static const struct js_field catalog_fields[] = {
	{ "format", JS_INT, JS_REQUIRED, 0, 0 },
	{ "version", JS_STRING, JS_REQUIRED, 5, 20 },
	{ "title", JS_STRING, JS_REQUIRED, 1, 120 },
	{ "sources", JS_ARRAY, JS_REQUIRED, 1, 20 },
	{ "answers", JS_ARRAY, JS_REQUIRED, 0, 0 },
	{ "principles", JS_ARRAY, JS_REQUIRED, 0, 0 },
	{ "placements", JS_ARRAY, JS_REQUIRED, 0, 200 },
	{ "steps", JS_ARRAY, JS_REQUIRED, 0, 0 },
	{ "checks", JS_ARRAY, JS_REQUIRED, 0, 200 },
};

static const struct js_field source_fields[] = {
	{ "id", JS_STRING, JS_REQUIRED, 2, 40 },
	{ "title", JS_STRING, JS_REQUIRED, 1, 200 },
	{ "author", JS_STRING, 0, 1, 200 },
	{ "note", JS_TEXT, 0, 1, 1000 },
};

static const struct js_field answer_fields[] = {
	{ "id", JS_STRING, JS_REQUIRED, 1, 20 },
	{ "label", JS_STRING, JS_REQUIRED, 1, 30 },
	{ "key", JS_STRING, JS_REQUIRED, 1, 1 },
	{ "value", JS_NUMBER_OR_NULL, JS_REQUIRED, 0, 0 },
	{ "requires", JS_STRINGS, 0, 0, 20 },
	{ "description", JS_STRING, JS_REQUIRED, 1, 300 },
};

static const struct js_field principle_fields[] = {
	{ "id", JS_STRING, JS_REQUIRED, 2, 3 },
	{ "title", JS_STRING, JS_REQUIRED, 1, 80 },
	{ "text", JS_TEXT, JS_REQUIRED, 1, 600 },
};

static const struct js_field placement_fields[] = {
	{ "topic", JS_STRING, JS_REQUIRED, 1, 160 },
	{ "item", JS_STRING, JS_REQUIRED, 2, 2 },
	{ "why", JS_TEXT, JS_REQUIRED, 1, 600 },
};

static int version_ok(const char *v)
{
	int y, m, p;
	char tail;

	if (sscanf(v, "%4d.%2d.%d%c", &y, &m, &p, &tail) != 3)
		return 0;
	return y >= 2000 && m >= 1 && m <= 12 && p >= 0 && isdigit((unsigned char)v[strlen(v) - 1]);
}

static void load_sources(struct loader *L, const cJSON *arr, const struct jpath *path)
{
	const cJSON *e;
	size_t i = 0, j;
	struct catalog *cat = L->cat;

	cat->sources = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*cat->sources));
	cJSON_ArrayForEach(e, arr) {
		struct jpath p, pid;
		struct cat_source *s;

		jpath_index(&p, path, i++);
		if (!js_check_object(&L->js, e, &p, source_fields, ARRAY_SIZE(source_fields)))
			continue;
		s = &cat->sources[cat->nsources];
		s->id = js_dup(e, "id");
		jpath_key(&pid, &p, "id");
		catalog_check_id(L, s->id, &pid, 2, 40, "source id");
		for (j = 0; j < cat->nsources; j++)
			if (!strcmp(cat->sources[j].id, s->id))
				cat_errors_add(L->errs, L->js.file, pid.s, "duplicate source id '%s'",
					       s->id);
		s->title = js_dup(e, "title");
		s->author = js_dup_or_null(e, "author");
		s->note = js_dup_or_null(e, "note");
		cat->nsources++;
	}
}

static void load_answers(struct loader *L, const cJSON *arr, const struct jpath *path)
{
	const cJSON *e;
	size_t i = 0;

	if (cJSON_GetArraySize(arr) != ANSWER__COUNT) {
		cat_errors_add(L->errs, L->js.file, path->s,
			       "must list exactly the %d answers of the scale, has %d", ANSWER__COUNT,
			       cJSON_GetArraySize(arr));
	}
	cJSON_ArrayForEach(e, arr) {
		struct jpath p, pk;
		enum answer_value want = (enum answer_value)i;
		const char *id;
		const cJSON *val, *req, *r;
		unsigned needs = 0;

		jpath_index(&p, path, i++);
		if (!js_check_object(&L->js, e, &p, answer_fields, ARRAY_SIZE(answer_fields)))
			continue;
		if (want >= ANSWER__COUNT)
			continue;
		id = js_str(e, "id");
		jpath_key(&pk, &p, "id");
		if (!id || strcmp(id, answer_id(want))) {
			cat_errors_add(L->errs, L->js.file, pk.s,
				       "answer %zu must be '%s' (the scale is fixed by the scoring model)",
				       i, answer_id(want));
			continue;
		}
		jpath_key(&pk, &p, "key");
		if (!js_str(e, "key") || strcmp(js_str(e, "key"), answer_keys[want]))
			cat_errors_add(L->errs, L->js.file, pk.s, "the key of '%s' must be '%s'", id,
				       answer_keys[want]);
		val = cJSON_GetObjectItemCaseSensitive(e, "value");
		jpath_key(&pk, &p, "value");
		if (answer_excluded(want) ? !cJSON_IsNull(val)
					  : !cJSON_IsNumber(val) ||
						    fabs(val->valuedouble - answer_score(want)) > 1e-9)
			cat_errors_add(L->errs, L->js.file, pk.s, "the value of '%s' must be %s", id,
				       answer_excluded(want) ? "null" :
				       want == ANSWER_PARTIAL ? "0.33" :
				       want == ANSWER_LARGELY ? "0.67" :
				       want == ANSWER_FULLY   ? "1" : "0");
		req = js_array(e, "requires");
		cJSON_ArrayForEach(r, req) {
			if (!cJSON_IsString(r))
				continue;
			if (!strcmp(r->valuestring, "reason"))
				needs |= ANSWER_NEEDS_REASON;
			else if (!strcmp(r->valuestring, "owner"))
				needs |= ANSWER_NEEDS_OWNER;
			else if (!strcmp(r->valuestring, "expiry"))
				needs |= ANSWER_NEEDS_EXPIRY;
			else
				needs |= 1u << 30;
		}
		jpath_key(&pk, &p, "requires");
		if (needs != answer_requires(want))
			cat_errors_add(L->errs, L->js.file, pk.s, "'%s' must require %s", id,
				       answer_requires(want) == 0 ? "nothing" :
				       answer_requires(want) == ANSWER_NEEDS_REASON ?
								    "[\"reason\"]" :
								    "[\"reason\", \"owner\", \"expiry\"]");
		L->cat->answers[want].label = js_dup(e, "label");
		L->cat->answers[want].key = js_dup(e, "key");
		L->cat->answers[want].description = js_dup(e, "description");
	}
}

static void load_principles(struct loader *L, const cJSON *arr, const struct jpath *path)
{
	const cJSON *e;
	size_t i = 0;
	struct catalog *cat = L->cat;

	if (cJSON_GetArraySize(arr) != 9)
		cat_errors_add(L->errs, L->js.file, path->s,
			       "must list the whitepaper's nine principles P1..P9, has %d",
			       cJSON_GetArraySize(arr));
	cat->principles = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*cat->principles));
	cJSON_ArrayForEach(e, arr) {
		struct jpath p, pid;
		char want[8];
		struct cat_principle *pr;

		jpath_index(&p, path, i++);
		if (!js_check_object(&L->js, e, &p, principle_fields, ARRAY_SIZE(principle_fields)))
			continue;
		snprintf(want, sizeof(want), "P%zu", i);
		jpath_key(&pid, &p, "id");
		if (!js_str(e, "id") || strcmp(js_str(e, "id"), want))
			cat_errors_add(L->errs, L->js.file, pid.s, "must be '%s'", want);
		pr = &cat->principles[cat->nprinciples++];
		pr->id = js_dup(e, "id");
		pr->title = js_dup(e, "title");
		pr->text = js_dup(e, "text");
	}
}

static void load_placements(struct loader *L, const cJSON *arr, const struct jpath *path)
{
	const cJSON *e;
	size_t i = 0;
	struct catalog *cat = L->cat;

	cat->placements = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*cat->placements));
	cJSON_ArrayForEach(e, arr) {
		struct jpath p;
		struct cat_placement *pl;

		jpath_index(&p, path, i++);
		if (!js_check_object(&L->js, e, &p, placement_fields, ARRAY_SIZE(placement_fields)))
			continue;
		pl = &cat->placements[cat->nplacements++];
		pl->topic = js_dup(e, "topic");
		pl->item = js_dup(e, "item");
		pl->why = js_dup(e, "why");
	}
}

/* ---- steps and items ------------------------------------------------ */

static const struct js_field step_fields[] = {
	{ "number", JS_INT, JS_REQUIRED, 0, 0 },
	{ "title", JS_STRING, JS_REQUIRED, 1, 80 },
	{ "summary", JS_TEXT, JS_REQUIRED, 1, 1200 },
	{ "items", JS_ARRAY, JS_REQUIRED, 1, 26 },
};

static const struct js_field item_fields[] = {
	{ "id", JS_STRING, JS_REQUIRED, 2, 2 },
	{ "title", JS_STRING, JS_REQUIRED, 1, 120 },
	{ "roadmap", JS_STRING, JS_REQUIRED, 1, 400 },
	{ "guidance", JS_TEXT, JS_REQUIRED, 1, 6000 },
	{ "why", JS_TEXT, JS_REQUIRED, 1, 2000 },
	{ "risk", JS_STRING, JS_REQUIRED, 1, 10 },
	{ "effort", JS_STRING, JS_REQUIRED, 1, 10 },
	{ "questions", JS_ARRAY, JS_REQUIRED, 1, 6 },
	{ "remediation", JS_OBJECT, JS_REQUIRED, 0, 0 },
	{ "references", JS_ARRAY, JS_REQUIRED, 1, 12 },
	{ "principles", JS_STRINGS, JS_REQUIRED, 1, 3 },
	{ "cis", JS_STRINGS, 0, 0, 40 },
	{ "mcsb", JS_STRINGS, 0, 0, 10 },
	{ "sources", JS_ARRAY, JS_REQUIRED, 1, 10 },
	{ "questionnaire_only", JS_STRING, 0, 1, 400 },
};

static const struct js_field question_fields[] = {
	{ "id", JS_STRING, JS_REQUIRED, 4, 6 },
	{ "text", JS_STRING, JS_REQUIRED, 15, 300 },
	{ "hint", JS_TEXT, JS_REQUIRED, 1, 600 },
};

static const struct js_field remediation_fields[] = {
	{ "action", JS_TEXT, JS_REQUIRED, 1, 1500 },
	{ "acceptance", JS_TEXT, JS_REQUIRED, 1, 1000 },
};

static const struct js_field reference_fields[] = {
	{ "title", JS_STRING, JS_REQUIRED, 1, 200 },
	{ "url", JS_STRING, JS_REQUIRED, 1, 500 },
};

static const struct js_field source_ref_fields[] = {
	{ "source", JS_STRING, JS_REQUIRED, 1, 40 },
	{ "where", JS_STRING, JS_REQUIRED, 1, 200 },
};

static void load_questions(struct loader *L, struct cat_item *it, const cJSON *arr,
			   const struct jpath *path)
{
	const cJSON *e;
	size_t i = 0;

	it->questions = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*it->questions));
	cJSON_ArrayForEach(e, arr) {
		struct jpath p, pf;
		struct cat_question *q;
		char want[16];
		const char *text;

		jpath_index(&p, path, i++);
		if (!js_check_object(&L->js, e, &p, question_fields, ARRAY_SIZE(question_fields)))
			continue;
		q = &it->questions[it->nquestions];
		q->id = js_dup(e, "id");
		q->text = js_dup(e, "text");
		q->hint = js_dup(e, "hint");
		q->item = it;
		q->index = it->nquestions++;
		snprintf(want, sizeof(want), "%s.%zu", it->id, i);
		jpath_key(&pf, &p, "id");
		if (strcmp(q->id, want))
			cat_errors_add(L->errs, L->js.file, pf.s,
				       "question id '%s' must be '%s' (item id, then its position)",
				       q->id, want);
		text = q->text;
		jpath_key(&pf, &p, "text");
		if (*text && text[strlen(text) - 1] != '?')
			cat_errors_add(L->errs, L->js.file, pf.s, "a question must end with '?'");
	}
}

static void load_references(struct loader *L, struct cat_item *it, const cJSON *arr,
			    const struct jpath *path)
{
	const cJSON *e;
	size_t i = 0;

	it->refs = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*it->refs));
	cJSON_ArrayForEach(e, arr) {
		struct jpath p, pu;
		struct cat_reference *r;

		jpath_index(&p, path, i++);
		if (!js_check_object(&L->js, e, &p, reference_fields, ARRAY_SIZE(reference_fields)))
			continue;
		r = &it->refs[it->nrefs++];
		r->title = js_dup(e, "title");
		r->url = js_dup(e, "url");
		jpath_key(&pu, &p, "url");
		if (*r->url && !js_url_ok(r->url))
			cat_errors_add(L->errs, L->js.file, pu.s,
				       "'%s' is not an https URL with a host name", r->url);
	}
}

static int source_known(const struct catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->nsources; i++)
		if (!strcmp(cat->sources[i].id, id))
			return 1;
	return 0;
}

static void load_item_refs(struct loader *L, struct cat_item *it, const cJSON *e,
			   const struct jpath *p)
{
	const cJSON *arr, *s;
	struct jpath pf, pe;
	size_t i, j;

	it->principles = js_dup_strings(e, "principles", &it->nprinciples);
	jpath_key(&pf, p, "principles");
	for (i = 0; i < it->nprinciples; i++) {
		long n;
		jpath_index(&pe, &pf, i);
		if (it->principles[i][0] != 'P' || str_to_long(it->principles[i] + 1, 1, 9, &n))
			cat_errors_add(L->errs, L->js.file, pe.s,
				       "unknown principle '%s' (P1..P9)", it->principles[i]);
		for (j = 0; j < i; j++)
			if (!strcmp(it->principles[i], it->principles[j]))
				cat_errors_add(L->errs, L->js.file, pe.s, "principle '%s' listed twice",
					       it->principles[i]);
	}
	it->cis = js_dup_strings(e, "cis", &it->ncis);
	it->mcsb = js_dup_strings(e, "mcsb", &it->nmcsb);
	jpath_key(&pf, p, "mcsb");
	for (i = 0; i < it->nmcsb; i++) {
		const char *m = it->mcsb[i];
		size_t ml = strlen(m);
		jpath_index(&pe, &pf, i);
		if (ml < 4 || ml > 5 || !isupper((unsigned char)m[0]) ||
		    !isupper((unsigned char)m[1]) || m[2] != '-' || !isdigit((unsigned char)m[3]) ||
		    (ml == 5 && !isdigit((unsigned char)m[4])))
			cat_errors_add(L->errs, L->js.file, pe.s,
				       "'%s' is not a benchmark control id such as 'LT-3'", m);
	}
	arr = js_array(e, "sources");
	jpath_key(&pf, p, "sources");
	it->sources = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*it->sources));
	i = 0;
	cJSON_ArrayForEach(s, arr) {
		struct cat_source_ref *sr;
		jpath_index(&pe, &pf, i++);
		if (!js_check_object(&L->js, s, &pe, source_ref_fields,
				     ARRAY_SIZE(source_ref_fields)))
			continue;
		sr = &it->sources[it->nsources++];
		sr->source = js_dup(s, "source");
		sr->where = js_dup(s, "where");
		if (!source_known(L->cat, sr->source)) {
			struct jpath ps;
			jpath_key(&ps, &pe, "source");
			cat_errors_add(L->errs, L->js.file, ps.s, "unknown source '%s'", sr->source);
		}
	}
}

static void load_item(struct loader *L, struct cat_step *st, const cJSON *e, const struct jpath *p,
		      size_t index)
{
	struct cat_item *it = &st->items[st->nitems];
	const cJSON *rem;
	struct jpath pf;
	char want[4];

	if (!js_check_object(&L->js, e, p, item_fields, ARRAY_SIZE(item_fields)))
		return;
	st->nitems++;
	it->step = st;
	it->id = js_dup(e, "id");
	snprintf(want, sizeof(want), "%u%c", st->number, (char)('a' + index));
	jpath_key(&pf, p, "id");
	if (strcmp(it->id, want)) {
		if (index < (size_t)(roadmap_letters[st->number - 1] - 'a' + 1))
			cat_errors_add(L->errs, L->js.file, pf.s,
				       "expected the roadmap's item '%s' here, found '%s'", want,
				       it->id);
		else
			cat_errors_add(L->errs, L->js.file, pf.s,
				       "item '%s' is not in the roadmap: step %u has items %ua..%u%c",
				       it->id, st->number, st->number, st->number,
				       roadmap_letters[st->number - 1]);
	}
	it->title = js_dup(e, "title");
	it->roadmap = js_dup(e, "roadmap");
	it->guidance = js_dup(e, "guidance");
	it->why = js_dup(e, "why");
	jpath_key(&pf, p, "risk");
	if (parse_level(js_str(e, "risk"), &it->risk))
		cat_errors_add(L->errs, L->js.file, pf.s, "must be 'high', 'medium' or 'low'");
	jpath_key(&pf, p, "effort");
	if (parse_level(js_str(e, "effort"), &it->effort))
		cat_errors_add(L->errs, L->js.file, pf.s, "must be 'low', 'medium' or 'high'");
	jpath_key(&pf, p, "questions");
	load_questions(L, it, js_array(e, "questions"), &pf);
	rem = js_object(e, "remediation");
	jpath_key(&pf, p, "remediation");
	if (rem)
		js_check_object(&L->js, rem, &pf, remediation_fields, ARRAY_SIZE(remediation_fields));
	it->action = js_dup(rem, "action");
	it->acceptance = js_dup(rem, "acceptance");
	jpath_key(&pf, p, "references");
	load_references(L, it, js_array(e, "references"), &pf);
	load_item_refs(L, it, e, p);
	it->questionnaire_only = js_dup_or_null(e, "questionnaire_only");
}

static void load_step(struct loader *L, const char *rel, unsigned number)
{
	struct cat_step *st = &L->cat->steps[L->cat->nsteps];
	char *display = NULL;
	cJSON *root = catalog_read_json(L, rel, &display);
	const cJSON *items, *e;
	struct jpath root_path, p;
	size_t i = 0, want;
	const char *saved = L->js.file;

	L->cat->nsteps++;
	st->number = number;
	st->file = xstrdup(rel);
	if (!root)
		goto out;
	L->js.file = display;
	jpath_root(&root_path);
	if (!js_check_object(&L->js, root, &root_path, step_fields, ARRAY_SIZE(step_fields)))
		goto out;
	jpath_key(&p, &root_path, "number");
	if (js_int(root, "number", -1) >= 0 && js_int(root, "number", -1) != (long)number)
		cat_errors_add(L->errs, display, p.s,
			       "is %ld but the file is listed as step %u in catalog.json",
			       js_int(root, "number", -1), number);
	st->title = js_dup(root, "title");
	st->summary = js_dup(root, "summary");
	items = js_array(root, "items");
	st->items = xcalloc((size_t)cJSON_GetArraySize(items) + 1, sizeof(*st->items));
	jpath_key(&p, &root_path, "items");
	cJSON_ArrayForEach(e, items) {
		struct jpath pi;
		jpath_index(&pi, &p, i);
		load_item(L, st, e, &pi, i);
		i++;
	}
	want = (size_t)(roadmap_letters[number - 1] - 'a' + 1);
	if (i < want)
		cat_errors_add(L->errs, display, p.s,
			       "step %u must have the roadmap's items %ua..%u%c, has %zu item%s",
			       number, number, number, roadmap_letters[number - 1], i,
			       i == 1 ? "" : "s");
out:
	L->js.file = saved;
	cJSON_Delete(root);
	free(display);
}

/* ---- cross references and indexes ----------------------------------- */

static void build_indexes(struct loader *L)
{
	struct catalog *cat = L->cat;
	size_t s, i, q, n = 0, nq = 0;

	for (s = 0; s < cat->nsteps; s++) {
		n += cat->steps[s].nitems;
		for (i = 0; i < cat->steps[s].nitems; i++)
			nq += cat->steps[s].items[i].nquestions;
	}
	cat->items = xcalloc(n + 1, sizeof(*cat->items));
	cat->questions = xcalloc(nq + 1, sizeof(*cat->questions));
	for (s = 0; s < cat->nsteps; s++) {
		for (i = 0; i < cat->steps[s].nitems; i++) {
			const struct cat_item *it = &cat->steps[s].items[i];
			cat->items[cat->nitems++] = it;
			for (q = 0; q < it->nquestions; q++)
				cat->questions[cat->nquestions++] = &it->questions[q];
		}
	}
}

static struct cat_item *find_item_mut(struct catalog *cat, const char *id)
{
	size_t s, i;

	for (s = 0; s < cat->nsteps; s++)
		for (i = 0; i < cat->steps[s].nitems; i++)
			if (!strcmp(cat->steps[s].items[i].id, id))
				return &cat->steps[s].items[i];
	return NULL;
}

static void link_checks(struct loader *L)
{
	struct catalog *cat = L->cat;
	size_t c, k;

	for (c = 0; c < cat->nchecks; c++) {
		const struct cat_check *ch = &cat->checks[c];
		for (k = 0; k < ch->nitems; k++) {
			struct cat_item *it = find_item_mut(cat, ch->items[k]);
			if (!it)
				continue;
			it->checks = xreallocarray(it->checks, it->nchecks + 1, sizeof(*it->checks));
			it->checks[it->nchecks++] = ch;
		}
	}
}

static void check_placements(struct loader *L, const char *display)
{
	struct catalog *cat = L->cat;
	size_t i;

	for (i = 0; i < cat->nplacements; i++) {
		if (!catalog_find_item(cat, cat->placements[i].item)) {
			char path[64];
			snprintf(path, sizeof(path), "$.placements[%zu].item", i);
			cat_errors_add(L->errs, display, path, "unknown item '%s'",
				       cat->placements[i].item);
		}
	}
}

/* ---- catalog.json ----------------------------------------------------- */

static void load_file_list(struct loader *L, const cJSON *arr, const struct jpath *path,
			   int steps)
{
	const cJSON *e;
	size_t i = 0;

	if (steps && cJSON_GetArraySize(arr) != CAT_NSTEPS)
		cat_errors_add(L->errs, L->js.file, path->s,
			       "must list the nine step files in order, has %d",
			       cJSON_GetArraySize(arr));
	cJSON_ArrayForEach(e, arr) {
		struct jpath p;
		size_t j;
		const cJSON *w;

		jpath_index(&p, path, i++);
		if (!cJSON_IsString(e) || !rel_ok(e->valuestring)) {
			cat_errors_add(L->errs, L->js.file, p.s,
				       "must be a .json file name relative to the catalog folder");
			continue;
		}
		for (j = 0, w = arr->child; w != e; w = w->next, j++)
			if (cJSON_IsString(w) && !strcmp(w->valuestring, e->valuestring))
				break;
		if (w != e) {
			cat_errors_add(L->errs, L->js.file, p.s, "'%s' is listed twice", e->valuestring);
			continue;
		}
		if (steps) {
			if (i <= CAT_NSTEPS)
				load_step(L, e->valuestring, (unsigned)i);
		}
	}
}

static void load_check_files(struct loader *L, const cJSON *arr)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, arr)
		if (cJSON_IsString(e) && rel_ok(e->valuestring))
			catalog_load_checks(L, e->valuestring);
}

static void load_root(struct loader *L, const cJSON *root, const char *display)
{
	struct catalog *cat = L->cat;
	struct jpath rp, p;

	jpath_root(&rp);
	if (!js_check_object(&L->js, root, &rp, catalog_fields, ARRAY_SIZE(catalog_fields)))
		return;
	cat->format = (int)js_int(root, "format", -1);
	if (cat->format != CATALOG_FORMAT) {
		jpath_key(&p, &rp, "format");
		cat_errors_add(L->errs, display, p.s, "format %d is not supported; this azmat reads format %d",
			       cat->format, CATALOG_FORMAT);
		return;
	}
	cat->version = js_dup(root, "version");
	if (!version_ok(cat->version)) {
		jpath_key(&p, &rp, "version");
		cat_errors_add(L->errs, display, p.s, "'%s' is not a version such as '2026.11.0'",
			       cat->version);
	}
	cat->title = js_dup(root, "title");
	jpath_key(&p, &rp, "sources");
	load_sources(L, js_array(root, "sources"), &p);
	jpath_key(&p, &rp, "answers");
	load_answers(L, js_array(root, "answers"), &p);
	jpath_key(&p, &rp, "principles");
	load_principles(L, js_array(root, "principles"), &p);
	jpath_key(&p, &rp, "placements");
	load_placements(L, js_array(root, "placements"), &p);
	jpath_key(&p, &rp, "steps");
	load_file_list(L, js_array(root, "steps"), &p, 1);
	build_indexes(L);
	jpath_key(&p, &rp, "checks");
	load_file_list(L, js_array(root, "checks"), &p, 0);
	load_check_files(L, js_array(root, "checks"));
	link_checks(L);
	check_placements(L, display);
}

static enum az_err read_disk(void *ctx, const char *rel, struct buf *out, struct errmsg *em)
{
	struct buf path = BUF_INIT(8192);
	enum az_err rc;

	path_join(&path, (const char *)ctx, rel);
	rc = file_read(path.data, out, em);
	buf_release(&path);
	return rc;
}

enum az_err catalog_load(const char *dir, const struct catalog_hooks *hooks, struct catalog **out,
			 struct cat_errors *errs)
{
	struct buf path = BUF_INIT(8192);
	int exists;

	path_join(&path, dir, "catalog.json");
	exists = path_exists(path.data);
	if (!exists)
		cat_errors_add(errs, path.data, NULL, "no catalog here (catalog.json is missing)");
	buf_release(&path);
	if (!exists)
		return AZ_ERR_NOTFOUND;
	return catalog_load_with(dir, read_disk, (void *)(uintptr_t)dir, hooks, out, errs);
}

enum az_err catalog_load_with(const char *dir, catalog_read_fn read, void *read_ctx,
			      const struct catalog_hooks *hooks, struct catalog **out,
			      struct cat_errors *errs)
{
	struct loader L;
	char *display = NULL;
	cJSON *root;
	size_t before = errs->n;

	memset(&L, 0, sizeof(L));
	L.cat = xcalloc(1, sizeof(*L.cat));
	L.cat->dir = xstrdup(dir);
	L.errs = errs;
	L.hooks = hooks;
	L.dir = dir;
	L.read = read;
	L.read_ctx = read_ctx;
	L.js.errs = errs;

	root = catalog_read_json(&L, "catalog.json", &display);
	if (root) {
		L.js.file = display;
		load_root(&L, root, display);
		cJSON_Delete(root);
	}
	free(display);
	if (errs->n > before) {
		catalog_free(&L.cat);
		return AZ_ERR_INVALID;
	}
	*out = L.cat;
	return AZ_OK;
}
