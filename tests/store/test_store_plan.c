/*
 * Migration 004 on a real SQLite file: plan overrides and their history,
 * carrying answers over (and confirming them), sign-off, lineage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_plan.h"
#include "t.h"
#include "timeutil.h"
#include "xalloc.h"

static struct store *open_fresh(const char *name)
{
	char path[512];
	struct store *st = NULL;
	struct errmsg em = ERRMSG_INIT;

	snprintf(path, sizeof(path), "%s/%s", t_tmpdir(), name);
	if (store_open(path, STORE_CREATE, &st, &em)) {
		fprintf(stderr, "%s\n", em.msg);
		abort();
	}
	return st;
}

static long long new_assessment(struct store *st, const char *name, const char *tenant)
{
	struct assessment_fields f = { name, tenant, "Contoso", "Ana", "2026.11.0" };
	long long id = 0;

	if (store_assessment_create(st, &f, &id, NULL))
		abort();
	return id;
}

static void put_answer(struct store *st, long long id, const char *q, enum answer_value v,
		       const char *note)
{
	struct answer a;

	answer_init(&a, q);
	a.value = v;
	free(a.note);
	a.note = xstrdup(note);
	if (store_answer_put(st, id, &a, "Ana", "test", NULL))
		abort();
	answer_release(&a);
}

static void test_overrides_round_trip(void)
{
	struct store *st = open_fresh("ov.db");
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;
	const struct plan_override *o;
	long long id = new_assessment(st, "Q1", "t1");
	struct errmsg em = ERRMSG_INIT;

	T_EQ_INT(store_version(st), store_latest_version());
	T_EQ_INT(store_plan_override_set(st, id, "3a", "Dana", "2027-01-31", NULL, "Ana", &em), AZ_OK);
	T_EQ_INT(store_plan_override_set(st, id, "3a", NULL, NULL, "in-progress", "Bo", &em), AZ_OK);
	T_EQ_INT(store_plan_override_set(st, id, "1b", "", "", "done", "Bo", &em), AZ_OK);
	T_EQ_INT(store_plan_overrides_load(st, id, &ov, &em), AZ_OK);
	T_EQ_INT(ov.n, 2);
	o = plan_overrides_find(&ov, "3a");
	T_REQUIRE(o != NULL);
	T_EQ_STR(o->owner, "Dana");
	T_EQ_STR(o->due, "2027-01-31");
	T_EQ_STR(o->status, "in-progress");
	T_EQ_STR(o->updated_by, "Bo");
	o = plan_overrides_find(&ov, "1b");
	T_ASSERT(o && !o->owner && !o->due);
	/* Clearing the due date returns it to the default. */
	T_EQ_INT(store_plan_override_set(st, id, "3a", NULL, "", NULL, "Bo", &em), AZ_OK);
	plan_overrides_release(&ov);
	T_EQ_INT(store_plan_overrides_load(st, id, &ov, &em), AZ_OK);
	T_ASSERT(plan_overrides_find(&ov, "3a")->due == NULL);
	T_EQ_STR(plan_overrides_find(&ov, "3a")->owner, "Dana");
	/* A bad status never reaches the table (CHECK constraint). */
	T_ASSERT(store_plan_override_set(st, id, "3a", NULL, NULL, "finished", "Bo", &em) != AZ_OK);
	T_ASSERT(store_plan_override_set(st, 9999, "3a", "x", NULL, NULL, "Bo", &em) == AZ_ERR_NOTFOUND);
	plan_overrides_release(&ov);
	store_close(&st);
}

static void test_carry_and_confirm(void)
{
	struct store *st = open_fresh("carry.db");
	struct answer_set as = ANSWER_SET_INIT;
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;
	struct history_entry *h = NULL;
	char **carried = NULL;
	size_t n = 0, nh = 0;
	long long q1 = new_assessment(st, "Q1", "t1"), q2 = new_assessment(st, "Q2", "t1"), prev = -1;
	struct errmsg em = ERRMSG_INIT;

	put_answer(st, q1, "1a.1", ANSWER_FULLY, "owner tags via policy");
	put_answer(st, q1, "1a.2", ANSWER_PARTIAL, "");
	T_EQ_INT(store_plan_override_set(st, q1, "1a", "Dana", "2027-01-31", "done", "Ana", &em), AZ_OK);
	T_EQ_INT(store_plan_override_set(st, q1, "2a", "Eve", NULL, "blocked", "Ana", &em), AZ_OK);
	T_EQ_INT(store_assessment_carry(st, q1, q2, "Bo", &em), AZ_OK);
	T_EQ_INT(store_answers_load(st, q2, &as, &em), AZ_OK);
	T_EQ_INT(as.n, 2);
	T_EQ_STR(answer_set_find(&as, "1a.1")->note, "owner tags via policy");
	T_EQ_INT(store_carried_load(st, q2, &carried, &n, &em), AZ_OK);
	T_EQ_INT(n, 2);
	store_strings_free(carried, n);
	T_EQ_INT(store_history_list(st, q2, NULL, &h, &nh, &em), AZ_OK);
	T_EQ_INT(nh, 2);
	T_EQ_STR(h[0].source, "carried");
	store_history_free(h, nh);
	/* Overrides come along, except a "done" status. */
	T_EQ_INT(store_plan_overrides_load(st, q2, &ov, &em), AZ_OK);
	T_EQ_STR(plan_overrides_find(&ov, "1a")->owner, "Dana");
	T_ASSERT(plan_overrides_find(&ov, "1a")->status == NULL);
	T_EQ_STR(plan_overrides_find(&ov, "2a")->status, "blocked");
	T_EQ_INT(store_assessment_previous(st, q2, &prev, &em), AZ_OK);
	T_EQ_INT(prev, q1);
	/* Re-answering confirms: the marker goes, for that question only. */
	put_answer(st, q2, "1a.2", ANSWER_LARGELY, "");
	T_EQ_INT(store_carried_load(st, q2, &carried, &n, &em), AZ_OK);
	T_EQ_INT(n, 1);
	T_EQ_STR(carried[0], "1a.1");
	store_strings_free(carried, n);
	/* The source keeps its own answers unmarked. */
	T_EQ_INT(store_carried_load(st, q1, &carried, &n, &em), AZ_OK);
	T_EQ_INT(n, 0);
	store_strings_free(carried, n);
	/* Refused into an assessment that has answers, or into itself. */
	T_EQ_INT(store_assessment_carry(st, q1, q2, "Bo", &em), AZ_ERR_EXISTS);
	T_EQ_INT(store_assessment_carry(st, q1, q1, "Bo", &em), AZ_ERR_USAGE);
	T_EQ_INT(store_assessment_carry(st, 777, q2, "Bo", &em), AZ_ERR_NOTFOUND);
	plan_overrides_release(&ov);
	answer_set_release(&as);
	store_close(&st);
}

