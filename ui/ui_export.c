/*
 * The export screen: choose what (the report, the plan, the comparison),
 * the format and the file name, then write. The app renders and writes
 * the file atomically (UE_EXPORT); a file that exists is replaced only
 * after the operator says so (ui_export_exists(), CONFIRM_OVERWRITE).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "report.h"
#include "strutil.h"
#include "ui_int.h"
#include "vm.h"
#include "xalloc.h"

enum { ROW_WHAT, ROW_FORMAT, ROW_FILE, ROW_WRITE, ROW__COUNT };

static const int formats_all[] = { REPORT_HTML, REPORT_MD, REPORT_CSV, REPORT_JSON };
static const int formats_diff[] = { REPORT_HTML, REPORT_MD, REPORT_JSON };

/* The formats what can be written in, in the order the screen cycles them. */
size_t ui_export_formats(enum ui_export_what what, const int **out)
{
	if (what == EXPORT_DIFF) {
		*out = formats_diff;
		return ARRAY_SIZE(formats_diff);
	}
	*out = formats_all;
	return ARRAY_SIZE(formats_all);
}

const char *ui_export_format_label(int format)
{
	switch (format) {
	case REPORT_HTML:
		return "HTML";
	case REPORT_MD:
		return "Markdown";
	case REPORT_CSV:
		return "CSV";
	default:
		return "JSON";
	}
}

static const char *extension(int format)
{
	switch (format) {
	case REPORT_HTML:
		return ".html";
	case REPORT_MD:
		return ".md";
	case REPORT_CSV:
		return ".csv";
	default:
		return ".json";
	}
}

static const char *what_ids[] = {
#define UI_EXPORT_ID(e, id, label) id,
	UI_EXPORT_LIST(UI_EXPORT_ID)
#undef UI_EXPORT_ID
};

static const char *what_labels[] = {
#define UI_EXPORT_LABEL(e, id, label) label,
	UI_EXPORT_LIST(UI_EXPORT_LABEL)
#undef UI_EXPORT_LABEL
};

const char *ui_export_what_label(enum ui_export_what what)
{
	return what < EXPORT__COUNT ? what_labels[what] : "";
}

static void default_name(const struct ui_state *s, enum ui_export_what what, int format, char *out,
			 size_t n)
{
	if (what == EXPORT_DIFF && s->cmp.loaded)
		snprintf(out, n, "azmat-%lld-vs-%lld-diff%s", s->a.id, s->cmp.a.id, extension(format));
	else
		snprintf(out, n, "azmat-%lld-%s%s", s->a.id, what_ids[what], extension(format));
}

void ui_export_reset(struct ui_state *s)
{
	char name[128];

	s->export.what = EXPORT_REPORT;
	s->export.format = REPORT_HTML;
	s->export.overwrite = 0;
	default_name(s, s->export.what, s->export.format, name, sizeof(name));
	editor_set(&s->export.file, name);
}

/*
 * After what or format changed: a default name follows the choice; a name
 * the operator typed keeps its stem and gets the new extension.
 */
static void rename_for(struct ui_state *s, enum ui_export_what old_what, int old_format)
{
	const char *cur = editor_text(&s->export.file), *ext = extension(old_format);
	char was[128], name[4096];
	size_t n = strlen(cur);

	default_name(s, old_what, old_format, was, sizeof(was));
	if (!strcmp(cur, was)) {
		default_name(s, s->export.what, s->export.format, name, sizeof(name));
	} else if (str_has_suffix(cur, ext) && n - strlen(ext) + 6 < sizeof(name)) {
		snprintf(name, sizeof(name), "%.*s%s", (int)(n - strlen(ext)), cur,
			 extension(s->export.format));
	} else {
		return;
	}
	editor_set(&s->export.file, name);
}

/* The index of the current format in what's list (0 when absent). */
static size_t format_index(const struct ui_state *s)
{
	const int *f;
	size_t n = ui_export_formats(s->export.what, &f), i;

	for (i = 0; i < n; i++)
		if (f[i] == s->export.format)
			return i;
	return 0;
}

