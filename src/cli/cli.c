/*
 * The command-line driver: global options, dispatch, shared helpers.
 */
#include "cli.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "escape.h"
#include "eval.h"
#include "log.h"
#include "strutil.h"
#include "xalloc.h"

#ifndef AZMAT_VERSION
#define AZMAT_VERSION "0.0.0"
#endif
#ifndef AZMAT_DATADIR
#define AZMAT_DATADIR "/usr/local/share/azmat"
#endif

static struct cli *the_cli;

const struct arg_opt cli_global_opts[] = {
	{ "db", 0, ARG_VALUE, NULL, NULL, "the database file (default $AZMAT_DB or $XDG_DATA_HOME/azmat/azmat.db)", "FILE" },
	{ "catalog", 0, ARG_VALUE, NULL, NULL, "the catalog folder (default $AZMAT_CATALOG, or the one installed)", "DIR" },
	{ "assessor", 0, ARG_VALUE, NULL, NULL, "who is answering, recorded in the history", "NAME" },
	{ "log", 0, ARG_VALUE, NULL, NULL, "append a redacted log to FILE", "FILE" },
	{ "verbose", 'v', ARG_FLAG, NULL, NULL, "log to standard error", NULL },
	{ "help", 'h', ARG_FLAG, NULL, NULL, "show help", NULL },
};
const size_t cli_nglobal_opts = ARRAY_SIZE(cli_global_opts);

/* The global table with its pointers bound to c. */
static void bind_globals(struct cli *c, struct arg_opt *g)
{
	memcpy(g, cli_global_opts, sizeof(cli_global_opts));
	g[0].value = &c->db_opt;
	g[1].value = &c->catalog_opt;
	g[2].value = &c->assessor_opt;
	g[3].value = &c->log_opt;
	g[4].flag = &c->verbose;
	g[5].flag = &c->help;
}

int cli_exit_for(enum az_err code)
{
	switch (code) {
	case AZ_OK:
		return EXIT_OK;
	case AZ_ERR_USAGE:
		return EXIT_USAGE;
	case AZ_ERR_INVALID:
	case AZ_ERR_PARSE:
		return EXIT_INVALID;
	case AZ_ERR_DB_NOTDB:
	case AZ_ERR_DB_CORRUPT:
	case AZ_ERR_DB_NEWER:
	case AZ_ERR_DB_LOCKED:
	case AZ_ERR_DB:
		return EXIT_STORE;
	case AZ_ERR_NOTFOUND:
		return EXIT_NOTFOUND;
	case AZ_ERR_READONLY:
		return EXIT_READONLY;
	default:
		return EXIT_FAIL;
	}
}

void cli_put(FILE *f, const char *s)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	escape_term(&b, s ? s : "", 0);
	fputs(b.data, f);
	buf_release(&b);
}

int cli_fail(struct cli *c, enum az_err code, const char *fmt, ...)
{
	struct buf raw = BUF_INIT(BUF_MAX_DEFAULT);
	char *clean;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&raw, fmt, ap);
	va_end(ap);
	clean = redact_dup(raw.data);
	fprintf(c->err, "%s: error: ", c->prog);
	cli_put(c->err, clean);
	fputc('\n', c->err);
	log_msg(LOG_ERROR, "%s", clean);
	free(clean);
	buf_release(&raw);
	return cli_exit_for(code);
}

int cli_fail_em(struct cli *c, const struct errmsg *em)
{
	return cli_fail(c, em->code, "%s", errmsg_text(em));
}

