/*
 * Helpers for the ui tests: the real catalog, a state driven by script
 * lines (the same language as `azmat tui --script`), and golden screens.
 * Header-only because each test_*.c is its own program.
 */
#ifndef AZMAT_UI_TEST_H
#define AZMAT_UI_TEST_H

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "fsutil.h"
#include "script.h"
#include "t.h"
#include "term.h"
#include "ui.h"
#include "vm.h"
#include "xalloc.h"

static inline struct catalog *ut_catalog(void)
{
	struct cat_errors errs = CAT_ERRORS_INIT;
	struct catalog *cat = NULL;
	const char *dir = getenv("AZMAT_CATALOG");

	if (catalog_load(dir ? dir : "roadmap", NULL, &cat, &errs)) {
		size_t i;
		for (i = 0; i < errs.n; i++)
			fprintf(stderr, "%s\n", errs.lines[i]);
		fprintf(stderr, "cannot load the catalog\n");
		exit(2);
	}
	cat_errors_release(&errs);
	return cat;
}

/* A list of n assessments with fixed, readable fields (the state owns it). */
static inline void ut_list(struct ui_state *s, size_t n)
{
	struct assessment *a = n ? xcalloc(n, sizeof(*a)) : NULL;
	struct progress *p = n ? xcalloc(n, sizeof(*p)) : NULL;
	size_t i;
	char buf[64];

	for (i = 0; i < n; i++) {
		a[i].id = (long long)(n - i);
		snprintf(buf, sizeof(buf), "Contoso Q%zu", n - i);
		a[i].name = xstrdup(buf);
		a[i].tenant_id = xstrdup("72f988bf-86f1-41af-91ab-2d7cd011db47");
		a[i].organisation = xstrdup("Contoso Ltd");
		a[i].assessor = xstrdup("Alex Kim");
		a[i].catalog_version = xstrdup("2026.11.0");
		a[i].created_at = xstrdup("2026-11-20T09:00:00Z");
		a[i].updated_at = xstrdup("2026-11-26T10:30:00Z");
		p[i].answered = 10 * i;
		p[i].total = 117;
	}
	ui_set_list(s, a, p, n);
}

/* Fill a (zeroed here) as assessment id of the Contoso tenant, created at created. */
static inline void ut_assessment(struct assessment *a, long long id, const char *name,
				 const char *created)
{
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->name = xstrdup(name);
	a->tenant_id = xstrdup("72f988bf-86f1-41af-91ab-2d7cd011db47");
	a->organisation = xstrdup("Contoso Ltd");
	a->assessor = xstrdup("Alex Kim");
	a->catalog_version = xstrdup("2026.11.0");
	a->created_at = xstrdup(created);
	a->updated_at = xstrdup("2026-11-26T10:30:00Z");
}

/* Open a fresh assessment 7 with no answers at the stored position pos. */
static inline void ut_open(struct ui_state *s, const char *pos)
{
	struct assessment a;
	struct answer_set set = ANSWER_SET_INIT;

	ut_assessment(&a, 7, "Contoso Q4 workshop", "2026-11-20T09:00:00Z");
	ui_set_open(s, &a, &set, pos);
}

/* Put answer v for question qid into set (as if stored earlier). */
static inline void ut_answer(struct answer_set *set, const char *qid, enum answer_value v)
{
	struct answer a;

	answer_init(&a, qid);
	a.value = v;
	answer_set_put(set, &a);
	answer_release(&a);
}

/* The terminal is now cols x lines. */
static inline void ut_size(struct ui_state *s, int cols, int lines)
{
	struct ui_input in = { .act = ACT_RESIZE, .x = cols, .y = lines };

	ui_apply(s, &in);
}

/*
 * What the app layer would do for the effects, with the store's answer:
 * saves succeed unless fail_saves is set. Counts what was asked for.
 */
struct ut_effects {
	int fail_saves;
	unsigned all;  /* every effect seen */
	int saves;     /* UE_SAVE_ANSWER performed */
	int positions; /* UE_SAVE_POSITION */
	struct ui_position last_pos;
};

