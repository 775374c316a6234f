/*
 * The command line: shared context, exit codes and the command table.
 * Each command lives in cmd_<name>.c and is listed in commands.c.
 */
#ifndef AZMAT_CLI_H
#define AZMAT_CLI_H

#include <stdio.h>

#include "args.h"
#include "buf.h"
#include "catalog.h"
#include "err.h"
#include "store.h"

/* Exit codes, documented in docs/azmat.1 and docs/cli.md. */
#define EXIT_CODE_LIST(X) \
	X(EXIT_OK, 0, "success") \
	X(EXIT_FAIL, 1, "the command failed (I/O, network, unexpected error)") \
	X(EXIT_USAGE, 2, "invalid usage: unknown command or option, missing or bad argument") \
	X(EXIT_INVALID, 3, "invalid data: the catalog, a sheet or an input file has errors") \
	X(EXIT_STORE, 4, "the database cannot be used: not azmat's, newer, corrupt or locked") \
	X(EXIT_NOTFOUND, 5, "no such assessment, question, item or check") \
	X(EXIT_READONLY, 6, "the assessment is signed off and read-only") \
	X(EXIT_GATE, 7, "a gate failed (score --fail-below-level; signoff with unexplained major contradictions)") \
	X(EXIT_PARTIAL, 8, "finished, but part of the work failed (some rows or checks)")

enum exit_code {
#define EXIT_ENUM(name, num, text) name = num,
	EXIT_CODE_LIST(EXIT_ENUM)
#undef EXIT_ENUM
};

struct cli {
	const char *prog;
	/* global options */
	const char *db_opt;
	const char *catalog_opt;
	const char *assessor_opt;
	const char *log_opt;
	int verbose;
	int help;
	/* resolved lazily */
	struct buf db_path;
	struct catalog *cat;
	struct store *st;
	FILE *out; /* standard output, replaceable in tests */
	FILE *err;
};

/* The global options, accepted before and after the command name. */
extern const struct arg_opt cli_global_opts[];
extern const size_t cli_nglobal_opts;

struct cli_command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv); /* argv[0] is the first argument after the name */
	const char *summary;
	const char *usage;
};

/*
 * Every command, in the order "azmat help" lists them. Each cmd_<name>.c
 * defines `const struct cli_command cmd_<name>`. The declarations are weak
 * so that a command whose file is not built yet is simply absent from the
 * table (commands.c skips NULL entries) instead of breaking the link.
 */
#define CLI_COMMAND_LIST(X) \
	X(tui) \
	X(new) \
	X(list) \
	X(show) \
	X(answer) \
	X(delete) \
	X(sheet) \
	X(signoff) \
	X(preflight) \
	X(collect) \
	X(evidence) \
	X(import) \
	X(checks) \
	X(demo) \
	X(score) \
	X(plan) \
	X(report) \
	X(diff) \
	X(catalog)

#define CLI_COMMAND_DECL(n) extern const struct cli_command cmd_##n __attribute__((weak));
CLI_COMMAND_LIST(CLI_COMMAND_DECL)
#undef CLI_COMMAND_DECL

/* The table; entries are NULL for commands not built in. */
extern const struct cli_command *const cli_commands[];
extern const size_t cli_ncommands;

/* Entry point from main(). */
int cli_main(int argc, char **argv);

/* Print "azmat: error: message" to c->err and return the exit code for code. */
int cli_fail(struct cli *c, enum az_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Print em's message and return the exit code for its code. */
int cli_fail_em(struct cli *c, const struct errmsg *em);
/* The exit code for an az_err. */
int cli_exit_for(enum az_err code);

/* Load the catalog once (printing every error on failure). */
enum az_err cli_catalog(struct cli *c, const struct catalog **out /* OUT */);
/* Open the store once; create it when create is set. Prints nothing. */
enum az_err cli_store(struct cli *c, int create, struct store **out /* OUT */, struct errmsg *em);

/* Parse a command's own options plus the global ones; prints usage errors. */
int cli_parse(struct cli *c, const struct cli_command *cmd, int argc, char **argv,
	      const struct arg_opt *opts, size_t nopts, struct args *out);

/* Print a command's help (usage and options). */
void cli_print_help(struct cli *c, const struct cli_command *cmd, const struct arg_opt *opts,
		    size_t nopts);

/* Parse an assessment id; prints and returns non-zero on error. */
int cli_parse_id(struct cli *c, const char *s, long long *out /* OUT */);

/* Who is making a change: --assessor, else the assessment's assessor, else $USER. */
const char *cli_who(const struct cli *c, const struct assessment *a);

/*
 * Parse id_s, open the store (never creating it) and load the assessment
 * into *a (caller releases). Prints the error and returns its exit code.
 */
int cli_open_assessment(struct cli *c, const char *id_s, struct store **st /* OUT */,
			struct assessment *a /* OUT */);

/* Print a cJSON tree to c->out, followed by a newline, and delete it. */
int cli_print_json(struct cli *c, struct cJSON *root);

/* Print s to f escaped for a terminal (no control or bidi characters). */
void cli_put(FILE *f, const char *s);

#endif
