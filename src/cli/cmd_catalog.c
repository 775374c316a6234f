/*
 * azmat catalog [--json | --format text|json|md]
 * azmat catalog validate [DIR]
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "catalog_export.h"
#include "cli.h"
#include "compat.h"
#include "eval.h"

static int validate(struct cli *c, const char *dir_arg)
{
	struct cat_errors errs = CAT_ERRORS_INIT;
	struct catalog *cat = NULL;
	struct buf dir = BUF_INIT(8192);
	struct errmsg em = ERRMSG_INIT;
	enum az_err rc;
	size_t i, nq = 0;
	int ret;

	rc = catalog_locate(dir_arg ? dir_arg : c->catalog_opt, NULL, &dir, &em);
	if (rc) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	rc = catalog_load(dir.data, eval_catalog_hooks(), &cat, &errs);
	for (i = 0; i < errs.n; i++) {
		cli_put(c->err, errs.lines[i]);
		fputc('\n', c->err);
	}
	if (rc) {
		fprintf(c->err, "%s: catalog '", c->prog);
		cli_put(c->err, dir.data);
		fprintf(c->err, "' is invalid: %zu error%s\n", errs.n, errs.n == 1 ? "" : "s");
		ret = EXIT_INVALID;
		goto out;
	}
	for (i = 0; i < cat->nitems; i++)
		nq += cat->items[i]->nquestions;
	fprintf(c->out, "catalog '");
	cli_put(c->out, dir.data);
	fprintf(c->out, "' is valid: version %s, %zu steps, %zu items, %zu questions, %zu checks\n",
		cat->version, cat->nsteps, cat->nitems, nq, cat->nchecks);
	ret = EXIT_OK;
out:
	catalog_free(&cat);
	cat_errors_release(&errs);
	buf_release(&dir);
	return ret;
}

static void print_text(struct cli *c, const struct catalog *cat)
{
	size_t i, j, k;

	fprintf(c->out, "%s, catalog version %s\n", cat->title, cat->version);
	for (i = 0; i < cat->nsteps; i++) {
		const struct cat_step *st = &cat->steps[i];
		fprintf(c->out, "\nStep %u: %s\n", st->number, st->title);
		for (j = 0; j < st->nitems; j++) {
			const struct cat_item *it = &st->items[j];
			fprintf(c->out, "  %-3s %s  [risk %s, effort %s]\n", it->id, it->title,
				cat_level_name(it->risk), cat_level_name(it->effort));
			for (k = 0; k < it->nquestions; k++)
				fprintf(c->out, "      %-6s %s\n", it->questions[k].id,
					it->questions[k].text);
		}
	}
}

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_catalog = {
	"catalog", run, "Show the roadmap catalog, or validate one",
	"catalog [--json | --format text|json|md] | catalog validate [DIR]"
};

static int run(struct cli *c, int argc, char **argv)
{
	const char *format = NULL;
	int json = 0, ret;
	const struct arg_opt opts[] = {
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON (same as --format json)", NULL },
		{ "format", 0, ARG_VALUE, NULL, &format, "text (default), json or md (docs/catalog.md)", "FMT" },
	};
	struct args a;
	const struct catalog *cat;

	ret = cli_parse(c, &cmd_catalog, argc, argv, opts, ARRAY_SIZE(opts), &a);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (a.npos && !strcmp(a.pos[0], "validate")) {
		if (a.npos > 2)
			return cli_fail(c, AZ_ERR_USAGE, "'catalog validate' takes at most one folder");
		return validate(c, a.npos == 2 ? a.pos[1] : NULL);
	}
	if (a.npos)
		return cli_fail(c, AZ_ERR_USAGE, "unknown catalog subcommand '%s'", a.pos[0]);
	if (json)
		format = "json";
	if (!format)
		format = "text";
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "md"))
		return cli_fail(c, AZ_ERR_USAGE, "unknown format '%s' (text, json or md)", format);
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (!strcmp(format, "json"))
		return cli_print_json(c, catalog_to_json(cat));
	if (!strcmp(format, "md")) {
		struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
		catalog_to_markdown(cat, &b);
		fwrite(b.data, 1, b.len, c->out);
		buf_release(&b);
		return EXIT_OK;
	}
	print_text(c, cat);
	return EXIT_OK;
}

