/*
 * The scoring model (DESIGN.md section 5, docs/scoring.md), rule by rule,
 * on the test catalog with answers and results built in memory.
 */
#include "score_fixture.h"

static struct catalog *cat;

struct case_ {
	struct answer_set as;
	struct evidence_set ev;
	struct score s;
};

static void case_init(struct case_ *c)
{
	memset(c, 0, sizeof(*c));
}

static void case_score(struct case_ *c)
{
	score_release(&c->s);
	fx_score(cat, &c->as, &c->ev, &c->s);
}

static void case_release(struct case_ *c)
{
	score_release(&c->s);
	answer_set_release(&c->as);
	evidence_release(&c->ev);
}

static const struct score_item *item(const struct case_ *c, const char *id)
{
	const struct score_item *si = score_find_item(&c->s, id);

	if (!si)
		abort();
	return si;
}

static void test_answer_values(void)
{
	T_NEAR(answer_score(ANSWER_NOT_STARTED), 0.0, 1e-12);
	T_NEAR(answer_score(ANSWER_PLANNED), 0.0, 1e-12);
	T_NEAR(answer_score(ANSWER_PARTIAL), 0.33, 1e-12);
	T_NEAR(answer_score(ANSWER_LARGELY), 0.67, 1e-12);
	T_NEAR(answer_score(ANSWER_FULLY), 1.0, 1e-12);
	T_NEAR(answer_score(ANSWER_RISK_ACCEPTED), 0.0, 1e-12);
	T_NEAR(answer_score(ANSWER_UNKNOWN), 0.0, 1e-12);
	T_ASSERT(answer_excluded(ANSWER_NA));
	T_ASSERT(!answer_excluded(ANSWER_RISK_ACCEPTED));
}

static void test_bands(void)
{
	T_EQ_INT(score_band_of(1.0), BAND_FULLY);
	T_EQ_INT(score_band_of(0.851), BAND_FULLY);
	T_EQ_INT(score_band_of(0.85), BAND_LARGELY);
	T_EQ_INT(score_band_of(0.501), BAND_LARGELY);
	T_EQ_INT(score_band_of(0.5), BAND_PARTIAL);
	T_EQ_INT(score_band_of(0.151), BAND_PARTIAL);
	T_EQ_INT(score_band_of(0.15), BAND_NOT_STARTED);
	T_EQ_INT(score_band_of(0.0), BAND_NOT_STARTED);
	/* The answer values land in their own bands. */
	T_EQ_INT(score_band_of(0.33), BAND_PARTIAL);
	T_EQ_INT(score_band_of(0.67), BAND_LARGELY);
}

/* A = mean of the applicable question values; NA excluded; unknown and unanswered 0. */
static void test_attested_mean(void)
{
	struct case_ c;

	case_init(&c);
	fx_answer(&c.as, "1a.1", ANSWER_FULLY);
	fx_answer(&c.as, "1a.2", ANSWER_LARGELY);
	fx_answer(&c.as, "1a.3", ANSWER_PARTIAL);
	fx_answer(&c.as, "1a.4", ANSWER_NA);
	fx_answer(&c.as, "1b.1", ANSWER_FULLY);
	fx_answer(&c.as, "1b.2", ANSWER_UNKNOWN);
	/* 1b.3 and 1b.4 unanswered */
	case_score(&c);
	T_NEAR(item(&c, "1a")->attested, (1.0 + 0.67 + 0.33) / 3.0, 1e-12);
	T_EQ_INT(item(&c, "1a")->nna, 1);
	T_EQ_INT(item(&c, "1a")->nunknown, 0);
	T_EQ_INT(item(&c, "1a")->confidence, CONF_LOW);
	T_NEAR(item(&c, "1b")->attested, 0.25, 1e-12);
	T_EQ_INT(item(&c, "1b")->nunknown, 3);
	T_ASSERT(item(&c, "1b")->has_attested);
	T_ASSERT(!item(&c, "1c")->has_attested);
	T_EQ_INT(item(&c, "1c")->confidence, CONF_NONE);
	T_NEAR(item(&c, "1c")->effective, 0.0, 1e-12);
	case_release(&c);
}

