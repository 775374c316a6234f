/*
 * Effects: every store write the TUI makes happens here, through
 * db/store.h, and only what the store accepted is shown as saved.
 */
#include "tui_effects.h"

#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "fsutil.h"
#include "progress.h"
#include "strutil.h"
#include "term.h"
#include "timeutil.h"
#include "xalloc.h"

#define TUI_EXT_REF(n) &tui_ext_##n,
static const struct tui_ext *const exts[] = { TUI_EXT_LIST(TUI_EXT_REF) };
#undef TUI_EXT_REF

enum ext_call { EXT_START, EXT_OPENED, EXT_CHANGED };

static void ext_call(struct tui *t, enum ext_call which)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exts); i++) {
		void (*fn)(struct cli *, struct store *, struct ui_state *) = NULL;
		if (!exts[i])
			continue;
		fn = which == EXT_START ? exts[i]->start : which == EXT_OPENED ? exts[i]->opened
									: exts[i]->changed;
		if (fn)
			fn(t->c, t->st, &t->s);
	}
}

void tui_ext_start(struct tui *t)
{
	ext_call(t, EXT_START);
}

void tui_ext_opened(struct tui *t)
{
	ext_call(t, EXT_OPENED);
}

void tui_ext_changed(struct tui *t)
{
	ext_call(t, EXT_CHANGED);
}

static void ext_effects(struct tui *t, unsigned fx)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exts); i++)
		if (exts[i] && exts[i]->effects)
			exts[i]->effects(t->c, t->st, &t->s, fx);
}

unsigned tui_ext_poll(struct tui *t, int *wait_ms)
{
	unsigned fx = 0;
	size_t i;

	*wait_ms = -1;
	for (i = 0; i < ARRAY_SIZE(exts); i++) {
		int w = -1;
		if (!exts[i] || !exts[i]->poll)
			continue;
		fx |= exts[i]->poll(t->c, t->st, &t->s, &w);
		if (w >= 0 && (*wait_ms < 0 || w < *wait_ms))
			*wait_ms = w;
	}
	return fx;
}

void tui_ext_stop(struct tui *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exts); i++)
		if (exts[i] && exts[i]->stop)
			exts[i]->stop(t->c, &t->s);
}

static void load_list(struct tui *t)
{
	struct errmsg em = ERRMSG_INIT;
	struct assessment *as = NULL;
	struct progress *pr;
	size_t n = 0, i;

	if (store_assessment_list(t->st, &as, &n, &em)) {
		ui_message(&t->s, MSG_ERROR, "cannot read the assessments: %s", errmsg_text(&em));
		return;
	}
	pr = n ? xcalloc(n, sizeof(*pr)) : NULL;
	for (i = 0; i < n; i++) {
		struct answer_set set = ANSWER_SET_INIT;
		if (!store_answers_load(t->st, as[i].id, &set, &em))
			pr[i] = progress_all(t->cat, &set);
		answer_set_release(&set);
	}
	ui_set_list(&t->s, as, pr, n);
}

static void open_assessment(struct tui *t, long long id)
{
	struct errmsg em = ERRMSG_INIT;
	struct answer_set set = ANSWER_SET_INIT;
	struct assessment a;
	char *pos = NULL;

	memset(&a, 0, sizeof(a));
	if (store_assessment_get(t->st, id, &a, &em) || store_answers_load(t->st, id, &set, &em)) {
		ui_message(&t->s, MSG_ERROR, "cannot open assessment %lld: %s", id, errmsg_text(&em));
		assessment_release(&a);
		answer_set_release(&set);
		return;
	}
	if (store_setting_get(t->st, id, TUI_POSITION_KEY, &pos, &em))
		pos = NULL;
	snprintf(t->who, sizeof(t->who), "%s", cli_who(t->c, &a));
	ui_set_open(&t->s, &a, &set, pos);
	t->s.who = t->who;
	free(pos);
	tui_ext_opened(t);
}

/* 0 when stored (the screen updated), -1 when not (the screen says why). */
static int save_answer(struct tui *t)
{
	struct errmsg em = ERRMSG_INIT;

	if (!t->s.open)
		return -1;
	if (store_answer_put(t->st, t->s.a.id, &t->s.req.answer, t->who, "tui", &em)) {
		char msg[ERRMSG_MAX + 64];
		/* the kind of failure first: the detail may be cut off on screen */
		snprintf(msg, sizeof(msg), "%s: %s", az_strerror(em.code), errmsg_text(&em));
		ui_failed(&t->s, UE_SAVE_ANSWER, msg);
		return -1;
	}
	/* what the store recorded as who and when, for the screen */
	free(t->s.req.answer.updated_by);
	t->s.req.answer.updated_by = xstrdup(t->who);
	free(t->s.req.answer.updated_at);
	t->s.req.answer.updated_at = xmalloc(32);
	time_format_iso(time_now(), t->s.req.answer.updated_at, 32);
	ui_answer_saved(&t->s);
	tui_ext_changed(t);
	return 0;
}

