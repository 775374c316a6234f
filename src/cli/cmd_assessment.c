/*
 * Assessments: azmat new, list, delete.
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "store_plan.h"
#include "timeutil.h"

static int run_new(struct cli *c, int argc, char **argv);
static int run_list(struct cli *c, int argc, char **argv);
static int run_delete(struct cli *c, int argc, char **argv);

const struct cli_command cmd_new = {
	"new", run_new, "Create an assessment and print its id",
	"new --name NAME [--tenant ID] [--org ORG] [--assessor NAME]\n"
	"       new --from ID [--name NAME] ...: re-assess, carrying ID's answers over to confirm"
};
const struct cli_command cmd_list = { "list", run_list, "List the assessments in the database",
				      "list [--json]" };
const struct cli_command cmd_delete = { "delete", run_delete,
					"Delete an assessment and everything recorded for it",
					"delete ID" };

/*
 * --from: default the name, tenant and organisation from the previous
 * assessment; its answers are carried over once the new one exists.
 */
static int from_defaults(struct cli *c, const char *from_s, struct assessment *prev,
			 const char **name, const char **tenant, const char **org, char *namebuf,
			 size_t n)
{
	struct store *st;
	char today[16];
	int ret = cli_open_assessment(c, from_s, &st, prev);

	if (ret)
		return ret;
	time_format_date(time_now(), today, sizeof(today));
	if (!*name) {
		snprintf(namebuf, n, "%.170s (re-assessed %s)", prev->name, today);
		*name = namebuf;
	}
	if (!*tenant)
		*tenant = prev->tenant_id;
	if (!*org)
		*org = prev->organisation;
	return EXIT_OK;
}

static int run_new(struct cli *c, int argc, char **argv)
{
	const char *name = NULL, *tenant = NULL, *org = NULL, *from = NULL;
	const struct arg_opt opts[] = {
		{ "name", 0, ARG_VALUE, NULL, &name, "a name for the assessment (required unless --from)", "NAME" },
		{ "tenant", 0, ARG_VALUE, NULL, &tenant, "the Entra tenant id", "ID" },
		{ "org", 0, ARG_VALUE, NULL, &org, "the organisation assessed", "ORG" },
		{ "from", 0, ARG_VALUE, NULL, &from,
		  "start from assessment ID: same tenant, its answers carried over to confirm", "ID" },
	};
	struct assessment prev;
	char namebuf[256];
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	struct assessment_fields f;
	struct store *st;
	struct args pos;
	long long id;
	int ret;

	ret = cli_parse(c, &cmd_new, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos)
		return cli_fail(c, AZ_ERR_USAGE, "unexpected argument '%s'", pos.pos[0]);
	memset(&prev, 0, sizeof(prev));
	if (from) {
		ret = from_defaults(c, from, &prev, &name, &tenant, &org, namebuf, sizeof(namebuf));
		if (ret)
			return ret;
	}
	if (!name || !*name)
		ret = cli_fail(c, AZ_ERR_USAGE, "'new' needs --name NAME");
	else if (strlen(name) > 200)
		ret = cli_fail(c, AZ_ERR_USAGE, "the name is longer than 200 characters");
	else if (cli_catalog(c, &cat))
		ret = EXIT_INVALID;
	else if (cli_store(c, 1, &st, &em))
		ret = cli_fail_em(c, &em);
	if (ret)
		goto out;
	f.name = name;
	f.tenant_id = tenant;
	f.organisation = org;
	f.assessor = c->assessor_opt ? c->assessor_opt : prev.assessor;
	f.catalog_version = cat->version;
	if (store_assessment_create(st, &f, &id, &em)) {
		ret = cli_fail_em(c, &em);
	} else if (from && store_assessment_carry(st, prev.id, id, cli_who(c, &prev), &em)) {
		ret = cli_fail_em(c, &em);
		store_assessment_delete(st, id, NULL);
	} else {
		fprintf(c->out, "%lld\n", id);
	}
out:
	assessment_release(&prev);
	return ret;
}

static int run_list(struct cli *c, int argc, char **argv)
{
	int json = 0, ret;
	const struct arg_opt opts[] = {
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON", NULL },
	};
	struct errmsg em = ERRMSG_INIT;
	struct assessment *as = NULL;
	struct store *st;
	struct args pos;
	size_t n = 0, i;

	ret = cli_parse(c, &cmd_list, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos)
		return cli_fail(c, AZ_ERR_USAGE, "unexpected argument '%s'", pos.pos[0]);
	if (cli_store(c, 0, &st, &em)) {
		if (em.code != AZ_ERR_NOTFOUND)
			return cli_fail_em(c, &em);
		st = NULL;
	}
	if (st && store_assessment_list(st, &as, &n, &em))
		return cli_fail_em(c, &em);
	if (json) {
		cJSON *root = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(root, "assessments");
		for (i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "id", (double)as[i].id);
			cJSON_AddStringToObject(o, "name", as[i].name);
			cJSON_AddStringToObject(o, "tenant", as[i].tenant_id);
			cJSON_AddStringToObject(o, "organisation", as[i].organisation);
			cJSON_AddStringToObject(o, "assessor", as[i].assessor);
			cJSON_AddStringToObject(o, "catalog_version", as[i].catalog_version);
			cJSON_AddStringToObject(o, "created", as[i].created_at);
			cJSON_AddStringToObject(o, "updated", as[i].updated_at);
			if (as[i].signed_off_at) {
				cJSON_AddStringToObject(o, "signed_off", as[i].signed_off_at);
				cJSON_AddStringToObject(o, "signed_off_by", as[i].signed_off_by);
			} else {
				cJSON_AddNullToObject(o, "signed_off");
				cJSON_AddNullToObject(o, "signed_off_by");
			}
			cJSON_AddItemToArray(arr, o);
		}
		store_assessments_free(as, n);
		return cli_print_json(c, root);
	}
	if (!n)
		fprintf(c->out, "no assessments yet; create one with 'azmat new --name NAME'\n");
	for (i = 0; i < n; i++) {
		fprintf(c->out, "%4lld  ", as[i].id);
		cli_put(c->out, as[i].name);
		if (*as[i].organisation) {
			fputs("  (", c->out);
			cli_put(c->out, as[i].organisation);
			fputs(")", c->out);
		}
		fprintf(c->out, "  updated %s%s\n", as[i].updated_at,
			as[i].signed_off_at ? "  signed off" : "");
	}
	store_assessments_free(as, n);
	return EXIT_OK;
}

static int run_delete(struct cli *c, int argc, char **argv)
{
	struct errmsg em = ERRMSG_INIT;
	struct assessment a;
	struct store *st;
	struct args pos;
	int ret;

	ret = cli_parse(c, &cmd_delete, argc, argv, NULL, 0, &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 1)
		return cli_fail(c, AZ_ERR_USAGE, "'delete' takes one assessment id");
	memset(&a, 0, sizeof(a));
	ret = cli_open_assessment(c, pos.pos[0], &st, &a);
	if (ret)
		return ret;
	if (store_assessment_delete(st, a.id, &em)) {
		assessment_release(&a);
		return cli_fail_em(c, &em);
	}
	fprintf(c->out, "deleted assessment %lld (", a.id);
	cli_put(c->out, a.name);
	fputs(")\n", c->out);
	assessment_release(&a);
	return EXIT_OK;
}
