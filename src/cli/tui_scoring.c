/*
 * The TUI's scoring extension (tui_app.h): registers the score dashboard,
 * plan, compare and export screens (ui/), loads what scoring reads beyond
 * the answers when an assessment opens (evidence with its offending
 * resources, answers carried over, plan overrides), and performs the
 * screens' effects through the store: plan edits, loading the assessment
 * to compare with, sign-off, and writing exports.
 *
 * The score and plan themselves are computed by the ui from what it holds
 * (ui_rescore()), so a saved answer needs no store access to rescore.
 */
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "scored.h"
#include "store_plan.h"
#include "timeutil.h"
#include "tui_app.h"
#include "ui.h"
#include "xalloc.h"

static void start(struct cli *c, struct store *st, struct ui_state *s)
{
	(void)c;
	(void)st;
	ui_register_screen(s, SCR_SCORE, &ui_screen_dashboard);
	ui_register_screen(s, SCR_PLAN, &ui_screen_plan);
	ui_register_screen(s, SCR_COMPARE, &ui_screen_compare);
	ui_register_screen(s, SCR_EXPORT, &ui_screen_export);
}

/* The plan's date: the sign-off date once signed off, else today. */
static void plan_date(const struct assessment *a, char out[16])
{
	if (a->signed_off_at && strlen(a->signed_off_at) >= 10)
		snprintf(out, 16, "%.10s", a->signed_off_at);
	else
		time_format_date(time_now(), out, 16);
}

static void opened(struct cli *c, struct store *st, struct ui_state *s)
{
	struct errmsg em = ERRMSG_INIT;
	struct evidence_set ev = EVIDENCE_SET_INIT;
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;
	char **carried = NULL, today[16];
	size_t ncarried = 0;

	(void)c;
	/* the evidence panel lists the first offenders of a check and counts the rest */
	if (store_evidence_current(st, s->a.id, STORE_EV_OFFENDERS | STORE_EV_FIRST_OFFENDERS, &ev, &em) ||
	    store_carried_load(st, s->a.id, &carried, &ncarried, &em) ||
	    store_plan_overrides_load(st, s->a.id, &ov, &em)) {
		evidence_release(&ev);
		store_strings_free(carried, ncarried);
		plan_overrides_release(&ov);
		ui_message(s, MSG_ERROR, "cannot score: %s", errmsg_text(&em));
		return;
	}
	plan_date(&s->a, today);
	ui_set_scoring(s, &ev, carried, ncarried, &ov, today);
}

static void fail(struct ui_state *s, unsigned effect, const char *what, const struct errmsg *em)
{
	char msg[ERRMSG_MAX + 96];

	snprintf(msg, sizeof(msg), "%s: %s", what, errmsg_text(em));
	ui_failed(s, effect, msg);
}

static void save_plan(struct store *st, struct ui_state *s)
{
	struct errmsg em = ERRMSG_INIT;
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;

	if (plan_override_check(s->req.owner, s->req.due, s->req.status, &em) ||
	    store_plan_override_set(st, s->a.id, s->req.item_id, s->req.owner, s->req.due,
				    s->req.status, s->who, &em) ||
	    store_plan_overrides_load(st, s->a.id, &ov, &em)) {
		plan_overrides_release(&ov);
		fail(s, UE_SAVE_PLAN, az_strerror(em.code), &em);
		return;
	}
	ui_plan_saved(s, &ov);
}

/* Another assessment, loaded and handed to the ui, which compares. */
static void compare(struct store *st, struct ui_state *s)
{
	struct errmsg em = ERRMSG_INIT;
	struct scored sc;

	if (scored_load(st, s->cat, s->req.aid, 0, &sc, &em)) {
		ui_message(s, MSG_ERROR, "cannot load assessment %lld: %s", s->req.aid, errmsg_text(&em));
		scored_release(&sc);
		return;
	}
	ui_set_compare(s, &sc.a, &sc.answers, &sc.evidence, sc.carried, sc.ncarried, &sc.overrides,
		       sc.today);
	sc.carried = NULL;
	sc.ncarried = 0;
	scored_release(&sc);
}

