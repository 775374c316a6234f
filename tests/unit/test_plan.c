/*
 * The remediation plan: priority, lanes, quick wins, due dates, assess
 * tasks, the exceptions register, overrides, sorting and filtering.
 */
#include "plan.h"
#include "score_fixture.h"

static struct catalog *cat;

struct pcase {
	struct answer_set as;
	struct evidence_set ev;
	struct plan_overrides ov;
	struct score s;
	struct plan p;
};

static void pcase_build(struct pcase *c, const char *today)
{
	struct plan_input in;
	struct errmsg em = ERRMSG_INIT;

	plan_release(&c->p);
	score_release(&c->s);
	fx_score(cat, &c->as, &c->ev, &c->s);
	in.score = &c->s;
	in.answers = &c->as;
	in.overrides = &c->ov;
	in.today = today;
	if (plan_build(&in, &c->p, &em)) {
		fprintf(stderr, "%s\n", em.msg);
		abort();
	}
}

static void pcase_release(struct pcase *c)
{
	plan_release(&c->p);
	score_release(&c->s);
	plan_overrides_release(&c->ov);
	answer_set_release(&c->as);
	evidence_release(&c->ev);
}

static void put_ov(struct plan_overrides *ov, const char *item, const char *owner,
		   const char *due, const char *status)
{
	struct plan_override o;

	memset(&o, 0, sizeof(o));
	o.item_id = xstrdup(item);
	o.owner = xstrdup_or_null(owner);
	o.due = xstrdup_or_null(due);
	o.status = xstrdup_or_null(status);
	plan_overrides_put(ov, &o);
	plan_override_release(&o);
}

static const struct plan_row *row(const struct pcase *c, const char *id)
{
	return plan_find(&c->p, id);
}

/* Steps 1 and 2 Largely: level 2. */
static void level_two(struct pcase *c)
{
	memset(c, 0, sizeof(*c));
	fx_steps(&c->as, cat, 1, 2, ANSWER_LARGELY);
}

static void test_priority_formula(void)
{
	struct pcase c;

	level_two(&c);
	pcase_build(&c, "2026-11-26");
	T_EQ_INT(c.s.level, 2);
	/* 3a: high (3), medium effort (2), step 3 = L + 1: 100 * 3 * 1 / 2. */
	T_NEAR(row(&c, "3a")->priority, 150.0, 1e-9);
	/* 5a: two steps beyond L + 1: times 0.6^2. */
	T_NEAR(row(&c, "5a")->priority, 150.0 * 0.36, 1e-9);
	/* 6c: low (1), low effort (1), 0.6^3. */
	T_NEAR(row(&c, "6c")->priority, 100.0 * 0.216, 1e-9);
	/* 1b: Largely leaves a gap of 0.33: medium (2), low effort (1). */
	T_NEAR(row(&c, "1b")->gap, 0.33, 1e-9);
	T_NEAR(row(&c, "1b")->priority, 100.0 * 2 * 0.33, 1e-9);
	T_NEAR(plan_priority(score_find_item(&c.s, "9b"), 9, 2, 0.5),
	       100.0 * 2 * 0.5 / 3 * 0.6 * 0.6 * 0.6 * 0.6 * 0.6 * 0.6, 1e-9);
	pcase_release(&c);
}

static void test_lanes_and_order(void)
{
	struct pcase c;
	size_t i;

	level_two(&c);
	fx_item(&c.as, cat, "4a", ANSWER_FULLY);
	fx_result(&c.ev, "t-admin-mfa", CHECK_FAIL, 0, 3); /* gating, high risk */
	fx_item(&c.as, cat, "6c", ANSWER_PARTIAL);
	fx_result(&c.ev, "t-owner-tag", CHECK_FAIL, 0, 3); /* no gating */
	pcase_build(&c, "2026-11-26");
	T_EQ_INT(row(&c, "4a")->lane, LANE_NOW);
	T_EQ_INT(row(&c, "1a")->lane, LANE_NEXT);
	T_EQ_INT(row(&c, "3f")->lane, LANE_NEXT);
	T_EQ_INT(row(&c, "4b")->lane, LANE_LATER);
	T_EQ_INT(row(&c, "5d")->lane, LANE_LATER);
	T_EQ_INT(row(&c, "6c")->lane, LANE_BACKLOG);
	T_EQ_INT(row(&c, "9b")->lane, LANE_BACKLOG);
	T_EQ_STR(c.p.rows[0].item->id, "4a");
	for (i = 1; i < c.p.n; i++) {
		const struct plan_row *a = &c.p.rows[i - 1], *b = &c.p.rows[i];
		T_ASSERT(a->lane <= b->lane);
		if (a->lane == b->lane)
			T_ASSERT(a->priority >= b->priority - 1e-9);
	}
	T_EQ_INT(c.p.nlane[LANE_NOW], 1);
	pcase_release(&c);
}

