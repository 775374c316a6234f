/*
 * azmat tui [ID]: the terminal interface. Until the interface lands this
 * prints the roadmap overview: the nine steps and, per assessment, progress.
 */
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "progress.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_tui = { "tui", run, "Open the terminal interface (the default)",
				     "tui [ID]" };

static int run(struct cli *c, int argc, char **argv)
{
	const struct catalog *cat;
	struct errmsg em = ERRMSG_INIT;
	struct assessment *as = NULL;
	struct store *st = NULL;
	struct args pos;
	size_t n = 0, i, j;
	int ret;

	ret = cli_parse(c, &cmd_tui, argc, argv, NULL, 0, &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (!cli_store(c, 0, &st, &em))
		store_assessment_list(st, &as, &n, &em);
	fprintf(c->out, "%s (catalog %s)\n\n", cat->title, cat->version);
	for (i = 0; i < cat->nsteps; i++) {
		size_t nq = 0;
		for (j = 0; j < cat->steps[i].nitems; j++)
			nq += cat->steps[i].items[j].nquestions;
		fprintf(c->out, "  Step %u  %-48s %zu items, %zu questions\n", cat->steps[i].number,
			cat->steps[i].title, cat->steps[i].nitems, nq);
	}
	for (i = 0; i < n; i++) {
		struct answer_set set = ANSWER_SET_INIT;
		struct progress p;
		store_answers_load(st, as[i].id, &set, &em);
		p = progress_all(cat, &set);
		fprintf(c->out, "%s  %lld ", i ? "" : "\nassessments:\n", as[i].id);
		cli_put(c->out, as[i].name);
		fprintf(c->out, ": %zu/%zu answered\n", p.answered, p.total);
		answer_set_release(&set);
	}
	store_assessments_free(as, n);
	return EXIT_OK;
}
