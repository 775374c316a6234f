/*
 * Shared between the reducer's files (ui_*.c); not for other layers.
 */
#ifndef AZMAT_UI_INT_H
#define AZMAT_UI_INT_H

#include "ui.h"

void ui_forget_assessment(struct ui_state *s);
void ui_release_req_fields(struct ui_state *s);

/* The item shown (NULL when the step has none). */
const struct cat_item *ui_cur_item(const struct ui_state *s);
/* The question selected on the item screen, or NULL. */
const struct cat_question *ui_cur_question(const struct ui_state *s);
/* Rows (groups) in the list pane of the current screen. */
int ui_list_len(const struct ui_state *s, enum ui_screen scr);
/* Panes on scr now. */
int ui_npanes(const struct ui_state *s, enum ui_screen scr);
/* Visible rows of a pane after the last frame (10 before any). */
int ui_page(const struct ui_state *s, int pane);

/* Width of the note editor's text area at the current size. */
int ui_editor_width(const struct ui_state *s);

/* Put the current position in req for UE_SAVE_POSITION (0 when none is open). */
unsigned ui_save_position(struct ui_state *s);
/* A mouse click or wheel turn. */
unsigned ui_mouse(struct ui_state *s, const struct ui_input *in);

/* Handlers, each returning enum ui_effect flags. */
unsigned ui_answer_key(struct ui_state *s, enum ui_action act);
unsigned ui_form_input(struct ui_state *s, const struct ui_input *in);
unsigned ui_editor_input(struct ui_state *s, const struct ui_input *in);
unsigned ui_search_input(struct ui_state *s, const struct ui_input *in);
unsigned ui_confirm_input(struct ui_state *s, const struct ui_input *in);
/* Open a form prefilled from the selected assessment (rename) or empty (new). */
void ui_open_assessment_form(struct ui_state *s, enum ui_form_kind kind);
/* Move to the item at index k of the roadmap (cat->items) with question q. */
void ui_goto_item(struct ui_state *s, size_t k, int q);
/* Apply a text-editing action to e; 1 when it was one. */
int ui_edit_text(struct editor *e, const struct ui_input *in, int width);

#endif