static unsigned change(struct ui_state *s, int row, int dir)
{
	enum ui_export_what old_what = s->export.what;
	int old_format = s->export.format;
	const int *f;
	size_t n;

	if (row == ROW_WHAT) {
		size_t i;
		s->export.what = (enum ui_export_what)(((int)s->export.what + EXPORT__COUNT + dir) % EXPORT__COUNT);
		/* keep the format when the new choice has it, else its first */
		n = ui_export_formats(s->export.what, &f);
		for (i = 0; i < n && f[i] != old_format; i++)
			;
		s->export.format = i < n ? old_format : f[0];
	} else if (row == ROW_FORMAT) {
		n = ui_export_formats(s->export.what, &f);
		s->export.format = f[(format_index(s) + n + (dir < 0 ? n - 1 : 1)) % n];
	} else {
		return 0;
	}
	s->export.overwrite = 0;
	rename_for(s, old_what, old_format);
	return UE_REDRAW;
}

static unsigned edit_name(struct ui_state *s)
{
	ui_form_open(s, FORM_FILE, 1);
	editor_release(&s->form.f[0]);
	editor_init(&s->form.f[0], 4096, 0);
	editor_set(&s->form.f[0], editor_text(&s->export.file));
	s->form.label[0] = "File (relative to where azmat was started)";
	return UE_REDRAW;
}

unsigned ui_export_file_submit(struct ui_state *s)
{
	const char *name = editor_text(&s->form.f[0]);

	if (str_is_blank(name)) {
		snprintf(s->form.error, sizeof(s->form.error), "the file needs a name");
		return UE_REDRAW;
	}
	editor_set(&s->export.file, name);
	s->export.overwrite = 0;
	s->modal = MODAL_NONE;
	return UE_REDRAW;
}

static unsigned write_file(struct ui_state *s)
{
	if (s->export.what == EXPORT_DIFF && !s->cmp.have_diff) {
		ui_message(s, MSG_ERROR, "nothing to compare yet: choose an assessment on the compare screen (C)");
		return UE_REDRAW;
	}
	if (str_is_blank(editor_text(&s->export.file))) {
		ui_message(s, MSG_ERROR, "the file needs a name (e)");
		return UE_REDRAW;
	}
	free(s->req.path);
	s->req.path = xstrdup(editor_text(&s->export.file));
	s->req.export_what = s->export.what;
	s->req.export_format = s->export.format;
	s->req.overwrite = s->export.overwrite;
	return UE_EXPORT | UE_REDRAW;
}

unsigned ui_export_overwrite_confirmed(struct ui_state *s)
{
	s->export.overwrite = 1;
	return write_file(s);
}

void ui_export_exists(struct ui_state *s)
{
	ui_confirm_open(s, CONFIRM_OVERWRITE);
}

void ui_exported(struct ui_state *s, size_t bytes)
{
	const char *path = s->req.path ? s->req.path : "", *base = strrchr(path, '/');

	s->export.overwrite = 0;
	/* the file's name first: a long folder is what gets cut off */
	if (base && base[1])
		ui_message(s, MSG_OK, "wrote %s (%zu KiB) in %.*s", base + 1, (bytes + 1023) / 1024,
			   (int)(base - path), path);
	else
		ui_message(s, MSG_OK, "wrote %s (%zu KiB)", path, (bytes + 1023) / 1024);
}

static int rows_len(const struct ui_state *s, int pane)
{
	UNUSED(s);
	return pane ? 0 : ROW__COUNT;
}

static unsigned apply(struct ui_state *s, const struct catalog *cat, const struct ui_input *in)
{
	int row = s->pane[SCR_EXPORT][0].sel;

	UNUSED(cat);
	switch (in->act) {
	case ACT_NEXT_CHOICE:
	case ACT_PREV_CHOICE:
		return change(s, row, in->act == ACT_NEXT_CHOICE ? 1 : -1);
	case ACT_EDIT_NAME:
		return edit_name(s);
	case ACT_WRITE:
		return write_file(s);
	case ACT_OPEN:
		if (row == ROW_WHAT || row == ROW_FORMAT)
			return change(s, row, 1);
		return row == ROW_FILE ? edit_name(s) : write_file(s);
	default:
		return 0;
	}
}

const struct ui_screen_ext ui_screen_export = { "Export", vm_export, apply, rows_len, 0 };