static void test_quick_wins_and_dates(void)
{
	struct pcase c;

	level_two(&c);
	pcase_build(&c, "2026-11-26");
	T_ASSERT(row(&c, "1b")->quick_win);  /* medium, low effort, gap 0.33 */
	T_ASSERT(!row(&c, "1a")->quick_win); /* medium effort */
	T_ASSERT(!row(&c, "6c")->quick_win); /* low risk */
	T_EQ_STR(row(&c, "1b")->due, "2027-02-24");     /* next: 90 days */
	T_EQ_STR(row(&c, "4a")->due, "2027-05-25");     /* later: 180 days */
	T_EQ_STR(row(&c, "9a")->due, "2027-11-26");     /* backlog: 365 days */
	T_EQ_STR(row(&c, "1b")->default_due, "2027-02-24");
	pcase_release(&c);
}

static void test_assess_rows(void)
{
	struct pcase c;

	level_two(&c);
	fx_answer(&c.as, "1a.2", ANSWER_UNKNOWN);
	fx_item(&c.as, cat, "6a", ANSWER_FULLY);
	fx_result(&c.ev, "t-owner-tag", CHECK_PASS, 4, 4); /* 6c: suggested Fully */
	pcase_build(&c, "2026-11-26");
	T_EQ_INT(row(&c, "1a")->kind, PLAN_ASSESS);
	T_EQ_INT(row(&c, "1b")->kind, PLAN_REMEDIATE);
	T_EQ_INT(row(&c, "3a")->kind, PLAN_ASSESS);
	T_ASSERT(row(&c, "6a") == NULL);       /* Fully: nothing to do */
	T_REQUIRE(row(&c, "6c") != NULL);      /* unconfirmed: confirm it */
	T_EQ_INT(row(&c, "6c")->kind, PLAN_ASSESS);
	T_NEAR(row(&c, "6c")->gap, 0.0, 1e-12);
	pcase_release(&c);
}

static void test_exceptions(void)
{
	struct pcase c;
	const struct cat_item *it;
	size_t i;

	level_two(&c);
	it = catalog_find_item(cat, "5c");
	for (i = 0; i < it->nquestions; i++)
		fx_answer_full(&c.as, it->questions[i].id, ANSWER_RISK_ACCEPTED, "legacy estate",
			       "CISO", "2027-01-31", NULL);
	fx_answer_full(&c.as, "5b.1", ANSWER_RISK_ACCEPTED, "vendor appliance", "Network lead",
		       "2026-11-01", NULL);
	fx_item(&c.as, cat, "1c", ANSWER_FULLY);
	fx_answer_full(&c.as, "1c.2", ANSWER_RISK_ACCEPTED, "shared tooling", "SecOps",
		       "2026-12-31", NULL);
	pcase_build(&c, "2026-11-26");
	T_ASSERT(row(&c, "5c") == NULL); /* every question under a current exception */
	T_ASSERT(row(&c, "1c") == NULL); /* Fully plus a current exception */
	T_REQUIRE(row(&c, "5b") != NULL); /* expired: back in the plan */
	T_EQ_INT(c.p.nexceptions, it->nquestions + 2);
	T_EQ_INT(c.p.nexpired, 1);
	for (i = 0; i < c.p.nexceptions; i++) {
		const struct plan_exception *x = &c.p.exceptions[i];
		if (!strcmp(x->question->id, "5b.1")) {
			T_ASSERT(x->expired);
			T_EQ_INT(x->days_left, -25);
		} else {
			T_ASSERT(!x->expired);
		}
	}
	/* The day after 5c's expiry, 5c returns. */
	pcase_build(&c, "2027-02-01");
	T_REQUIRE(row(&c, "5c") != NULL);
	T_EQ_INT(row(&c, "5c")->nexcepted, 0);
	pcase_release(&c);
}

static void test_overrides(void)
{
	struct pcase c;

	level_two(&c);
	put_ov(&c.ov, "3a", "Dana", "2026-11-01", NULL);
	put_ov(&c.ov, "1b", NULL, NULL, "done");
	pcase_build(&c, "2026-11-26");
	T_EQ_STR(row(&c, "3a")->owner, "Dana");
	T_EQ_STR(row(&c, "3a")->due, "2026-11-01");
	T_EQ_INT(row(&c, "3a")->overridden, PLAN_OV_OWNER | PLAN_OV_DUE);
	T_ASSERT(row(&c, "3a")->overdue);
	T_EQ_INT(row(&c, "1b")->status, PLAN_DONE);
	T_EQ_STR(row(&c, "1b")->owner, "");
	/* Overrides survive re-scoring: new evidence, same overrides. */
	fx_result(&c.ev, "t-defender-plans", CHECK_PARTIAL, 1, 2);
	pcase_build(&c, "2026-11-26");
	T_EQ_STR(row(&c, "3a")->owner, "Dana");
	T_EQ_INT(c.p.noverdue, 1);
	pcase_release(&c);
}

