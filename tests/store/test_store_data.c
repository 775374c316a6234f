/*
 * Store round trips on a real file: assessments, answers and their history,
 * settings, read-only once signed off, evidence runs and results.
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store.h"
#include "store_fixture.h"
#include "timeutil.h"
#include "xalloc.h"

static struct store *open_new(const char *name)
{
	struct errmsg em = ERRMSG_INIT;
	struct store *st = NULL;

	if (store_open(tpath(name), STORE_CREATE, &st, &em)) {
		fprintf(stderr, "open: %s\n", em.msg);
		exit(2);
	}
	return st;
}

static long long new_assessment(struct store *st, const char *name)
{
	struct assessment_fields f = { name, "tenant-1", "Contoso", "Alice", "2026.11.0" };
	struct errmsg em = ERRMSG_INIT;
	long long id = 0;

	if (store_assessment_create(st, &f, &id, &em))
		exit(2);
	return id;
}

static void put(struct store *st, long long id, const char *q, enum answer_value v, const char *note,
		const char *who, enum az_err want)
{
	struct errmsg em = ERRMSG_INIT;
	struct answer a;

	answer_init(&a, q);
	a.value = v;
	free(a.note);
	a.note = xstrdup(note);
	T_EQ_INT(store_answer_put(st, id, &a, who, "test", &em), want);
	answer_release(&a);
}

static void test_assessments_round_trip(void)
{
	struct store *st = open_new("a.db");
	struct errmsg em = ERRMSG_INIT;
	struct assessment *as = NULL, a;
	struct assessment_fields upd = { "Renamed", "t2", "Fabrikam", "Bob", NULL };
	size_t n = 0;
	long long id1, id2;

	time_set_now(1790000000);
	id1 = new_assessment(st, "First");
	time_set_now(1790000100);
	id2 = new_assessment(st, "Second \xe2\x80\x94 Q4");
	T_ASSERT(id2 > id1);
	T_EQ_INT(store_assessment_list(st, &as, &n, &em), AZ_OK);
	T_REQUIRE(n == 2);
	T_EQ_STR(as[0].name, "Second \xe2\x80\x94 Q4");
	T_EQ_STR(as[1].organisation, "Contoso");
	T_ASSERT(as[1].signed_off_at == NULL);
	store_assessments_free(as, n);
	T_EQ_INT(store_assessment_update(st, id1, &upd, &em), AZ_OK);
	memset(&a, 0, sizeof(a));
	T_EQ_INT(store_assessment_get(st, id1, &a, &em), AZ_OK);
	T_EQ_STR(a.name, "Renamed");
	T_EQ_STR(a.tenant_id, "t2");
	T_EQ_STR(a.assessor, "Bob");
	T_EQ_STR(a.catalog_version, "2026.11.0");
	T_EQ_STR(a.created_at, "2026-09-21T14:13:20Z");
	assessment_release(&a);
	T_EQ_INT(store_assessment_get(st, 999, &a, &em), AZ_ERR_NOTFOUND);
	T_EQ_INT(store_assessment_delete(st, id2, &em), AZ_OK);
	T_EQ_INT(store_assessment_delete(st, id2, &em), AZ_ERR_NOTFOUND);
	time_set_now((time_t)-1);
	store_close(&st);
}

static void test_answers_history_and_reopen(void)
{
	struct store *st = open_new("b.db");
	struct errmsg em = ERRMSG_INIT;
	struct answer_set set = ANSWER_SET_INIT;
	struct history_entry *h = NULL;
	const struct answer *a;
	size_t n = 0;
	long long id = new_assessment(st, "Workshop");

	put(st, id, "1a.1", ANSWER_PARTIAL, "", "alice", AZ_OK);
	put(st, id, "1a.1", ANSWER_LARGELY, "two subs left", "bob", AZ_OK);
	put(st, id, "2b.1", ANSWER_NONE, "note before answering", "bob", AZ_OK);
	put(st, id, "1a.1", ANSWER_FULLY, "two subs left", "bob", AZ_OK);
	store_close(&st);

	st = open_new("b.db");
	T_EQ_INT(store_answers_load(st, id, &set, &em), AZ_OK);
	T_EQ_INT(set.n, 2);
	a = answer_set_find(&set, "1a.1");
	T_REQUIRE(a != NULL);
	T_EQ_INT(a->value, ANSWER_FULLY);
	T_EQ_STR(a->note, "two subs left");
	T_EQ_STR(a->updated_by, "bob");
	a = answer_set_find(&set, "2b.1");
	T_REQUIRE(a != NULL);
	T_EQ_INT(a->value, ANSWER_NONE);
	T_EQ_STR(a->note, "note before answering");
	answer_set_release(&set);

	T_EQ_INT(store_history_list(st, id, "1a.1", &h, &n, &em), AZ_OK);
	/* partial (value), largely (value) + note, fully (value) */
	T_REQUIRE(n == 4);
	T_EQ_STR(h[0].field, "value");
	T_EQ_STR(h[0].old_value, "");
	T_EQ_STR(h[0].new_value, "partial");
	T_EQ_STR(h[0].changed_by, "alice");
	T_EQ_STR(h[0].source, "test");
	T_EQ_STR(h[1].old_value, "partial");
	T_EQ_STR(h[1].new_value, "largely");
	T_EQ_STR(h[2].field, "note");
	T_EQ_STR(h[2].new_value, "two subs left");
	T_EQ_STR(h[3].new_value, "fully");
	store_history_free(h, n);
	T_EQ_INT(store_history_list(st, id, NULL, &h, &n, &em), AZ_OK);
	T_EQ_INT(n, 5);
	store_history_free(h, n);

	/* Deleting the assessment deletes what hangs off it. */
	T_EQ_INT(store_setting_set(st, id, "tui.position", "step:3", &em), AZ_OK);
	T_EQ_INT(store_assessment_delete(st, id, &em), AZ_OK);
	store_close(&st);
	T_EQ_INT(raw_int(tpath("b.db"), "SELECT count(*) FROM answer"), 0);
	T_EQ_INT(raw_int(tpath("b.db"), "SELECT count(*) FROM answer_history"), 0);
	T_EQ_INT(raw_int(tpath("b.db"), "SELECT count(*) FROM setting"), 0);
}