/* Evidence ratio: pass 1, fail 0, partial healthy/total; not assessable ignored. */
static void test_evidence_ratio(void)
{
	struct case_ c;

	case_init(&c);
	fx_result(&c.ev, "t-admin-mfa", CHECK_PASS, 5, 5);
	fx_result(&c.ev, "t-ga-count", CHECK_PARTIAL, 1, 4);
	fx_result(&c.ev, "t-kv-network", CHECK_NOT_ASSESSABLE, 0, 0);
	case_score(&c);
	T_NEAR(item(&c, "4a")->evidence, (1.0 + 0.25) / 2.0, 1e-12);
	T_EQ_INT(item(&c, "4a")->nassessable, 2);
	T_EQ_INT(item(&c, "4a")->evidence_band, BAND_LARGELY);
	T_ASSERT(!item(&c, "5a")->has_evidence);
	T_EQ_INT(item(&c, "5a")->confidence, CONF_NONE);
	case_release(&c);
}

/* A check's catalog weight is its share of E; not-assessable results weigh nothing. */
static void test_evidence_weights(void)
{
	struct cat_check *mfa = NULL, *ga = NULL;
	struct case_ c;
	size_t i;

	for (i = 0; i < cat->nchecks; i++) {
		if (!strcmp(cat->checks[i].id, "t-admin-mfa"))
			mfa = &cat->checks[i];
		if (!strcmp(cat->checks[i].id, "t-ga-count"))
			ga = &cat->checks[i];
	}
	T_REQUIRE(mfa && ga && mfa->weight == 1 && ga->weight == 1);
	mfa->weight = 3;
	case_init(&c);
	fx_result(&c.ev, "t-admin-mfa", CHECK_PASS, 5, 5);
	fx_result(&c.ev, "t-ga-count", CHECK_FAIL, 0, 1);
	case_score(&c);
	T_NEAR(item(&c, "4a")->evidence, (3.0 * 1 + 1.0 * 0) / 4.0, 1e-12);
	T_EQ_INT(item(&c, "4a")->evidence_band, BAND_LARGELY);
	evidence_release(&c.ev);
	fx_result(&c.ev, "t-admin-mfa", CHECK_NOT_ASSESSABLE, 0, 0);
	fx_result(&c.ev, "t-ga-count", CHECK_PARTIAL, 1, 4);
	case_score(&c);
	T_NEAR(item(&c, "4a")->evidence, 0.25, 1e-12);
	T_EQ_INT(item(&c, "4a")->nassessable, 1);
	mfa->weight = 1;
	case_release(&c);
}

/* Effective = min(A, band(E)): evidence lowers, never raises. */
static void test_effective_minimum(void)
{
	struct case_ c;

	case_init(&c);
	fx_item(&c.as, cat, "1a", ANSWER_FULLY);
	fx_result(&c.ev, "t-sub-owner", CHECK_PARTIAL, 6, 10); /* 0.6: Largely */
	fx_item(&c.as, cat, "1b", ANSWER_PARTIAL);
	fx_result(&c.ev, "t-mg-tree", CHECK_PASS, 3, 3);
	case_score(&c);
	T_NEAR(item(&c, "1a")->effective, 0.67, 1e-12);
	T_EQ_INT(item(&c, "1a")->confidence, CONF_HIGH);
	T_EQ_INT(item(&c, "1a")->contradiction, CONTRA_MINOR);
	T_NEAR(item(&c, "1b")->effective, 0.33, 1e-12);
	T_EQ_INT(item(&c, "1b")->contradiction, CONTRA_UNDER);
	case_release(&c);
}

