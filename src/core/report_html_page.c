/*
 * The HTML page frame (doctype, policy, style) and the plan and exceptions
 * sections, shared by the full report and `azmat plan --format html`.
 */
#include "escape.h"
#include "report_html_int.h"

/*
 * No script, no fetch of any kind: the policy allows inline style only.
 * Links to Microsoft documentation stay plain links (navigation is not a
 * resource load).
 */
static const char head[] =
	"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	"style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
	"<meta name=\"referrer\" content=\"no-referrer\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

static const char style[] =
	"<style>\n"
	":root{--ink:#1b1f24;--muted:#59636e;--line:#d5dbe1;--ok:#1f7a4d;--okl:#8fcfa9;"
	"--warn:#9a5b00;--bad:#b3261e;--accent:#0b5cad;--off:#e6e9ed}\n"
	"*{box-sizing:border-box}\n"
	"body{font:15px/1.5 \"DejaVu Sans\",system-ui,sans-serif;color:var(--ink);margin:0 auto;"
	"max-width:1120px;padding:24px}\n"
	"h1{font-size:26px;margin:0 0 8px}h2{font-size:21px;border-bottom:2px solid var(--line);"
	"padding-bottom:4px;margin-top:40px}h3{font-size:17px;margin:24px 0 8px}"
	"h4{font-size:15px;margin:8px 0 4px}\n"
	".kicker{color:var(--muted);margin:0;text-transform:uppercase;letter-spacing:.06em;font-size:12px}\n"
	"table{border-collapse:collapse;width:100%;margin:8px 0 14px;font-size:13px}\n"
	"th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;"
	"overflow-wrap:anywhere}th{background:#f2f4f6}\n"
	".meta{width:auto;min-width:50%}.meta td:first-child{color:var(--muted);width:140px}\n"
	".cards{display:flex;gap:14px;flex-wrap:wrap}.card{border:1px solid var(--line);"
	"border-radius:6px;padding:10px 14px;flex:1 1 230px}\n"
	".label{color:var(--muted);font-size:12px;text-transform:uppercase}.big{font-size:30px;"
	"font-weight:700}.of{font-size:15px;font-weight:400;color:var(--muted)}\n"
	".muted{color:var(--muted)}.warn{color:var(--warn)}.major{color:var(--bad)}"
	".minor{color:var(--warn)}.under{color:var(--accent)}\n"
	".badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;"
	"border:1px solid var(--muted);color:var(--muted)}\n"
	".item{border-left:4px solid var(--line);padding:2px 0 2px 12px;margin:14px 0}"
	".item.contra-major{border-color:var(--bad)}.item.contra-minor{border-color:var(--warn)}\n"
	".questions th:first-child{width:58%}.questions th:nth-child(2){width:17%}"
	"h3 .score{margin-left:10px;color:var(--muted);font-weight:400}\n"
	".contra{margin:4px 0}.rid{font-family:\"DejaVu Sans Mono\",monospace;font-size:12px}\n"
	".st-pass{color:var(--ok)}.st-fail{color:var(--bad)}.st-partial{color:var(--warn)}\n"
	".lane{font-size:12px;padding:0 6px;border-radius:9px;background:var(--off)}"
	".lane-act-now{background:var(--bad);color:#fff}\n"
	"svg text{font-size:12px;fill:var(--ink)}svg .axis{fill:var(--muted);font-size:11px}"
	"svg .grid{stroke:var(--line)}\n"
	".g-on{fill:var(--ok)}.g-prov{fill:var(--okl);stroke:var(--ok);stroke-dasharray:4 2}"
	".g-ahead{fill:#fff;stroke:var(--ok)}.g-off{fill:var(--off)}\n"
	".b-bg{fill:#f4f6f8}.b-on{fill:var(--ok)}.b-ahead{fill:var(--okl)}.b-off{fill:var(--accent)}\n"
	".t-index{fill:none;stroke:var(--accent);stroke-width:2}.t-level{fill:none;stroke:var(--ok);"
	"stroke-width:2;stroke-dasharray:5 3}.t-dot{fill:var(--accent)}\n"
	"nav ol{columns:2;margin:8px 0}details summary{cursor:pointer;margin:4px 0}\n"
	"footer{margin-top:40px;font-size:12px}\n"
	"@media print{body{max-width:none;padding:0;font-size:11px}nav{display:none}"
	"h2{break-before:page}#summary h2{break-before:auto}.item,tr,.card,svg{break-inside:avoid}"
	"h3,h4{break-after:avoid}a{color:inherit;text-decoration:none}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{margin:14mm}}\n"
	"</style>\n";

void html_page_open(struct buf *o, const char *title_prefix, const char *name)
{
	buf_addstr(o, head);
	buf_addstr(o, "<title>");
	escape_html(o, title_prefix, 0);
	escape_html(o, name ? name : "", 0);
	buf_addstr(o, "</title>\n");
	buf_addstr(o, style);
	buf_addstr(o, "</head>\n<body>\n");
}