/* Migration 005: the suggestion and the override reason round-trip with their history. */
static void test_suggestion_and_override(void)
{
	struct store *st = open_new("s.db");
	struct errmsg em = ERRMSG_INIT;
	struct answer_set set = ANSWER_SET_INIT;
	struct history_entry *h = NULL;
	const struct answer *got;
	struct answer a;
	size_t n = 0, i, overrides = 0;
	long long id = new_assessment(st, "Suggestions");

	answer_init(&a, "4a.1");
	a.value = ANSWER_FULLY;
	a.suggested = ANSWER_PARTIAL;
	free(a.override_reason);
	a.override_reason = xstrdup("the ninth admin is a break-glass account");
	T_EQ_INT(store_answer_put(st, id, &a, "dana", "tui", &em), AZ_OK);
	answer_release(&a);
	answer_init(&a, "4a.2");
	a.value = ANSWER_LARGELY;
	a.suggested = ANSWER_LARGELY;
	T_EQ_INT(store_answer_put(st, id, &a, "dana", "tui", &em), AZ_OK);
	answer_release(&a);
	T_EQ_INT(store_answers_load(st, id, &set, &em), AZ_OK);
	got = answer_set_find(&set, "4a.1");
	T_REQUIRE(got != NULL);
	T_EQ_INT(got->suggested, ANSWER_PARTIAL);
	T_EQ_STR(got->override_reason, "the ninth admin is a break-glass account");
	got = answer_set_find(&set, "4a.2");
	T_REQUIRE(got != NULL);
	T_EQ_INT(got->suggested, ANSWER_LARGELY);
	T_EQ_STR(got->override_reason, "");
	answer_set_release(&set);
	T_EQ_INT(store_history_list(st, id, "4a.1", &h, &n, &em), AZ_OK);
	for (i = 0; i < n; i++)
		if (!strcmp(h[i].field, "override"))
			overrides++;
	T_EQ_INT(overrides, 1);
	store_history_free(h, n);
	/* an answer without a suggestion stores NULL, not "" */
	put(st, id, "1a.1", ANSWER_PARTIAL, "", "dana", AZ_OK);
	store_close(&st);
	T_EQ_INT(raw_int(tpath("s.db"), "SELECT count(*) FROM answer WHERE suggested IS NULL"), 1);
}

