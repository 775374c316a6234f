/*
 * The JSON report: everything, in the shape docs/report.schema.json
 * documents. The score, plan and exceptions are the same trees `azmat
 * score --json` and `azmat plan --format json` print (report_json.c).
 */
#include <cjson/cJSON.h>

#include "report_int.h"

#define REPORT_JSON_VERSION 1

static void add_str_or_null(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

cJSON *assessment_to_json(const struct assessment *a)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "id", (double)a->id);
	cJSON_AddStringToObject(o, "name", a->name);
	cJSON_AddStringToObject(o, "tenant", a->tenant_id);
	cJSON_AddStringToObject(o, "organisation", a->organisation);
	cJSON_AddStringToObject(o, "assessor", a->assessor);
	cJSON_AddStringToObject(o, "catalog_version", a->catalog_version);
	cJSON_AddStringToObject(o, "created", a->created_at);
	cJSON_AddStringToObject(o, "updated", a->updated_at);
	add_str_or_null(o, "signed_off", a->signed_off_at);
	add_str_or_null(o, "signed_off_by", a->signed_off_by);
	return o;
}

static cJSON *question_json(const struct report *r, const struct cat_question *q)
{
	const struct answer *a = answer_set_find(r->answers, q->id);
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", q->id);
	cJSON_AddStringToObject(o, "text", q->text);
	add_str_or_null(o, "answer", a && a->value != ANSWER_NONE ? answer_id(a->value) : NULL);
	cJSON_AddStringToObject(o, "reason", a ? a->reason : "");
	cJSON_AddStringToObject(o, "owner", a ? a->owner : "");
	cJSON_AddStringToObject(o, "expiry", a ? a->expiry : "");
	cJSON_AddStringToObject(o, "note", a ? a->note : "");
	cJSON_AddBoolToObject(o, "carried", a && report_is_carried(r, q->id));
	add_str_or_null(o, "suggested",
			a && a->suggested != ANSWER_NONE ? answer_id(a->suggested) : NULL);
	cJSON_AddStringToObject(o, "override_reason",
				a && a->override_reason ? a->override_reason : "");
	return o;
}

/* The letter of c's short escape in JSON ('n' for a line feed), 0 for none. */
static char short_escape(unsigned char c)
{
	switch (c) {
	case '"':
		return '"';
	case '\\':
		return '\\';
	case '\b':
		return 'b';
	case '\f':
		return 'f';
	case '\n':
		return 'n';
	case '\r':
		return 'r';
	case '\t':
		return 't';
	default:
		return 0;
	}
}

/* A string as cJSON prints it (quotes, the short escapes, \u00xx for other controls). */
static void cjson_string(struct buf *b, const char *s)
{
	const char *run = s ? s : "", *p = run;

	buf_addch(b, '"');
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 32 && c != '"' && c != '\\')
			continue;
		buf_add(b, run, (size_t)(p - run));
		run = p + 1;
		if (short_escape(c))
			buf_addf(b, "\\%c", short_escape(c));
		else
			buf_addf(b, "\\u%04x", c);
	}
	buf_add(b, run, (size_t)(p - run));
	buf_addch(b, '"');
}

/*
 * The offenders of a check, as a raw node holding exactly the text cJSON
 * would print for an array of {"id", "name", "detail"} objects at their
 * place in the report (findings[].checks[].offenders[]: the objects' keys
 * at depth 7). A report may list 100,000 offenders: as text they take a
 * fraction of the memory of a tree of nodes, and the output is the same.
 */
#define OFFENDER_DEPTH 7

static cJSON *offenders_json(const struct report *r, const struct check_result *res)
{
	static const char tabs[] = "\t\t\t\t\t\t\t";
	struct buf b = BUF_INIT(REPORT_MAX);
	size_t i, shown = report_offenders_shown(r, res);
	cJSON *raw;

	buf_addch(&b, '[');
	for (i = 0; i < shown; i++) {
		const struct offender *o = &res->offenders[i];
		buf_addf(&b, "%s{\n%.*s\"id\":\t", i ? ", " : "", OFFENDER_DEPTH, tabs);
		cjson_string(&b, o->id);
		buf_addf(&b, ",\n%.*s\"name\":\t", OFFENDER_DEPTH, tabs);
		cjson_string(&b, o->name);
		buf_addf(&b, ",\n%.*s\"detail\":\t", OFFENDER_DEPTH, tabs);
		cjson_string(&b, o->detail);
		buf_addf(&b, "\n%.*s}", OFFENDER_DEPTH - 1, tabs);
	}
	buf_addch(&b, ']');
	raw = cJSON_CreateRaw(b.data);
	buf_release(&b);
	return raw;
}

