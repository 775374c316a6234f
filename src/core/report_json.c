/*
 * The score, the plan and the exceptions as JSON: shared by `azmat score
 * --json`, `azmat plan --format json` and the JSON report
 * (report_json_doc.c). Numbers go through score_round1/3 so that every
 * format prints the same values.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "escape.h"
#include "report.h"

static void add_num_or_null(cJSON *o, const char *k, int has, double v)
{
	if (has)
		cJSON_AddNumberToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

static void add_str_or_null(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

/* unacknowledged < 0: not given (per step). */
static cJSON *contradictions_json(const size_t *n, long unacknowledged)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "major", (double)n[CONTRA_MAJOR]);
	cJSON_AddNumberToObject(o, "minor", (double)n[CONTRA_MINOR]);
	cJSON_AddNumberToObject(o, "under-reported", (double)n[CONTRA_UNDER]);
	if (unacknowledged >= 0)
		cJSON_AddNumberToObject(o, "unacknowledged", (double)unacknowledged);
	return o;
}

static cJSON *step_json(const struct score_step *st)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "number", st->step->number);
	cJSON_AddStringToObject(o, "title", st->step->title);
	add_num_or_null(o, "score", st->has_score, score_round1(st->score));
	cJSON_AddBoolToObject(o, "achieved", st->achieved);
	cJSON_AddBoolToObject(o, "ahead", st->ahead);
	cJSON_AddBoolToObject(o, "provisional", st->provisional);
	cJSON_AddNumberToObject(o, "items", (double)st->nitems);
	cJSON_AddNumberToObject(o, "applicable", (double)st->napplicable);
	cJSON_AddNumberToObject(o, "unknown", (double)st->nunknown);
	cJSON_AddItemToObject(o, "contradictions", contradictions_json(st->ncontra, -1));
	return o;
}

static cJSON *item_checks_json(const struct score_item *si)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < si->nchecks; i++) {
		const struct score_check *sc = &si->checks[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", sc->check->id);
		cJSON_AddBoolToObject(o, "gating", sc->check->gating);
		add_str_or_null(o, "status", sc->result ? check_status_id(sc->result->status) : NULL);
		add_num_or_null(o, "ratio", sc->ratio >= 0, score_round3(sc->ratio));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static void item_answers_json(cJSON *o, const struct score_item *si)
{
	cJSON_AddNumberToObject(o, "questions", (double)si->nquestions);
	cJSON_AddNumberToObject(o, "answered", (double)si->nanswered);
	cJSON_AddNumberToObject(o, "not_applicable", (double)si->nna);
	cJSON_AddNumberToObject(o, "unknown", (double)si->nunknown);
	cJSON_AddNumberToObject(o, "risk_accepted", (double)si->nrisk_accepted);
	cJSON_AddNumberToObject(o, "carried", (double)si->ncarried);
}

static cJSON *item_json(const struct score_item *si)
{
	cJSON *o = cJSON_CreateObject();
	int app = si->applicable;

	cJSON_AddStringToObject(o, "id", si->item->id);
	cJSON_AddNumberToObject(o, "step", si->item->step->number);
	cJSON_AddStringToObject(o, "risk", cat_level_name(si->item->risk));
	cJSON_AddStringToObject(o, "effort", cat_level_name(si->item->effort));
	cJSON_AddBoolToObject(o, "applicable", app);
	add_num_or_null(o, "attested", app && si->has_attested, score_round3(si->attested));
	add_str_or_null(o, "attested_band",
			app && si->has_attested ? score_band_id(si->attested_band) : NULL);
	add_num_or_null(o, "evidence", app && si->has_evidence, score_round3(si->evidence));
	add_str_or_null(o, "evidence_band",
			app && si->has_evidence ? score_band_id(si->evidence_band) : NULL);
	add_num_or_null(o, "effective", app, score_round3(si->effective));
	add_str_or_null(o, "band", app ? score_band_id(score_band_of(si->effective)) : NULL);
	cJSON_AddStringToObject(o, "confidence", score_confidence_id(si->confidence));
	cJSON_AddStringToObject(o, "contradiction", score_contradiction_id(si->contradiction));
	cJSON_AddBoolToObject(o, "na_refuted", si->na_refuted);
	cJSON_AddBoolToObject(o, "noted", si->noted);
	cJSON_AddBoolToObject(o, "suggested", si->suggested);
	add_str_or_null(o, "gating_failed", si->gating_failed ? si->gating_failed->check->id : NULL);
	cJSON_AddBoolToObject(o, "capped", si->capped);
	cJSON_AddBoolToObject(o, "achieved", si->achieved);
	item_answers_json(o, si);
	cJSON_AddItemToObject(o, "checks", item_checks_json(si));
	return o;
}

cJSON *score_to_json(const struct score *s)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	size_t i;

	cJSON_AddNumberToObject(root, "level", s->level);
	cJSON_AddBoolToObject(root, "provisional", s->provisional);
	add_num_or_null(root, "index", s->has_index, score_round1(s->index));
	arr = cJSON_AddArrayToObject(root, "ahead");
	for (i = 0; i < s->nsteps; i++)
		if (s->steps[i].ahead)
			cJSON_AddItemToArray(arr, cJSON_CreateNumber(s->steps[i].step->number));
	cJSON_AddItemToObject(root, "contradictions",
			      contradictions_json(s->ncontra, (long)s->nunacknowledged));
	cJSON_AddNumberToObject(root, "unknown", (double)s->nunknown);
	cJSON_AddNumberToObject(root, "applicable", (double)s->napplicable);
	arr = cJSON_AddArrayToObject(root, "steps");
	for (i = 0; i < s->nsteps; i++)
		cJSON_AddItemToArray(arr, step_json(&s->steps[i]));
	arr = cJSON_AddArrayToObject(root, "items");
	for (i = 0; i < s->nitems; i++)
		cJSON_AddItemToArray(arr, item_json(&s->items[i]));
	return root;
}

static cJSON *refs_json(const struct cat_item *it)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < it->nrefs; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "title", it->refs[i].title);
		cJSON_AddStringToObject(o, "url", it->refs[i].url);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *overridden_json(unsigned bits)
{
	cJSON *arr = cJSON_CreateArray();

	if (bits & PLAN_OV_OWNER)
		cJSON_AddItemToArray(arr, cJSON_CreateString("owner"));
	if (bits & PLAN_OV_DUE)
		cJSON_AddItemToArray(arr, cJSON_CreateString("due"));
	if (bits & PLAN_OV_STATUS)
		cJSON_AddItemToArray(arr, cJSON_CreateString("status"));
	return arr;
}