/* Sign off, checking the blockers again against what the store holds now. */
static void signoff(struct store *st, struct ui_state *s)
{
	struct errmsg em = ERRMSG_INIT;
	struct assessment a;
	struct scored sc;
	size_t n;

	memset(&a, 0, sizeof(a));
	if (scored_load(st, s->cat, s->a.id, 0, &sc, &em)) {
		fail(s, UE_SIGNOFF, "not signed off", &em);
		scored_release(&sc);
		return;
	}
	n = score_signoff_blockers(&sc.score, NULL, 0);
	scored_release(&sc);
	if (n) {
		ui_message(s, MSG_ERROR, "not signed off: %zu major contradiction%s without a note in the store",
			   n, n == 1 ? "" : "s");
		return;
	}
	if (store_assessment_signoff(st, s->a.id, s->who && *s->who ? s->who : "unknown", &em) ||
	    store_assessment_get(st, s->a.id, &a, &em)) {
		fail(s, UE_SIGNOFF, "not signed off", &em);
		assessment_release(&a);
		return;
	}
	ui_signed_off(s, a.signed_off_at, a.signed_off_by);
	assessment_release(&a);
}

/* The report or the plan, rendered from what the store holds now. */
static enum az_err render_scored(struct store *st, const struct ui_state *s, struct buf *out,
				 struct errmsg *em)
{
	struct scored sc;
	struct report r;
	char now[32];
	enum az_err rc;

	rc = scored_load(st, s->cat, s->a.id, SCORED_OFFENDERS | SCORED_RUNS, &sc, em);
	if (!rc && s->req.export_what == EXPORT_REPORT)
		rc = scored_report_render(st, s->cat, &sc, s->req.export_format, -1, out, em);
	else if (!rc) {
		scored_report(&sc, s->cat, NULL, now, &r);
		rc = report_plan_render(&r, (enum report_format)s->req.export_format, out, em);
	}
	scored_release(&sc);
	return rc;
}

/* The comparison as the compare screen shows it. */
static enum az_err render_diff(const struct ui_state *s, struct buf *out, struct errmsg *em)
{
	if (!s->cmp.have_diff)
		return errmsg_set(em, AZ_ERR_USAGE, "nothing is being compared");
	switch (s->req.export_format) {
	case REPORT_JSON:
		return diff_json(&s->cmp.diff, out, em);
	case REPORT_MD:
		return diff_md(&s->cmp.diff, out, em);
	default:
		return diff_html(&s->cmp.diff, out, em);
	}
}

static void export(struct store *st, struct ui_state *s)
{
	struct buf out = BUF_INIT(REPORT_MAX);
	struct errmsg em = ERRMSG_INIT;
	struct stat sb;
	enum az_err rc;

	if (!s->req.overwrite && !stat(s->req.path, &sb)) {
		ui_export_exists(s);
		return;
	}
	if (s->req.export_what == EXPORT_DIFF)
		rc = render_diff(s, &out, &em);
	else
		rc = render_scored(st, s, &out, &em);
	if (!rc)
		rc = file_write_atomic(s->req.path, out.data, out.len, 0600, &em);
	if (rc)
		ui_message(s, MSG_ERROR, "not written: %s", errmsg_text(&em));
	else
		ui_exported(s, out.len);
	buf_release(&out);
}

static void effects(struct cli *c, struct store *st, struct ui_state *s, unsigned fx)
{
	(void)c;
	if (!s->open)
		return;
	if (fx & UE_SAVE_PLAN)
		save_plan(st, s);
	if (fx & UE_COMPARE)
		compare(st, s);
	if (fx & UE_SIGNOFF)
		signoff(st, s);
	if (fx & UE_EXPORT)
		export(st, s);
}

const struct tui_ext tui_ext_scoring = { "scoring", start, opened, NULL, NULL, effects, NULL };
