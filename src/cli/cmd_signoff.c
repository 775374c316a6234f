/*
 * azmat signoff ID [--by NAME]: record who signed the assessment off and
 * when; it is read-only afterwards. Refused while a major contradiction has
 * no note.
 */
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "scored.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_signoff = {
	"signoff", run, "Sign an assessment off; it becomes read-only",
	"signoff ID [--by NAME]"
};

/* Print why sign-off is refused; returns the number of blockers. */
static size_t print_blockers(struct cli *c, const struct scored *sc)
{
	const struct score_item *blk[64];
	size_t n = score_signoff_blockers(&sc->score, blk, ARRAY_SIZE(blk)), i;

	for (i = 0; i < n && i < ARRAY_SIZE(blk); i++) {
		fprintf(c->err, "  %s: %s\n", blk[i]->item->id,
			blk[i]->na_refuted ? "answered not applicable, but the evidence shows resources in scope"
					   : "the answers are two or more bands above the evidence");
	}
	if (n)
		fprintf(c->err, "explain each with a note, e.g. 'azmat answer %lld %s VALUE --note TEXT', "
				"or correct the answers\n",
			sc->a.id, blk[0]->item->questions[0].id);
	return n;
}

static int run(struct cli *c, int argc, char **argv)
{
	const char *by = NULL;
	const struct arg_opt opts[] = {
		{ "by", 0, ARG_VALUE, NULL, &by, "who signs off (default: --assessor, the assessor, $USER)", "NAME" },
	};
	struct errmsg em = ERRMSG_INIT;
	struct scored sc;
	struct store *st;
	struct args pos;
	size_t n;
	int ret;

	ret = cli_parse(c, &cmd_signoff, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 1)
		return cli_fail(c, AZ_ERR_USAGE, "'signoff' takes one assessment id");
	if (by && (!*by || strlen(by) > 200))
		return cli_fail(c, AZ_ERR_USAGE, "--by takes a name of 1 to 200 bytes");
	ret = scored_open(c, pos.pos[0], 0, &sc);
	if (ret)
		goto out;
	if (sc.a.signed_off_at) {
		ret = cli_fail(c, AZ_ERR_READONLY, "assessment %lld is already signed off", sc.a.id);
		goto out;
	}
	n = score_signoff_blockers(&sc.score, NULL, 0);
	if (n) {
		ret = cli_fail(c, AZ_ERR_USAGE, "assessment %lld has %zu major contradiction%s without a note",
			       sc.a.id, n, n == 1 ? "" : "s");
		print_blockers(c, &sc);
		ret = EXIT_GATE;
		goto out;
	}
	if (cli_store(c, 0, &st, &em) ||
	    store_assessment_signoff(st, sc.a.id, by ? by : cli_who(c, &sc.a), &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	fprintf(c->out, "assessment %lld signed off by ", sc.a.id);
	cli_put(c->out, by ? by : cli_who(c, &sc.a));
	fputc('\n', c->out);
out:
	scored_release(&sc);
	return ret;
}
