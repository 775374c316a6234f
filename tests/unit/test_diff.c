/*
 * Comparing crafted pairs of assessments: regressions first and weighted by
 * risk, answer changes and evidence flips apart, applicability changes,
 * level change, and plan slippage (overdue, postponed by hand).
 */
#include "diff.h"
#include "score_fixture.h"

static struct catalog *cat;

struct side {
	struct assessment a;
	struct answer_set as;
	struct evidence_set ev;
	struct plan_overrides ov;
	struct score s;
	struct plan p;
	struct diff_side d;
};

static char version[] = "2026.11.90";

static void side_init(struct side *x, long long id)
{
	memset(x, 0, sizeof(*x));
	x->a.id = id;
	x->a.catalog_version = version;
}

static void side_build(struct side *x, const char *today)
{
	struct plan_input in;

	fx_score(cat, &x->as, &x->ev, &x->s);
	in.score = &x->s;
	in.answers = &x->as;
	in.overrides = &x->ov;
	in.today = today;
	if (plan_build(&in, &x->p, NULL))
		abort();
	x->d.a = &x->a;
	x->d.answers = &x->as;
	x->d.evidence = &x->ev;
	x->d.score = &x->s;
	x->d.plan = &x->p;
}

static void side_release(struct side *x)
{
	plan_release(&x->p);
	score_release(&x->s);
	plan_overrides_release(&x->ov);
	evidence_release(&x->ev);
	answer_set_release(&x->as);
}

static const struct diff_item *find(const struct diff *d, const char *id, size_t *pos)
{
	size_t i;

	for (i = 0; i < d->nitems; i++) {
		if (!strcmp(d->items[i].item->id, id)) {
			if (pos)
				*pos = i;
			return &d->items[i];
		}
	}
	return NULL;
}

static void test_regressions_first_weighted(void)
{
	struct side a, b;
	struct diff d;
	size_t p6c = 0, p1a = 0, p1b = 0, p2b = 0;

	side_init(&a, 1);
	side_init(&b, 2);
	fx_steps(&a.as, cat, 1, 2, ANSWER_FULLY);
	fx_item(&a.as, cat, "6c", ANSWER_FULLY);
	fx_steps(&b.as, cat, 1, 2, ANSWER_FULLY);
	fx_item(&b.as, cat, "6c", ANSWER_NOT_STARTED); /* low risk: -1 x 1 */
	fx_item(&b.as, cat, "1a", ANSWER_LARGELY);      /* high risk: -0.33 x 3 */
	fx_item(&b.as, cat, "1b", ANSWER_PARTIAL);      /* medium: -0.67 x 2 */
	fx_item(&a.as, cat, "2b", ANSWER_PARTIAL);      /* improved in b */
	side_build(&a, "2026-11-26");
	side_build(&b, "2027-02-26");
	diff_build(&a.d, &b.d, &d);
	T_EQ_INT(d.nregressed, 3);
	T_EQ_INT(d.nimproved, 1);
	T_REQUIRE(find(&d, "6c", &p6c) && find(&d, "1a", &p1a) && find(&d, "1b", &p1b));
	T_REQUIRE(find(&d, "2b", &p2b));
	/* Weighted: 1b -1.34, 6c -1.0, 1a -0.99. */
	T_EQ_INT(p1b, 0);
	T_EQ_INT(p6c, 1);
	T_EQ_INT(p1a, 2);
	T_EQ_INT(p2b, 3);
	T_EQ_INT(d.items[0].kind, DIFF_REGRESSED);
	T_NEAR(find(&d, "1b", NULL)->weighted, -0.67 * 2, 1e-9);
	T_EQ_INT(find(&d, "1a", NULL)->nanswers, 4);
	T_EQ_INT(find(&d, "1a", NULL)->nflips, 0);
	/* Level 1 before (2b Partial), 0 after (1a Largely still achieves; 1b Partial does not). */
	T_EQ_INT(a.s.level, 1);
	T_EQ_INT(b.s.level, 0);
	diff_release(&d);
	side_release(&a);
	side_release(&b);
}