static inline unsigned ut_apply(struct ui_state *s, const struct ui_input *in, struct ut_effects *fx)
{
	unsigned e = ui_apply(s, in);

	fx->all |= e;
	if (e & UE_SAVE_ANSWER) {
		if (fx->fail_saves) {
			ui_failed(s, UE_SAVE_ANSWER, "database is locked");
		} else {
			fx->saves++;
			ui_answer_saved(s);
		}
	}
	if (e & UE_SAVE_ANSWERS) {
		size_t n = 0;
		while (ui_batch_next(s)) {
			if (fx->fail_saves) {
				ui_failed(s, UE_SAVE_ANSWER, "database is locked");
				break;
			}
			fx->saves++;
			n++;
			ui_answer_saved(s);
		}
		ui_batch_saved(s, n, fx->fail_saves);
	}
	if (e & UE_SAVE_POSITION) {
		fx->positions++;
		fx->last_pos = s->req.pos;
	}
	return e;
}

/* Run script lines (separated by '\n') against s; fails the test on a bad line. */
static inline unsigned ut_run(struct ui_state *s, const char *script, struct ut_effects *fx)
{
	char *copy = xstrdup(script), *line = copy, *nl;
	unsigned all = 0;

	for (; line && *line; line = nl) {
		struct errmsg em = ERRMSG_INIT;
		struct script_cmd c;
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		memset(&c, 0, sizeof(c));
		if (script_parse(line, &c, &em)) {
			t_fail(__FILE__, __LINE__, "bad script line '%s': %s", line, errmsg_text(&em));
			continue;
		}
		if (c.kind == SCRIPT_INPUT) {
			all |= ut_apply(s, &c.in, fx);
		} else if (c.kind == SCRIPT_KEY) {
			enum ui_context ctx[CTX__COUNT];
			struct ui_input in;
			if (!keymap_lookup(c.key, ctx, ui_contexts(s, ctx), &in))
				all |= ut_apply(s, &in, fx);
		}
		script_cmd_release(&c);
	}
	free(copy);
	return all;
}

/*
 * Evidence for the tests, as the store would hand it over: one result of
 * check id with status, healthy/total and a summary, collected at a fixed
 * time; offenders are added with ut_offender().
 */
static inline struct check_result *ut_result(struct evidence_set *ev, const char *id,
					     enum check_status st, unsigned long healthy,
					     unsigned long total, const char *summary)
{
	struct check_result r;
	size_t i;

	check_result_init(&r, id);
	r.status = st;
	r.cause = st == CHECK_NOT_ASSESSABLE ? CAUSE_LICENCE : CAUSE_NONE;
	r.healthy = healthy;
	r.total = total;
	check_result_set_summary(&r, summary);
	free(r.collected_at);
	r.collected_at = xstrdup("2026-11-26T08:30:00Z");
	evidence_put(ev, &r);
	check_result_release(&r);
	for (i = 0; i < ev->n; i++)
		if (!strcmp(ev->r[i].check_id, id))
			return &ev->r[i];
	return NULL;
}

static inline void ut_offender(struct check_result *r, const char *id, const char *name,
			       const char *detail)
{
	check_result_add_offender(r, id, name, detail);
}

/*
 * Hand ev (taken), the carried question ids (copied, NULL-terminated list
 * or NULL) and the overrides ov (taken, may be NULL) to the state, as the
 * app's scoring extension does, with the plan dated 2026-11-26.
 */
static inline void ut_scoring(struct ui_state *s, struct evidence_set *ev, const char *const *carried,
			      struct plan_overrides *ov)
{
	struct plan_overrides none = PLAN_OVERRIDES_INIT;
	char **c = NULL;
	size_t n = 0, i;

	while (carried && carried[n])
		n++;
	if (n) {
		c = xcalloc(n, sizeof(*c));
		for (i = 0; i < n; i++)
			c[i] = xstrdup(carried[i]);
	}
	ui_set_scoring(s, ev, c, n, ov ? ov : &none, "2026-11-26");
}

/* Open assessment 7 at 80x24 with the later screens and the evidence pane, as the app does. */
static inline void ut_open_scored(struct ui_state *s, const struct catalog *c)
{
	ui_init(s, c, 24, 80, UI_UTF8);
	ut_list(s, 3);
	ut_open(s, NULL);
	ui_register_screen(s, SCR_SCORE, &ui_screen_dashboard);
	ui_register_screen(s, SCR_PLAN, &ui_screen_plan);
	ui_register_screen(s, SCR_COMPARE, &ui_screen_compare);
	ui_register_screen(s, SCR_EXPORT, &ui_screen_export);
	s->item_pane = ui_evidence_pane;
	s->item_pane_title = "Evidence";
	s->who = "Alex Kim";
}