/* No answer: band(E) is a suggestion with medium confidence. */
static void test_suggested_from_evidence(void)
{
	struct case_ c;

	case_init(&c);
	fx_result(&c.ev, "t-owner-tag", CHECK_PARTIAL, 9, 10);
	case_score(&c);
	T_NEAR(item(&c, "6c")->effective, 1.0, 1e-12);
	T_EQ_INT(item(&c, "6c")->confidence, CONF_MEDIUM);
	T_ASSERT(item(&c, "6c")->suggested);
	T_EQ_INT(item(&c, "6c")->contradiction, CONTRA_NONE);
	/* A suggestion is not an answer: the item is not achieved. */
	T_ASSERT(!item(&c, "6c")->achieved);
	case_release(&c);
}

/* A failed gating check caps the item at Partial and blocks the step. */
static void test_gating_cap(void)
{
	struct case_ c;

	case_init(&c);
	fx_item(&c.as, cat, "4a", ANSWER_FULLY);
	fx_result(&c.ev, "t-admin-mfa", CHECK_PARTIAL, 9, 10); /* gating, not a pass */
	fx_result(&c.ev, "t-ga-count", CHECK_PASS, 1, 1);
	case_score(&c);
	/* E = 0.95 (Fully) but the gating check failed. */
	T_NEAR(item(&c, "4a")->evidence, 0.95, 1e-12);
	T_NEAR(item(&c, "4a")->effective, 0.33, 1e-12);
	T_ASSERT(item(&c, "4a")->capped);
	T_ASSERT(item(&c, "4a")->gating_failed != NULL);
	T_EQ_STR(item(&c, "4a")->gating_failed->check->id, "t-admin-mfa");
	/* Fully against evidence capped at Partial: two bands, major. */
	T_EQ_INT(item(&c, "4a")->contradiction, CONTRA_MAJOR);
	T_ASSERT(!item(&c, "4a")->achieved);
	/* A non-gating failure does not cap. */
	fx_result(&c.ev, "t-admin-mfa", CHECK_PASS, 10, 10);
	fx_result(&c.ev, "t-ga-count", CHECK_FAIL, 0, 1);
	case_score(&c);
	T_NEAR(item(&c, "4a")->effective, 0.33, 1e-12); /* E = 0.5: Partial, by the minimum */
	T_ASSERT(!item(&c, "4a")->capped);
	case_release(&c);
}

static void test_contradictions(void)
{
	struct case_ c;

	case_init(&c);
	fx_item(&c.as, cat, "1a", ANSWER_FULLY);
	fx_result(&c.ev, "t-sub-owner", CHECK_PARTIAL, 3, 10); /* Partial: 2 bands below */
	fx_item(&c.as, cat, "1b", ANSWER_LARGELY);
	fx_result(&c.ev, "t-mg-tree", CHECK_PARTIAL, 4, 10); /* Partial: 1 band below */
	fx_item(&c.as, cat, "6c", ANSWER_NOT_STARTED);
	fx_result(&c.ev, "t-owner-tag", CHECK_PARTIAL, 6, 10); /* Largely: above */
	fx_item(&c.as, cat, "8a", ANSWER_PARTIAL);
	fx_result(&c.ev, "t-private-endpoints", CHECK_PARTIAL, 2, 10); /* Partial: agree */
	case_score(&c);
	T_EQ_INT(item(&c, "1a")->contradiction, CONTRA_MAJOR);
	T_EQ_INT(item(&c, "1a")->band_gap, 2);
	T_EQ_INT(item(&c, "1b")->contradiction, CONTRA_MINOR);
	T_EQ_INT(item(&c, "6c")->contradiction, CONTRA_UNDER);
	T_EQ_INT(item(&c, "8a")->contradiction, CONTRA_NONE);
	T_EQ_INT(c.s.ncontra[CONTRA_MAJOR], 1);
	T_EQ_INT(c.s.ncontra[CONTRA_MINOR], 1);
	T_EQ_INT(c.s.ncontra[CONTRA_UNDER], 1);
	T_EQ_INT(c.s.nunacknowledged, 1);
	{
		const struct score_item *rows[8];
		T_EQ_INT(score_contradiction_rows(&c.s, rows, 8), 3);
		T_EQ_STR(rows[0]->item->id, "1a");
		T_EQ_STR(rows[1]->item->id, "1b");
		T_EQ_STR(rows[2]->item->id, "6c");
		T_EQ_INT(score_contradiction_rows(&c.s, rows, 1), 3);
	}
	case_release(&c);
}

