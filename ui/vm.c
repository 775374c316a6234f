/*
 * The view model: helpers for the builders, and the frame around the
 * screens (header, status line, key hints).
 */
#include "vm.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "privacy.h"
#include "text.h"
#include "ui_int.h"
#include "xalloc.h"

struct vm_row *vm_row_new(struct vm_pane *p, int group)
{
	struct vm_row *r;

	ALLOC_GROW(p->rows, p->nrows, p->alloc);
	r = &p->rows[p->nrows++];
	memset(r, 0, sizeof(*r));
	r->text = xstrdup("");
	r->group = group;
	return r;
}

void vm_row_add_raw(struct vm_row *row, const char *text, size_t n, enum vm_style style)
{
	size_t old = strlen(row->text);

	if (!n)
		return;
	row->text = xrealloc(row->text, old + n + 1);
	memcpy(row->text + old, text, n);
	row->text[old + n] = '\0';
	if (row->nspan && row->span[row->nspan - 1].style == style &&
	    row->span[row->nspan - 1].start + row->span[row->nspan - 1].len == old) {
		row->span[row->nspan - 1].len += (unsigned)n;
		return;
	}
	if (row->nspan == VM_SPANS) {
		row->span[VM_SPANS - 1].len += (unsigned)n; /* out of spans: extend the last */
		return;
	}
	row->span[row->nspan].start = (unsigned)old;
	row->span[row->nspan].len = (unsigned)n;
	row->span[row->nspan++].style = style;
}

void vm_row_add(struct vm_row *row, const char *text, enum vm_style style)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	text_clean(&b, text, 0);
	vm_row_add_raw(row, b.data, b.len, style);
	buf_release(&b);
}

void vm_cell(struct vm_row *row, const char *text, int width, enum vm_style style)
{
	struct buf clean = BUF_INIT(BUF_MAX_DEFAULT), cell = BUF_INIT(BUF_MAX_DEFAULT);

	text_clean(&clean, text ? text : "", 0);
	text_pad(&cell, clean.data, clean.len, width > 1 ? width - 1 : width);
	if (width > 1)
		buf_addch(&cell, ' ');
	vm_row_add_raw(row, cell.data, cell.len, style);
	buf_release(&clean);
	buf_release(&cell);
}

struct vm_row *vm_line(struct vm_pane *p, int group, const char *text, enum vm_style style)
{
	struct vm_row *r = vm_row_new(p, group);

	vm_row_add(r, text, style);
	return r;
}

/*
 * Wrap text at the pane's width minus indent. The first line goes after
 * what row r holds, or on a new row of group (indented) when r is NULL;
 * the others on new rows, indented.
 */
static void wrap_into(struct vm_pane *p, struct vm_row *r, int group, int indent, const char *text,
		      enum vm_style style)
{
	struct text_lines l = TEXT_LINES_INIT;
	char pad[64];
	size_t i;

	indent = MIN(indent, (int)sizeof(pad) - 1);
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	text_wrap(text, p->width - indent, &l);
	for (i = 0; i < l.n; i++) {
		if (i || !r) {
			r = vm_row_new(p, group);
			vm_row_add_raw(r, pad, (size_t)indent, VS_TEXT);
		}
		vm_row_add_raw(r, l.v[i], strlen(l.v[i]), style);
	}
	text_lines_release(&l);
}

void vm_wrap(struct vm_pane *p, int group, int indent, const char *text, enum vm_style style)
{
	wrap_into(p, NULL, group, indent, text, style);
}

void vm_wrap_beside(struct vm_pane *p, struct vm_row *r, int indent, const char *text,
		    enum vm_style style)
{
	wrap_into(p, r, r->group, indent, text, style);
}

void vm_section(struct vm_pane *p, const char *heading, const char *text)
{
	if (!text || !*text)
		return;
	vm_line(p, -1, heading, VS_HEADING);
	vm_wrap(p, -1, 0, text, VS_TEXT);
	vm_line(p, -1, "", VS_TEXT);
}