static enum az_err load_catalog(struct cli *c, const struct catalog_hooks *hooks,
				const struct catalog **out)
{
	struct buf dir = BUF_INIT(8192);
	struct errmsg em = ERRMSG_INIT;
	struct cat_errors errs = CAT_ERRORS_INIT;
	enum az_err rc;
	size_t i;

	if (c->cat) {
		*out = c->cat;
		return AZ_OK;
	}
	rc = catalog_locate(c->catalog_opt, AZMAT_DATADIR, &dir, &em);
	if (rc) {
		cli_fail_em(c, &em);
		goto out;
	}
	rc = catalog_load(dir.data, hooks, &c->cat, &errs);
	if (rc) {
		for (i = 0; i < errs.n; i++) {
			cli_put(c->err, errs.lines[i]);
			fputc('\n', c->err);
		}
		fprintf(c->err, "%s: error: the catalog in '", c->prog);
		cli_put(c->err, dir.data);
		fprintf(c->err, "' has %zu error%s\n", errs.n, errs.n == 1 ? "" : "s");
		rc = AZ_ERR_INVALID;
		goto out;
	}
	*out = c->cat;
out:
	cat_errors_release(&errs);
	buf_release(&dir);
	return rc;
}

enum az_err cli_catalog(struct cli *c, const struct catalog **out)
{
	return load_catalog(c, eval_catalog_hooks(), out);
}

enum az_err cli_store(struct cli *c, int create, struct store **out, struct errmsg *em)
{
	enum az_err rc;

	if (c->st) {
		*out = c->st;
		return AZ_OK;
	}
	buf_reset(&c->db_path);
	if (c->db_opt)
		buf_addstr(&c->db_path, c->db_opt);
	else
		store_default_path(&c->db_path);
	rc = store_open(c->db_path.data, create ? STORE_CREATE : 0, &c->st, em);
	if (rc == AZ_ERR_NOTFOUND && !create)
		errmsg_set(em, AZ_ERR_NOTFOUND,
			   "database '%s' does not exist yet; create an assessment first with "
			   "'azmat new --name NAME'",
			   c->db_path.data);
	if (!rc)
		*out = c->st;
	return rc;
}

void cli_print_help(struct cli *c, const struct cli_command *cmd, const struct arg_opt *opts,
		    size_t nopts)
{
	size_t i;

	fprintf(c->out, "usage: %s %s\n\n%s\n", c->prog, cmd->usage, cmd->summary);
	if (nopts)
		fprintf(c->out, "\noptions:\n");
	for (i = 0; i < nopts; i++) {
		char left[64];
		if (!opts[i].help)
			continue;
		snprintf(left, sizeof(left), "--%s%s%s", opts[i].name, opts[i].meta ? " " : "",
			 opts[i].meta ? opts[i].meta : "");
		fprintf(c->out, "  %-26s %s\n", left, opts[i].help);
	}
	fprintf(c->out, "\nglobal options: --db FILE, --catalog DIR, --assessor NAME, --log FILE, "
			"--verbose, --help\n");
}

int cli_parse(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      const struct arg_opt *opts, size_t nopts, struct args *out)
{
	struct arg_opt g[ARRAY_SIZE(cli_global_opts)];
	struct errmsg em = ERRMSG_INIT;

	bind_globals(c, g);
	if (args_parse(argc, argv, opts, nopts, g, ARRAY_SIZE(g), out, &em)) {
		cli_fail_em(c, &em);
		fprintf(c->err, "usage: %s %s\n", c->prog, cmd->usage);
		return EXIT_USAGE;
	}
	if (c->help) {
		cli_print_help(c, cmd, opts, nopts);
		return -1;
	}
	return EXIT_OK;
}

int cli_parse_id(struct cli *c, const char *s, long long *out)
{
	long v;

	if (str_to_long(s, 1, 0x7fffffffL, &v))
		return cli_fail(c, AZ_ERR_USAGE, "'%s' is not an assessment id (see 'azmat list')", s);
	*out = v;
	return EXIT_OK;
}

const char *cli_who(const struct cli *c, const struct assessment *a)
{
	const char *user = getenv("USER");

	if (c->assessor_opt && *c->assessor_opt)
		return c->assessor_opt;
	if (a && a->assessor && *a->assessor)
		return a->assessor;
	return user && *user ? user : "unknown";
}

