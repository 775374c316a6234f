/*
 * Synthetic tenants against the real catalog: tests/mock/gen_tenant.py
 * writes a tenant folder and the verdict every check must reach on it
 * (worked out from how it built the data); here each check's documents are
 * read from the folder and streamed into its evaluator (tenant_feed.h), and
 * every result must match expected.json: status, cause, counts and the
 * offending ids.
 *
 * Variants: the small preset with every licence and permission, the same
 * tenant without Entra ID licences and without two Graph permissions, and
 * a larger random tenant. AZMAT_TENANT_DIR names one more folder to compare;
 * AZMAT_TENANT_ONLY=1 compares only that one (tests/bench/bench_eval.sh).
 */
#define _POSIX_C_SOURCE 200809L

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "t.h"
#include "tenant_feed.h"

static struct catalog *cat;

/* Run the generator with extra arguments into dir; 0 on success. */
static int generate(const char *dir, const char *const *extra)
{
	static char store[24][1024];
	char *argv[24];
	size_t n = 0;
	pid_t pid;
	int status;

	snprintf(store[n++], sizeof(store[0]), "python3");
	snprintf(store[n++], sizeof(store[0]), "%s/tests/mock/gen_tenant.py", getenv("AZMAT_SOURCE_DIR"));
	snprintf(store[n++], sizeof(store[0]), "--out");
	snprintf(store[n++], sizeof(store[0]), "%s", dir);
	snprintf(store[n++], sizeof(store[0]), "--catalog");
	snprintf(store[n++], sizeof(store[0]), "%s", getenv("AZMAT_CATALOG"));
	while (*extra && n + 1 < sizeof(store) / sizeof(store[0]))
		snprintf(store[n++], sizeof(store[0]), "%s", *extra++);
	for (size_t i = 0; i < n; i++)
		argv[i] = store[i];
	argv[n] = NULL;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stdout))
			_exit(126);
		execvp("python3", argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Offender ids equal the expected ones (as sets) unless the evaluator capped them. */
static int same_offenders(const struct check_result *r, const cJSON *want)
{
	const cJSON *w;
	size_t i;

	if (r->noffenders < r->offending_total)
		return r->noffenders == EVAL_OFFENDERS_MAX;
	if ((int)r->noffenders != cJSON_GetArraySize(want))
		return 0;
	for (i = 0; i < r->noffenders; i++) {
		int found = 0;
		cJSON_ArrayForEach(w, want)
			if (cJSON_IsString(w) && !strcmp(w->valuestring, r->offenders[i].id))
				found = 1;
		if (!found)
			return 0;
	}
	return 1;
}

static int num(const cJSON *o, const char *k)
{
	return (int)cJSON_GetNumberValue(cJSON_GetObjectItem(o, k));
}

/* Judge every check on the tenant in dir and compare with its expected.json. */
static void compare_tenant(const char *dir)
{
	struct tenant t;
	char p[1200];
	cJSON *expected;
	const cJSON *checks;
	size_t i, bad = 0;

	T_REQUIRE(!tenant_open(&t, dir));
	snprintf(p, sizeof(p), "%s/expected.json", dir);
	expected = tenant_json(p);
	checks = cJSON_GetObjectItem(expected, "checks");
	T_REQUIRE(checks != NULL);
	T_EQ_INT(cJSON_GetArraySize(checks), cat->nchecks);
	for (i = 0; i < cat->nchecks; i++) {
		const struct cat_check *c = &cat->checks[i];
		const cJSON *want = cJSON_GetObjectItem(checks, c->id);
		struct check_result r;
		int ok;

		check_result_init(&r, c->id);
		tenant_judge(&t, c, &r);
		ok = want && !strcmp(check_status_id(r.status), cJSON_GetStringValue(cJSON_GetObjectItem(want, "status"))) &&
		     !strcmp(check_cause_id(r.cause), cJSON_GetStringValue(cJSON_GetObjectItem(want, "cause"))) &&
		     (int)r.healthy == num(want, "healthy") && (int)r.total == num(want, "total") &&
		     (int)r.offending_total == num(want, "offending_total") &&
		     same_offenders(&r, cJSON_GetObjectItem(want, "offending"));
		if (!ok) {
			fprintf(stderr, "%s: %s: got %s/%s %lu/%lu offending %lu (%s); want %s/%s %d/%d offending %d\n",
				dir, c->id, check_status_id(r.status), check_cause_id(r.cause), r.healthy, r.total,
				r.offending_total, r.summary ? r.summary : "",
				want ? cJSON_GetStringValue(cJSON_GetObjectItem(want, "status")) : "nothing",
				want ? cJSON_GetStringValue(cJSON_GetObjectItem(want, "cause")) : "",
				num(want, "healthy"), num(want, "total"), num(want, "offending_total"));
			if (r.noffenders)
				fprintf(stderr, "  first offender %s: %s\n", r.offenders[0].id, r.offenders[0].detail);
			bad++;
		}
		check_result_release(&r);
	}
	T_EQ_INT(bad, 0);
	cJSON_Delete(expected);
	tenant_close(&t);
}

static void run_variant(const char *name, const char *const *args)
{
	char dir[1024];

	snprintf(dir, sizeof(dir), "%s/%s", t_tmpdir(), name);
	T_REQUIRE(!generate(dir, args));
	compare_tenant(dir);
}

static void test_small_tenant(void)
{
	static const char *const args[] = { "--preset", "small", NULL };
	run_variant("small", args);
}

static void test_without_licences(void)
{
	static const char *const args[] = { "--preset", "small", "--licences", "none", NULL };
	run_variant("nolicence", args);
}

static void test_with_p1_only(void)
{
	static const char *const args[] = { "--preset", "small", "--licences", "p1", NULL };
	run_variant("p1", args);
}

static void test_without_permissions(void)
{
	static const char *const args[] = { "--preset", "small", "--drop-permission", "Policy.Read.All",
					     "--drop-permission", "AuditLog.Read.All", "--drop-permission",
					     "Security Reader", NULL };
	run_variant("noperm", args);
}

static void test_random_tenants(void)
{
	static const char *const a[] = { "--subscriptions", "25", "--resources-per-sub", "60", "--seed", "11", NULL };
	static const char *const b[] = { "--subscriptions", "12", "--resources-per-sub", "150", "--users", "400",
					 "--seed", "29", NULL };
	run_variant("random-a", a);
	run_variant("random-b", b);
}

/* A tenant folder made elsewhere (AZMAT_TENANT_DIR), e.g. the benchmark's 1,000 subscriptions. */
static void test_external_tenant(void)
{
	const char *dir = getenv("AZMAT_TENANT_DIR");

	if (dir && *dir)
		compare_tenant(dir);
}

/* Small tenants over many seeds, so that each Entra and Azure choice comes out both ways. */
static void test_many_seeds(void)
{
	char seed[16], name[32];
	int i;

	for (i = 1; i <= 12; i++) {
		const char *args[] = { "--subscriptions", "2", "--resources-per-sub", "25", "--users", "40",
				       "--seed", seed, NULL };
		snprintf(seed, sizeof(seed), "%d", 100 + i);
		snprintf(name, sizeof(name), "seed-%d", i);
		run_variant(name, args);
	}
}

int main(void)
{
	struct cat_errors errs = CAT_ERRORS_INIT;

	if (catalog_load(getenv("AZMAT_CATALOG"), eval_catalog_hooks(), &cat, &errs)) {
		size_t i;
		for (i = 0; i < errs.n; i++)
			fprintf(stderr, "%s\n", errs.lines[i]);
		return 1;
	}
	if (!getenv("AZMAT_TENANT_ONLY")) {
		T_RUN(test_small_tenant);
		T_RUN(test_without_licences);
		T_RUN(test_with_p1_only);
		T_RUN(test_without_permissions);
		T_RUN(test_random_tenants);
		T_RUN(test_many_seeds);
	}
	T_RUN(test_external_tenant);
	catalog_free(&cat);
	cat_errors_release(&errs);
	return t_done();
}
