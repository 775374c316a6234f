/*
 * azmat score ID [--json] [--fail-below-level N]
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "report.h"
#include "scored.h"
#include "strutil.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_score = {
	"score", run, "Show the maturity level, the index, step and item scores",
	"score ID [--json] [--fail-below-level N]"
};

static void put_num(FILE *f, int has, double v, int decimals)
{
	if (!has)
		fprintf(f, "%*s", decimals == 1 ? 6 : 9, "-");
	else if (decimals == 1)
		fprintf(f, "%6.1f", score_round1(v));
	else
		fprintf(f, "%9.3f", score_round3(v));
}

static void print_steps(FILE *f, const struct score *s)
{
	size_t i;

	fprintf(f, "\nstep  score  achieved  title\n");
	for (i = 0; i < s->nsteps; i++) {
		const struct score_step *st = &s->steps[i];
		fprintf(f, "%4u", st->step->number);
		put_num(f, st->has_score, st->score, 1);
		fprintf(f, "  %-8s  ", st->ahead ? "ahead" : st->achieved ? "yes" : "no");
		cli_put(f, st->step->title);
		fputc('\n', f);
	}
}

static void print_items(FILE *f, const struct score *s)
{
	size_t i;

	fprintf(f, "\nitem  attested  evidence  effective  confidence  contradiction\n");
	for (i = 0; i < s->nitems; i++) {
		const struct score_item *si = &s->items[i];
		fprintf(f, "%-4s", si->item->id);
		if (!si->applicable) {
			fprintf(f, "  not applicable\n");
			continue;
		}
		put_num(f, si->has_attested, si->attested, 3);
		fputc(' ', f);
		put_num(f, si->has_evidence, si->evidence, 3);
		fputc(' ', f);
		put_num(f, 1, si->effective, 3);
		fprintf(f, "   %-10s  %s%s%s\n", score_confidence_id(si->confidence),
			si->contradiction ? score_contradiction_id(si->contradiction) : "-",
			si->na_refuted ? " (not applicable refuted by evidence)" : "",
			si->gating_failed ? " (gating check failed)" : "");
	}
}

static void print_text(struct cli *c, const struct scored *sc)
{
	const struct score *s = &sc->score;
	FILE *f = c->out;
	size_t i;

	fprintf(f, "Assessment %lld: ", sc->a.id);
	cli_put(f, sc->a.name);
	fprintf(f, "\nLevel %u%s", s->level, s->provisional ? " (provisional)" : "");
	if (s->has_index)
		fprintf(f, ", index %.1f", score_round1(s->index));
	else
		fprintf(f, ", no index (nothing applicable)");
	fprintf(f, "\nContradictions: %zu major (%zu without a note), %zu minor, %zu under-reported\n",
		s->ncontra[CONTRA_MAJOR], s->nunacknowledged, s->ncontra[CONTRA_MINOR],
		s->ncontra[CONTRA_UNDER]);
	if (s->nahead) {
		fprintf(f, "Ahead of the roadmap: step");
		for (i = 0; i < s->nsteps; i++)
			if (s->steps[i].ahead)
				fprintf(f, " %u", s->steps[i].step->number);
		fputc('\n', f);
	}
	print_steps(f, s);
	print_items(f, s);
}

static int print_json(struct cli *c, const struct scored *sc)
{
	struct buf out = BUF_INIT(REPORT_MAX);
	struct errmsg em = ERRMSG_INIT;
	cJSON *root = score_to_json(&sc->score);
	int ret = EXIT_OK;

	cJSON_AddNumberToObject(root, "assessment", (double)sc->a.id);
	if (report_json_print(root, &out, &em))
		ret = cli_fail_em(c, &em);
	else
		fputs(out.data, c->out);
	buf_release(&out);
	return ret;
}

static int run(struct cli *c, int argc, char **argv)
{
	const char *below = NULL;
	int json = 0, ret;
	const struct arg_opt opts[] = {
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON", NULL },
		{ "fail-below-level", 0, ARG_VALUE, NULL, &below,
		  "exit 7 when the maturity level is below N (for pipelines)", "N" },
	};
	struct scored sc;
	struct args pos;
	long min = 0;

	ret = cli_parse(c, &cmd_score, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 1)
		return cli_fail(c, AZ_ERR_USAGE, "'score' takes one assessment id");
	if (below && str_to_long(below, 0, CAT_NSTEPS, &min))
		return cli_fail(c, AZ_ERR_USAGE, "--fail-below-level takes a level from 0 to 9");
	ret = scored_open(c, pos.pos[0], 0, &sc);
	if (!ret) {
		if (json)
			ret = print_json(c, &sc);
		else
			print_text(c, &sc);
	}
	if (!ret && below && sc.score.level < (unsigned long)min) {
		fprintf(c->err, "%s: level %u is below %ld\n", c->prog, sc.score.level, min);
		ret = EXIT_GATE;
	}
	scored_release(&sc);
	return ret;
}