static void test_sort_and_filter(void)
{
	struct pcase c;
	struct plan_filter f = PLAN_FILTER_ALL;
	size_t *idx, n, i;

	level_two(&c);
	put_ov(&c.ov, "9a", "Ana", NULL, NULL);
	put_ov(&c.ov, "2c", "Bo", NULL, NULL);
	pcase_build(&c, "2026-11-26");
	idx = xcalloc(c.p.n + 1, sizeof(*idx));
	f.owner = "Ana";
	n = plan_filter_rows(&c.p, &f, idx);
	T_EQ_INT(n, 1);
	T_EQ_STR(c.p.rows[idx[0]].item->id, "9a");
	f.owner = NULL;
	f.lane = LANE_LATER;
	n = plan_filter_rows(&c.p, &f, idx);
	T_EQ_INT(n, c.p.nlane[LANE_LATER]);
	for (i = 0; i < n; i++)
		T_ASSERT(c.p.rows[idx[i]].step == 4 || c.p.rows[idx[i]].step == 5);
	f.lane = -1;
	f.quick_only = 1;
	n = plan_filter_rows(&c.p, &f, idx);
	T_EQ_INT(n, c.p.nquick);
	{
		const char *owners[4];
		put_ov(&c.ov, "9b", "Ana", NULL, NULL);
		pcase_build(&c, "2026-11-26");
		T_EQ_INT(plan_owners(&c.p, owners, 4), 2);
		T_EQ_STR(owners[0], "Ana");
		T_EQ_STR(owners[1], "Bo");
	}
	plan_sort(&c.p, PLAN_SORT_OWNER, 0);
	T_EQ_STR(c.p.rows[0].owner, "Ana");
	T_EQ_STR(c.p.rows[1].owner, "Ana");
	T_EQ_STR(c.p.rows[2].owner, "Bo");
	T_EQ_STR(c.p.rows[3].owner, ""); /* unassigned last */
	plan_sort(&c.p, PLAN_SORT_STEP, 1);
	T_EQ_INT(c.p.rows[0].step, 9);
	plan_sort(&c.p, PLAN_SORT_DUE, 0);
	for (i = 1; i < c.p.n; i++)
		T_ASSERT(strcmp(c.p.rows[i - 1].due, c.p.rows[i].due) <= 0);
	plan_sort(&c.p, PLAN_SORT_DEFAULT, 0);
	T_EQ_INT(c.p.rows[0].lane, LANE_NEXT);
	T_EQ_INT(plan_sort_parse("owner"), PLAN_SORT_OWNER);
	T_EQ_INT(plan_sort_parse("nope"), -1);
	free(idx);
	pcase_release(&c);
}

static void test_override_check(void)
{
	struct errmsg em = ERRMSG_INIT;

	T_EQ_INT(plan_override_check("Dana", "2027-01-31", "in-progress", &em), AZ_OK);
	T_EQ_INT(plan_override_check("", "", NULL, &em), AZ_OK);
	T_EQ_INT(plan_override_check(NULL, "2027-02-30", NULL, &em), AZ_ERR_USAGE);
	T_CONTAINS(em.msg, "due date");
	T_EQ_INT(plan_override_check(NULL, NULL, "finished", &em), AZ_ERR_USAGE);
	T_EQ_INT(plan_override_check("a\x1b[2Jb", NULL, NULL, &em), AZ_ERR_USAGE);
	T_EQ_INT(plan_override_check("\xff", NULL, NULL, &em), AZ_ERR_USAGE);
}

static void test_nothing_to_do(void)
{
	struct pcase c;

	memset(&c, 0, sizeof(c));
	fx_steps(&c.as, cat, 1, 9, ANSWER_NA);
	pcase_build(&c, "2026-11-26");
	T_EQ_INT(c.p.n, 0);
	fx_steps(&c.as, cat, 1, 9, ANSWER_FULLY);
	pcase_build(&c, "2026-11-26");
	T_EQ_INT(c.p.n, 0);
	T_EQ_INT(c.s.level, 9);
	pcase_release(&c);
}

static void test_bad_today(void)
{
	struct score s;
	struct plan p;
	struct plan_input in;
	struct answer_set as = ANSWER_SET_INIT;
	struct errmsg em = ERRMSG_INIT;

	fx_score(cat, &as, NULL, &s);
	memset(&in, 0, sizeof(in));
	in.score = &s;
	in.answers = &as;
	in.today = "26/11/2026";
	T_EQ_INT(plan_build(&in, &p, &em), AZ_ERR_INVALID);
	score_release(&s);
}

int main(void)
{
	cat = fx_catalog();
	T_RUN(test_priority_formula);
	T_RUN(test_lanes_and_order);
	T_RUN(test_quick_wins_and_dates);
	T_RUN(test_assess_rows);
	T_RUN(test_exceptions);
	T_RUN(test_overrides);
	T_RUN(test_sort_and_filter);
	T_RUN(test_override_check);
	T_RUN(test_nothing_to_do);
	T_RUN(test_bad_today);
	catalog_free(&cat);
	return t_done();
}
