/*
 * azmat answer ID QUESTION VALUE [--note TEXT] [--reason TEXT] [--owner NAME] [--expiry DATE]
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "score.h"
#include "strutil.h"
#include "timeutil.h"
#include "xalloc.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_answer = {
	"answer", run, "Answer one question (and optionally set its note)",
	"answer ID QUESTION VALUE [--note TEXT] [--reason TEXT] [--owner NAME] [--expiry YYYY-MM-DD]\n"
	"       VALUE: not-started planned partial largely fully na risk-accepted unknown none"
};

/* Operator text we store: valid UTF-8, bounded, no control characters but newlines. */
static int text_ok(struct cli *c, const char *what, const char *s, size_t max)
{
	size_t i, n = strlen(s);

	if (!utf8_valid(s, n))
		return cli_fail(c, AZ_ERR_USAGE, "the %s is not valid UTF-8", what);
	if (n > max)
		return cli_fail(c, AZ_ERR_USAGE, "the %s is longer than %zu bytes", what, max);
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') || s[i] == 0x7f)
			return cli_fail(c, AZ_ERR_USAGE, "the %s contains a control character", what);
	return EXIT_OK;
}

/* "Not applicable" is refused when evidence shows the item's scope exists. */
static int na_allowed(struct cli *c, struct store *st, long long aid, const struct cat_question *q)
{
	struct evidence_set ev = EVIDENCE_SET_INIT;
	struct errmsg em = ERRMSG_INIT;
	const struct check_result *r;
	int ret = EXIT_OK;

	if (store_evidence_current(st, aid, 0, &ev, &em))
		return cli_fail_em(c, &em);
	r = score_na_refusal(q->item, &ev);
	if (r)
		ret = cli_fail(c, AZ_ERR_INVALID,
			       "'na' is refused for %s: check '%s' judged %lu resource%s in scope (%s); "
			       "answer on the scale instead",
			       q->id, r->check_id, r->total, r->total == 1 ? "" : "s",
			       check_status_id(r->status));
	evidence_release(&ev);
	return ret;
}

static int run(struct cli *c, int argc, char **argv)
{
	const char *note = NULL, *reason = NULL, *owner = NULL, *expiry = NULL;
	const struct arg_opt opts[] = {
		{ "note", 0, ARG_VALUE, NULL, &note, "set the question's note", "TEXT" },
		{ "reason", 0, ARG_VALUE, NULL, &reason, "why not applicable, or why the risk is accepted", "TEXT" },
		{ "owner", 0, ARG_VALUE, NULL, &owner, "who owns an accepted risk", "NAME" },
		{ "expiry", 0, ARG_VALUE, NULL, &expiry, "when an accepted risk must be reviewed", "YYYY-MM-DD" },
	};
	struct errmsg em = ERRMSG_INIT;
	struct answer_set set = ANSWER_SET_INIT;
	const struct catalog *cat;
	const struct cat_question *q;
	const struct answer *cur;
	struct answer ans;
	struct assessment a;
	struct store *st;
	struct args pos;
	enum answer_value v;
	unsigned needs;
	int ret;

	ret = cli_parse(c, &cmd_answer, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 3)
		return cli_fail(c, AZ_ERR_USAGE, "'answer' takes ID QUESTION VALUE (see 'azmat answer --help')");
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	q = catalog_find_question(cat, pos.pos[1]);
	if (!q)
		return cli_fail(c, AZ_ERR_NOTFOUND, "no question '%s' in the catalog (see 'azmat catalog')",
				pos.pos[1]);
	v = answer_parse(pos.pos[2]);
	if (v == ANSWER_NONE && strcmp(pos.pos[2], "none"))
		return cli_fail(c, AZ_ERR_USAGE,
				"'%s' is not an answer: use not-started, planned, partial, largely, "
				"fully, na, risk-accepted, unknown or none",
				pos.pos[2]);
	needs = answer_requires(v);
	if ((needs & ANSWER_NEEDS_REASON) && str_is_blank(reason))
		return cli_fail(c, AZ_ERR_USAGE, "'%s' needs --reason TEXT", pos.pos[2]);
	if ((needs & ANSWER_NEEDS_OWNER) && str_is_blank(owner))
		return cli_fail(c, AZ_ERR_USAGE, "'%s' needs --owner NAME", pos.pos[2]);
	if ((needs & ANSWER_NEEDS_EXPIRY) && !expiry)
		return cli_fail(c, AZ_ERR_USAGE, "'%s' needs --expiry YYYY-MM-DD", pos.pos[2]);
	if (expiry && !time_is_date(expiry))
		return cli_fail(c, AZ_ERR_USAGE, "'%s' is not a date (YYYY-MM-DD)", expiry);
	if (!needs && (reason || owner || expiry))
		return cli_fail(c, AZ_ERR_USAGE,
				"--reason, --owner and --expiry only go with na or risk-accepted");
	if ((note && (ret = text_ok(c, "note", note, 64 * 1024))) ||
	    (reason && (ret = text_ok(c, "reason", reason, 4096))) ||
	    (owner && (ret = text_ok(c, "owner", owner, 200))))
		return ret;

	memset(&a, 0, sizeof(a));
	ret = cli_open_assessment(c, pos.pos[0], &st, &a);
	if (ret)
		return ret;
	if (v == ANSWER_NA) {
		ret = na_allowed(c, st, a.id, q);
		if (ret)
			goto out;
	}
	if (store_answers_load(st, a.id, &set, &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	cur = answer_set_find(&set, q->id);
	answer_init(&ans, q->id);
	ans.value = v;
	free(ans.reason);
	ans.reason = xstrdup(reason ? reason : "");
	free(ans.owner);
	ans.owner = xstrdup(owner ? owner : "");
	free(ans.expiry);
	ans.expiry = xstrdup(expiry ? expiry : "");
	free(ans.note);
	ans.note = xstrdup(note ? note : cur ? cur->note : "");
	if (store_answer_put(st, a.id, &ans, cli_who(c, &a), "cli", &em))
		ret = cli_fail_em(c, &em);
	else
		fprintf(c->out, "%s = %s\n", q->id, v == ANSWER_NONE ? "none" : answer_id(v));
	answer_release(&ans);
out:
	answer_set_release(&set);
	assessment_release(&a);
	return ret;
}
