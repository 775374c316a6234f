#include "args.h"

#include <string.h>

static const struct arg_opt *find(const char *name, size_t len, char alias, const struct arg_opt *a,
				  size_t na, const struct arg_opt *b, size_t nb)
{
	size_t i;

	for (i = 0; i < na + nb; i++) {
		const struct arg_opt *o = i < na ? &a[i] : &b[i - na];
		if (alias ? o->alias == alias : strlen(o->name) == len && !strncmp(o->name, name, len))
			return o;
	}
	return NULL;
}

static enum az_err parse(int argc, char **argv, const struct arg_opt *a, size_t na,
			 const struct arg_opt *b, size_t nb, struct args *out, int stop_at_pos,
			 int *next, struct errmsg *em)
{
	int i, only_pos = 0;

	out->npos = 0;
	for (i = 0; i < argc; i++) {
		const char *s = argv[i];
		const struct arg_opt *o;
		const char *eq;
		size_t len;

		if (only_pos || s[0] != '-' || !s[1]) {
			if (stop_at_pos)
				break;
			if (out->npos == ARGS_MAXPOS)
				return errmsg_set(em, AZ_ERR_USAGE, "too many arguments");
			out->pos[out->npos++] = s;
			continue;
		}
		if (!strcmp(s, "--")) {
			if (stop_at_pos) {
				i++;
				break;
			}
			only_pos = 1;
			continue;
		}
		if (s[1] != '-') {
			if (s[2])
				return errmsg_set(em, AZ_ERR_USAGE, "unknown option '%s'", s);
			o = find(NULL, 0, s[1], a, na, b, nb);
			eq = NULL;
		} else {
			eq = strchr(s + 2, '=');
			len = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
			o = find(s + 2, len, 0, a, na, b, nb);
		}
		if (!o)
			return errmsg_set(em, AZ_ERR_USAGE, "unknown option '%s'", s);
		if (o->kind == ARG_FLAG) {
			if (eq)
				return errmsg_set(em, AZ_ERR_USAGE, "option '--%s' takes no value", o->name);
			*o->flag = 1;
			continue;
		}
		if (eq) {
			*o->value = eq + 1;
		} else {
			if (i + 1 >= argc)
				return errmsg_set(em, AZ_ERR_USAGE, "option '--%s' needs a value", o->name);
			*o->value = argv[++i];
		}
	}
	if (next)
		*next = i;
	return AZ_OK;
}

enum az_err args_parse(int argc, char **argv, const struct arg_opt *a, size_t na,
		       const struct arg_opt *b, size_t nb, struct args *out, struct errmsg *em)
{
	return parse(argc, argv, a, na, b, nb, out, 0, NULL, em);
}

enum az_err args_parse_leading(int argc, char **argv, const struct arg_opt *a, size_t na,
			       int *next, struct errmsg *em)
{
	struct args unused;

	return parse(argc, argv, a, na, NULL, 0, &unused, 1, next, em);
}