int cli_print_json(struct cli *c, cJSON *root)
{
	char *s = cJSON_Print(root);

	cJSON_Delete(root);
	if (!s)
		return cli_fail(c, AZ_ERR_INTERNAL, "cannot format JSON output");
	fputs(s, c->out);
	fputc('\n', c->out);
	cJSON_free(s);
	return EXIT_OK;
}

static void usage(struct cli *c, FILE *f)
{
	size_t i;

	fprintf(f, "usage: %s [--db FILE] [--catalog DIR] [--assessor NAME] COMMAND [ARGS]\n\n",
		c->prog);
	fprintf(f, "azmat assesses an Azure tenant against the nine-step Azure Security Roadmap.\n"
		   "With no command it opens the terminal interface.\n\ncommands:\n");
	for (i = 0; i < cli_ncommands; i++)
		if (cli_commands[i])
			fprintf(f, "  %-10s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
	fprintf(f, "\nRun '%s COMMAND --help' for a command's options. Exit codes:\n", c->prog);
#define EXIT_HELP(name, num, text) fprintf(f, "  %d  %s\n", num, text);
	EXIT_CODE_LIST(EXIT_HELP)
#undef EXIT_HELP
}

static void cli_cleanup(void)
{
	if (!the_cli)
		return;
	store_close(&the_cli->st);
	catalog_free(&the_cli->cat);
	buf_release(&the_cli->db_path);
	log_close();
}

int cli_main(int argc, char **argv)
{
	static struct cli c;
	struct arg_opt lead[ARRAY_SIZE(cli_global_opts) + 1];
	struct errmsg em = ERRMSG_INIT;
	const char *name = NULL;
	int version = 0, i, rc, next = 0;
	size_t k;

	memset(&c, 0, sizeof(c));
	c.prog = "azmat";
	c.out = stdout;
	c.err = stderr;
	buf_init(&c.db_path, 8192);
	the_cli = &c;
	bind_globals(&c, lead);

	/* Global options before the command name; "--version" is only valid here. */
	lead[ARRAY_SIZE(cli_global_opts)] =
		(struct arg_opt){ "version", 'V', ARG_FLAG, &version, NULL, NULL, NULL };
	if (args_parse_leading(argc - 1, argv + 1, lead, ARRAY_SIZE(lead), &next, &em)) {
		rc = cli_fail_em(&c, &em);
		usage(&c, stderr);
		goto out;
	}
	i = 1 + next;
	if (version) {
		printf("azmat %s\n", AZMAT_VERSION);
		rc = EXIT_OK;
		goto out;
	}
	if (c.log_opt && log_open(c.log_opt, LOG_DEBUG, &em)) {
		rc = cli_fail_em(&c, &em);
		goto out;
	}
	if (c.verbose)
		log_to_stderr(LOG_DEBUG);
	if (i < argc)
		name = argv[i++];
	if (!name && c.help) {
		usage(&c, stdout);
		rc = EXIT_OK;
		goto out;
	}
	if (!name)
		name = "tui";
	if (!strcmp(name, "help")) {
		usage(&c, stdout);
		rc = EXIT_OK;
		goto out;
	}
	for (k = 0; k < cli_ncommands; k++) {
		if (cli_commands[k] && !strcmp(cli_commands[k]->name, name)) {
			rc = cli_commands[k]->run(&c, argc - i, argv + i);
			goto out;
		}
	}
	rc = cli_fail(&c, AZ_ERR_USAGE, "unknown command '%s'", name);
	usage(&c, stderr);
out:
	fflush(stdout);
	cli_cleanup();
	return rc;
}

int cli_open_assessment(struct cli *c, const char *id_s, struct store **st, struct assessment *a)
{
	struct errmsg em = ERRMSG_INIT;
	long long id = 0;
	int ret = cli_parse_id(c, id_s, &id);

	if (ret)
		return ret;
	if (cli_store(c, 0, st, &em))
		return cli_fail_em(c, &em);
	if (store_assessment_get(*st, id, a, &em))
		return cli_fail_em(c, &em);
	return EXIT_OK;
}