static void test_answer_to_missing_or_signed_off(void)
{
	struct store *st = open_new("c.db");
	long long id = new_assessment(st, "Signed");
	struct errmsg em = ERRMSG_INIT;
	struct assessment_fields f = { "New name", "", "", "", NULL };

	put(st, 42, "1a.1", ANSWER_FULLY, "", "x", AZ_ERR_NOTFOUND);
	put(st, id, "1a.1", ANSWER_FULLY, "", "x", AZ_OK);
	store_close(&st);
	raw_exec(tpath("c.db"), "UPDATE assessment SET signed_off_at = '2026-11-01T00:00:00Z', "
				"signed_off_by = 'CISO'");
	st = open_new("c.db");
	put(st, id, "1a.1", ANSWER_PARTIAL, "", "x", AZ_ERR_READONLY);
	T_EQ_INT(store_assessment_update(st, id, &f, &em), AZ_ERR_READONLY);
	T_CONTAINS(em.msg, "signed off");
	store_close(&st);
	T_EQ_INT(raw_int(tpath("c.db"), "SELECT count(*) FROM answer_history"), 1);
}

static void test_settings(void)
{
	struct store *st = open_new("d.db");
	struct errmsg em = ERRMSG_INIT;
	char *v = NULL;

	T_EQ_INT(store_setting_get(st, 0, "missing", &v, &em), AZ_OK);
	T_ASSERT(v == NULL);
	T_EQ_INT(store_setting_set(st, 0, "theme", "dark", &em), AZ_OK);
	T_EQ_INT(store_setting_set(st, 0, "theme", "light", &em), AZ_OK);
	T_EQ_INT(store_setting_get(st, 0, "theme", &v, &em), AZ_OK);
	T_EQ_STR(v, "light");
	free(v);
	store_close(&st);
}

static void result(struct check_result *r, const char *check, enum check_status s, unsigned long healthy,
		   unsigned long total, int noff)
{
	int i;

	check_result_init(r, check);
	r->status = s;
	r->cause = s == CHECK_NOT_ASSESSABLE ? CAUSE_PERMISSION : CAUSE_NONE;
	r->healthy = healthy;
	r->total = total;
	check_result_set_summary(r, "summary");
	for (i = 0; i < noff; i++) {
		char id[64];
		snprintf(id, sizeof(id), "/subscriptions/s/res/%d", i);
		check_result_add_offender(r, id, "name", "detail");
	}
	r->offending_total = (unsigned long)noff;
	check_result_add_request(r, "GET", "https://management.azure.com/x?api-version=1", 200);
}