/*
 * The evidence the scoring tests share. 1b: E = (0.75 + 1) / 2 = 0.875,
 * Fully, one offending subscription. 4a: three passes and a failed gating
 * check (Largely, capped at Partial).
 */
static inline void ut_evidence(struct evidence_set *ev)
{
	struct check_result *r;

	r = ut_result(ev, "inventory-subscriptions-under-mg", CHECK_PARTIAL, 3, 4,
		      "3 of 4 subscriptions sit under the tree");
	ut_offender(r, "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590", "sub-legacy-lab",
		    "directly under the tenant root");
	ut_result(ev, "inventory-hierarchy-settings", CHECK_PASS, 1, 1, "default group set");
	ut_result(ev, "identity-global-admin-count", CHECK_PASS, 1, 1, "3 Global Administrators");
	ut_result(ev, "identity-guest-access-restricted", CHECK_PASS, 1, 1, "guests restricted");
	ut_result(ev, "identity-user-consent-restricted", CHECK_PASS, 1, 1, "consent restricted");
	ut_result(ev, "identity-ca-mfa-all-users", CHECK_FAIL, 0, 1, "no policy requires MFA");
	r = ut_result(ev, "identity-ca-mfa-admins", CHECK_NOT_ASSESSABLE, 0, 0,
		      "Conditional Access needs Entra ID P1");
	(void)r;
}

/* The answer value of question qid in the state, ANSWER_NONE when none. */
static inline enum answer_value ut_value(const struct ui_state *s, const char *qid)
{
	const struct answer *a = answer_set_find(&s->answers, qid);

	return a ? a->value : ANSWER_NONE;
}

/*
 * Compare text with tests/ui/golden/name; UPDATE_GOLDEN=1 rewrites the
 * golden file instead. On a difference the actual text is written next to
 * it as name.actual (ignored by git) for review.
 */
static inline void ut_golden(const char *name, const char *text)
{
	const char *src = getenv("AZMAT_SOURCE_DIR");
	char path[1024], actual[1100];
	size_t len = 0;
	char *want;

	snprintf(path, sizeof(path), "%s/tests/ui/golden/%s", src ? src : ".", name);
	snprintf(actual, sizeof(actual), "%s.actual", path);
	if (getenv("UPDATE_GOLDEN") && !strcmp(getenv("UPDATE_GOLDEN"), "1")) {
		t_write(path, text, strlen(text));
		remove(actual);
		t_checks++;
		return;
	}
	want = t_slurp(path, &len);
	t_checks++;
	if (!want) {
		t_fail(__FILE__, __LINE__, "no golden file %s (run with UPDATE_GOLDEN=1 and review it)", path);
		t_write(actual, text, strlen(text));
		return;
	}
	if (len != strlen(text) || memcmp(want, text, len)) {
		t_fail(__FILE__, __LINE__, "screen differs from %s; see %s (diff them)", path, actual);
		t_write(actual, text, strlen(text));
	} else {
		remove(actual);
	}
	free(want);
}

/* The headless terminal of the screen tests (the locale from the environment). */
static inline struct term *ut_term(void)
{
	struct errmsg em = ERRMSG_INIT;
	struct term *term = NULL;
	unsigned flags;

	setlocale(LC_ALL, "");
	if (term_open(TERM_HEADLESS, 24, 80, &term, &flags, &em)) {
		fprintf(stderr, "%s\n", errmsg_text(&em));
		exit(2);
	}
	return term;
}

/* Draw s into the headless term at its size and compare with golden name. */
static inline void ut_snap(struct term *term, struct ui_state *s, const char *name)
{
	struct buf out = BUF_INIT(BUF_MAX_DEFAULT);
	struct vm vm;

	term_resize(term, s->lines, s->cols);
	vm_build(s, &vm);
	term_draw(term, &vm);
	ui_sync(s, &vm);
	vm_release(&vm);
	term_dump(term, &out);
	ut_golden(name, out.data);
	buf_release(&out);
}

#endif