/* "Not applicable" is refused when a check of the item judged something. */
static void test_na_refusal(void)
{
	struct evidence_set ev = EVIDENCE_SET_INIT;
	const struct cat_item *it = catalog_find_item(cat, "5a");

	T_ASSERT(score_na_refusal(it, NULL) == NULL);
	T_ASSERT(score_na_refusal(it, &ev) == NULL);
	fx_result(&ev, "t-kv-network", CHECK_NOT_ASSESSABLE, 0, 0);
	T_ASSERT(score_na_refusal(it, &ev) == NULL);
	fx_result(&ev, "t-kv-network", CHECK_PASS, 4, 4);
	T_REQUIRE(score_na_refusal(it, &ev) != NULL);
	T_EQ_STR(score_na_refusal(it, &ev)->check_id, "t-kv-network");
	/* An item without checks can always be not applicable. */
	T_ASSERT(score_na_refusal(catalog_find_item(cat, "9a"), &ev) == NULL);
	evidence_release(&ev);
}

/* All "not applicable" while evidence shows the scope: a major contradiction. */
static void test_na_refuted(void)
{
	struct case_ c;

	case_init(&c);
	fx_item(&c.as, cat, "8a", ANSWER_NA);
	fx_item(&c.as, cat, "9a", ANSWER_NA);
	fx_result(&c.ev, "t-private-endpoints", CHECK_FAIL, 0, 7);
	case_score(&c);
	T_ASSERT(item(&c, "8a")->applicable);
	T_ASSERT(item(&c, "8a")->na_refuted);
	T_EQ_INT(item(&c, "8a")->contradiction, CONTRA_MAJOR);
	T_EQ_INT(item(&c, "8a")->confidence, CONF_MEDIUM);
	T_ASSERT(!item(&c, "9a")->applicable);
	T_EQ_INT(item(&c, "9a")->contradiction, CONTRA_NONE);
	case_release(&c);
}

/* Step score = sum(w * s) / sum(w), w = 3/2/1 by risk, 0..100. */
static void test_step_weights(void)
{
	struct case_ c;

	case_init(&c);
	fx_item(&c.as, cat, "1a", ANSWER_FULLY);   /* high: 3 x 1.0 */
	fx_item(&c.as, cat, "1b", ANSWER_PARTIAL); /* medium: 2 x 0.33 */
	fx_item(&c.as, cat, "1c", ANSWER_NA);      /* excluded */
	fx_item(&c.as, cat, "6a", ANSWER_LARGELY); /* medium: 2 x 0.67 */
	fx_item(&c.as, cat, "6b", ANSWER_LARGELY); /* medium: 2 x 0.67 */
	fx_item(&c.as, cat, "6c", ANSWER_FULLY);   /* low: 1 x 1.0 */
	case_score(&c);
	T_NEAR(c.s.steps[0].score, 100.0 * (3 * 1.0 + 2 * 0.33) / 5.0, 1e-9);
	T_EQ_INT(c.s.steps[0].napplicable, 2);
	T_NEAR(c.s.steps[5].score, 100.0 * (2 * 0.67 + 2 * 0.67 + 1 * 1.0) / 5.0, 1e-9);
	T_NEAR(score_round1(c.s.steps[0].score), 73.2, 1e-9);
	case_release(&c);
}