void vm_set_title(struct vm_pane *p, const char *fmt, ...)
{
	struct buf raw = BUF_INIT(4096), clean = BUF_INIT(8192);
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&raw, fmt, ap);
	va_end(ap);
	text_clean(&clean, raw.data, 0);
	free(p->title);
	p->title = buf_detach(&clean, NULL);
	buf_release(&raw);
}

char *vm_private(const struct ui_state *s, const char *text, int name)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	if (!(s->flags & UI_PRIVATE))
		return xstrdup(text ? text : "");
	if (name)
		privacy_mask_name(&b, text);
	else
		privacy_mask_text(&b, text, &s->private_names);
	return buf_detach(&b, NULL);
}

enum vm_style vm_answer_style(enum answer_value v)
{
	switch (v) {
	case ANSWER_NOT_STARTED:
	case ANSWER_PLANNED:
		return VS_ANS_LOW;
	case ANSWER_PARTIAL:
		return VS_ANS_PARTIAL;
	case ANSWER_LARGELY:
		return VS_ANS_LARGELY;
	case ANSWER_FULLY:
		return VS_ANS_FULLY;
	case ANSWER_NA:
		return VS_ANS_NA;
	case ANSWER_RISK_ACCEPTED:
		return VS_ANS_RISK;
	case ANSWER_UNKNOWN:
		return VS_ANS_UNKNOWN;
	default:
		return VS_ANS_NONE;
	}
}

const char *vm_answer_label(const struct catalog *cat, enum answer_value v)
{
	if (v == ANSWER_NONE || (int)v >= ANSWER__COUNT)
		return "not answered";
	return cat->answers[v].label ? cat->answers[v].label : answer_id(v);
}

void vm_bar(struct vm_row *row, size_t done, size_t total, int width, int utf8)
{
	int full = total ? (int)(done * (size_t)width / total) : 0, i;

	if (total && done && !full)
		full = 1;
	for (i = 0; i < width; i++) {
		const char *g = i < full ? (utf8 ? "\xe2\x96\x88" : "#") : (utf8 ? "\xe2\x96\x91" : ".");
		vm_row_add_raw(row, g, strlen(g), i < full ? VS_BAR_DONE : VS_BAR_TODO);
	}
}

static void pane_release(struct vm_pane *p)
{
	size_t i;

	for (i = 0; i < p->nrows; i++)
		free(p->rows[i].text);
	free(p->rows);
	free(p->title);
}

void vm_release(struct vm *vm)
{
	size_t i;

	for (i = 0; i < UI_NPANES; i++)
		pane_release(&vm->pane[i]);
	pane_release(&vm->dialog.body);
	free(vm->dialog.title);
	free(vm->header);
	free(vm->header_right);
	free(vm->status);
	free(vm->message);
	free(vm->keys);
	memset(vm, 0, sizeof(*vm));
}

static char *clean_dup(const char *s)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	text_clean(&b, s, 0);
	return buf_detach(&b, NULL);
}

static void header(const struct ui_state *s, struct vm *vm)
{
	struct buf b = BUF_INIT(4096), r = BUF_INIT(4096);
	char *name;

	buf_addstr(&b, " azmat");
	if (s->open) {
		name = vm_private(s, s->a.name, 0);
		buf_addf(&b, " %s %s", (s->flags & UI_UTF8) ? "\xe2\x94\x82" : "|", name);
		free(name);
	}
	if (ui_collect_busy(s) && s->screen != SCR_COLLECT)
		buf_addf(&r, "[collecting %llu/%llu] ", s->coll.done, s->coll.total);
	if (s->flags & UI_PRIVATE)
		buf_addstr(&r, "[private] ");
	if (s->open && s->a.signed_off_at)
		buf_addstr(&r, "[read-only] ");
	if (s->open && s->who && *s->who) {
		name = vm_private(s, s->who, 1);
		buf_addf(&r, "as %s ", name);
		free(name);
	}
	vm->header = clean_dup(b.data);
	vm->header_right = clean_dup(r.data);
	buf_release(&b);
	buf_release(&r);
}

