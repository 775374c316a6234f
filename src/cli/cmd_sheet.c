/*
 * azmat sheet export ID [-o FILE]
 * azmat sheet import ID FILE [--dry-run] [--strict] [--json]
 *
 * The questionnaire as a spreadsheet (src/core/sheet.h). Import checks
 * every row first; by default each good row is applied in its own
 * transaction (source "sheet" in the history) and each bad row is reported
 * by line and skipped, changing nothing. --strict applies nothing when any
 * row is bad; --dry-run only checks.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "fsutil.h"
#include "sheet.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_sheet = {
	"sheet", run, "Export the questionnaire as a CSV sheet, or import answers from one",
	"sheet export ID [-o FILE.csv]\n"
	"       sheet import ID FILE.csv [--dry-run] [--strict] [--json]"
};

/* The catalog and the assessment a sheet is for; prints and returns an exit code on error. */
static int target(struct cli *c, const char *id, const struct catalog **cat, struct store **st,
		  struct assessment *a)
{
	if (cli_catalog(c, cat))
		return EXIT_INVALID;
	memset(a, 0, sizeof(*a));
	return cli_open_assessment(c, id, st, a);
}

static int export_sheet(struct cli *c, const char *id, const char *path)
{
	struct errmsg em = ERRMSG_INIT;
	struct answer_set set = ANSWER_SET_INIT;
	struct buf out = BUF_INIT(BUF_MAX_DEFAULT);
	const struct catalog *cat;
	struct assessment a;
	struct store *st;
	int ret;

	ret = target(c, id, &cat, &st, &a);
	if (ret)
		return ret;
	if (store_answers_load(st, a.id, &set, &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	sheet_export(&out, cat, &set);
	if (!path || !strcmp(path, "-")) {
		fwrite(out.data, 1, out.len, c->out);
	} else if (file_write_atomic(path, out.data, out.len, 0600, &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	} else {
		fprintf(c->err, "wrote %zu questions to '", cat->nquestions);
		cli_put(c->err, path);
		fputs("'\n", c->err);
	}
out:
	buf_release(&out);
	answer_set_release(&set);
	assessment_release(&a);
	return ret;
}

struct counts {
	size_t applied, unchanged;
};

/*
 * Apply the good rows, one transaction each (dry: only count what would
 * change). Stops at the first store error.
 */
static enum az_err apply(struct cli *c, struct store *st, const struct assessment *a,
			 const struct sheet *sh, int dry, struct counts *n, struct errmsg *em)
{
	struct answer_set set = ANSWER_SET_INIT;
	enum az_err rc;
	size_t i;

	rc = store_answers_load(st, a->id, &set, em);
	for (i = 0; !rc && i < sh->n; i++) {
		struct answer next;
		if (sh->rows[i].error)
			continue;
		if (!sheet_row_merge(&sh->rows[i], answer_set_find(&set, sh->rows[i].q->id), &next)) {
			n->unchanged++;
			continue;
		}
		if (!dry)
			rc = store_answer_put(st, a->id, &next, cli_who(c, a), "sheet", em);
		if (!rc) {
			answer_set_put(&set, &next);
			n->applied++;
		}
		answer_release(&next);
	}
	answer_set_release(&set);
	return rc;
}

static void report_bad(struct cli *c, const char *path, const struct sheet *sh)
{
	size_t i;

	for (i = 0; i < sh->n; i++) {
		if (!sh->rows[i].error)
			continue;
		cli_put(c->err, path);
		fprintf(c->err, ":%zu: ", sh->rows[i].line);
		cli_put(c->err, sh->rows[i].error);
		fputc('\n', c->err);
	}
}

static int summary_json(struct cli *c, const struct sheet *sh, const struct counts *n, int dry)
{
	cJSON *root = cJSON_CreateObject(), *bad = cJSON_CreateArray();
	size_t i;

	cJSON_AddBoolToObject(root, "dry_run", dry);
	cJSON_AddNumberToObject(root, "rows", (double)sh->n);
	cJSON_AddNumberToObject(root, "applied", (double)n->applied);
	cJSON_AddNumberToObject(root, "unchanged", (double)n->unchanged);
	for (i = 0; i < sh->n; i++) {
		cJSON *o;
		if (!sh->rows[i].error)
			continue;
		o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "line", (double)sh->rows[i].line);
		cJSON_AddStringToObject(o, "question", sh->rows[i].a.question_id);
		cJSON_AddStringToObject(o, "error", sh->rows[i].error);
		cJSON_AddItemToArray(bad, o);
	}
	cJSON_AddItemToObject(root, "bad", bad);
	return cli_print_json(c, root);
}

static int import_sheet(struct cli *c, const char *id, const char *path, int dry, int strict,
			int json)
{
	struct errmsg em = ERRMSG_INIT;
	struct buf data = BUF_INIT(SHEET_FILE_MAX);
	struct sheet sh = SHEET_INIT;
	struct counts n = { 0, 0 };
	const struct catalog *cat;
	struct assessment a;
	struct store *st;
	int ret;

	ret = target(c, id, &cat, &st, &a);
	if (ret)
		return ret;
	if (file_read(path, &data, &em) || sheet_parse(data.data, data.len, cat, &sh, &em)) {
		ret = cli_fail(c, em.code, "'%s': %s", path, errmsg_text(&em));
		goto out;
	}
	if (a.signed_off_at && !dry) {
		ret = cli_fail(c, AZ_ERR_READONLY, "assessment %lld is signed off and read-only", a.id);
		goto out;
	}
	report_bad(c, path, &sh);
	if (!(strict && sh.nbad && !dry) && apply(c, st, &a, &sh, dry, &n, &em)) {
		ret = cli_fail_em(c, &em);
		fprintf(c->err, "%zu rows were applied before the error; the rest were not\n", n.applied);
		goto out;
	}
	if (json) {
		summary_json(c, &sh, &n, dry);
	} else {
		fprintf(c->out, "%zu rows: %zu %s, %zu unchanged, %zu bad%s\n", sh.n, n.applied,
			dry ? "would change (dry run)" : "applied", n.unchanged, sh.nbad,
			strict && sh.nbad ? " (--strict: nothing applied)" : "");
	}
	if (sh.nbad)
		ret = sh.nbad == sh.n || (strict && !dry) ? EXIT_INVALID : EXIT_PARTIAL;
out:
	sheet_release(&sh);
	buf_release(&data);
	assessment_release(&a);
	return ret;
}

static int run(struct cli *c, int argc, char **argv)
{
	const char *out = NULL;
	int dry = 0, strict = 0, json = 0, ret;
	const struct arg_opt opts[] = {
		{ "output", 'o', ARG_VALUE, NULL, &out, "export: write the sheet to FILE (default: standard output)", "FILE" },
		{ "dry-run", 0, ARG_FLAG, &dry, NULL, "import: check every row, change nothing", NULL },
		{ "strict", 0, ARG_FLAG, &strict, NULL, "import: apply nothing if any row is bad", NULL },
		{ "json", 0, ARG_FLAG, &json, NULL, "import: print the summary as JSON", NULL },
	};
	struct args pos;

	ret = cli_parse(c, &cmd_sheet, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos == 2 && !strcmp(pos.pos[0], "export"))
		return export_sheet(c, pos.pos[1], out);
	if (pos.npos == 3 && !strcmp(pos.pos[0], "import"))
		return import_sheet(c, pos.pos[1], pos.pos[2], dry, strict, json);
	return cli_fail(c, AZ_ERR_USAGE,
			"use 'sheet export ID [-o FILE]' or 'sheet import ID FILE' (see 'azmat sheet --help')");
}
