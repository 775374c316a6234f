/*
 * Putting view-model rows on the screen.
 */
#include "draw.h"

#include <string.h>

#include "compat.h"
#include "text.h"

enum { PAIR_TITLE = 1, PAIR_HEAD, PAIR_KEY, PAIR_GREEN, PAIR_YELLOW, PAIR_RED, PAIR_CYAN,
       PAIR_BLUE, PAIR_MAGENTA, PAIR_ERROR };

static void colours(struct draw *d)
{
	attr_t *a = d->attr;

	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_HEAD, COLOR_CYAN, -1);
	init_pair(PAIR_KEY, COLOR_YELLOW, -1);
	init_pair(PAIR_GREEN, COLOR_GREEN, -1);
	init_pair(PAIR_YELLOW, COLOR_YELLOW, -1);
	init_pair(PAIR_RED, COLOR_RED, -1);
	init_pair(PAIR_CYAN, COLOR_CYAN, -1);
	init_pair(PAIR_BLUE, COLOR_BLUE, -1);
	init_pair(PAIR_MAGENTA, COLOR_MAGENTA, -1);
	init_pair(PAIR_ERROR, COLOR_WHITE, COLOR_RED);
	a[VS_HEADING] = COLOR_PAIR(PAIR_HEAD) | A_BOLD;
	a[VS_TITLE] = COLOR_PAIR(PAIR_TITLE) | A_BOLD;
	a[VS_KEY] = COLOR_PAIR(PAIR_KEY);
	a[VS_OK] = COLOR_PAIR(PAIR_GREEN) | A_BOLD;
	a[VS_WARN] = COLOR_PAIR(PAIR_YELLOW);
	a[VS_ERROR] = COLOR_PAIR(PAIR_ERROR) | A_BOLD;
	a[VS_INFO] = COLOR_PAIR(PAIR_CYAN);
	a[VS_BAR_DONE] = COLOR_PAIR(PAIR_GREEN);
	a[VS_ANS_LOW] = COLOR_PAIR(PAIR_RED) | A_BOLD;
	a[VS_ANS_PARTIAL] = COLOR_PAIR(PAIR_YELLOW) | A_BOLD;
	a[VS_ANS_LARGELY] = COLOR_PAIR(PAIR_CYAN) | A_BOLD;
	a[VS_ANS_FULLY] = COLOR_PAIR(PAIR_GREEN) | A_BOLD;
	a[VS_ANS_NA] = COLOR_PAIR(PAIR_BLUE) | A_BOLD;
	a[VS_ANS_RISK] = COLOR_PAIR(PAIR_MAGENTA) | A_BOLD;
	a[VS_ANS_UNKNOWN] = COLOR_PAIR(PAIR_YELLOW);
}

/* Monochrome: attributes only (NO_COLOR, or a terminal without colours). */
static void mono(struct draw *d)
{
	attr_t *a = d->attr;

	a[VS_HEADING] = A_BOLD | A_UNDERLINE;
	a[VS_TITLE] = A_REVERSE | A_BOLD;
	a[VS_KEY] = A_BOLD;
	a[VS_OK] = A_BOLD;
	a[VS_ERROR] = A_REVERSE | A_BOLD;
	a[VS_ANS_LOW] = A_BOLD;
	a[VS_ANS_PARTIAL] = A_BOLD;
	a[VS_ANS_LARGELY] = A_BOLD;
	a[VS_ANS_FULLY] = A_BOLD;
	a[VS_ANS_RISK] = A_UNDERLINE;
}

void draw_init(struct draw *d, WINDOW *w, int color, int utf8)
{
	memset(d, 0, sizeof(*d));
	d->w = w;
	d->utf8 = utf8;
	d->attr[VS_DIM] = A_DIM;
	d->attr[VS_BOLD] = A_BOLD;
	d->attr[VS_MASK] = A_DIM;
	d->attr[VS_BAR_TODO] = A_DIM;
	d->attr[VS_ANS_NONE] = A_DIM;
	d->attr[VS_ANS_NA] = A_DIM;
	if (color)
		colours(d);
	else
		mono(d);
	d->selected = A_REVERSE;
}

/* Write n bytes of s at the cursor in attr, at most *room columns. */
static void put(const struct draw *d, const char *s, size_t n, attr_t attr, int *room)
{
	int used;
	size_t k = text_fit(s, n, *room, &used);

	if (!k)
		return;
	wattrset(d->w, (int)attr);
	waddnstr(d->w, s, (int)k);
	*room -= used;
}