/* Where the operator is, for the status line. */
static void status(const struct ui_state *s, struct vm *vm)
{
	struct buf b = BUF_INIT(4096);
	const struct cat_item *it = ui_cur_item(s);
	const struct cat_question *q = ui_cur_question(s);
	const char *sep = (s->flags & UI_UTF8) ? " \xe2\x80\xba " : " > ";
	enum ui_screen scr = s->screen;

	if (scr == SCR_HELP || scr == SCR_SEARCH || scr >= SCR_SCORE)
		buf_addf(&b, " %s%s", scr == SCR_HELP ? "Help" : scr == SCR_SEARCH ? "Search" :
				    s->ext[scr] && s->ext[scr]->title ? s->ext[scr]->title : ui_screen_name(scr), sep + 1);
	if (!s->open) {
		buf_addf(&b, " Assessments: %zu", s->nlist);
	} else {
		struct progress p = progress_all(s->cat, &s->answers);
		enum ui_screen at = scr == SCR_STEP || scr == SCR_ITEM || scr == SCR_OVERVIEW ? scr : s->back;
		/* the count first: it is never cut off */
		buf_addf(&b, " %zu/%zu answered  ", p.answered, p.total);
		if (at == SCR_OVERVIEW)
			buf_addstr(&b, "Roadmap");
		else
			buf_addf(&b, "Step %u", s->step + 1);
		if (it && at == SCR_ITEM) {
			struct progress ip = progress_item(it, &s->answers);
			buf_addf(&b, "%s%s (%zu/%zu)", sep, it->id, ip.answered, ip.total);
			if (q)
				buf_addf(&b, "%s%s", sep, q->id);
		}
	}
	vm->status = clean_dup(b.data);
	if (s->msg_kind != MSG_NONE) {
		vm->message = clean_dup(s->msg);
		vm->message_style = s->msg_kind == MSG_ERROR ? VS_ERROR : s->msg_kind == MSG_OK ? VS_OK : VS_INFO;
	}
	buf_release(&b);
}

/* Hints that say nothing useful on the current screen. */
static int hint_relevant(const struct ui_state *s, enum ui_action a)
{
	switch (a) {
	case ACT_BACK:
		return s->screen != SCR_ASSESSMENTS;
	case ACT_NEXT:
		return s->screen == SCR_STEP || s->screen == SCR_ITEM;
	case ACT_OPEN:
		return s->screen == SCR_ASSESSMENTS || s->screen == SCR_OVERVIEW ||
		       s->screen == SCR_STEP || s->screen == SCR_SEARCH;
	case ACT_QUIT:
		return s->screen == SCR_ASSESSMENTS; /* elsewhere "back" says it */
	case ACT_NEXT_PANE:
		return s->screen != SCR_HELP;
	case ACT_START:
		return s->coll.phase == CP_SETUP || s->coll.phase == CP_DONE || s->coll.phase == CP_FAILED;
	case ACT_RESUME:
		return s->coll.resumable && !ui_collect_busy(s) && s->coll.phase != CP_CONFIRM;
	case ACT_EDIT_FIELD:
		return s->coll.phase == CP_SETUP;
	case ACT_PREV_CHOICE:
		return s->screen != SCR_COLLECT || s->coll.phase == CP_SETUP;
	case ACT_CANCEL:
		/* on the collection screen only while something can be cancelled */
		return s->screen != SCR_COLLECT || s->modal != MODAL_NONE || ui_collect_busy(s) ||
		       s->coll.phase == CP_CONFIRM;
	case ACT_ACCEPT: {
		/*
		 * Only where there is something to take or confirm, and room:
		 * the question itself says "(a takes it)" anyway.
		 */
		const struct cat_question *q = ui_cur_question(s);
		return s->cols >= 100 && q &&
		       (ui_suggestion(s, q) != ANSWER_NONE || ui_is_carried(s, q->id));
	}
	case ACT_ACCEPT_ALL: {
		/* with two or more to take (one is what "a" is for), and room */
		const struct cat_item *it = s->screen == SCR_ITEM ? ui_cur_item(s) : NULL;
		size_t i, n = 0;
		for (i = 0; it && i < it->nquestions; i++)
			n += ui_suggestion(s, &it->questions[i]) != ANSWER_NONE ||
			     ui_is_carried(s, it->questions[i].id);
		return s->cols >= 120 && n >= 2;
	}
	default:
		return ui_action_available(s, a);
	}
}

