/*
 * The view model: what a frame shows, as rows of plain text with styles,
 * built from the state by vm_build() and drawn by the screen files. Pure:
 * it can be built and inspected without a terminal. Rebuilt every frame;
 * it owns its strings and borrows nothing that outlives the frame.
 *
 * A frame is: a header line, up to three panes (each a title line and
 * rows, some selectable in groups), an optional dialog box on top, a
 * status line and a key-hint line. The layout (where each pane goes)
 * depends on the terminal size: side by side from VM_WIDE columns,
 * stacked below that, and a "too small" notice under 80x24.
 */
#ifndef AZMAT_UI_VM_H
#define AZMAT_UI_VM_H

#include <stddef.h>

#include "ui.h"

#define VM_MIN_COLS 80
#define VM_MIN_LINES 24
#define VM_WIDE 120

#define VM_STYLE_LIST(X) \
	X(VS_TEXT) X(VS_DIM) X(VS_BOLD) X(VS_HEADING) X(VS_TITLE) X(VS_KEY) \
	X(VS_OK) X(VS_WARN) X(VS_ERROR) X(VS_INFO) X(VS_MASK) \
	X(VS_BAR_DONE) X(VS_BAR_TODO) \
	X(VS_ANS_NONE) X(VS_ANS_LOW) X(VS_ANS_PARTIAL) X(VS_ANS_LARGELY) X(VS_ANS_FULLY) \
	X(VS_ANS_NA) X(VS_ANS_RISK) X(VS_ANS_UNKNOWN)

enum vm_style {
#define VM_STYLE_ENUM(e) e,
	VM_STYLE_LIST(VM_STYLE_ENUM)
#undef VM_STYLE_ENUM
	VS__COUNT
};

struct ui_rect {
	int y, x, h, w;
};

#define VM_SPANS 8

/* Bytes [start, start + len) of a row's text drawn in style. */
struct vm_span {
	unsigned start;
	unsigned len;
	enum vm_style style;
};

struct vm_row {
	char *text; /* owned, cleaned for the screen, one line */
	struct vm_span span[VM_SPANS];
	unsigned nspan;
	int group; /* the selectable thing this row is part of, -1 for none */
};

struct vm_pane {
	int present;
	int list;   /* rows are selectable in groups */
	int focus;
	struct ui_rect r; /* the whole pane: its title line, then the rows */
	char *title;      /* owned */
	struct vm_row *rows;
	size_t nrows, alloc;
	int sel;  /* the selected group, -1 for none */
	int top;  /* the first row shown */
	int width; /* the columns rows may use */
	int follow; /* a log: show its last rows unless it has the focus (then it scrolls) */
};

struct vm_dialog {
	int present;
	struct ui_rect r;
	char *title;
	struct vm_pane body; /* its rows; r is the inside of the box */
};

struct vm {
	enum ui_screen screen;
	int lines, cols;
	int too_small;
	int wide;
	unsigned flags; /* enum ui_flags */
	char *header;
	char *header_right;
	struct vm_pane pane[UI_NPANES];
	struct vm_dialog dialog;
	char *status;
	char *message;
	enum vm_style message_style;
	char *keys;
	int cur_y, cur_x; /* where the cursor goes, -1 when hidden */
};

/* Build the frame for s. vm is overwritten (release it first when reused). */
void vm_build(const struct ui_state *s, struct vm *vm);
void vm_release(struct vm *vm);

/* ---- helpers for the builders (vm_*.c) -------------------------------- */

/* Add an empty row to p in group; returns it. */
struct vm_row *vm_row_new(struct vm_pane *p, int group);
/* Append text (cleaned here) to row in style. */
void vm_row_add(struct vm_row *row, const char *text, enum vm_style style);
/* Append text already clean for the screen. */
void vm_row_add_raw(struct vm_row *row, const char *text, size_t n, enum vm_style style);
/*
 * Append text (cleaned here) as a cell of exactly width columns: cut to
 * width - 1 and padded, so that a blank column separates cells.
 */
void vm_cell(struct vm_row *row, const char *text, int width, enum vm_style style);
/* Add one row holding text in style. */
struct vm_row *vm_line(struct vm_pane *p, int group, const char *text, enum vm_style style);
/* Add text wrapped at the pane's width minus indent, each line indented. */
void vm_wrap(struct vm_pane *p, int group, int indent, const char *text, enum vm_style style);
/*
 * Wrap text after what row r holds (a label cell, say), continuing on new
 * rows of r's group indented by indent columns.
 */
void vm_wrap_beside(struct vm_pane *p, struct vm_row *r, int indent, const char *text,
		    enum vm_style style);
/* Add a heading row and the text wrapped under it, then a blank row. */
void vm_section(struct vm_pane *p, const char *heading, const char *text);
void vm_set_title(struct vm_pane *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Text for the screen from operator or tenant data: masked when the
 * privacy toggle is on. name: the value is wholly a name (masked
 * entirely); else identifiers in it are masked. Returns a new string.
 */
char *vm_private(const struct ui_state *s, const char *text, int name);

/* The style and short label of an answer value, for badges. */
enum vm_style vm_answer_style(enum answer_value v);
const char *vm_answer_label(const struct catalog *cat, enum answer_value v);
/* Append an item's progress badge (" done ", " 3/4  ") to row. */
void vm_item_badge(const struct ui_state *s, struct vm_row *r, const struct cat_item *it);
/* Append a progress bar of width cells for done/total to row. */
void vm_bar(struct vm_row *row, size_t done, size_t total, int width, int utf8);

/* The screens' builders. */
void vm_assessments(const struct ui_state *s, struct vm *vm);
void vm_overview(const struct ui_state *s, struct vm *vm);
void vm_step(const struct ui_state *s, struct vm *vm);
void vm_item(const struct ui_state *s, struct vm *vm);
void vm_help(const struct ui_state *s, struct vm *vm);
void vm_search(const struct ui_state *s, struct vm *vm);
void vm_dialog(const struct ui_state *s, struct vm *vm);
void vm_dashboard(const struct ui_state *s, const struct catalog *cat, struct vm *vm);
void vm_plan(const struct ui_state *s, const struct catalog *cat, struct vm *vm);
void vm_compare(const struct ui_state *s, const struct catalog *cat, struct vm *vm);
void vm_export(const struct ui_state *s, const struct catalog *cat, struct vm *vm);
void vm_collect(const struct ui_state *s, const struct catalog *cat, struct vm *vm);

/* The style of a check status, and a short label ("FAIL", "n/a"). */
enum vm_style vm_check_style(enum check_status st);
const char *vm_check_label(enum check_status st);
/* The style of a 0..1 score by its band. */
enum vm_style vm_band_style(enum score_band b);

/* Where each pane goes for n panes on this screen (layout.c). */
void vm_layout(const struct ui_state *s, struct vm *vm, int npanes, int split_pct);

/* Place a pane's top so that its selected group is visible; clamp it. */
void vm_scroll(struct vm_pane *p, int stored_top);

#endif