void html_page_close(struct buf *o)
{
	buf_addstr(o, "</body>\n</html>\n");
}

static void plan_refs(const struct cat_item *it, struct buf *o)
{
	size_t i;

	for (i = 0; i < it->nrefs; i++) {
		buf_addstr(o, i ? ", " : "<br><span class=\"muted\">References:</span> ");
		buf_addstr(o, "<a href=\"");
		escape_html(o, it->refs[i].url, 0);
		buf_addstr(o, "\" rel=\"noopener noreferrer\">");
		escape_html(o, it->refs[i].title, 0);
		buf_addstr(o, "</a>");
	}
}

static void plan_row_html(const struct plan_row *w, size_t n, struct buf *o)
{
	char n1[16], g[16];

	rfmt1(n1, w->priority);
	rfmt3(g, w->gap);
	buf_addf(o, "<tr id=\"plan-%s\"><td>%zu</td><td><span class=\"lane lane-%s\">%s</span></td>"
		    "<td><b>%s</b> %s",
		 w->item->id, n, plan_lane_id(w->lane), plan_lane_label(w->lane), w->item->id,
		 w->kind == PLAN_ASSESS ? "<i>Assess:</i> " : "");
	escape_html(o, w->item->title, 0);
	if (w->quick_win)
		buf_addstr(o, " <span class=\"badge\">quick win</span>");
	buf_addstr(o, "<br>");
	escape_html(o, w->item->action, 0);
	buf_addstr(o, "<br><span class=\"muted\">Done when:</span> ");
	escape_html(o, w->item->acceptance, 0);
	plan_refs(w->item, o);
	buf_addf(o, "</td><td class=\"prio\">%s</td><td>%s</td><td>%s%s</td><td>", n1, g, w->due,
		 w->overdue ? " <span class=\"major\">overdue</span>" : "");
	escape_html(o, w->owner, 0);
	buf_addf(o, "</td><td>%s</td><td>", plan_status_id(w->status));
	escape_html(o, w->evidence, 0);
	buf_addstr(o, "</td></tr>\n");
}

void html_plan(const struct report *r, struct buf *o)
{
	const struct plan *p = r->plan;
	size_t i;

	buf_addf(o, "<section id=\"plan\"><h2>Remediation plan</h2>\n<p class=\"muted\">As of %s, "
		    "cut at level %u: %zu tasks, %zu quick wins, %zu assess, %zu overdue.</p>\n",
		 p->today, p->level, p->n, p->nquick, p->nassess, p->noverdue);
	if (p->n)
		buf_addstr(o, "<table class=\"plan\"><thead><tr><th>#</th><th>Lane</th><th>Task</th>"
			      "<th>Priority</th><th>Gap</th><th>Due</th><th>Owner</th><th>Status</th>"
			      "<th>Evidence</th></tr></thead><tbody>\n");
	for (i = 0; i < p->n; i++)
		plan_row_html(&p->rows[i], i + 1, o);
	buf_addstr(o, p->n ? "</tbody></table>\n</section>\n" : "<p>Nothing to do.</p>\n</section>\n");
}

void html_exceptions(const struct report *r, struct buf *o)
{
	const struct plan *p = r->plan;
	size_t i;

	buf_addstr(o, "<section id=\"exceptions\"><h2>Exceptions (risk accepted)</h2>\n");
	if (!p->nexceptions) {
		buf_addstr(o, "<p>None.</p>\n</section>\n");
		return;
	}
	buf_addstr(o, "<table><thead><tr><th>Question</th><th>Owner</th><th>Reason</th>"
		      "<th>Expiry</th><th>Status</th></tr></thead><tbody>\n");
	for (i = 0; i < p->nexceptions; i++) {
		const struct plan_exception *x = &p->exceptions[i];
		buf_addf(o, "<tr><td>%s</td><td>", x->question->id);
		escape_html(o, x->answer->owner, 0);
		buf_addstr(o, "</td><td>");
		escape_html(o, x->answer->reason, 1);
		buf_addstr(o, "</td><td>");
		escape_html(o, x->answer->expiry, 0);
		buf_addf(o, "</td><td>%s</td></tr>\n",
			 x->expired ? "<span class=\"major\">expired: back in the plan</span>" : "current");
	}
	buf_addstr(o, "</tbody></table>\n</section>\n");
}

enum az_err report_plan_html(const struct report *r, struct buf *out, struct errmsg *em)
{
	html_page_open(out, "Remediation plan: ", r->a->name);
	buf_addstr(out, "<h1>");
	escape_html(out, r->a->name, 0);
	buf_addstr(out, "</h1>\n");
	html_plan(r, out);
	html_exceptions(r, out);
	html_page_close(out);
	return report_check_size(out, em);
}