static void fill(const struct draw *d, int n, attr_t attr)
{
	wattrset(d->w, (int)attr);
	while (n-- > 0)
		waddch(d->w, ' ');
}

void draw_row(const struct draw *d, int y, int x, int w, const struct vm_row *row, int selected)
{
	int cut = text_width(row->text, strlen(row->text)) > w, room = cut ? w - 1 : w;
	unsigned i, at = 0;
	attr_t sel = selected ? d->selected : 0;

	wmove(d->w, y, x);
	for (i = 0; i < row->nspan && room > 0; i++) {
		const struct vm_span *sp = &row->span[i];
		if (sp->start > at)
			put(d, row->text + at, sp->start - at, sel, &room);
		put(d, row->text + sp->start, sp->len, d->attr[sp->style] | sel, &room);
		at = sp->start + sp->len;
	}
	if (room > 0 && row->text[at])
		put(d, row->text + at, strlen(row->text + at), sel, &room);
	fill(d, room, sel);
	if (cut && w > 0) {
		/* the row goes on: say so in its last cell */
		wattrset(d->w, (int)(d->attr[VS_DIM] | sel));
		waddstr(d->w, d->utf8 ? "\xe2\x80\xa6" : ">");
	}
	wattrset(d->w, 0);
}

static void rule(const struct draw *d, int y, int x, int w)
{
	int i;

	wmove(d->w, y, x);
	for (i = 0; i < w; i++)
		waddstr(d->w, d->utf8 ? "\xe2\x94\x80" : "-");
}

void draw_vline(const struct draw *d, int y, int x, int h)
{
	int i;

	wattrset(d->w, A_DIM);
	for (i = 0; i < h; i++)
		mvwaddstr(d->w, y + i, x, d->utf8 ? "\xe2\x94\x82" : "|");
	wattrset(d->w, 0);
}

/* A title line: a rule with " title " in it, bold when focused. */
static void title_line(const struct draw *d, int y, int x, int w, const char *title, int focus)
{
	int room = w - 6;

	wattrset(d->w, A_DIM);
	rule(d, y, x, w);
	if (!title || !*title || room <= 2)
		return;
	wmove(d->w, y, x + 2);
	room -= 2;
	wattrset(d->w, (int)(focus ? d->attr[VS_HEADING] | A_REVERSE : A_BOLD));
	waddch(d->w, ' ');
	put(d, title, strlen(title), focus ? d->attr[VS_HEADING] | A_REVERSE : A_BOLD, &room);
	waddch(d->w, ' ');
	wattrset(d->w, 0);
}

void draw_pane(const struct draw *d, const struct vm_pane *p)
{
	int i;

	if (!p->present || p->r.h < 1)
		return;
	title_line(d, p->r.y, p->r.x, p->r.w, p->title, p->focus);
	for (i = 0; i < p->r.h - 1; i++) {
		size_t row = (size_t)(p->top + i);
		if (row >= p->nrows)
			break;
		/* one blank column on each side of the text */
		draw_row(d, p->r.y + 1 + i, p->r.x + 1, p->r.w - 2, &p->rows[row],
			 p->list && p->sel >= 0 && p->rows[row].group == p->sel);
	}
	/* more below: a mark at the end of the title line */
	if ((size_t)(p->top + p->r.h - 1) < p->nrows || p->top > 0) {
		wattrset(d->w, A_BOLD);
		mvwaddstr(d->w, p->r.y, p->r.x + p->r.w - 3,
			  (size_t)(p->top + p->r.h - 1) < p->nrows ? (d->utf8 ? "\xe2\x96\xbc" : "v")
								  : (d->utf8 ? "\xe2\x96\xb2" : "^"));
		wattrset(d->w, 0);
	}
}

void draw_panes(const struct draw *d, const struct vm *vm)
{
	int i;

	for (i = 0; i < UI_NPANES; i++)
		draw_pane(d, &vm->pane[i]);
	if (vm->wide && vm->pane[1].present) {
		int x = vm->pane[1].r.x - 1, y = vm->pane[1].r.y;
		draw_vline(d, y + 1, x, vm->lines - 4);
		wattrset(d->w, A_DIM);
		mvwaddstr(d->w, y, x, d->utf8 ? "\xe2\x94\xac" : "+");
		if (vm->pane[2].present)
			mvwaddstr(d->w, vm->pane[2].r.y, x, d->utf8 ? "\xe2\x94\x9c" : "+");
		wattrset(d->w, 0);
	}
}

