/*
 * Internal to the HTML report: the chart writers (report_svg.c) and the
 * page frame shared by the full report and the plan-only page.
 */
#ifndef AZMAT_REPORT_HTML_INT_H
#define AZMAT_REPORT_HTML_INT_H

#include "report_int.h"

/* Nine segments, filled up to the level. */
void svg_level_gauge(const struct report *r, struct buf *o);
/* One horizontal bar per step, 0..100. */
void svg_step_bars(const struct report *r, struct buf *o);
/* Index (and level) over r->trend; call with two or more points. */
void svg_trend(const struct report *r, struct buf *o);

/* Open the page: doctype, CSP, inline style, title (escaped). */
void html_page_open(struct buf *o, const char *title_prefix, const char *name);
void html_page_close(struct buf *o);

/* The plan and exceptions sections (also the plan-only page). */
void html_plan(const struct report *r, struct buf *o);
void html_exceptions(const struct report *r, struct buf *o);

#endif
