/*
 * The questionnaire sheet against the real catalog: export shape, a round
 * trip that changes nothing, and every kind of bad row reported by line.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "csv.h"
#include "sheet.h"
#include "t.h"

static struct catalog *cat;

/* Answers from a small sheet, through the importer itself. */
static void answers_from(const char *csv, struct answer_set *set)
{
	struct sheet sh = SHEET_INIT;
	size_t i;

	T_EQ_INT(sheet_parse(csv, strlen(csv), cat, &sh, NULL), AZ_OK);
	T_EQ_INT(sh.nbad, 0);
	for (i = 0; i < sh.n; i++) {
		struct answer a;
		if (sheet_row_merge(&sh.rows[i], NULL, &a)) {
			answer_set_put(set, &a);
			answer_release(&a);
		}
	}
	sheet_release(&sh);
}

static void test_export_then_import_changes_nothing(void)
{
	struct answer_set set = ANSWER_SET_INIT;
	struct buf out = BUF_INIT(BUF_MAX_DEFAULT);
	struct sheet sh = SHEET_INIT;
	size_t i, changed = 0;

	answers_from("question_id,answer,reason,owner,expiry,note\n"
		     "1a.1,largely,,,,\"'=cmd|' /C calc'!A0\nsecond line, with \"\"quotes\"\"\"\n"
		     "4a.5,risk-accepted,P2 licences next year,CISO,2027-06-30,\n"
		     "8c.1,na,no on-premises network,,,caf\xc3\xa9\n",
		     &set);
	T_EQ_INT(set.n, 3);
	T_EQ_STR(answer_set_find(&set, "1a.1")->note, "=cmd|' /C calc'!A0\nsecond line, with \"quotes\"");
	sheet_export(&out, cat, &set);
	T_ASSERT(!memcmp(out.data, "\xef\xbb\xbfstep,item,item_title,question_id,", 35));
	T_ASSERT(strstr(out.data, "\"'=cmd|") != NULL);
	T_EQ_INT(sheet_parse(out.data, out.len, cat, &sh, NULL), AZ_OK);
	T_EQ_INT(sh.n, cat->nquestions);
	T_EQ_INT(sh.nbad, 0);
	for (i = 0; i < sh.n; i++) {
		struct answer next;
		const struct answer *cur = answer_set_find(&set, sh.rows[i].q->id);
		if (sheet_row_merge(&sh.rows[i], cur, &next)) {
			changed++;
			answer_release(&next);
		}
	}
	T_EQ_INT(changed, 0);
	sheet_release(&sh);
	buf_release(&out);
	answer_set_release(&set);
}