/* Several answers at once (accept all): each its own durable commit, stopping at a failure. */
static void save_answers(struct tui *t)
{
	size_t n = 0;
	int failed = 0;

	while (!failed && ui_batch_next(&t->s)) {
		if (save_answer(t))
			failed = 1;
		else
			n++;
	}
	ui_batch_saved(&t->s, n, failed);
}

static void save_position(struct tui *t)
{
	struct errmsg em = ERRMSG_INIT;
	char pos[160];

	ui_position_format(&t->s.req.pos, pos, sizeof(pos));
	if (store_setting_set(t->st, t->s.req.aid, TUI_POSITION_KEY, pos, &em))
		ui_message(&t->s, MSG_ERROR, "the position was not saved: %s", errmsg_text(&em));
}

static void fields(const struct tui *t, struct assessment_fields *f)
{
	f->name = t->s.req.name;
	f->organisation = t->s.req.org;
	f->tenant_id = t->s.req.tenant;
	f->assessor = t->s.req.assessor;
	f->catalog_version = t->cat->version;
}

static void create(struct tui *t)
{
	struct errmsg em = ERRMSG_INIT;
	struct assessment_fields f;
	long long id;

	fields(t, &f);
	if (store_assessment_create(t->st, &f, &id, &em)) {
		ui_failed(&t->s, UE_CREATE, errmsg_text(&em));
		return;
	}
	load_list(t);
	open_assessment(t, id);
	ui_message(&t->s, MSG_OK, "created assessment %lld", id);
}

static void update(struct tui *t)
{
	struct errmsg em = ERRMSG_INIT;
	struct assessment_fields f;

	fields(t, &f);
	if (store_assessment_update(t->st, t->s.req.aid, &f, &em)) {
		ui_failed(&t->s, UE_UPDATE, errmsg_text(&em));
		return;
	}
	load_list(t);
	ui_message(&t->s, MSG_OK, "assessment %lld updated", t->s.req.aid);
}

static void delete(struct tui *t)
{
	struct errmsg em = ERRMSG_INIT;

	if (store_assessment_delete(t->st, t->s.req.aid, &em)) {
		ui_message(&t->s, MSG_ERROR, "not deleted: %s", errmsg_text(&em));
		return;
	}
	load_list(t);
	ui_message(&t->s, MSG_OK, "assessment %lld deleted", t->s.req.aid);
}

static void demo(struct tui *t)
{
	struct errmsg em = ERRMSG_INIT;
	char *argv[] = { NULL };
	long long id;
	int rc;

	if (tui_demo_assessment) {
		if (tui_demo_assessment(t->c, t->st, &id, &em)) {
			ui_message(&t->s, MSG_ERROR, "the demo is not available: %s", errmsg_text(&em));
			return;
		}
		load_list(t);
		open_assessment(t, id);
		return;
	}
	if (!&cmd_demo) {
		ui_message(&t->s, MSG_ERROR, "the demo is not part of this build");
		return;
	}
	term_suspend(t->term);
	rc = cmd_demo.run(t->c, 0, argv);
	term_resume(t->term);
	load_list(t);
	if (rc)
		ui_message(&t->s, MSG_ERROR, "'azmat demo' failed (exit %d)", rc);
	else
		ui_message(&t->s, MSG_OK, "the demo assessment is in the list");
}

static void dump(struct tui *t)
{
	struct errmsg em = ERRMSG_INIT;
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	term_dump(t->term, &b);
	if (file_write_atomic(t->s.req.path, b.data, b.len, 0644, &em))
		ui_message(&t->s, MSG_ERROR, "%s", errmsg_text(&em));
	buf_release(&b);
}

unsigned tui_effects(struct tui *t, unsigned fx)
{
	if (fx & UE_SAVE_ANSWER)
		save_answer(t);
	if (fx & UE_SAVE_ANSWERS)
		save_answers(t);
	if (fx & UE_SAVE_POSITION)
		save_position(t);
	if (fx & UE_CREATE)
		create(t);
	if (fx & UE_UPDATE)
		update(t);
	if (fx & UE_DELETE)
		delete(t);
	if (fx & UE_LOAD_LIST)
		load_list(t);
	if (fx & UE_OPEN)
		open_assessment(t, t->s.req.aid);
	if (fx & UE_DEMO)
		demo(t);
	if (fx & UE_RESCORE)
		tui_ext_changed(t);
	if ((fx & UE_RELOAD) && t->s.open)
		tui_ext_opened(t);
	if (fx & UE_DUMP)
		dump(t);
	ext_effects(t, fx);
	return fx;
}
