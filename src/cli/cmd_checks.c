/*
 * azmat checks [--json]: every check in the catalog with the API it reads,
 * the permission and licence it needs, and the items it gives evidence for.
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "cli.h"
#include "compat.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_checks = { "checks", run,
					"List the checks with the API, permission and licence each needs",
					"checks [--json]" };

static cJSON *check_json(const struct cat_check *ch)
{
	cJSON *o = cJSON_CreateObject(), *items;
	size_t i;

	cJSON_AddStringToObject(o, "id", ch->id);
	cJSON_AddStringToObject(o, "title", ch->title);
	items = cJSON_AddArrayToObject(o, "items");
	for (i = 0; i < ch->nitems; i++)
		cJSON_AddItemToArray(items, cJSON_CreateString(ch->items[i]));
	cJSON_AddStringToObject(o, "api", ch->api);
	cJSON_AddStringToObject(o, "evaluator", ch->evaluator);
	cJSON_AddStringToObject(o, "permission", ch->permission);
	if (ch->licence)
		cJSON_AddStringToObject(o, "licence", ch->licence);
	else
		cJSON_AddNullToObject(o, "licence");
	cJSON_AddBoolToObject(o, "gating", ch->gating);
	cJSON_AddNumberToObject(o, "weight", ch->weight);
	return o;
}

static int run(struct cli *c, int argc, char **argv)
{
	int json = 0, ret;
	const struct arg_opt opts[] = {
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON", NULL },
	};
	const struct catalog *cat;
	struct args pos;
	size_t i, k;

	ret = cli_parse(c, &cmd_checks, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos)
		return cli_fail(c, AZ_ERR_USAGE, "'checks' takes no arguments");
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (json) {
		cJSON *o = cJSON_CreateObject(), *arr = cJSON_AddArrayToObject(o, "checks");
		cJSON_AddStringToObject(o, "catalog", cat->version);
		for (i = 0; i < cat->nchecks; i++)
			cJSON_AddItemToArray(arr, check_json(&cat->checks[i]));
		return cli_print_json(c, o);
	}
	for (i = 0; i < cat->nchecks; i++) {
		const struct cat_check *ch = &cat->checks[i];
		fprintf(c->out, "%s  [", ch->id);
		for (k = 0; k < ch->nitems; k++)
			fprintf(c->out, "%s%s", k ? " " : "", ch->items[k]);
		fprintf(c->out, "]%s", ch->gating ? " gating" : "");
		if (ch->weight != 1)
			fprintf(c->out, " weight %u", ch->weight);
		fputs("\n    ", c->out);
		cli_put(c->out, ch->title);
		fprintf(c->out, "\n    api: %s   permission: ", ch->api);
		cli_put(c->out, ch->permission);
		fputs("   licence: ", c->out);
		cli_put(c->out, ch->licence ? ch->licence : "none");
		fputc('\n', c->out);
	}
	fprintf(c->out, "%zu checks\n", cat->nchecks);
	return EXIT_OK;
}
