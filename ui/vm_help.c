/*
 * The help screen, generated from the key table: every context, every
 * action with all its keys, then the answer scale from the catalog.
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "vm.h"

/* The order help shows the contexts in. */
static const enum ui_context order[] = {
	CTX_ITEM, CTX_LIST, CTX_OVERVIEW, CTX_ASSESSMENTS, CTX_GLOBAL,
	CTX_SCORE, CTX_PLAN, CTX_COMPARE, CTX_EXPORT, CTX_COLLECT,
	CTX_SEARCH, CTX_FORM, CTX_EDITOR, CTX_TEXT, CTX_CONFIRM,
};

/* The screen a context belongs to, for contexts of the later screens. */
static enum ui_screen context_screen(enum ui_context c)
{
	switch (c) {
	case CTX_SCORE:
		return SCR_SCORE;
	case CTX_PLAN:
		return SCR_PLAN;
	case CTX_COMPARE:
		return SCR_COMPARE;
	case CTX_EXPORT:
		return SCR_EXPORT;
	case CTX_COLLECT:
		return SCR_COLLECT;
	default:
		return SCR__COUNT;
	}
}

/* One row per action of ctx, listing all its keys. */
static void context(const struct ui_state *s, struct vm_pane *p, enum ui_context ctx)
{
	size_t i, j;
	int any = 0;

	for (i = 0; i < ui_nkeymap; i++) {
		const struct keybind *k = &ui_keymap[i];
		struct buf keys = BUF_INIT(256), padded = BUF_INIT(256);
		char name[32];
		int seen = 0;
		struct vm_row *r;
		if (k->ctx != ctx || !ui_action_available(s, k->act))
			continue;
		for (j = 0; j < i; j++)
			if (ui_keymap[j].ctx == ctx && ui_keymap[j].act == k->act &&
			    ui_keymap[j].arg == k->arg)
				seen = 1;
		if (seen)
			continue;
		for (j = i; j < ui_nkeymap; j++) {
			if (ui_keymap[j].ctx != ctx || ui_keymap[j].act != k->act ||
			    ui_keymap[j].arg != k->arg)
				continue;
			keymap_key_name(ui_keymap[j].key, name, sizeof(name));
			buf_addf(&keys, "%s%s", keys.len ? ", " : "", name);
		}
		if (!any++)
			vm_line(p, -1, ui_context_title(ctx), VS_HEADING);
		r = vm_row_new(p, -1);
		buf_addstr(&padded, "  ");
		text_pad(&padded, keys.data, keys.len, 22);
		vm_row_add_raw(r, padded.data, padded.len, VS_KEY);
		if (k->act == ACT_GOTO_STEP) {
			snprintf(name, sizeof(name), "open step %d", k->arg);
			vm_row_add(r, name, VS_TEXT);
		} else {
			vm_row_add(r, k->help ? k->help : ui_action_help(k->act), VS_TEXT);
		}
		buf_release(&keys);
		buf_release(&padded);
	}
	if (any)
		vm_line(p, -1, "", VS_TEXT);
}

static void answers(const struct ui_state *s, struct vm_pane *p)
{
	size_t i;

	vm_line(p, -1, "The answer scale", VS_HEADING);
	for (i = 0; i < ANSWER__COUNT; i++) {
		const struct cat_answer_def *d = &s->cat->answers[i];
		struct vm_row *r = vm_row_new(p, -1);
		struct buf b = BUF_INIT(256);
		buf_addf(&b, "  %s  ", d->key ? d->key : "");
		text_pad(&b, d->label, strlen(d->label), 18);
		vm_row_add_raw(r, b.data, b.len, vm_answer_style((enum answer_value)i));
		buf_release(&b);
		vm_wrap(p, -1, 4, d->description, VS_DIM);
	}
	vm_line(p, -1, "", VS_TEXT);
	vm_line(p, -1, "Mouse", VS_HEADING);
	vm_wrap(p, -1, 2,
		"Click a row to select it and click it again to open it; the wheel scrolls the "
		"pane under the pointer.",
		VS_TEXT);
}

void vm_help(const struct ui_state *s, struct vm *vm)
{
	struct vm_pane *p = &vm->pane[0];
	size_t i;

	vm_layout(s, vm, 1, 0);
	vm_set_title(p, "Help: keys (Esc, q or ? to close)");
	for (i = 0; i < ARRAY_SIZE(order); i++)
		if (context_screen(order[i]) == SCR__COUNT || ui_screen_available(s, context_screen(order[i])))
			context(s, p, order[i]);
	answers(s, p);
}
