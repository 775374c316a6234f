/*
 * docs/catalog.md, generated from the catalog. A test keeps the checked-in
 * file in sync with the output of `azmat catalog --format md`.
 */
#include <string.h>

#include "catalog_export.h"
#include "escape.h"

static void md(struct buf *out, const char *s)
{
	escape_md(out, s, 0);
}

/* Paragraphs separated by blank lines stay paragraphs. */
static void md_text(struct buf *out, const char *s)
{
	escape_md(out, s, 1);
	buf_addstr(out, "\n\n");
}

static void list_strings(struct buf *out, const char *label, char **a, size_t n)
{
	size_t i;

	if (!n)
		return;
	buf_addf(out, " · %s: ", label);
	for (i = 0; i < n; i++) {
		if (i)
			buf_addstr(out, ", ");
		md(out, a[i]);
	}
}

static void item_md(const struct catalog *cat, const struct cat_item *it, struct buf *out)
{
	size_t i;

	buf_addf(out, "### %s ", it->id);
	md(out, it->title);
	buf_addstr(out, "\n\n*Roadmap:* ");
	md(out, it->roadmap);
	buf_addf(out, "\n\nRisk: %s · Effort: %s", cat_level_name(it->risk),
		 cat_level_name(it->effort));
	list_strings(out, "Principles", it->principles, it->nprinciples);
	list_strings(out, "CIS", it->cis, it->ncis);
	list_strings(out, "MCSB", it->mcsb, it->nmcsb);
	buf_addstr(out, "\n\n");
	md_text(out, it->guidance);
	buf_addstr(out, "**Why it matters.** ");
	md_text(out, it->why);
	buf_addstr(out, "**Questions**\n\n");
	for (i = 0; i < it->nquestions; i++) {
		buf_addf(out, "- `%s` ", it->questions[i].id);
		md(out, it->questions[i].text);
		buf_addstr(out, "  \n  *");
		md(out, it->questions[i].hint);
		buf_addstr(out, "*\n");
	}
	buf_addstr(out, "\n**Remediation.** ");
	md(out, it->action);
	buf_addstr(out, " **Done when:** ");
	md(out, it->acceptance);
	buf_addstr(out, "\n\n**Evidence.** ");
	if (it->questionnaire_only) {
		buf_addstr(out, "Questionnaire only: ");
		md(out, it->questionnaire_only);
	} else if (!it->nchecks) {
		buf_addstr(out, "No automated check yet.");
	} else {
		for (i = 0; i < it->nchecks; i++) {
			buf_addf(out, "%s`%s`", i ? ", " : "", it->checks[i]->id);
		}
		buf_addstr(out, " (see docs/checks.md).");
	}
	buf_addstr(out, "\n\n**References.**\n\n");
	for (i = 0; i < it->nrefs; i++) {
		buf_addstr(out, "- [");
		md(out, it->refs[i].title);
		buf_addf(out, "](%s)\n", it->refs[i].url);
	}
	buf_addstr(out, "\n*Sources:* ");
	for (i = 0; i < it->nsources; i++) {
		size_t s;
		const char *title = it->sources[i].source;
		for (s = 0; s < cat->nsources; s++)
			if (!strcmp(cat->sources[s].id, it->sources[i].source))
				title = cat->sources[s].title;
		if (i)
			buf_addstr(out, "; ");
		md(out, title);
		buf_addstr(out, ", ");
		md(out, it->sources[i].where);
	}
	buf_addstr(out, ".\n\n");
}

void catalog_to_markdown(const struct catalog *cat, struct buf *out)
{
	size_t i, j, nq = 0;

	for (i = 0; i < cat->nitems; i++)
		nq += cat->items[i]->nquestions;
	buf_addstr(out, "# The roadmap catalog\n\n");
	buf_addf(out, "Catalog version %s: %zu steps, %zu items, %zu questions, %zu checks.\n",
		 cat->version, cat->nsteps, cat->nitems, nq, cat->nchecks);
	buf_addstr(out, "This page is generated from `roadmap/` by `azmat catalog --format md`; "
			"edit the JSON, not this page (a test keeps them in sync).\n\n");
	buf_addstr(out, "## Sources\n\n");
	for (i = 0; i < cat->nsources; i++) {
		buf_addstr(out, "- ");
		md(out, cat->sources[i].title);
		if (cat->sources[i].author) {
			buf_addstr(out, ", ");
			md(out, cat->sources[i].author);
		}
		if (cat->sources[i].note) {
			buf_addstr(out, ": ");
			md(out, cat->sources[i].note);
		}
		buf_addstr(out, "\n");
	}
	buf_addstr(out, "\n## The answer scale\n\n| key | answer | value | meaning |\n|---|---|---|---|\n");
	for (i = 0; i < ANSWER__COUNT; i++) {
		enum answer_value v = (enum answer_value)i;
		buf_addf(out, "| `%s` | ", cat->answers[i].key);
		md(out, cat->answers[i].label);
		if (answer_excluded(v))
			buf_addstr(out, " | excluded | ");
		else
			buf_addf(out, " | %.2f | ", answer_score(v));
		md(out, cat->answers[i].description);
		buf_addstr(out, " |\n");
	}
	buf_addstr(out, "\n## Principles\n\n");
	for (i = 0; i < cat->nprinciples; i++) {
		buf_addf(out, "- **%s ", cat->principles[i].id);
		md(out, cat->principles[i].title);
		buf_addstr(out, ".** ");
		md(out, cat->principles[i].text);
		buf_addstr(out, "\n");
	}
	buf_addstr(out, "\n## Where recommendations without an obvious item were placed\n\n"
			"| topic | item | why there |\n|---|---|---|\n");
	for (i = 0; i < cat->nplacements; i++) {
		buf_addstr(out, "| ");
		md(out, cat->placements[i].topic);
		buf_addf(out, " | %s | ", cat->placements[i].item);
		md(out, cat->placements[i].why);
		buf_addstr(out, " |\n");
	}
	buf_addstr(out, "\n");
	for (i = 0; i < cat->nsteps; i++) {
		const struct cat_step *st = &cat->steps[i];
		buf_addf(out, "## Step %u: ", st->number);
		md(out, st->title);
		buf_addstr(out, "\n\n");
		md_text(out, st->summary);
		for (j = 0; j < st->nitems; j++)
			item_md(cat, &st->items[j], out);
	}
}
