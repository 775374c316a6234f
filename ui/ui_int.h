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
/* Show item it (its first question) and save the position; 0 when not in the catalog. */
unsigned ui_open_item(struct ui_state *s, const struct cat_item *it);
/* Apply a text-editing action to e; 1 when it was one. */
int ui_edit_text(struct editor *e, const struct ui_input *in, int width);
/* Open a form of kind with n empty fields (labels are set by the caller). */
void ui_form_open(struct ui_state *s, enum ui_form_kind kind, size_t n);
/* Refuse a write to a signed-off assessment with a message; 1 when refused. */
int ui_read_only(struct ui_state *s);
/* Ask a yes/no question of kind (the dialog says what). */
unsigned ui_confirm_open(struct ui_state *s, enum ui_confirm_kind kind);

/* ui_scoring.c */
void ui_scoring_release(struct ui_scoring *sc);
void ui_scoring_take(struct ui_scoring *sc, struct evidence_set *ev, char **carried,
		     size_t ncarried, struct plan_overrides *ov, const char *today);
void ui_scoring_compute(struct ui_scoring *sc, const struct catalog *cat,
			const struct answer_set *answers);
void ui_scoring_confirmed(struct ui_state *s, const char *question_id);

/* ui_privacy.c: the names the privacy toggle masks in free text. */
void ui_privacy_rebuild(struct ui_state *s);
void ui_privacy_add(struct ui_state *s, const char *name);
void ui_privacy_release(struct ui_state *s);

/* ui_compare.c */
void ui_compare_release(struct ui_compare *c);
/* Rebuild the diff after either side was rescored. */
void ui_compare_rebuild(struct ui_state *s);
/* The assessments to choose from (borrowed, up to max in out); how many. */
size_t ui_compare_choices(const struct ui_state *s, const struct assessment **out, size_t max);
/* True while the screen shows the choice rather than a comparison. */
int ui_compare_picking(const struct ui_state *s);

/* ui_plan.c: the indexes (owned, *idx) of the plan rows the view shows; how many. */
size_t ui_plan_rows(const struct ui_state *s, size_t **idx /* OUT */);
/* The selected plan row, or NULL. */
const struct plan_row *ui_plan_selected(const struct ui_state *s);
/* ui_export.c: the default export choices and file name for the open assessment. */
void ui_export_reset(struct ui_state *s);
/* The formats (enum report_format) what can be written in; how many. */
size_t ui_export_formats(enum ui_export_what what, const int **out /* OUT */);
const char *ui_export_format_label(int format);
const char *ui_export_what_label(enum ui_export_what what);

/* ui_collect.c: the setting rows of the collection screen, and those shown now */
enum ui_collect_row {
	CROW_CRED, CROW_SECRET_FILE, CROW_CERT, CROW_TENANT, CROW_CLIENT, CROW_CLOUD, CROW_SUBS,
	CROW_START, CROW_RESUME, CROW__COUNT
};
size_t ui_collect_rows(const struct ui_state *s, int *rows /* OUT: room for CROW__COUNT */);
/* True when the environment offers credential kind (CEV_SETUP's have). */
int ui_collect_have(const struct ui_collect *c, const char *kind);
void ui_collect_init(struct ui_collect *c);
void ui_collect_release(struct ui_collect *c);
/* Forget the last collection's results (another assessment opened); settings stay. */
void ui_collect_reset(struct ui_state *s);
/* A collection event (ACT_COLLECT_EVENT). */
unsigned ui_collect_event(struct ui_state *s, const struct ui_collect_event *ev);
unsigned ui_collect_form_submit(struct ui_state *s);

/* The later screens' submissions (forms) and confirmations. */
unsigned ui_plan_form_submit(struct ui_state *s);
unsigned ui_export_file_submit(struct ui_state *s);
unsigned ui_dashboard_signoff_confirmed(struct ui_state *s);
unsigned ui_export_overwrite_confirmed(struct ui_state *s);

#endif
