/*
 * Drawing view-model rows with ncurses (the only curses code besides
 * term.c, dump and the screen and dialog files). Nothing here decides what
 * to show: it puts the view model's rows where the layout says.
 */
#ifndef AZMAT_UI_DRAW_H
#define AZMAT_UI_DRAW_H

#include <curses.h>

#include "vm.h"

struct draw {
	WINDOW *w;
	int utf8;
	attr_t attr[VS__COUNT];
	attr_t selected;
};

/* Set up colour pairs (when color) and the attribute of every style. */
void draw_init(struct draw *d, WINDOW *w, int color, int utf8);

/* The header, status and key lines. */
void draw_chrome(const struct draw *d, const struct vm *vm);
/* A pane: its title line, then its rows from top, the selection highlighted. */
void draw_pane(const struct draw *d, const struct vm_pane *p);
/* A vertical line between side-by-side panes. */
void draw_vline(const struct draw *d, int y, int x, int h);
/* A dialog box with its body. */
void draw_dialog(const struct draw *d, const struct vm_dialog *dlg);
/* The "terminal too small" notice. */
void draw_too_small(const struct draw *d, const struct vm *vm);
/* One row at (y, x), w columns, padded; selected rows in reverse. */
void draw_row(const struct draw *d, int y, int x, int w, const struct vm_row *row, int selected);

/* The panes of a frame, with lines between side-by-side ones. */
void draw_panes(const struct draw *d, const struct vm *vm);

/* Each screen's drawing (screen_*.c), and the dispatcher (screen.c). */
void screen_assessments_draw(const struct draw *d, const struct vm *vm);
void screen_overview_draw(const struct draw *d, const struct vm *vm);
void screen_step_draw(const struct draw *d, const struct vm *vm);
void screen_item_draw(const struct draw *d, const struct vm *vm);
void screen_help_draw(const struct draw *d, const struct vm *vm);
void screen_search_draw(const struct draw *d, const struct vm *vm);
void screen_dashboard_draw(const struct draw *d, const struct vm *vm);
void screen_plan_draw(const struct draw *d, const struct vm *vm);
void screen_compare_draw(const struct draw *d, const struct vm *vm);
void screen_export_draw(const struct draw *d, const struct vm *vm);
void screen_collect_draw(const struct draw *d, const struct vm *vm);
void screen_draw(const struct draw *d, const struct vm *vm);

#endif
