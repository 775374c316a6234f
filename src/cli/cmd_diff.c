/*
 * azmat diff A B [--json | --format text|md|html|json] [-o FILE]
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "diff.h"
#include "scored.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_diff = {
	"diff", run, "Show what changed between two assessments (A before, B after)",
	"diff A B [--json | --format text|md|html|json] [-o FILE]"
};

static void side(struct diff_side *s, const struct scored *sc)
{
	s->a = &sc->a;
	s->answers = &sc->answers;
	s->evidence = &sc->evidence;
	s->score = &sc->score;
	s->plan = &sc->plan;
}

static void print_items(FILE *f, const struct diff *d)
{
	size_t i;

	for (i = 0; i < d->nitems; i++) {
		const struct diff_item *di = &d->items[i];
		fprintf(f, "  %-4s %-18s %5.3f -> %5.3f (%+.3f, risk %s; %zu answer, %zu evidence changes)  ",
			di->item->id, diff_kind_id(di->kind), score_round3(di->before->effective),
			score_round3(di->after->effective), score_round3(di->delta),
			cat_level_name(di->item->risk), di->nanswers, di->nflips);
		cli_put(f, di->item->title);
		fputc('\n', f);
	}
}

static void put_result(FILE *f, const struct check_result *r)
{
	if (!r)
		fputs("not collected", f);
	else if (r->status == CHECK_NOT_ASSESSABLE)
		fprintf(f, "not-assessable (%s)", check_cause_id(r->cause));
	else
		fprintf(f, "%s %lu/%lu", check_status_id(r->status), r->healthy, r->total);
}

static void print_changes(FILE *f, const struct diff *d)
{
	size_t i;

	if (d->nanswers)
		fprintf(f, "\nAnswer changes:\n");
	for (i = 0; i < d->nanswers; i++) {
		const struct diff_answer *a = &d->answers[i];
		fprintf(f, "  %-6s %s -> %s%s\n", a->q->id,
			a->before && a->before->value != ANSWER_NONE ? answer_id(a->before->value) : "none",
			a->after && a->after->value != ANSWER_NONE ? answer_id(a->after->value) : "none",
			a->text_changed ? " (note, reason, owner or expiry changed)" : "");
	}
	if (d->nflips)
		fprintf(f, "\nEvidence changes:\n");
	for (i = 0; i < d->nflips; i++) {
		fprintf(f, "  %-24s ", d->flips[i].check->id);
		put_result(f, d->flips[i].before);
		fputs(" -> ", f);
		put_result(f, d->flips[i].after);
		fputc('\n', f);
	}
	if (d->nslips)
		fprintf(f, "\nPlan slippage (as of %s):\n", d->as_of);
	for (i = 0; i < d->nslips; i++) {
		const struct diff_slip *s = &d->slips[i];
		fprintf(f, "  %-4s %-9s due %s, now %s (%ld days), %s\n", s->item->id,
			diff_slip_id(s->kind), s->before->due, s->after->due, s->days,
			plan_status_id(s->after->status));
	}
}

static void print_text(struct cli *c, const struct diff *d)
{
	const struct score *x = d->a->score, *y = d->b->score;
	FILE *f = c->out;

	fprintf(f, "Assessment %lld -> %lld: level %u%s -> %u%s, index %.1f -> %.1f\n",
		d->a->a->id, d->b->a->id, x->level, x->provisional ? "p" : "", y->level,
		y->provisional ? "p" : "", score_round1(x->index), score_round1(y->index));
	if (!d->same_catalog)
		fprintf(f, "(answered against catalogs %s and %s; items compared by id)\n",
			d->a->a->catalog_version, d->b->a->catalog_version);
	fprintf(f, "%zu regressed, %zu improved, %zu answer changes, %zu evidence changes, %zu slipped\n",
		d->nregressed, d->nimproved, d->nanswers, d->nflips, d->nslips);
	if (d->nitems)
		fprintf(f, "\nItems (regressions first, weighted by risk):\n");
	print_items(f, d);
	print_changes(f, d);
}

static int render(struct cli *c, const struct diff *d, const char *format, const char *file)
{
	struct buf out = BUF_INIT(REPORT_MAX);
	struct errmsg em = ERRMSG_INIT;
	enum az_err rc;
	int ret;

	if (!strcmp(format, "json"))
		rc = diff_json(d, &out, &em);
	else if (!strcmp(format, "md") || !strcmp(format, "markdown"))
		rc = diff_md(d, &out, &em);
	else
		rc = diff_html(d, &out, &em);
	ret = rc ? cli_fail_em(c, &em) : cli_write_output(c, file, &out);
	buf_release(&out);
	return ret;
}

static int run(struct cli *c, int argc, char **argv)
{
	const char *format = NULL, *file = NULL;
	int json = 0, ret;
	const struct arg_opt opts[] = {
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON (same as --format json)", NULL },
		{ "format", 'f', ARG_VALUE, NULL, &format, "text (default), md, html or json", "FORMAT" },
		{ "output", 'o', ARG_VALUE, NULL, &file, "write to FILE atomically", "FILE" },
	};
	struct scored a, b;
	struct diff d;
	struct args pos;

	ret = cli_parse(c, &cmd_diff, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 2)
		return cli_fail(c, AZ_ERR_USAGE, "'diff' takes two assessment ids: before and after");
	if (json)
		format = "json";
	if (!format)
		format = "text";
	if (strcmp(format, "text") && strcmp(format, "md") && strcmp(format, "markdown") &&
	    strcmp(format, "html") && strcmp(format, "json"))
		return cli_fail(c, AZ_ERR_USAGE, "--format must be text, md, html or json");
	memset(&b, 0, sizeof(b));
	ret = scored_open(c, pos.pos[0], 0, &a);
	if (!ret)
		ret = scored_open(c, pos.pos[1], 0, &b);
	if (!ret) {
		struct diff_side sa, sb;
		side(&sa, &a);
		side(&sb, &b);
		diff_build(&sa, &sb, &d);
		if (!strcmp(format, "text"))
			print_text(c, &d);
		else
			ret = render(c, &d, format, file);
		diff_release(&d);
	}
	scored_release(&b);
	scored_release(&a);
	return ret;
}