/* Level: the highest N with steps 1..N achieved; provisional; ahead. */
static void test_level(void)
{
	struct case_ c;

	case_init(&c);
	fx_steps(&c.as, cat, 1, 2, ANSWER_LARGELY);
	fx_steps(&c.as, cat, 4, 4, ANSWER_FULLY);
	fx_result(&c.ev, "t-sub-owner", CHECK_PASS, 4, 4);
	case_score(&c);
	T_EQ_INT(c.s.level, 2);
	T_ASSERT(c.s.provisional); /* 1b, 1c, 2b... rest on answers alone */
	T_ASSERT(c.s.steps[3].ahead);
	T_EQ_INT(c.s.nahead, 1);
	T_ASSERT(!c.s.steps[2].achieved);
	/* 1c has no check in the test catalog: it still rests on answers alone. */
	fx_result(&c.ev, "t-mg-tree", CHECK_PASS, 1, 1);
	case_score(&c);
	T_EQ_INT(item(&c, "1b")->confidence, CONF_HIGH);
	T_ASSERT(c.s.steps[0].achieved && c.s.steps[0].provisional);
	/* One Unknown blocks the level. */
	fx_answer(&c.as, "2b.1", ANSWER_UNKNOWN);
	case_score(&c);
	T_EQ_INT(c.s.level, 1);
	T_ASSERT(c.s.provisional); /* 1c */
	/* A failed gating check blocks it too (and caps the item). */
	fx_answer(&c.as, "2b.1", ANSWER_LARGELY);
	fx_result(&c.ev, "t-activity-log", CHECK_FAIL, 0, 3);
	case_score(&c);
	T_EQ_INT(c.s.level, 1);
	/* Largely is the bar: one Partial answer in an item of four is below it. */
	fx_result(&c.ev, "t-activity-log", CHECK_PASS, 3, 3);
	fx_answer(&c.as, "1c.1", ANSWER_PARTIAL);
	case_score(&c);
	T_EQ_INT(c.s.level, 0);
	case_release(&c);
}

/* Questionnaire-only items (9a, 9b) never make a step provisional. */
static void test_provisional_questionnaire_only(void)
{
	struct case_ c;

	case_init(&c);
	fx_steps(&c.as, cat, 8, 9, ANSWER_FULLY);
	case_score(&c);
	T_ASSERT(c.s.steps[7].provisional);
	T_ASSERT(!c.s.steps[8].provisional);
	T_ASSERT(c.s.steps[8].achieved);
	case_release(&c);
}

static void test_everything_not_applicable(void)
{
	struct case_ c;
	size_t i;

	case_init(&c);
	fx_steps(&c.as, cat, 1, 9, ANSWER_NA);
	case_score(&c);
	T_EQ_INT(c.s.napplicable, 0);
	T_ASSERT(!c.s.has_index);
	T_EQ_INT(c.s.level, 0);
	T_ASSERT(!c.s.provisional);
	T_EQ_INT(c.s.nahead, 0);
	for (i = 0; i < c.s.nsteps; i++)
		T_ASSERT(!c.s.steps[i].has_score);
	case_release(&c);
}

static void test_all_unknown(void)
{
	struct case_ c;

	case_init(&c);
	fx_steps(&c.as, cat, 1, 9, ANSWER_UNKNOWN);
	case_score(&c);
	T_ASSERT(c.s.has_index);
	T_NEAR(c.s.index, 0.0, 1e-12);
	T_EQ_INT(c.s.level, 0);
	T_EQ_INT(c.s.napplicable, 31);
	T_EQ_INT(c.s.nunknown, cat->nquestions);
	T_EQ_INT(item(&c, "1a")->confidence, CONF_NONE);
	case_release(&c);
}