static void test_rows_are_checked_one_by_one(void)
{
	const char *csv =
		"question_id;answer;reason;owner;expiry;note;step;item\r\n"       /* 1 */
		"1a.1;Largely;;;;fine;1;1a\r\n"                                     /* 2 good */
		"1a.2;na;;;;;;\r\n"                                                 /* 3 na without reason */
		"1a.3;risk-accepted;why;CISO;2027-02-30;;;\r\n"                   /* 4 bad date */
		"1a.4;sort of;;;;;;\r\n"                                            /* 5 not an answer */
		"9z.9;fully;;;;;;\r\n"                                              /* 6 no such question */
		"1b.1;fully;;;;;2;\r\n"                                             /* 7 wrong step */
		"1b.2;fully;;;;;;1c\r\n"                                            /* 8 wrong item */
		"1a.1;fully;;;;;;\r\n"                                              /* 9 duplicate */
		"1b.3;fully;because;;;;;\r\n"                                       /* 10 reason on fully */
		"1b.4;\"bad\"quote;;;;;;\r\n"                                       /* 11 malformed */
		";;;;;;;\r\n"                                                       /* 12 blank: skipped */
		"1c.1;5;;;;\"two\r\nlines\";;\r\n"                                  /* 13 good, key 5 */
		"1c.2;;;;;just a note;;\r\n"                                        /* 15 good: note only */
		"1c.3;NONE;;;;;;\r\n";                                              /* 16 good: clear */
	static const size_t bad_lines[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	struct sheet sh = SHEET_INIT;
	struct answer next;
	size_t i, k = 0;

	T_EQ_INT(sheet_parse(csv, strlen(csv), cat, &sh, NULL), AZ_OK);
	T_EQ_INT(sh.n, 13);
	T_EQ_INT(sh.nbad, 9);
	for (i = 0; i < sh.n; i++) {
		if (!sh.rows[i].error)
			continue;
		T_REQUIRE(k < 9);
		T_EQ_INT(sh.rows[i].line, bad_lines[k]);
		k++;
	}
	T_CONTAINS(sh.rows[1].error, "needs a reason");
	T_CONTAINS(sh.rows[2].error, "YYYY-MM-DD");
	T_CONTAINS(sh.rows[4].error, "no question '9z.9'");
	T_CONTAINS(sh.rows[5].error, "step 1");
	T_CONTAINS(sh.rows[6].error, "item 1b");
	T_CONTAINS(sh.rows[7].error, "already on line 2");
	T_CONTAINS(sh.rows[8].error, "only with na or risk-accepted");
	T_CONTAINS(sh.rows[9].error, "closing quote");
	T_EQ_INT(sh.rows[10].line, 13);
	T_EQ_INT(sh.rows[10].a.value, ANSWER_FULLY);
	T_EQ_STR(sh.rows[10].a.note, "two\nlines");
	/* a row without an answer keeps the stored one and sets the note */
	T_EQ_INT(sh.rows[11].line, 15);
	T_EQ_INT(sh.rows[11].has_answer, 0);
	{
		struct answer cur;
		answer_init(&cur, "1c.2");
		cur.value = ANSWER_PARTIAL;
		T_EQ_INT(sheet_row_merge(&sh.rows[11], &cur, &next), 1);
		T_EQ_INT(next.value, ANSWER_PARTIAL);
		T_EQ_STR(next.note, "just a note");
		answer_release(&next);
		answer_release(&cur);
	}
	T_EQ_INT(sh.rows[12].a.value, ANSWER_NONE);
	T_EQ_INT(sh.rows[12].has_answer, 1);
	/* a bad row never merges */
	T_EQ_INT(sheet_row_merge(&sh.rows[1], NULL, &next), 0);
	sheet_release(&sh);
}

static void test_header_problems_refuse_the_sheet(void)
{
	struct sheet sh = SHEET_INIT;
	struct errmsg em = ERRMSG_INIT;

	T_EQ_INT(sheet_parse("", 0, cat, &sh, &em), AZ_ERR_INVALID);
	T_CONTAINS(em.msg, "empty");
	sheet_release(&sh);
	T_EQ_INT(sheet_parse("a,b\n1,2\n", 8, cat, &sh, &em), AZ_ERR_INVALID);
	T_CONTAINS(em.msg, "question_id");
	sheet_release(&sh);
	T_EQ_INT(sheet_parse("question_id,answer,Answer\n", 26, cat, &sh, &em), AZ_ERR_INVALID);
	T_CONTAINS(em.msg, "twice");
	sheet_release(&sh);
	/* a header alone is a sheet with no rows */
	T_EQ_INT(sheet_parse("Question_ID , ANSWER\n", 21, cat, &sh, &em), AZ_OK);
	T_EQ_INT(sh.n, 0);
	sheet_release(&sh);
}

int main(void)
{
	struct cat_errors errs = CAT_ERRORS_INIT;
	const char *dir = getenv("AZMAT_CATALOG");

	if (catalog_load(dir ? dir : "roadmap", NULL, &cat, &errs))
		return 2;
	T_RUN(test_export_then_import_changes_nothing);
	T_RUN(test_rows_are_checked_one_by_one);
	T_RUN(test_header_problems_refuse_the_sheet);
	catalog_free(&cat);
	cat_errors_release(&errs);
	return t_done();
}
