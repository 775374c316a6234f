/*
 * The comparison as Markdown and as a self-contained HTML page. One walk
 * over the diff writes both through a small document writer that escapes
 * every cell for its format (escape_md or escape_html).
 */
#include <stdio.h>
#include <string.h>

#include "diff.h"
#include "escape.h"
#include "report_html_int.h"

struct doc {
	struct buf *o;
	int html;
	size_t col;
};

static void doc_heading(struct doc *d, int level, const char *text)
{
	if (d->html)
		buf_addf(d->o, "<h%d>%s</h%d>\n", level, text, level);
	else
		buf_addf(d->o, "%.*s %s\n\n", level, "######", text);
}

/* Open a paragraph, add trusted text (no tenant data), close with doc_end_para. */
static void doc_para(struct doc *d, const char *text)
{
	buf_addstr(d->o, d->html ? "<p>" : "");
	buf_addstr(d->o, text);
	buf_addstr(d->o, d->html ? "</p>\n" : "\n\n");
}

static void doc_table(struct doc *d, const char *const *heads, size_t n)
{
	size_t i;

	buf_addstr(d->o, d->html ? "<table><thead><tr>" : "|");
	for (i = 0; i < n; i++)
		buf_addf(d->o, d->html ? "<th>%s</th>" : " %s |", heads[i]);
	buf_addstr(d->o, d->html ? "</tr></thead><tbody>\n" : "\n|");
	for (i = 0; !d->html && i < n; i++)
		buf_addstr(d->o, "---|");
	if (!d->html)
		buf_addch(d->o, '\n');
	d->col = 0;
}

static void doc_cell(struct doc *d, const char *s)
{
	if (d->html) {
		buf_addstr(d->o, d->col ? "<td>" : "<tr><td>");
		escape_html(d->o, s ? s : "", 0);
		buf_addstr(d->o, "</td>");
	} else {
		buf_addstr(d->o, d->col ? " " : "| ");
		escape_md(d->o, s ? s : "", 0);
		buf_addstr(d->o, " |");
	}
	d->col++;
}

/* A cell of text we made (numbers, ids, dates we formatted): no escaping needed. */
static void doc_cell_raw(struct doc *d, const char *s)
{
	if (d->html)
		buf_addf(d->o, "%s%s</td>", d->col ? "<td>" : "<tr><td>", s);
	else
		buf_addf(d->o, "%s%s |", d->col ? " " : "| ", s);
	d->col++;
}

static void doc_cell_int(struct doc *d, long v)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%ld", v);
	doc_cell_raw(d, tmp);
}

static void doc_row_end(struct doc *d)
{
	buf_addstr(d->o, d->html ? "</tr>\n" : "\n");
	d->col = 0;
}

static void doc_table_end(struct doc *d)
{
	buf_addstr(d->o, d->html ? "</tbody></table>\n" : "\n");
}

static void cell_num(struct doc *d, int has, double v, int one)
{
	char n[16];

	if (!has) {
		doc_cell_raw(d, "n/a");
		return;
	}
	if (one)
		rfmt1(n, v);
	else
		rfmt3(n, v);
	doc_cell_raw(d, n);
}

static void diff_summary(struct doc *d, const struct diff *f)
{
	const struct score *x = f->a->score, *y = f->b->score;
	char line[512], i1[16], i2[16];

	rfmt1(i1, x->index);
	rfmt1(i2, y->index);
	snprintf(line, sizeof(line),
		 "Level %u%s to %u%s; index %s to %s. %zu items regressed, %zu improved; %zu answers "
		 "changed, %zu evidence results changed; %zu plan tasks slipped (as of %s).%s",
		 x->level, x->provisional ? " (provisional)" : "", y->level,
		 y->provisional ? " (provisional)" : "", x->has_index ? i1 : "n/a",
		 y->has_index ? i2 : "n/a", f->nregressed, f->nimproved, f->nanswers, f->nflips,
		 f->nslips, f->as_of,
		 f->same_catalog ? "" : " The two were answered against different catalog versions; "
					"items are compared by id.");
	doc_para(d, line);
}

static void diff_sides(struct doc *d, const struct diff *f)
{
	static const char *const h[] = { "", "Assessment", "Created", "Catalog" };
	const struct diff_side *s[2] = { f->a, f->b };
	char id[32];
	size_t i;

	doc_table(d, h, 4);
	for (i = 0; i < 2; i++) {
		doc_cell(d, i ? "After" : "Before");
		snprintf(id, sizeof(id), "%lld ", s[i]->a->id);
		buf_addstr(d->o, d->html ? "<td>" : " ");
		buf_addstr(d->o, id);
		if (d->html)
			escape_html(d->o, s[i]->a->name, 0);
		else
			escape_md(d->o, s[i]->a->name, 0);
		buf_addstr(d->o, d->html ? "</td>" : " |");
		d->col++;
		doc_cell(d, s[i]->a->created_at);
		doc_cell(d, s[i]->a->catalog_version);
		doc_row_end(d);
	}
	doc_table_end(d);
}

static void diff_steps(struct doc *d, const struct diff *f)
{
	static const char *const h[] = { "Step", "Before", "After", "Change", "Achieved" };
	size_t i;

	doc_heading(d, 2, "Steps");
	doc_table(d, h, 5);
	for (i = 0; i < f->nsteps; i++) {
		const struct score_step *x = f->steps[i].before, *y = f->steps[i].after;
		char ach[32];
		doc_cell_int(d, (long)f->steps[i].step->number);
		cell_num(d, x->has_score, x->score, 1);
		cell_num(d, y->has_score, y->score, 1);
		cell_num(d, x->has_score && y->has_score, score_round1(y->score) - score_round1(x->score), 1);
		snprintf(ach, sizeof(ach), "%s to %s", x->achieved ? "yes" : "no", y->achieved ? "yes" : "no");
		doc_cell(d, ach);
		doc_row_end(d);
	}
	doc_table_end(d);
}

