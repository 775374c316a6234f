/*
 * Command-line parsing: long options ("--name VALUE", "--name=VALUE",
 * "--flag"), a few short aliases, "--" to end options, and positionals.
 * Parse, then execute: the parser fills plain variables, commands read them.
 */
#ifndef AZMAT_ARGS_H
#define AZMAT_ARGS_H

#include <stddef.h>

#include "err.h"

enum arg_kind { ARG_FLAG, ARG_VALUE };

struct arg_opt {
	const char *name; /* without the leading "--" */
	char alias;       /* short form, or 0 */
	enum arg_kind kind;
	int *flag;          /* ARG_FLAG: set to 1 */
	const char **value; /* ARG_VALUE: borrowed from argv */
	const char *help;   /* one line for --help; NULL hides the option */
	const char *meta;   /* the value's name in help ("FILE") */
};

#define ARGS_MAXPOS 16

struct args {
	const char *pos[ARGS_MAXPOS];
	size_t npos;
};

/*
 * Parse argv[0..argc) against the options of two tables (b may be NULL),
 * collecting positionals into out. Unknown options, missing values and
 * too many positionals are usage errors described in em.
 */
enum az_err args_parse(int argc, char **argv, const struct arg_opt *a, size_t na,
		       const struct arg_opt *b, size_t nb, struct args *out, struct errmsg *em);

/*
 * Parse only the options before the first positional (or "--"); *next
 * receives the index of the first word not consumed.
 */
enum az_err args_parse_leading(int argc, char **argv, const struct arg_opt *a, size_t na,
			       int *next /* OUT: on success */, struct errmsg *em);

#endif
