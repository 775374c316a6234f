/*
 * Every evaluator checks its parameters when the catalog loads, and reports
 * problems by file and JSON path (azmat catalog validate).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "t.h"
#include "eval.h"

#define TWO "{\"parts\": [{\"api\": \"resourcegraph\", \"query\": \"resources\"}, {\"api\": \"resourcegraph\", \"query\": \"resources\"}]}"
#define ONE "{\"api\": \"resourcegraph\", \"query\": \"resources\"}"

/* Validate one check built from its evaluator, params and source; return the error lines joined. */
static void validate(const char *name, const char *params, const char *source, char *out, size_t n)
{
	char text[4096];
	cJSON *check;
	struct cat_errors errs = CAT_ERRORS_INIT;
	size_t i, len = 0;

	snprintf(text, sizeof(text), "{\"id\": \"x\", \"evaluator\": {\"name\": \"%s\", \"params\": %s}, \"source\": %s}",
		 name, params, source);
	check = cJSON_Parse(text);
	if (!check)
		abort();
	eval_catalog_hooks()->check(check, "checks/f.json", "$.checks[3]", &errs, NULL);
	out[0] = '\0';
	for (i = 0; i < errs.n && len < n; i++)
		len += (size_t)snprintf(out + len, n - len, "%s\n", errs.lines[i]);
	cat_errors_release(&errs);
	cJSON_Delete(check);
}

static void expect_ok(const char *name, const char *params, const char *source)
{
	char out[2048];

	validate(name, params, source, out, sizeof(out));
	if (*out)
		t_fail(__FILE__, __LINE__, "%s %s: unexpected errors: %s", name, params, out);
	t_checks++;
}

static void expect_error(const char *name, const char *params, const char *source, const char *needle)
{
	char out[2048];

	validate(name, params, source, out, sizeof(out));
	if (!strstr(out, needle))
		t_fail(__FILE__, __LINE__, "%s %s: no error containing '%s' in:\n%s", name, params, needle, out);
	t_checks++;
}

static void test_valid_params(void)
{
	expect_ok("coverage", "{\"target\": \"subscription\", \"attach\": \"subscription\", \"min\": 1, \"max\": 3}", TWO);
	expect_ok("diag_settings", "{\"categories\": [\"A\", [\"B\", \"C\"]]}", ONE);
	expect_ok("holders", "{\"mode\": \"absent\"}", TWO);
	expect_ok("tags", "{\"required\": [\"owner\"]}", ONE);
	expect_ok("nsg_open_ports", "{\"ports\": [22]}", ONE);
	expect_ok("ca_policies", "{\"users\": \"roles\", \"roles\": [{\"id\": \"r\", \"name\": \"R\"}], \"grant\": [\"mfa\"]}", ONE);
	expect_ok("ca_exclusions", "{}", ONE);
	expect_ok("pim_standing", "{\"roles\": [\"r\"], \"allow\": 2}", TWO);
	expect_ok("activity_alerts", "{\"operations\": [\"a/b\"]}", ONE);
	expect_ok("subnets", "{\"egress\": true}", TWO);
}

static void test_bad_params(void)
{
	expect_error("coverage", "{\"nope\": 1}", TWO, "checks/f.json: $.checks[3].evaluator.params.nope: unknown parameter 'nope'");
	expect_error("coverage", "{}", ONE, "$.checks[3].source: the coverage evaluator needs 'parts'");
	expect_error("coverage", "{\"min\": 3, \"max\": 2}", TWO, "'min' is larger than 'max'");
	expect_error("coverage", "{\"match\": \"close\"}", TWO, "$.checks[3].evaluator.params.match: must be one of");
	expect_error("coverage", "{\"require\": [{\"path\": \"a\", \"op\": \"bogus\"}]}", TWO,
		     "$.checks[3].evaluator.params.require[0]");
	expect_error("diag_settings", "{}", ONE, "$.checks[3].evaluator.params.categories: the diag_settings evaluator needs 'categories'");
	expect_error("diag_settings", "{\"categories\": [[]]}", ONE, "each a name or an array");
	expect_error("holders", "{}", TWO, "judge mode needs 'require'");
	expect_error("tags", "{\"required\": [1]}", ONE, "$.checks[3].evaluator.params.required");
	expect_error("nsg_open_ports", "{\"ports\": [70000]}", ONE, "needs 'ports'");
	expect_error("nsg_open_ports", "{\"all_ports\": \"yes\"}", ONE, "must be true or false");
	expect_error("ca_policies", "{\"grant\": [\"mfa\"], \"users\": \"roles\"}", ONE, "users 'roles' needs roles");
	expect_error("ca_policies", "{}", ONE, "needs 'grant'");
	expect_error("ca_exclusions", "{\"min\": 0}", ONE, "must be a whole number from 1 to 100");
	expect_error("pim_standing", "{\"roles\": [\"r\"]}", ONE, "pim_standing needs two parts");
	expect_error("activity_alerts", "{\"operations\": []}", ONE, "$.checks[3].evaluator.params.operations");
	expect_error("subnets", "{}", ONE, "needs 'require' or 'egress'");
	expect_error("property", "{\"require\": [{\"path\": \"a\", \"op\": \"age_le\"}]}", ONE, "numeric 'value'");
	expect_error("count", "{\"min\": 1, \"where\": [{\"op\": \"or\", \"where\": []}]}", ONE, "non-empty 'where'");
	expect_error("nosuch", "{}", ONE, "unknown evaluator 'nosuch'");
}

int main(void)
{
	T_RUN(test_valid_params);
	T_RUN(test_bad_params);
	return t_done();
}