/*
 * The key hints for the active contexts, from the key table, most
 * specific first, as many whole hints as fit; help is always last.
 */
static void keys(const struct ui_state *s, struct vm *vm)
{
	enum ui_context ctx[CTX__COUNT];
	size_t n = ui_contexts(s, ctx), c, i;
	struct buf b = BUF_INIT(4096), help = BUF_INIT(64), one = BUF_INIT(128);
	char name[32];
	int room;

	for (i = 0; i < ui_nkeymap; i++)
		if (ui_keymap[i].act == ACT_HELP && ui_keymap[i].hint)
			buf_addf(&help, " %c %s ", (char)ui_keymap[i].key, ui_keymap[i].hint);
	room = s->cols - text_width(help.data, help.len);
	for (c = 0; c < n; c++) {
		for (i = 0; i < ui_nkeymap; i++) {
			const struct keybind *k = &ui_keymap[i];
			if (k->ctx != ctx[c] || !k->hint || k->act == ACT_HELP ||
			    !hint_relevant(s, k->act))
				continue;
			if (k->hint_key)
				snprintf(name, sizeof(name), "%s", k->hint_key);
			else
				keymap_key_name(k->key, name, sizeof(name));
			buf_reset(&one);
			buf_addf(&one, " %s %s ", name, k->hint);
			if (text_width(b.data, b.len) + text_width(one.data, one.len) > room)
				continue;
			buf_add(&b, one.data, one.len);
		}
	}
	if (n && ctx[n - 1] == CTX_GLOBAL)
		buf_addstr(&b, help.data);
	vm->keys = buf_detach(&b, NULL);
	buf_release(&help);
	buf_release(&one);
}

void vm_build(const struct ui_state *s, struct vm *vm)
{
	size_t i;

	memset(vm, 0, sizeof(*vm));
	vm->screen = s->screen;
	vm->lines = s->lines;
	vm->cols = s->cols;
	vm->flags = s->flags;
	vm->cur_y = vm->cur_x = -1;
	if (s->lines < VM_MIN_LINES || s->cols < VM_MIN_COLS) {
		vm->too_small = 1;
		return;
	}
	vm->wide = s->cols >= VM_WIDE; /* the builders choose their split by it */
	header(s, vm);
	switch (s->screen) {
	case SCR_ASSESSMENTS:
		vm_assessments(s, vm);
		break;
	case SCR_OVERVIEW:
		vm_overview(s, vm);
		break;
	case SCR_STEP:
		vm_step(s, vm);
		break;
	case SCR_ITEM:
		vm_item(s, vm);
		break;
	case SCR_HELP:
		vm_help(s, vm);
		break;
	case SCR_SEARCH:
		vm_search(s, vm);
		break;
	default:
		vm_layout(s, vm, 1, 0);
		if (s->ext[s->screen] && s->ext[s->screen]->build)
			s->ext[s->screen]->build(s, s->cat, vm);
		break;
	}
	for (i = 0; i < UI_NPANES; i++) {
		if (!vm->pane[i].present)
			continue;
		if (vm->pane[i].list)
			vm->pane[i].sel = s->pane[s->screen][i].sel;
		vm_scroll(&vm->pane[i], vm->pane[i].follow && !vm->pane[i].focus
						? INT_MAX / 2 : s->pane[s->screen][i].top);
	}
	vm_dialog(s, vm);
	status(s, vm);
	keys(s, vm);
}