static void test_signoff_read_only(void)
{
	struct store *st = open_fresh("signoff.db");
	long long id = new_assessment(st, "Q1", "t1");
	struct assessment a;
	struct errmsg em = ERRMSG_INIT;

	T_EQ_INT(store_assessment_signoff(st, id, "", &em), AZ_ERR_USAGE);
	T_EQ_INT(store_assessment_signoff(st, id, "Ana Lead", &em), AZ_OK);
	memset(&a, 0, sizeof(a));
	T_EQ_INT(store_assessment_get(st, id, &a, &em), AZ_OK);
	T_EQ_STR(a.signed_off_by, "Ana Lead");
	T_EQ_STR(a.signed_off_at, "2026-11-26T09:00:00Z");
	assessment_release(&a);
	T_EQ_INT(store_assessment_signoff(st, id, "Bo", &em), AZ_ERR_READONLY);
	T_EQ_INT(store_plan_override_set(st, id, "1a", "x", NULL, NULL, "Bo", &em), AZ_ERR_READONLY);
	{
		struct answer ans;
		answer_init(&ans, "1a.1");
		ans.value = ANSWER_FULLY;
		T_EQ_INT(store_answer_put(st, id, &ans, "Bo", "test", &em), AZ_ERR_READONLY);
		answer_release(&ans);
	}
	store_close(&st);
}

static void test_lineage(void)
{
	struct store *st = open_fresh("lineage.db");
	struct assessment *as = NULL;
	size_t n = 0;
	long long a1, a2, b1, a3, lone;
	struct errmsg em = ERRMSG_INIT;
	struct assessment_fields f = { "Lone", "", "", "", "2026.11.0" };

	a1 = new_assessment(st, "A Q1", "tenant-a");
	b1 = new_assessment(st, "B Q1", "tenant-b");
	a2 = new_assessment(st, "A Q2", "tenant-a");
	a3 = new_assessment(st, "A Q3", "tenant-a");
	T_EQ_INT(store_assessment_create(st, &f, &lone, &em), AZ_OK);
	T_EQ_INT(store_assessment_lineage(st, a2, &as, &n, &em), AZ_OK);
	T_EQ_INT(n, 2);
	T_EQ_INT(as[0].id, a1);
	T_EQ_INT(as[1].id, a2);
	store_assessments_free(as, n);
	T_EQ_INT(store_assessment_lineage(st, a3, &as, &n, &em), AZ_OK);
	T_EQ_INT(n, 3);
	store_assessments_free(as, n);
	T_EQ_INT(store_assessment_lineage(st, b1, &as, &n, &em), AZ_OK);
	T_EQ_INT(n, 1);
	store_assessments_free(as, n);
	T_EQ_INT(store_assessment_lineage(st, lone, &as, &n, &em), AZ_OK);
	T_EQ_INT(n, 1);
	store_assessments_free(as, n);
	/* Deleting an assessment deletes its overrides. */
	T_EQ_INT(store_plan_override_set(st, a1, "1a", "x", NULL, NULL, "Bo", &em), AZ_OK);
	T_EQ_INT(store_assessment_delete(st, a1, &em), AZ_OK);
	{
		struct plan_overrides ov = PLAN_OVERRIDES_INIT;
		T_EQ_INT(store_plan_overrides_load(st, a1, &ov, &em), AZ_OK);
		T_EQ_INT(ov.n, 0);
	}
	store_close(&st);
}

int main(void)
{
	time_set_now(time_from_utc(2026, 11, 26, 9, 0, 0));
	T_RUN(test_overrides_round_trip);
	T_RUN(test_carry_and_confirm);
	T_RUN(test_signoff_read_only);
	T_RUN(test_lineage);
	return t_done();
}
