/*
 * The comparison as JSON (azmat diff --json). Numbers are rounded like the
 * score's so that the diff agrees with both reports.
 */
#include <cjson/cJSON.h>

#include "diff.h"
#include "report.h"

static void num_or_null(cJSON *o, const char *k, int has, double v)
{
	if (has)
		cJSON_AddNumberToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

static cJSON *side_json(const struct diff_side *s)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "id", (double)s->a->id);
	cJSON_AddStringToObject(o, "name", s->a->name);
	cJSON_AddStringToObject(o, "created", s->a->created_at);
	cJSON_AddStringToObject(o, "catalog_version", s->a->catalog_version);
	cJSON_AddNumberToObject(o, "level", s->score->level);
	cJSON_AddBoolToObject(o, "provisional", s->score->provisional);
	num_or_null(o, "index", s->score->has_index, score_round1(s->score->index));
	return o;
}

static cJSON *change_json(int has_a, double a, int has_b, double b)
{
	cJSON *o = cJSON_CreateObject();

	num_or_null(o, "before", has_a, a);
	num_or_null(o, "after", has_b, b);
	num_or_null(o, "change", has_a && has_b, score_round1(b - a));
	return o;
}

static cJSON *steps_json(const struct diff *d)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < d->nsteps; i++) {
		const struct score_step *x = d->steps[i].before, *y = d->steps[i].after;
		cJSON *o = change_json(x->has_score, score_round1(x->score), y->has_score,
				       score_round1(y->score));
		cJSON_AddNumberToObject(o, "number", d->steps[i].step->number);
		cJSON_AddBoolToObject(o, "achieved_before", x->achieved);
		cJSON_AddBoolToObject(o, "achieved_after", y->achieved);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *items_json(const struct diff *d)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < d->nitems; i++) {
		const struct diff_item *di = &d->items[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", di->item->id);
		cJSON_AddStringToObject(o, "title", di->item->title);
		cJSON_AddStringToObject(o, "kind", diff_kind_id(di->kind));
		cJSON_AddStringToObject(o, "risk", cat_level_name(di->item->risk));
		num_or_null(o, "before", di->before->applicable, score_round3(di->before->effective));
		num_or_null(o, "after", di->after->applicable, score_round3(di->after->effective));
		cJSON_AddNumberToObject(o, "delta", score_round3(di->delta));
		cJSON_AddNumberToObject(o, "weighted", score_round3(di->weighted));
		cJSON_AddStringToObject(o, "confidence_before", score_confidence_id(di->before->confidence));
		cJSON_AddStringToObject(o, "confidence_after", score_confidence_id(di->after->confidence));
		cJSON_AddStringToObject(o, "contradiction_after",
					score_contradiction_id(di->after->contradiction));
		cJSON_AddNumberToObject(o, "answer_changes", (double)di->nanswers);
		cJSON_AddNumberToObject(o, "evidence_flips", (double)di->nflips);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static void answer_side(cJSON *o, const char *k, const struct answer *a)
{
	if (a && a->value != ANSWER_NONE)
		cJSON_AddStringToObject(o, k, answer_id(a->value));
	else
		cJSON_AddNullToObject(o, k);
}

static cJSON *answers_json(const struct diff *d)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < d->nanswers; i++) {
		const struct diff_answer *da = &d->answers[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "question", da->q->id);
		cJSON_AddStringToObject(o, "item", da->q->item->id);
		answer_side(o, "before", da->before);
		answer_side(o, "after", da->after);
		cJSON_AddBoolToObject(o, "value_changed", da->value_changed);
		cJSON_AddBoolToObject(o, "text_changed", da->text_changed);
		cJSON_AddStringToObject(o, "note_before", da->before ? da->before->note : "");
		cJSON_AddStringToObject(o, "note_after", da->after ? da->after->note : "");
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *result_json(const struct check_result *r)
{
	cJSON *o;
	double ratio;

	if (!r)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	ratio = check_result_ratio(r);
	cJSON_AddStringToObject(o, "status", check_status_id(r->status));
	num_or_null(o, "ratio", ratio >= 0, score_round3(ratio));
	cJSON_AddNumberToObject(o, "healthy", (double)r->healthy);
	cJSON_AddNumberToObject(o, "total", (double)r->total);
	return o;
}

static cJSON *flips_json(const struct diff *d)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i, j;

	for (i = 0; i < d->nflips; i++) {
		const struct diff_flip *f = &d->flips[i];
		cJSON *o = cJSON_CreateObject(), *items;
		cJSON_AddStringToObject(o, "check", f->check->id);
		items = cJSON_AddArrayToObject(o, "items");
		for (j = 0; j < f->check->nitems; j++)
			cJSON_AddItemToArray(items, cJSON_CreateString(f->check->items[j]));
		cJSON_AddBoolToObject(o, "gating", f->check->gating);
		cJSON_AddItemToObject(o, "before", result_json(f->before));
		cJSON_AddItemToObject(o, "after", result_json(f->after));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *slips_json(const struct diff *d)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < d->nslips; i++) {
		const struct diff_slip *s = &d->slips[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "item", s->item->id);
		cJSON_AddStringToObject(o, "kind", diff_slip_id(s->kind));
		cJSON_AddStringToObject(o, "due_before", s->before->due);
		cJSON_AddStringToObject(o, "due_after", s->after->due);
		cJSON_AddStringToObject(o, "status", plan_status_id(s->after->status));
		cJSON_AddStringToObject(o, "owner", s->after->owner);
		cJSON_AddNumberToObject(o, "days", (double)s->days);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

cJSON *diff_to_json(const struct diff *d)
{
	const struct score *x = d->a->score, *y = d->b->score;
	cJSON *root = cJSON_CreateObject(), *sum;

	cJSON_AddItemToObject(root, "before", side_json(d->a));
	cJSON_AddItemToObject(root, "after", side_json(d->b));
	cJSON_AddBoolToObject(root, "same_catalog", d->same_catalog);
	cJSON_AddStringToObject(root, "as_of", d->as_of);
	cJSON_AddItemToObject(root, "level", change_json(1, x->level, 1, y->level));
	cJSON_AddItemToObject(root, "index", change_json(x->has_index, score_round1(x->index),
							 y->has_index, score_round1(y->index)));
	sum = cJSON_AddObjectToObject(root, "summary");
	cJSON_AddNumberToObject(sum, "regressed", (double)d->nregressed);
	cJSON_AddNumberToObject(sum, "improved", (double)d->nimproved);
	cJSON_AddNumberToObject(sum, "answer_changes", (double)d->nanswers);
	cJSON_AddNumberToObject(sum, "evidence_flips", (double)d->nflips);
	cJSON_AddNumberToObject(sum, "slipped", (double)d->nslips);
	cJSON_AddItemToObject(root, "steps", steps_json(d));
	cJSON_AddItemToObject(root, "items", items_json(d));
	cJSON_AddItemToObject(root, "answers", answers_json(d));
	cJSON_AddItemToObject(root, "evidence", flips_json(d));
	cJSON_AddItemToObject(root, "slippage", slips_json(d));
	return root;
}

enum az_err diff_json(const struct diff *d, struct buf *out, struct errmsg *em)
{
	return report_json_print(diff_to_json(d), out, em);
}