static void test_evidence_runs(void)
{
	struct store *st = open_new("e.db");
	long long id = new_assessment(st, "Evidence"), run1, run2, run3;
	struct errmsg em = ERRMSG_INIT;
	struct evidence_run info, *runs = NULL;
	struct evidence_set set = EVIDENCE_SET_INIT;
	struct check_result r;
	const struct check_result *got;
	size_t n = 0;

	evidence_run_init(&info);
	T_EQ_INT(store_run_begin(st, id, &info, &run1, &em), AZ_OK);
	result(&r, "a", CHECK_FAIL, 0, 10, 10);
	T_EQ_INT(store_result_put(st, run1, &r, 4, &em), AZ_OK);
	check_result_release(&r);
	result(&r, "b", CHECK_PASS, 3, 3, 0);
	T_EQ_INT(store_result_put(st, run1, &r, 0, &em), AZ_OK);
	check_result_release(&r);
	T_EQ_INT(store_run_finish(st, run1, RUN_COMPLETE, NULL, &em), AZ_OK);

	/* A second run re-judges only "a"; "b" still comes from run 1. */
	T_EQ_INT(store_run_begin(st, id, &info, &run2, &em), AZ_OK);
	result(&r, "a", CHECK_PARTIAL, 7, 10, 3);
	T_EQ_INT(store_result_put(st, run2, &r, 0, &em), AZ_OK);
	/* Storing it again (a resumed run) replaces it. */
	T_EQ_INT(store_result_put(st, run2, &r, 0, &em), AZ_OK);
	check_result_release(&r);
	result(&r, "bad", CHECK_PARTIAL, 5, 3, 0);
	T_EQ_INT(store_result_put(st, run2, &r, 0, &em), AZ_ERR_INVALID);
	check_result_release(&r);

	T_EQ_INT(store_evidence_current(st, id, STORE_EV_OFFENDERS | STORE_EV_REQUESTS, &set, &em), AZ_OK);
	T_EQ_INT(set.n, 2);
	got = evidence_find(&set, "a");
	T_REQUIRE(got != NULL);
	T_EQ_INT(got->run_id, run2);
	T_EQ_INT(got->status, CHECK_PARTIAL);
	T_EQ_INT(got->healthy, 7);
	T_EQ_INT(got->noffenders, 3);
	T_EQ_INT(got->nrequests, 1);
	got = evidence_find(&set, "b");
	T_REQUIRE(got != NULL);
	T_EQ_INT(got->run_id, run1);
	evidence_release(&set);

	/* Run 1 is intact, with its offenders capped at 4 but counted. */
	T_EQ_INT(store_evidence_run(st, run1, STORE_EV_OFFENDERS, &set, &em), AZ_OK);
	got = evidence_find(&set, "a");
	T_REQUIRE(got != NULL);
	T_EQ_INT(got->status, CHECK_FAIL);
	T_EQ_INT(got->noffenders, 4);
	T_EQ_INT(got->offending_total, 10);
	evidence_release(&set);

	/* A screen's share: the first STORE_OFFENDERS_FIRST, the rest counted. */
	T_EQ_INT(store_run_begin(st, id, &info, &run3, &em), AZ_OK);
	result(&r, "many", CHECK_FAIL, 0, 300, 300);
	T_EQ_INT(store_result_put(st, run3, &r, 0, &em), AZ_OK);
	check_result_release(&r);
	T_EQ_INT(store_evidence_current(st, id, STORE_EV_OFFENDERS | STORE_EV_FIRST_OFFENDERS, &set, &em),
		 AZ_OK);
	got = evidence_find(&set, "many");
	T_REQUIRE(got != NULL);
	T_EQ_INT(got->noffenders, STORE_OFFENDERS_FIRST);
	T_EQ_INT(got->offending_total, 300);
	T_EQ_INT(evidence_find(&set, "a")->noffenders, 3);
	evidence_release(&set);
	T_EQ_INT(store_run_finish(st, run3, RUN_COMPLETE, NULL, &em), AZ_OK);

	/* A run left "running" by a dead process becomes interrupted. */
	T_EQ_INT(store_runs_list(st, id, &runs, &n, &em), AZ_OK);
	T_EQ_INT(n, 3);
	T_EQ_INT(runs[1].status, RUN_RUNNING);
	T_EQ_INT(runs[2].status, RUN_COMPLETE);
	store_runs_free(runs, n);
	{
		pid_t child = fork();
		char sql[128];
		if (child == 0)
			_exit(0);
		waitpid(child, NULL, 0);
		store_close(&st);
		snprintf(sql, sizeof(sql), "UPDATE evidence_run SET pid = %d WHERE id = %lld", (int)child, run2);
		raw_exec(tpath("e.db"), sql);
		st = open_new("e.db");
	}
	T_EQ_INT(store_runs_reap(st, id, &em), AZ_OK);
	evidence_run_release(&info);
	T_EQ_INT(store_run_get(st, run2, &info, &em), AZ_OK);
	T_EQ_INT(info.status, RUN_INTERRUPTED);
	T_ASSERT(*info.finished_at);
	evidence_run_release(&info);
	store_close(&st);
}

int main(void)
{
	T_RUN(test_assessments_round_trip);
	T_RUN(test_answers_history_and_reopen);
	T_RUN(test_suggestion_and_override);
	T_RUN(test_answer_to_missing_or_signed_off);
	T_RUN(test_settings);
	T_RUN(test_evidence_runs);
	return t_done();
}