static cJSON *row_json(const struct plan_row *r)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "item", r->item->id);
	cJSON_AddNumberToObject(o, "step", r->step);
	cJSON_AddStringToObject(o, "title", r->item->title);
	cJSON_AddStringToObject(o, "kind", plan_kind_id(r->kind));
	cJSON_AddStringToObject(o, "lane", plan_lane_id(r->lane));
	cJSON_AddNumberToObject(o, "priority", score_round1(r->priority));
	cJSON_AddNumberToObject(o, "gap", score_round3(r->gap));
	cJSON_AddBoolToObject(o, "quick_win", r->quick_win);
	cJSON_AddStringToObject(o, "risk", cat_level_name(r->item->risk));
	cJSON_AddStringToObject(o, "effort", cat_level_name(r->item->effort));
	cJSON_AddStringToObject(o, "due", r->due);
	cJSON_AddStringToObject(o, "default_due", r->default_due);
	cJSON_AddStringToObject(o, "owner", r->owner);
	cJSON_AddStringToObject(o, "status", plan_status_id(r->status));
	cJSON_AddItemToObject(o, "overridden", overridden_json(r->overridden));
	cJSON_AddBoolToObject(o, "overdue", r->overdue);
	cJSON_AddNumberToObject(o, "excepted_questions", (double)r->nexcepted);
	cJSON_AddStringToObject(o, "evidence", r->evidence);
	cJSON_AddStringToObject(o, "action", r->item->action);
	cJSON_AddStringToObject(o, "acceptance", r->item->acceptance);
	cJSON_AddItemToObject(o, "references", refs_json(r->item));
	return o;
}

cJSON *plan_to_json(const struct plan *p)
{
	cJSON *root = cJSON_CreateObject(), *lanes, *rows;
	size_t i;

	cJSON_AddStringToObject(root, "as_of", p->today);
	cJSON_AddNumberToObject(root, "level", p->level);
	lanes = cJSON_AddObjectToObject(root, "lanes");
	for (i = 0; i < LANE__COUNT; i++)
		cJSON_AddNumberToObject(lanes, plan_lane_id((enum plan_lane)i), (double)p->nlane[i]);
	cJSON_AddNumberToObject(root, "quick_wins", (double)p->nquick);
	cJSON_AddNumberToObject(root, "assess", (double)p->nassess);
	cJSON_AddNumberToObject(root, "overdue", (double)p->noverdue);
	rows = cJSON_AddArrayToObject(root, "rows");
	for (i = 0; i < p->n; i++)
		cJSON_AddItemToArray(rows, row_json(&p->rows[i]));
	return root;
}

cJSON *exceptions_to_json(const struct plan *p)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < p->nexceptions; i++) {
		const struct plan_exception *x = &p->exceptions[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "item", x->item->id);
		cJSON_AddStringToObject(o, "question", x->question->id);
		cJSON_AddStringToObject(o, "reason", x->answer->reason);
		cJSON_AddStringToObject(o, "owner", x->answer->owner);
		cJSON_AddStringToObject(o, "expiry", x->answer->expiry);
		cJSON_AddBoolToObject(o, "expired", x->expired);
		add_num_or_null(o, "days_left", x->dated, (double)x->days_left);
		cJSON_AddStringToObject(o, "note", x->answer->note);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

enum az_err report_json_print(cJSON *root, struct buf *out, struct errmsg *em)
{
	char *s = cJSON_Print(root);
	size_t before = out->len;

	cJSON_Delete(root);
	if (!s)
		return errmsg_set(em, AZ_ERR_INTERNAL, "cannot format JSON");
	escape_json_text(out, s);
	buf_addch(out, '\n');
	cJSON_free(s);
	if (out->len + ((size_t)1 << 20) > out->max || out->len == before)
		return errmsg_set(em, AZ_ERR_TOOBIG, "the JSON output is too large");
	return AZ_OK;
}
