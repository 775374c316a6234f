/*
 * azmat show ID [--json]: per-step progress and every answer.
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "progress.h"
#include "report.h"
#include "store_plan.h"
#include "strutil.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_show = { "show", run,
				      "Show an assessment: progress per step and every answer",
				      "show ID [--json]" };

/* Questions whose answers were carried over from an earlier assessment and not yet confirmed. */
struct carried {
	char **qid;
	size_t n;
};

static int is_carried(const struct carried *cr, const struct answer *ans)
{
	return ans && str_in_list((const char *const *)cr->qid, cr->n, ans->question_id);
}

static cJSON *question_json(const struct cat_question *q, const struct answer *ans,
			    const struct carried *cr)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", q->id);
	cJSON_AddStringToObject(o, "text", q->text);
	if (ans && ans->value != ANSWER_NONE)
		cJSON_AddStringToObject(o, "answer", answer_id(ans->value));
	else
		cJSON_AddNullToObject(o, "answer");
	cJSON_AddStringToObject(o, "reason", ans ? ans->reason : "");
	cJSON_AddStringToObject(o, "owner", ans ? ans->owner : "");
	cJSON_AddStringToObject(o, "expiry", ans ? ans->expiry : "");
	cJSON_AddStringToObject(o, "note", ans ? ans->note : "");
	if (ans && ans->suggested != ANSWER_NONE)
		cJSON_AddStringToObject(o, "suggested", answer_id(ans->suggested));
	else
		cJSON_AddNullToObject(o, "suggested");
	cJSON_AddStringToObject(o, "override_reason",
				ans && ans->override_reason ? ans->override_reason : "");
	cJSON_AddBoolToObject(o, "carried", is_carried(cr, ans));
	cJSON_AddStringToObject(o, "updated", ans ? ans->updated_at : "");
	cJSON_AddStringToObject(o, "updated_by", ans ? ans->updated_by : "");
	return o;
}

static int show_json(struct cli *c, const struct catalog *cat, const struct assessment *a,
		     const struct answer_set *set, const struct carried *cr)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *steps;
	struct progress all = progress_all(cat, set);
	size_t i, j, k;

	cJSON_AddItemToObject(root, "assessment", assessment_to_json(a));
	cJSON_AddNumberToObject(root, "answered", (double)all.answered);
	cJSON_AddNumberToObject(root, "total", (double)all.total);
	steps = cJSON_AddArrayToObject(root, "steps");
	for (i = 0; i < cat->nsteps; i++) {
		const struct cat_step *st = &cat->steps[i];
		struct progress p = progress_step(st, set);
		cJSON *s = cJSON_CreateObject(), *items;
		cJSON_AddNumberToObject(s, "number", st->number);
		cJSON_AddStringToObject(s, "title", st->title);
		cJSON_AddNumberToObject(s, "answered", (double)p.answered);
		cJSON_AddNumberToObject(s, "total", (double)p.total);
		items = cJSON_AddArrayToObject(s, "items");
		for (j = 0; j < st->nitems; j++) {
			const struct cat_item *it = &st->items[j];
			cJSON *io = cJSON_CreateObject(), *qs;
			cJSON_AddStringToObject(io, "id", it->id);
			cJSON_AddStringToObject(io, "title", it->title);
			qs = cJSON_AddArrayToObject(io, "questions");
			for (k = 0; k < it->nquestions; k++)
				cJSON_AddItemToArray(qs, question_json(&it->questions[k],
								       answer_set_find(set, it->questions[k].id),
								       cr));
			cJSON_AddItemToArray(items, io);
		}
		cJSON_AddItemToArray(steps, s);
	}
	return cli_print_json(c, root);
}