/* A step with no applicable item: no score, not in the index, does not block. */
static void test_step_without_applicable_item(void)
{
	struct case_ c;

	case_init(&c);
	fx_steps(&c.as, cat, 1, 1, ANSWER_FULLY);
	fx_steps(&c.as, cat, 2, 2, ANSWER_NA);
	fx_steps(&c.as, cat, 3, 3, ANSWER_LARGELY);
	case_score(&c);
	T_ASSERT(!c.s.steps[1].has_score);
	T_ASSERT(c.s.steps[1].achieved);
	T_ASSERT(!c.s.steps[1].ahead);
	T_EQ_INT(c.s.level, 3);
	/* Index: mean of the eight scored steps (1: 100, 3: 67, 4..9: 0). */
	T_NEAR(c.s.index, (100.0 + 67.0) / 8.0, 1e-9);
	case_release(&c);
}

static void test_signoff_blockers(void)
{
	const struct score_item *blk[4];
	struct case_ c;
	char q1[] = "1a.1";
	char *carried[] = { q1 };
	struct score_input in;

	case_init(&c);
	fx_item(&c.as, cat, "1a", ANSWER_FULLY);
	fx_result(&c.ev, "t-sub-owner", CHECK_FAIL, 0, 10);
	case_score(&c);
	T_EQ_INT(score_signoff_blockers(&c.s, blk, 4), 1);
	T_EQ_STR(blk[0]->item->id, "1a");
	fx_answer_full(&c.as, "1a.1", ANSWER_FULLY, NULL, NULL, NULL,
		       "tags are applied by a script the check does not see");
	case_score(&c);
	T_EQ_INT(score_signoff_blockers(&c.s, blk, 4), 0);
	T_ASSERT(item(&c, "1a")->noted);
	/* A note carried over from last quarter does not count until confirmed. */
	score_release(&c.s);
	memset(&in, 0, sizeof(in));
	in.cat = cat;
	in.answers = &c.as;
	in.evidence = &c.ev;
	in.carried = carried;
	in.ncarried = 1;
	score_compute(&in, &c.s);
	T_EQ_INT(item(&c, "1a")->ncarried, 1);
	T_EQ_INT(score_signoff_blockers(&c.s, blk, 4), 1);
	case_release(&c);
}

static void test_evidence_summary(void)
{
	struct case_ c;
	struct buf b = BUF_INIT(4096);

	case_init(&c);
	fx_result(&c.ev, "t-admin-mfa", CHECK_PARTIAL, 9, 10);
	fx_result(&c.ev, "t-ga-count", CHECK_NOT_ASSESSABLE, 0, 0);
	case_score(&c);
	score_evidence_summary(item(&c, "4a"), &b);
	T_EQ_STR(b.data, "t-admin-mfa partial 9/10; t-ga-count not-assessable (nothing-in-scope)");
	buf_reset(&b);
	score_evidence_summary(item(&c, "1c"), &b);
	T_EQ_STR(b.data, "no automated check");
	buf_reset(&b);
	score_evidence_summary(item(&c, "1a"), &b);
	T_EQ_STR(b.data, "not collected");
	buf_release(&b);
	case_release(&c);
}

int main(void)
{
	cat = fx_catalog();
	T_RUN(test_answer_values);
	T_RUN(test_bands);
	T_RUN(test_attested_mean);
	T_RUN(test_evidence_ratio);
	T_RUN(test_evidence_weights);
	T_RUN(test_effective_minimum);
	T_RUN(test_suggested_from_evidence);
	T_RUN(test_gating_cap);
	T_RUN(test_contradictions);
	T_RUN(test_na_refusal);
	T_RUN(test_na_refuted);
	T_RUN(test_step_weights);
	T_RUN(test_level);
	T_RUN(test_provisional_questionnaire_only);
	T_RUN(test_everything_not_applicable);
	T_RUN(test_all_unknown);
	T_RUN(test_step_without_applicable_item);
	T_RUN(test_signoff_blockers);
	T_RUN(test_evidence_summary);
	catalog_free(&cat);
	return t_done();
}