static cJSON *check_json(const struct report *r, const struct score_check *sc)
{
	const struct check_result *res = sc->result;
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", sc->check->id);
	cJSON_AddStringToObject(o, "title", sc->check->title);
	cJSON_AddBoolToObject(o, "gating", sc->check->gating);
	add_str_or_null(o, "status", res ? check_status_id(res->status) : NULL);
	add_str_or_null(o, "cause",
			res && res->status == CHECK_NOT_ASSESSABLE ? check_cause_id(res->cause) : NULL);
	cJSON_AddNumberToObject(o, "healthy", res ? (double)res->healthy : 0);
	cJSON_AddNumberToObject(o, "total", res ? (double)res->total : 0);
	if (sc->ratio >= 0)
		cJSON_AddNumberToObject(o, "ratio", score_round3(sc->ratio));
	else
		cJSON_AddNullToObject(o, "ratio");
	cJSON_AddStringToObject(o, "summary", res ? res->summary : "");
	add_str_or_null(o, "collected", res ? res->collected_at : NULL);
	cJSON_AddStringToObject(o, "remediation", sc->check->remediation);
	cJSON_AddNumberToObject(o, "offending_total", res ? (double)res->offending_total : 0);
	cJSON_AddItemToObject(o, "offenders", res ? offenders_json(r, res) : cJSON_CreateArray());
	return o;
}

static cJSON *finding_json(const struct report *r, const struct score_item *si)
{
	const struct cat_item *it = si->item;
	cJSON *o = cJSON_CreateObject(), *arr;
	size_t i;

	cJSON_AddStringToObject(o, "id", it->id);
	cJSON_AddStringToObject(o, "title", it->title);
	cJSON_AddStringToObject(o, "contradiction_text", report_contradiction_text(si));
	arr = cJSON_AddArrayToObject(o, "questions");
	for (i = 0; i < it->nquestions; i++)
		cJSON_AddItemToArray(arr, question_json(r, &it->questions[i]));
	arr = cJSON_AddArrayToObject(o, "checks");
	for (i = 0; i < si->nchecks; i++)
		cJSON_AddItemToArray(arr, check_json(r, &si->checks[i]));
	return o;
}

static cJSON *trend_json(const struct report *r)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < r->ntrend; i++) {
		const struct report_trend *t = &r->trend[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)t->id);
		cJSON_AddStringToObject(o, "name", t->name);
		cJSON_AddStringToObject(o, "date", t->date);
		if (t->has_index)
			cJSON_AddNumberToObject(o, "index", score_round1(t->index));
		else
			cJSON_AddNullToObject(o, "index");
		cJSON_AddNumberToObject(o, "level", t->level);
		cJSON_AddBoolToObject(o, "provisional", t->provisional);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *runs_json(const struct report *r)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < r->nruns; i++) {
		const struct evidence_run *u = &r->runs[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)u->id);
		cJSON_AddStringToObject(o, "source", u->source);
		cJSON_AddStringToObject(o, "started", u->started_at);
		cJSON_AddStringToObject(o, "finished", u->finished_at);
		cJSON_AddStringToObject(o, "status", run_status_id(u->status));
		cJSON_AddStringToObject(o, "identity", u->identity);
		cJSON_AddStringToObject(o, "cloud", u->cloud);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *method_json(void)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; report_method[i]; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(report_method[i]));
	return arr;
}

static cJSON *head_json(const struct report *r)
{
	cJSON *root = cJSON_CreateObject(), *cat;

	cJSON_AddStringToObject(root, "format", "azmat-report");
	cJSON_AddNumberToObject(root, "version", REPORT_JSON_VERSION);
	cJSON_AddStringToObject(root, "generated", r->generated_at);
	cJSON_AddStringToObject(root, "tool", r->tool_version ? r->tool_version : "");
	cJSON_AddItemToObject(root, "assessment", assessment_to_json(r->a));
	cat = cJSON_AddObjectToObject(root, "catalog");
	cJSON_AddStringToObject(cat, "version", r->cat->version);
	cJSON_AddStringToObject(cat, "title", r->cat->title);
	return root;
}

enum az_err report_json(const struct report *r, struct buf *out, struct errmsg *em)
{
	cJSON *root = head_json(r), *arr;
	enum az_err rc;
	size_t i;

	cJSON_AddItemToObject(root, "score", score_to_json(r->score));
	arr = cJSON_AddArrayToObject(root, "findings");
	for (i = 0; i < r->score->nitems; i++)
		cJSON_AddItemToArray(arr, finding_json(r, &r->score->items[i]));
	cJSON_AddItemToObject(root, "plan", plan_to_json(r->plan));
	cJSON_AddItemToObject(root, "exceptions", exceptions_to_json(r->plan));
	cJSON_AddItemToObject(root, "trend", trend_json(r));
	cJSON_AddItemToObject(root, "runs", runs_json(r));
	cJSON_AddItemToObject(root, "method", method_json());
	rc = report_json_print(root, out, em);
	return rc;
}

enum az_err report_plan_json(const struct report *r, struct buf *out, struct errmsg *em)
{
	cJSON *root = cJSON_CreateObject();
	enum az_err rc;

	cJSON_AddNumberToObject(root, "assessment", (double)r->a->id);
	cJSON_AddItemToObject(root, "plan", plan_to_json(r->plan));
	cJSON_AddItemToObject(root, "exceptions", exceptions_to_json(r->plan));
	rc = report_json_print(root, out, em);
	return rc;
}