static void diff_items_doc(struct doc *d, const struct diff *f)
{
	static const char *const h[] = { "Item", "Change", "Risk", "Before", "After", "Delta",
					 "Answers changed", "Evidence changed" };
	size_t i;

	doc_heading(d, 2, "Items (regressions first, weighted by risk)");
	if (!f->nitems) {
		doc_para(d, "No effective score changed.");
		return;
	}
	doc_table(d, h, 8);
	for (i = 0; i < f->nitems; i++) {
		const struct diff_item *di = &f->items[i];
		char t[200];
		snprintf(t, sizeof(t), "%s %s", di->item->id, di->item->title);
		doc_cell(d, t);
		doc_cell(d, diff_kind_id(di->kind));
		doc_cell(d, cat_level_name(di->item->risk));
		cell_num(d, di->before->applicable, di->before->effective, 0);
		cell_num(d, di->after->applicable, di->after->effective, 0);
		cell_num(d, 1, di->delta, 0);
		doc_cell_int(d, (long)di->nanswers);
		doc_cell_int(d, (long)di->nflips);
		doc_row_end(d);
	}
	doc_table_end(d);
}

static const char *answer_text(const struct answer *a)
{
	return a && a->value != ANSWER_NONE ? answer_id(a->value) : "none";
}

static void diff_answers_doc(struct doc *d, const struct diff *f)
{
	static const char *const h[] = { "Question", "Before", "After", "Note before", "Note after" };
	size_t i;

	doc_heading(d, 2, "Answer changes");
	if (!f->nanswers) {
		doc_para(d, "No answer changed.");
		return;
	}
	doc_table(d, h, 5);
	for (i = 0; i < f->nanswers; i++) {
		const struct diff_answer *a = &f->answers[i];
		doc_cell(d, a->q->id);
		doc_cell(d, answer_text(a->before));
		doc_cell(d, answer_text(a->after));
		doc_cell(d, a->before ? a->before->note : "");
		doc_cell(d, a->after ? a->after->note : "");
		doc_row_end(d);
	}
	doc_table_end(d);
}

static void result_cell(struct doc *d, const struct check_result *r)
{
	char t[96];

	if (!r) {
		doc_cell(d, "not collected");
		return;
	}
	snprintf(t, sizeof(t), "%s %lu/%lu", check_status_id(r->status), r->healthy, r->total);
	doc_cell(d, t);
}

static void diff_flips_doc(struct doc *d, const struct diff *f)
{
	static const char *const h[] = { "Check", "Items", "Gating", "Before", "After" };
	size_t i, j;

	doc_heading(d, 2, "Evidence changes");
	if (!f->nflips) {
		doc_para(d, "No evidence result changed.");
		return;
	}
	doc_table(d, h, 5);
	for (i = 0; i < f->nflips; i++) {
		const struct diff_flip *x = &f->flips[i];
		char items[64] = "";
		for (j = 0; j < x->check->nitems; j++)
			snprintf(items + strlen(items), sizeof(items) - strlen(items), "%s%s",
				 j ? " " : "", x->check->items[j]);
		doc_cell(d, x->check->id);
		doc_cell(d, items);
		doc_cell(d, x->check->gating ? "yes" : "no");
		result_cell(d, x->before);
		result_cell(d, x->after);
		doc_row_end(d);
	}
	doc_table_end(d);
}

static void diff_slips_doc(struct doc *d, const struct diff *f)
{
	static const char *const h[] = { "Item", "Slippage", "Due before", "Due now", "Days",
					 "Status", "Owner" };
	size_t i;

	doc_heading(d, 2, "Plan slippage");
	if (!f->nslips) {
		doc_para(d, "No plan task slipped.");
		return;
	}
	doc_table(d, h, 7);
	for (i = 0; i < f->nslips; i++) {
		const struct diff_slip *s = &f->slips[i];
		doc_cell(d, s->item->id);
		doc_cell(d, diff_slip_id(s->kind));
		doc_cell(d, s->before->due);
		doc_cell(d, s->after->due);
		doc_cell_int(d, s->days);
		doc_cell(d, plan_status_id(s->after->status));
		doc_cell(d, s->after->owner);
		doc_row_end(d);
	}
	doc_table_end(d);
}

static void diff_doc(struct doc *d, const struct diff *f)
{
	doc_heading(d, 1, "What changed between two assessments");
	diff_sides(d, f);
	diff_summary(d, f);
	diff_items_doc(d, f);
	diff_answers_doc(d, f);
	diff_flips_doc(d, f);
	diff_slips_doc(d, f);
	diff_steps(d, f);
}

enum az_err diff_md(const struct diff *f, struct buf *out, struct errmsg *em)
{
	struct doc d = { out, 0, 0 };

	diff_doc(&d, f);
	return report_check_size(out, em);
}

enum az_err diff_html(const struct diff *f, struct buf *out, struct errmsg *em)
{
	struct doc d = { out, 1, 0 };

	html_page_open(out, "Comparison: ", f->b->a->name);
	diff_doc(&d, f);
	html_page_close(out);
	return report_check_size(out, em);
}
