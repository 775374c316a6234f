/*
 * azmat plan ID [--format text|md|csv|json|html] [--lane L] [--owner O] [--sort KEY] [-o FILE]
 * azmat plan set ID ITEM [--owner NAME] [--due YYYY-MM-DD] [--status S]
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "report.h"
#include "scored.h"
#include "xalloc.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_plan = {
	"plan", run, "Show the prioritized remediation plan, or set an item's owner, due date or status",
	"plan ID [--format text|md|csv|json|html] [--lane LANE] [--owner NAME] [--sort KEY] [-o FILE]\n"
	"       plan set ID ITEM [--owner NAME] [--due YYYY-MM-DD] [--status open|in-progress|blocked|done]\n"
	"       LANE: act-now next later backlog; KEY: default priority due owner step status;\n"
	"       an empty --owner or --due returns it to the default"
};

static void text_row(FILE *f, const struct plan_row *w, size_t n)
{
	fprintf(f, "%3zu  %-7s  %-3s  %-9s  %6.1f  %5.3f  %s%s  %-11s  ", n, plan_lane_id(w->lane),
		w->item->id, plan_kind_id(w->kind), score_round1(w->priority), score_round3(w->gap),
		w->due, w->overdue ? "!" : " ", plan_status_id(w->status));
	cli_put(f, *w->owner ? w->owner : "-");
	fputs("  ", f);
	cli_put(f, w->item->title);
	fputs(w->quick_win ? "  [quick win]\n" : "\n", f);
}

static void print_text(struct cli *c, const struct scored *sc, const size_t *idx, size_t n)
{
	const struct plan *p = &sc->plan;
	FILE *f = c->out;
	size_t i;

	fprintf(f, "Plan for assessment %lld (", sc->a.id);
	cli_put(f, sc->a.name);
	fprintf(f, "), as of %s, level %u: %zu tasks (%zu shown), %zu quick wins, %zu assess, "
		   "%zu overdue\n",
		p->today, p->level, p->n, n, p->nquick, p->nassess, p->noverdue);
	if (n)
		fprintf(f, "  #  lane     item kind       prio    gap  due          status       "
			   "owner  task\n");
	for (i = 0; i < n; i++)
		text_row(f, &p->rows[idx[i]], i + 1);
	if (!p->nexceptions)
		return;
	fprintf(f, "\nExceptions (risk accepted): %zu, %zu expired\n", p->nexceptions, p->nexpired);
	for (i = 0; i < p->nexceptions; i++) {
		const struct plan_exception *x = &p->exceptions[i];
		fprintf(f, "  %-6s %s  ", x->question->id, x->expired ? "EXPIRED" : "current");
		cli_put(f, x->answer->expiry);
		fputs("  ", f);
		cli_put(f, x->answer->owner);
		fputs(": ", f);
		cli_put(f, x->answer->reason);
		fputc('\n', f);
	}
}

static int run_set(struct cli *c, int argc, char **argv)
{
	const char *owner = NULL, *due = NULL, *status = NULL;
	const struct arg_opt opts[] = {
		{ "owner", 0, ARG_VALUE, NULL, &owner, "who owns the task (\"\" for nobody)", "NAME" },
		{ "due", 0, ARG_VALUE, NULL, &due, "the due date (\"\" for the lane's default)", "YYYY-MM-DD" },
		{ "status", 0, ARG_VALUE, NULL, &status, "open, in-progress, blocked or done", "STATUS" },
	};
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	struct assessment a;
	struct store *st;
	struct args pos;
	int ret;

	ret = cli_parse(c, &cmd_plan, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 2)
		return cli_fail(c, AZ_ERR_USAGE, "'plan set' takes ID ITEM and --owner, --due or --status");
	if (!owner && !due && !status)
		return cli_fail(c, AZ_ERR_USAGE, "'plan set' needs --owner, --due or --status");
	if (plan_override_check(owner, due, status, &em))
		return cli_fail_em(c, &em);
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (!catalog_find_item(cat, pos.pos[1]))
		return cli_fail(c, AZ_ERR_NOTFOUND, "no item '%s' in the catalog", pos.pos[1]);
	memset(&a, 0, sizeof(a));
	ret = cli_open_assessment(c, pos.pos[0], &st, &a);
	if (ret)
		return ret;
	if (store_plan_override_set(st, a.id, pos.pos[1], owner, due, status, cli_who(c, &a), &em))
		ret = cli_fail_em(c, &em);
	else
		fprintf(c->out, "%s updated\n", pos.pos[1]);
	assessment_release(&a);
	return ret;
}

static int render(struct cli *c, struct scored *sc, int fmt, const char *file)
{
	struct buf out = BUF_INIT(REPORT_MAX);
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	struct report r;
	char now[32];
	int ret;

	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	scored_report(sc, cat, NULL, now, &r);
	if (report_plan_render(&r, (enum report_format)fmt, &out, &em))
		ret = cli_fail_em(c, &em);
	else
		ret = cli_write_output(c, file, &out);
	buf_release(&out);
	return ret;
}

struct view_opts {
	const char *format, *lane, *owner, *sort, *file;
};

static int show(struct cli *c, const char *id, const struct view_opts *v)
{
	struct plan_filter f = PLAN_FILTER_ALL;
	int fmt = -1, sort = PLAN_SORT_DEFAULT, ret;
	struct scored sc;
	size_t *idx, n;

	if (v->format && strcmp(v->format, "text")) {
		fmt = report_format_parse(v->format);
		if (fmt < 0)
			return cli_fail(c, AZ_ERR_USAGE, "--format must be text, md, csv, json or html");
	}
	if (v->lane)
		f.lane = plan_lane_parse(v->lane);
	if (v->lane && f.lane < 0)
		return cli_fail(c, AZ_ERR_USAGE, "--lane must be act-now, next, later or backlog");
	if (v->sort)
		sort = plan_sort_parse(v->sort);
	if (sort < 0)
		return cli_fail(c, AZ_ERR_USAGE, "--sort must be default, priority, due, owner, step or status");
	if (fmt >= 0 && (v->lane || v->owner || v->sort))
		return cli_fail(c, AZ_ERR_USAGE, "--lane, --owner and --sort only go with the text format");
	f.owner = v->owner;
	ret = scored_open(c, id, 0, &sc);
	if (ret) {
		scored_release(&sc);
		return ret;
	}
	if (fmt >= 0) {
		ret = render(c, &sc, fmt, v->file);
	} else {
		plan_sort(&sc.plan, (enum plan_sort)sort, 0);
		idx = xcalloc(sc.plan.n + 1, sizeof(*idx));
		n = plan_filter_rows(&sc.plan, &f, idx);
		print_text(c, &sc, idx, n);
		free(idx);
	}
	scored_release(&sc);
	return ret;
}

static int run(struct cli *c, int argc, char **argv)
{
	struct view_opts v = { NULL, NULL, NULL, NULL, NULL };
	const struct arg_opt opts[] = {
		{ "format", 'f', ARG_VALUE, NULL, &v.format, "text (default), md, csv, json or html", "FORMAT" },
		{ "lane", 0, ARG_VALUE, NULL, &v.lane, "only this lane (text)", "LANE" },
		{ "owner", 0, ARG_VALUE, NULL, &v.owner, "only this owner; \"\" for unassigned (text)", "NAME" },
		{ "sort", 0, ARG_VALUE, NULL, &v.sort, "order the rows by KEY (text)", "KEY" },
		{ "output", 'o', ARG_VALUE, NULL, &v.file, "write to FILE atomically", "FILE" },
	};
	struct args pos;
	int ret;

	if (argc > 0 && !strcmp(argv[0], "set"))
		return run_set(c, argc - 1, argv + 1);
	ret = cli_parse(c, &cmd_plan, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos != 1)
		return cli_fail(c, AZ_ERR_USAGE, "'plan' takes one assessment id (or 'set ID ITEM ...')");
	return show(c, pos.pos[0], &v);
}