static void show_text(struct cli *c, const struct catalog *cat, const struct assessment *a,
		      const struct answer_set *set, const struct carried *cr)
{
	struct progress all = progress_all(cat, set);
	size_t i, j, k;

	fprintf(c->out, "Assessment %lld: ", a->id);
	cli_put(c->out, a->name);
	fputc('\n', c->out);
	if (*a->organisation) {
		fputs("  organisation: ", c->out);
		cli_put(c->out, a->organisation);
		fputc('\n', c->out);
	}
	if (*a->tenant_id) {
		fputs("  tenant: ", c->out);
		cli_put(c->out, a->tenant_id);
		fputc('\n', c->out);
	}
	if (*a->assessor) {
		fputs("  assessor: ", c->out);
		cli_put(c->out, a->assessor);
		fputc('\n', c->out);
	}
	fprintf(c->out, "  catalog %s, created %s, updated %s%s\n", a->catalog_version, a->created_at,
		a->updated_at, a->signed_off_at ? ", signed off" : "");
	if (strcmp(a->catalog_version, cat->version))
		fprintf(c->out, "  note: answered against catalog %s; this catalog is %s\n",
			a->catalog_version, cat->version);
	fprintf(c->out, "  answered %zu of %zu questions\n", all.answered, all.total);
	if (cr->n)
		fprintf(c->out, "  %zu answer%s carried over from an earlier assessment, to confirm\n",
			cr->n, cr->n == 1 ? "" : "s");
	for (i = 0; i < cat->nsteps; i++) {
		const struct cat_step *st = &cat->steps[i];
		struct progress p = progress_step(st, set);
		fprintf(c->out, "\nStep %u: %s  (%zu/%zu answered)\n", st->number, st->title,
			p.answered, p.total);
		for (j = 0; j < st->nitems; j++) {
			const struct cat_item *it = &st->items[j];
			fprintf(c->out, "  %s %s\n", it->id, it->title);
			for (k = 0; k < it->nquestions; k++) {
				const struct answer *ans = answer_set_find(set, it->questions[k].id);
				const char *v = ans && ans->value != ANSWER_NONE ? answer_id(ans->value) : "-";
				fprintf(c->out, "    %-6s %-14s", it->questions[k].id, v);
				if (is_carried(cr, ans))
					fputs(" (carried over, to confirm)", c->out);
				if (ans && *ans->reason) {
					fputs(" reason: ", c->out);
					cli_put(c->out, ans->reason);
				}
				if (ans && *ans->owner) {
					fputs(" owner: ", c->out);
					cli_put(c->out, ans->owner);
				}
				if (ans && *ans->expiry)
					fprintf(c->out, " expires %s", ans->expiry);
				if (ans && ans->override_reason && *ans->override_reason) {
					fprintf(c->out, " evidence suggested %s, override: ",
						answer_id(ans->suggested));
					cli_put(c->out, ans->override_reason);
				} else if (ans && ans->suggested != ANSWER_NONE) {
					fputs(" (suggested by the evidence)", c->out);
				}
				if (ans && *ans->note) {
					fputs(" note: ", c->out);
					cli_put(c->out, ans->note);
				}
				fputc('\n', c->out);
			}
		}
	}
}

static int run(struct cli *c, int argc, char **argv)
{
	int json = 0, ret;
	const struct arg_opt opts[] = {
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON", NULL },
	};
	struct errmsg em = ERRMSG_INIT;
	struct answer_set set = ANSWER_SET_INIT;
	struct carried cr = { NULL, 0 };
	const struct catalog *cat;
	struct assessment a;
	struct store *st;
	struct args pos;

	ret = cli_parse(c, &cmd_show, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 1)
		return cli_fail(c, AZ_ERR_USAGE, "'show' takes one assessment id");
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	memset(&a, 0, sizeof(a));
	ret = cli_open_assessment(c, pos.pos[0], &st, &a);
	if (ret)
		return ret;
	if (store_answers_load(st, a.id, &set, &em) ||
	    store_carried_load(st, a.id, &cr.qid, &cr.n, &em)) {
		ret = cli_fail_em(c, &em);
	} else if (json) {
		ret = show_json(c, cat, &a, &set, &cr);
	} else {
		show_text(c, cat, &a, &set, &cr);
		ret = EXIT_OK;
	}
	store_strings_free(cr.qid, cr.n);
	answer_set_release(&set);
	assessment_release(&a);
	return ret;
}
