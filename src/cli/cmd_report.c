/*
 * azmat report ID --format html|md|csv|json [-o FILE] [--offenders N]
 */
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "report.h"
#include "scored.h"
#include "strutil.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_report = {
	"report", run, "Write the report: HTML, Markdown, JSON, or the plan as CSV for trackers",
	"report ID --format html|md|csv|json [-o FILE] [--offenders N]"
};

static int render(struct cli *c, struct scored *sc, int fmt, const char *file, long offenders)
{
	struct buf out = BUF_INIT(REPORT_MAX);
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	struct store *st;
	int ret;

	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (cli_store(c, 0, &st, &em))
		return cli_fail_em(c, &em);
	if (scored_report_render(st, cat, sc, fmt, offenders, &out, &em))
		ret = cli_fail_em(c, &em);
	else
		ret = cli_write_output(c, file, &out);
	buf_release(&out);
	return ret;
}

static int run(struct cli *c, int argc, char **argv)
{
	const char *format = NULL, *file = NULL, *offs = NULL;
	const struct arg_opt opts[] = {
		{ "format", 'f', ARG_VALUE, NULL, &format, "html, md, csv (the plan) or json", "FORMAT" },
		{ "output", 'o', ARG_VALUE, NULL, &file, "write to FILE atomically (default: standard output)", "FILE" },
		{ "offenders", 0, ARG_VALUE, NULL, &offs,
		  "offending resources shown per check (0: all; default 25 in html and md, all in json)", "N" },
	};
	struct scored sc;
	struct args pos;
	long offenders = -1;
	int ret, fmt;

	ret = cli_parse(c, &cmd_report, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 1)
		return cli_fail(c, AZ_ERR_USAGE, "'report' takes one assessment id");
	fmt = report_format_parse(format ? format : "html");
	if (fmt < 0)
		return cli_fail(c, AZ_ERR_USAGE, "--format must be html, md, csv or json");
	if (offs && str_to_long(offs, 0, 1000000, &offenders))
		return cli_fail(c, AZ_ERR_USAGE, "--offenders takes a number from 0 to 1000000");
	ret = scored_open(c, pos.pos[0], SCORED_OFFENDERS | SCORED_RUNS, &sc);
	if (!ret)
		ret = render(c, &sc, fmt, file, offenders);
	scored_release(&sc);
	return ret;
}
