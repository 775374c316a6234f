/*
 * Every check of the real catalog (roadmap/, loaded through catalog_load
 * with the evaluators' hooks) on its own small fixture with a known
 * verdict: tests/eval/checks/<check id>.json holds the documents, in source
 * part order, and the verdict the check must reach, with a note saying why.
 * A check without a fixture, or a fixture without a check, fails the test.
 * The clock is pinned to 2026-11-01 for the checks that judge dates.
 */
#define _POSIX_C_SOURCE 200809L

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "check_fixture.h"
#include "eval.h"
#include "timeutil.h"

static struct catalog *cat;

static char *fixture_path(const char *id, char *out, size_t n)
{
	snprintf(out, n, "%s/tests/eval/checks/%s.json", getenv("AZMAT_SOURCE_DIR"), id);
	return out;
}

static int same_set(const struct check_result *r, const cJSON *want)
{
	const cJSON *w;
	size_t i;

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

static void judge_one(const struct cat_check *c)
{
	char path[1024];
	char *text = t_slurp(fixture_path(c->id, path, sizeof(path)), NULL);
	cJSON *fx = text ? cJSON_Parse(text) : NULL;
	const cJSON *want = cJSON_GetObjectItem(fx, "expect");
	struct check_result r;

	free(text);
	if (!want) {
		t_fail(__FILE__, __LINE__, "%s: no fixture at %s", c->id, path);
		cJSON_Delete(fx);
		return;
	}
	check_result_init(&r, c->id);
	eval_run_array(c, cJSON_GetObjectItem(fx, "docs"), &r);
	t_checks++;
	if (strcmp(check_status_id(r.status), cJSON_GetStringValue(cJSON_GetObjectItem(want, "status"))) ||
	    strcmp(check_cause_id(r.cause), cJSON_GetStringValue(cJSON_GetObjectItem(want, "cause"))) ||
	    (int)r.healthy != (int)cJSON_GetNumberValue(cJSON_GetObjectItem(want, "healthy")) ||
	    (int)r.total != (int)cJSON_GetNumberValue(cJSON_GetObjectItem(want, "total")) ||
	    (int)r.offending_total != cJSON_GetArraySize(cJSON_GetObjectItem(want, "offending")) ||
	    !same_set(&r, cJSON_GetObjectItem(want, "offending")))
		t_fail(__FILE__, __LINE__, "%s: got %s/%s %lu/%lu, %lu offending (%s); fixture: %s", c->id,
		       check_status_id(r.status), check_cause_id(r.cause), r.healthy, r.total, r.offending_total,
		       r.summary ? r.summary : "", cJSON_GetStringValue(cJSON_GetObjectItem(fx, "note")));
	/* Every offender explains itself. */
	for (size_t i = 0; i < r.noffenders; i++)
		T_ASSERT(r.offenders[i].detail && *r.offenders[i].detail);
	T_ASSERT(r.summary && *r.summary);
	check_result_release(&r);
	cJSON_Delete(fx);
}

static void test_every_check_has_a_verdict(void)
{
	size_t i;

	for (i = 0; i < cat->nchecks; i++)
		judge_one(&cat->checks[i]);
}

static void test_every_fixture_has_a_check(void)
{
	char dir[1024];
	DIR *d;
	struct dirent *e;
	size_t n = 0;

	snprintf(dir, sizeof(dir), "%s/tests/eval/checks", getenv("AZMAT_SOURCE_DIR"));
	d = opendir(dir);
	T_REQUIRE(d != NULL);
	while ((e = readdir(d)) != NULL) {
		char id[256];
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json"))
			continue;
		snprintf(id, sizeof(id), "%.*s", (int)(len - 5), e->d_name);
		if (!catalog_find_check(cat, id))
			t_fail(__FILE__, __LINE__, "fixture %s names no check", e->d_name);
		n++;
	}
	closedir(d);
	T_EQ_INT(n, cat->nchecks);
}

int main(void)
{
	struct cat_errors errs = CAT_ERRORS_INIT;
	time_t now;

	if (catalog_load(getenv("AZMAT_CATALOG"), eval_catalog_hooks(), &cat, &errs)) {
		for (size_t i = 0; i < errs.n; i++)
			fprintf(stderr, "%s\n", errs.lines[i]);
		return 1;
	}
	time_parse_iso("2026-11-01T00:00:00Z", &now);
	time_set_now(now);
	T_RUN(test_every_check_has_a_verdict);
	T_RUN(test_every_fixture_has_a_check);
	catalog_free(&cat);
	cat_errors_release(&errs);
	return t_done();
}