/* The same answers, different evidence: flips, no answer changes. */
static void test_evidence_apart_from_answers(void)
{
	struct side a, b;
	struct diff d;

	side_init(&a, 1);
	side_init(&b, 2);
	fx_item(&a.as, cat, "4a", ANSWER_FULLY);
	fx_item(&b.as, cat, "4a", ANSWER_FULLY);
	fx_result(&a.ev, "t-admin-mfa", CHECK_PASS, 5, 5);
	fx_result(&b.ev, "t-admin-mfa", CHECK_PARTIAL, 4, 5);
	fx_result(&a.ev, "t-ga-count", CHECK_PASS, 1, 1);
	fx_result(&b.ev, "t-ga-count", CHECK_PASS, 1, 1);
	fx_result(&a.ev, "t-owner-tag", CHECK_PARTIAL, 6, 10);
	fx_result(&b.ev, "t-owner-tag", CHECK_PARTIAL, 7, 10);
	side_build(&a, "2026-11-26");
	side_build(&b, "2027-02-26");
	diff_build(&a.d, &b.d, &d);
	T_EQ_INT(d.nanswers, 0);
	T_EQ_INT(d.nflips, 2); /* t-admin-mfa status, t-owner-tag ratio; not t-ga-count */
	T_EQ_STR(d.flips[0].check->id, "t-admin-mfa");
	T_EQ_STR(d.flips[1].check->id, "t-owner-tag");
	T_REQUIRE(find(&d, "4a", NULL) != NULL);
	T_EQ_INT(find(&d, "4a", NULL)->nflips, 1);
	T_EQ_INT(find(&d, "4a", NULL)->nanswers, 0);
	T_NEAR(find(&d, "4a", NULL)->delta, 0.33 - 1.0, 1e-9); /* gating partial caps */
	diff_release(&d);
	side_release(&a);
	side_release(&b);
}

static void test_notes_and_applicability(void)
{
	struct side a, b;
	struct diff d;

	side_init(&a, 1);
	side_init(&b, 2);
	fx_item(&a.as, cat, "9a", ANSWER_PARTIAL);
	fx_item(&b.as, cat, "9a", ANSWER_NA);
	fx_answer_full(&a.as, "9b.1", ANSWER_LARGELY, NULL, NULL, NULL, "old note");
	fx_answer_full(&b.as, "9b.1", ANSWER_LARGELY, NULL, NULL, NULL, "new note");
	side_build(&a, "2026-11-26");
	side_build(&b, "2027-02-26");
	diff_build(&a.d, &b.d, &d);
	T_REQUIRE(find(&d, "9a", NULL) != NULL);
	T_EQ_INT(find(&d, "9a", NULL)->kind, DIFF_NOW_NA);
	T_EQ_INT(d.nanswers, 4 + 1);
	T_EQ_STR(d.answers[4].q->id, "9b.1");
	T_ASSERT(!d.answers[4].value_changed && d.answers[4].text_changed);
	T_ASSERT(find(&d, "9b", NULL) == NULL); /* same score */
	diff_release(&d);
	side_release(&a);
	side_release(&b);
}

static void put_due(struct plan_overrides *ov, const char *item, const char *due)
{
	struct plan_override o;

	memset(&o, 0, sizeof(o));
	o.item_id = xstrdup(item);
	o.due = xstrdup(due);
	plan_overrides_put(ov, &o);
	plan_override_release(&o);
}

static void test_slippage(void)
{
	struct side a, b;
	struct diff d;
	size_t i, overdue = 0;

	side_init(&a, 1);
	side_init(&b, 2);
	/* Level 2 in both: step 3 is "next", due 90 days after a's date. */
	fx_steps(&a.as, cat, 1, 2, ANSWER_FULLY);
	fx_steps(&b.as, cat, 1, 2, ANSWER_FULLY);
	put_due(&a.ov, "4a", "2027-03-31");
	put_due(&b.ov, "4a", "2027-06-30"); /* moved by hand */
	fx_item(&b.as, cat, "3c", ANSWER_FULLY); /* done: not slippage */
	side_build(&a, "2026-11-26");
	side_build(&b, "2027-03-01");
	diff_build(&a.d, &b.d, &d);
	T_EQ_STR(d.as_of, "2027-03-01");
	for (i = 0; i < d.nslips; i++) {
		const struct diff_slip *s = &d.slips[i];
		T_ASSERT(strcmp(s->item->id, "3c"));
		if (s->kind == SLIP_OVERDUE) {
			overdue++;
			T_EQ_INT(s->after->step, 3); /* only steps up to L + 1 were due by now */
			T_EQ_INT(s->days, 5);       /* due 2027-02-24 */
		}
	}
	T_EQ_INT(overdue, 5); /* 3a, 3b, 3d, 3e, 3f */
	T_REQUIRE(d.nslips == 6);
	T_EQ_INT(d.slips[5].kind, SLIP_POSTPONED);
	T_EQ_STR(d.slips[5].item->id, "4a");
	T_EQ_INT(d.slips[5].days, 91);
	diff_release(&d);
	side_release(&a);
	side_release(&b);
}

int main(void)
{
	cat = fx_catalog();
	T_RUN(test_regressions_first_weighted);
	T_RUN(test_evidence_apart_from_answers);
	T_RUN(test_notes_and_applicability);
	T_RUN(test_slippage);
	catalog_free(&cat);
	return t_done();
}
