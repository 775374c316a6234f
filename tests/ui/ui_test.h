/*
 * Helpers for the ui tests: the real catalog, a state driven by script
 * lines (the same language as `azmat tui --script`), and golden screens.
 * Header-only because each test_*.c is its own program.
 */
#ifndef AZMAT_UI_TEST_H
#define AZMAT_UI_TEST_H

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "fsutil.h"
#include "script.h"
#include "t.h"
#include "ui.h"
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

/* Open a fresh assessment 7 with no answers at the stored position pos. */
static inline void ut_open(struct ui_state *s, const char *pos)
{
	struct assessment a;
	struct answer_set set = ANSWER_SET_INIT;

	memset(&a, 0, sizeof(a));
	a.id = 7;
	a.name = xstrdup("Contoso Q4 workshop");
	a.tenant_id = xstrdup("72f988bf-86f1-41af-91ab-2d7cd011db47");
	a.organisation = xstrdup("Contoso Ltd");
	a.assessor = xstrdup("Alex Kim");
	a.catalog_version = xstrdup("2026.11.0");
	a.created_at = xstrdup("2026-11-20T09:00:00Z");
	a.updated_at = xstrdup("2026-11-26T10:30:00Z");
	ui_set_open(s, &a, &set, pos);
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

#endif