/*
 * A full-width line: left text, and right text (at most half the width)
 * flush right with at least one blank between them.
 */
static void line_text(const struct draw *d, int y, const char *left, const char *right,
		      attr_t attr, attr_t rattr)
{
	int cols = getmaxx(d->w), room, rw = right ? text_width(right, strlen(right)) : 0;

	wmove(d->w, y, 0);
	fill(d, cols, attr);
	rw = MIN(rw, cols / 2);
	room = cols - (rw ? rw + 2 : 0);
	wmove(d->w, y, 0);
	if (left)
		put(d, left, strlen(left), attr, &room);
	if (rw) {
		room = rw;
		wmove(d->w, y, cols - rw - 1);
		put(d, right, strlen(right), rattr, &room);
	}
	wattrset(d->w, 0);
}

void draw_chrome(const struct draw *d, const struct vm *vm)
{
	line_text(d, 0, vm->header, vm->header_right, d->attr[VS_TITLE], d->attr[VS_TITLE]);
	/* an error takes the whole status line */
	if (vm->message && vm->message_style == VS_ERROR)
		line_text(d, vm->lines - 2, vm->message, NULL, d->attr[VS_ERROR], 0);
	else
		line_text(d, vm->lines - 2, vm->status, vm->message, A_BOLD,
			  vm->message ? d->attr[vm->message_style] : 0);
	line_text(d, vm->lines - 1, vm->keys, NULL, d->attr[VS_DIM], 0);
}

void draw_dialog(const struct draw *d, const struct vm_dialog *dlg)
{
	const struct ui_rect *r = &dlg->r;
	const char *v = d->utf8 ? "\xe2\x94\x82" : "|";
	int i;

	if (!dlg->present)
		return;
	for (i = 0; i < r->h; i++) {
		wmove(d->w, r->y + i, r->x);
		fill(d, r->w, 0);
	}
	wattrset(d->w, A_BOLD);
	mvwaddstr(d->w, r->y, r->x, d->utf8 ? "\xe2\x94\x8c" : "+");
	rule(d, r->y, r->x + 1, r->w - 2);
	waddstr(d->w, d->utf8 ? "\xe2\x94\x90" : "+");
	for (i = 1; i < r->h - 1; i++) {
		mvwaddstr(d->w, r->y + i, r->x, v);
		mvwaddstr(d->w, r->y + i, r->x + r->w - 1, v);
	}
	mvwaddstr(d->w, r->y + r->h - 1, r->x, d->utf8 ? "\xe2\x94\x94" : "+");
	rule(d, r->y + r->h - 1, r->x + 1, r->w - 2);
	waddstr(d->w, d->utf8 ? "\xe2\x94\x98" : "+");
	if (dlg->title) {
		int room = r->w - 6;
		wmove(d->w, r->y, r->x + 2);
		waddch(d->w, ' ');
		put(d, dlg->title, strlen(dlg->title), A_BOLD, &room);
		waddch(d->w, ' ');
	}
	wattrset(d->w, 0);
	for (i = 0; i < dlg->body.r.h && (size_t)i < dlg->body.nrows; i++)
		draw_row(d, dlg->body.r.y + i, dlg->body.r.x, dlg->body.r.w, &dlg->body.rows[i], 0);
}

void draw_too_small(const struct draw *d, const struct vm *vm)
{
	char a[96], b[96];
	int y = vm->lines / 2 - 1;

	snprintf(a, sizeof(a), "terminal too small: %dx%d", vm->cols, vm->lines);
	snprintf(b, sizeof(b), "azmat needs at least %dx%d; enlarge the window", VM_MIN_COLS,
		 VM_MIN_LINES);
	wattrset(d->w, A_BOLD);
	mvwaddnstr(d->w, MAX(0, y), MAX(0, (vm->cols - (int)strlen(a)) / 2), a, vm->cols);
	wattrset(d->w, 0);
	mvwaddnstr(d->w, MAX(0, y + 1), MAX(0, (vm->cols - (int)strlen(b)) / 2), b, vm->cols);
}
