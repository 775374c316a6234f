/*
 * The HTML report's inline SVG charts: the level gauge, the nine step
 * scores and the trend. Plain shapes and text, no script, no external
 * reference; every label goes through escape_html().
 */
#include "escape.h"
#include "report_html_int.h"

#define GAUGE_W 40
#define GAUGE_GAP 4

void svg_level_gauge(const struct report *r, struct buf *o)
{
	const struct score *s = r->score;
	size_t i;

	buf_addf(o, "<svg class=\"gauge\" viewBox=\"0 0 %d 64\" width=\"%d\" height=\"64\" role=\"img\" "
		    "aria-label=\"Maturity level %u of 9%s\">\n",
		 9 * (GAUGE_W + GAUGE_GAP), 9 * (GAUGE_W + GAUGE_GAP), s->level,
		 s->provisional ? ", provisional" : "");
	for (i = 0; i < CAT_NSTEPS && i < s->nsteps; i++) {
		const struct score_step *st = &s->steps[i];
		const char *cls = i < s->level ? (s->provisional ? "g-prov" : "g-on")
					       : st->ahead ? "g-ahead" : "g-off";
		unsigned x = (unsigned)i * (GAUGE_W + GAUGE_GAP);
		buf_addf(o, "<rect class=\"%s\" x=\"%u\" y=\"8\" width=\"%d\" height=\"32\" rx=\"3\"/>"
			    "<text x=\"%u\" y=\"58\" text-anchor=\"middle\">%u</text>\n",
			 cls, x, GAUGE_W, x + GAUGE_W / 2, st->step->number);
	}
	buf_addstr(o, "</svg>\n");
}

#define BAR_LABEL 360
#define BAR_W 320
#define BAR_H 22

void svg_step_bars(const struct report *r, struct buf *o)
{
	const struct score *s = r->score;
	unsigned h = (unsigned)s->nsteps * (BAR_H + 6) + 24;
	char n1[16];
	size_t i;

	buf_addf(o, "<svg class=\"bars\" viewBox=\"0 0 %d %u\" width=\"100%%\" role=\"img\" "
		    "aria-label=\"Step scores from 0 to 100\">\n",
		 BAR_LABEL + BAR_W + 60, h);
	for (i = 0; i <= 4; i++)
		buf_addf(o, "<line class=\"grid\" x1=\"%zu\" x2=\"%zu\" y1=\"0\" y2=\"%u\"/>"
			    "<text class=\"axis\" x=\"%zu\" y=\"%u\" text-anchor=\"middle\">%zu</text>\n",
			 BAR_LABEL + i * BAR_W / 4, BAR_LABEL + i * BAR_W / 4, h - 18,
			 BAR_LABEL + i * BAR_W / 4, h - 4, i * 25);
	for (i = 0; i < s->nsteps; i++) {
		const struct score_step *st = &s->steps[i];
		unsigned y = (unsigned)i * (BAR_H + 6);
		double w = st->has_score ? st->score * BAR_W / 100.0 : 0.0;
		const char *cls = st->ahead ? "b-ahead" : st->achieved && st->has_score ? "b-on" : "b-off";

		buf_addf(o, "<text x=\"%d\" y=\"%u\" text-anchor=\"end\">%u ", BAR_LABEL - 8,
			 y + BAR_H - 6, st->step->number);
		escape_html(o, st->step->title, 0);
		buf_addf(o, "</text><rect class=\"b-bg\" x=\"%d\" y=\"%u\" width=\"%d\" height=\"%d\"/>",
			 BAR_LABEL, y, BAR_W, BAR_H);
		buf_addf(o, "<rect class=\"%s\" x=\"%d\" y=\"%u\" width=\"%.1f\" height=\"%d\"/>", cls,
			 BAR_LABEL, y, w, BAR_H);
		rfmt1(n1, st->score);
		buf_addf(o, "<text x=\"%.1f\" y=\"%u\">%s</text>\n", BAR_LABEL + w + 6, y + BAR_H - 6,
			 st->has_score ? n1 : "n/a");
	}
	buf_addstr(o, "</svg>\n");
}

#define TR_W 640
#define TR_H 220
#define TR_L 40
#define TR_B 40

static double tr_x(size_t i, size_t n)
{
	return n < 2 ? TR_L + 40 : TR_L + 40 + (double)i * (TR_W - TR_L - 120) / (double)(n - 1);
}

static double tr_y(double v, double max)
{
	return 10 + (TR_H - TR_B - 10) * (1.0 - v / max);
}

static void trend_axes(struct buf *o)
{
	int v;

	for (v = 0; v <= 100; v += 25)
		buf_addf(o, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
			    "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n",
			 TR_L, TR_W - 20, tr_y(v, 100), tr_y(v, 100), TR_L - 6, tr_y(v, 100) + 4, v);
}

void svg_trend(const struct report *r, struct buf *o)
{
	size_t i, n = r->ntrend;
	char n1[16];

	buf_addf(o, "<svg class=\"trend\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
		    "aria-label=\"Index and level over %zu assessments\">\n",
		 TR_W, TR_H, n);
	trend_axes(o);
	buf_addstr(o, "<polyline class=\"t-index\" points=\"");
	for (i = 0; i < n; i++)
		buf_addf(o, "%.1f,%.1f ", tr_x(i, n), tr_y(r->trend[i].has_index ? r->trend[i].index : 0, 100));
	buf_addstr(o, "\"/>\n<polyline class=\"t-level\" points=\"");
	for (i = 0; i < n; i++)
		buf_addf(o, "%.1f,%.1f ", tr_x(i, n), tr_y(r->trend[i].level, 9));
	buf_addstr(o, "\"/>\n");
	for (i = 0; i < n; i++) {
		const struct report_trend *t = &r->trend[i];
		double x = tr_x(i, n), y = tr_y(t->has_index ? t->index : 0, 100);
		rfmt1(n1, t->index);
		buf_addf(o, "<circle class=\"t-dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>"
			    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s (L%u)</text>"
			    "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
			 x, y, x, y - 8, t->has_index ? n1 : "n/a", t->level, x, TR_H - TR_B + 18);
		escape_html(o, t->date, 0);
		buf_addstr(o, "</text>\n");
	}
	buf_addf(o, "<text class=\"axis\" x=\"%d\" y=\"%d\">solid: index (0 to 100); dashed: level "
		    "(0 to 9)</text>\n</svg>\n",
		 TR_L, TR_H - 4);
}
