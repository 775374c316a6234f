/*
 * The questionnaire sheet: export and checked import.
 */
#include "sheet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "csv.h"
#include "strutil.h"
#include "timeutil.h"
#include "xalloc.h"

#define GUIDANCE_SUMMARY_MAX 300

static const char *const column_names[] = {
#define SHEET_COLUMN_NAME(e, name) name,
	SHEET_COLUMN_LIST(SHEET_COLUMN_NAME)
#undef SHEET_COLUMN_NAME
};

const char *sheet_column_name(enum sheet_column c)
{
	return (size_t)c < ARRAY_SIZE(column_names) ? column_names[c] : "";
}

/* The first sentence of s (at most GUIDANCE_SUMMARY_MAX bytes), into out. */
static void summary(struct buf *out, const char *s)
{
	size_t n = 0, len = strlen(s);

	while (n < len && n < GUIDANCE_SUMMARY_MAX) {
		if (s[n] == '\n' || (s[n] == '.' && (s[n + 1] == ' ' || !s[n + 1]))) {
			if (s[n] == '.')
				n++;
			break;
		}
		n++;
	}
	while (n && n < len && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	buf_add(out, s, n);
}

void sheet_export(struct buf *out, const struct catalog *cat, const struct answer_set *answers)
{
	struct buf g = BUF_INIT(4096);
	size_t c, i, k;
	char step[16];

	buf_addstr(out, "\xef\xbb\xbf");
	for (c = 0; c < SC__COUNT; c++)
		csv_put_field(out, column_names[c], c == 0, 0);
	csv_end_record(out);
	for (i = 0; i < cat->nitems; i++) {
		const struct cat_item *it = cat->items[i];
		buf_reset(&g);
		summary(&g, it->guidance);
		snprintf(step, sizeof(step), "%u", it->step->number);
		for (k = 0; k < it->nquestions; k++) {
			const struct cat_question *q = &it->questions[k];
			const struct answer *a = answer_set_find(answers, q->id);
			csv_put_field(out, step, 1, 0);
			csv_put_field(out, it->id, 0, 1);
			csv_put_field(out, it->title, 0, 1);
			csv_put_field(out, q->id, 0, 1);
			csv_put_field(out, q->text, 0, 1);
			csv_put_field(out, q->hint, 0, 1);
			csv_put_field(out, g.data, 0, 1);
			csv_put_field(out, a ? answer_id(a->value) : "", 0, 1);
			csv_put_field(out, a ? a->reason : "", 0, 1);
			csv_put_field(out, a ? a->owner : "", 0, 1);
			csv_put_field(out, a ? a->expiry : "", 0, 1);
			csv_put_field(out, a ? a->note : "", 0, 1);
			csv_end_record(out);
		}
	}
	buf_release(&g);
}

void sheet_release(struct sheet *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		answer_release(&s->rows[i].a);
		free(s->rows[i].error);
	}
	free(s->rows);
	memset(s, 0, sizeof(*s));
}

/* Trim ASCII blanks at both ends, in place. */
static char *trim(char *s)
{
	size_t n = strlen(s);

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

/* Column index of each enum sheet_column, -1 when absent. */
struct header {
	int col[SC__COUNT];
};

static enum az_err read_header(const struct csv_record *rec, struct header *h, struct errmsg *em)
{
	size_t i, c;

	for (c = 0; c < SC__COUNT; c++)
		h->col[c] = -1;
	for (i = 0; i < rec->n; i++) {
		char *name = rec->field[i];
		csv_unprotect(name);
		name = trim(name);
		for (c = 0; c < SC__COUNT; c++) {
			if (!str_eq_nocase(name, column_names[c]))
				continue;
			if (h->col[c] >= 0)
				return errmsg_set(em, AZ_ERR_INVALID,
						  "line %zu: the column '%s' is there twice", rec->line,
						  column_names[c]);
			h->col[c] = (int)i;
		}
	}
	if (h->col[SC_QUESTION_ID] < 0 || h->col[SC_ANSWER] < 0)
		return errmsg_set(em, AZ_ERR_INVALID,
				  "line %zu: the header needs the columns 'question_id' and 'answer' "
				  "(found %zu columns; is this an azmat sheet?)",
				  rec->line, rec->n);
	return AZ_OK;
}

/* The field of column c in rec ("" when the column or the field is absent). */
static const char *cell(const struct csv_record *rec, const struct header *h, enum sheet_column c)
{
	int i = h->col[c];

	return i >= 0 && (size_t)i < rec->n ? rec->field[i] : "";
}

static int blank_record(const struct csv_record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (!str_is_blank(rec->field[i]))
			return 0;
	return 1;
}

/* An answer cell: id, label or key, any case; "none"; ANSWER__COUNT when none of these. */
static int parse_answer(const struct catalog *cat, const char *s, enum answer_value *v)
{
	size_t i;

	if (str_eq_nocase(s, "none")) {
		*v = ANSWER_NONE;
		return 0;
	}
	for (i = 0; i < ANSWER__COUNT; i++) {
		const struct cat_answer_def *d = &cat->answers[i];
		if (str_eq_nocase(s, answer_id((enum answer_value)i)) ||
		    (d->label && str_eq_nocase(s, d->label)) || (d->key && str_eq_nocase(s, d->key))) {
			*v = (enum answer_value)i;
			return 0;
		}
	}
	return -1;
}

/* Operator text: valid UTF-8, no control characters but newlines and tabs, bounded. */
static const char *text_problem(const char *s, size_t max)
{
	size_t i, n = strlen(s);

	if (!utf8_valid(s, n))
		return "is not valid UTF-8";
	if (n > max)
		return "is too long";
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') || s[i] == 0x7f)
			return "contains a control character";
	return NULL;
}

static void row_error(struct sheet_row *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void row_error(struct sheet_row *r, const char *fmt, ...)
{
	struct buf b = BUF_INIT(4096);
	va_list ap;

	if (r->error)
		return;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	r->error = buf_detach(&b, NULL);
}

static void set(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src);
}

/* Check the texts of a row and copy them into r->a. */
static void row_texts(struct sheet_row *r, const struct csv_record *rec, const struct header *h)
{
	static const struct {
		enum sheet_column col;
		const char *what;
		size_t max;
	} texts[] = {
		{ SC_REASON, "reason", SHEET_REASON_MAX },
		{ SC_OWNER, "owner", SHEET_OWNER_MAX },
		{ SC_EXPIRY, "expiry", 10 },
		{ SC_NOTE, "note", SHEET_NOTE_MAX },
	};
	char **dst[] = { &r->a.reason, &r->a.owner, &r->a.expiry, &r->a.note };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(texts); i++) {
		const char *v = cell(rec, h, texts[i].col), *why;
		char *t = xstrdup(v);
		/* a note keeps its inner spacing; the short fields are trimmed */
		const char *use = texts[i].col == SC_NOTE ? t : trim(t);
		why = text_problem(use, texts[i].max);
		if (why)
			row_error(r, "the %s %s", texts[i].what, why);
		else
			set(dst[i], use);
		free(t);
	}
}

/* Check the answer against what it requires. */
static void row_answer(struct sheet_row *r, const struct catalog *cat, const char *cellv)
{
	enum answer_value v = ANSWER_NONE;
	unsigned needs;

	r->has_answer = *cellv != '\0';
	if (r->has_answer && parse_answer(cat, cellv, &v)) {
		row_error(r, "'%s' is not an answer (use not-started, planned, partial, largely, fully, "
			     "na, risk-accepted, unknown or none)", cellv);
		return;
	}
	r->a.value = v;
	needs = r->has_answer ? answer_requires(v) : 0;
	if ((needs & ANSWER_NEEDS_REASON) && str_is_blank(r->a.reason))
		row_error(r, "'%s' needs a reason", answer_id(v));
	else if ((needs & ANSWER_NEEDS_OWNER) && str_is_blank(r->a.owner))
		row_error(r, "'%s' needs an owner", answer_id(v));
	else if ((needs & ANSWER_NEEDS_EXPIRY) && !time_is_date(r->a.expiry))
		row_error(r, "'%s' needs an expiry date written YYYY-MM-DD", answer_id(v));
	else if (!needs && (*r->a.reason || *r->a.owner || *r->a.expiry))
		row_error(r, "reason, owner and expiry go only with na or risk-accepted%s",
			  r->has_answer ? "; clear them" : "; give the answer too");
	else if (*r->a.expiry && !time_is_date(r->a.expiry))
		row_error(r, "'%s' is not a date (YYYY-MM-DD)", r->a.expiry);
}

/* Check one data record into r; seen[] marks questions given before. */
static void check_row(struct sheet_row *r, const struct csv_record *rec, const struct header *h,
		      const struct catalog *cat, size_t *seen)
{
	char *qid = xstrdup(cell(rec, h, SC_QUESTION_ID)), *item = xstrdup(cell(rec, h, SC_ITEM));
	char *step = xstrdup(cell(rec, h, SC_STEP)), *ans = xstrdup(cell(rec, h, SC_ANSWER));
	const char *id = trim(qid), *it = trim(item), *st = trim(step);
	size_t k;
	long n;

	answer_init(&r->a, id);
	r->q = catalog_find_question(cat, id);
	if (!*id)
		row_error(r, "the question_id is empty");
	else if (!r->q)
		row_error(r, "no question '%s' in catalog %s", id, cat->version);
	if (r->q && *it && strcmp(it, r->q->item->id))
		row_error(r, "question %s belongs to item %s, not '%s'", id, r->q->item->id, it);
	if (r->q && *st && (str_to_long(st, 1, 9, &n) || (unsigned)n != r->q->item->step->number))
		row_error(r, "question %s belongs to step %u, not '%s'", id, r->q->item->step->number,
			  st);
	if (r->q) {
		for (k = 0; k < cat->nquestions && cat->questions[k] != r->q; k++)
			;
		if (seen[k])
			row_error(r, "question %s is already on line %zu", id, seen[k]);
		else
			seen[k] = r->line;
	}
	row_texts(r, rec, h);
	row_answer(r, cat, trim(ans));
	free(qid);
	free(item);
	free(step);
	free(ans);
}

enum az_err sheet_parse(const char *data, size_t n, const struct catalog *cat, struct sheet *out,
			struct errmsg *em)
{
	struct csv_record rec = CSV_RECORD_INIT;
	struct csv_reader r;
	struct header h;
	size_t *seen = xcalloc(cat->nquestions + 1, sizeof(*seen)), i;
	int have_header = 0, got;
	enum az_err rc = AZ_OK;

	csv_reader_init(&r, data, n);
	for (;;) {
		struct errmsg rowem = ERRMSG_INIT;
		struct sheet_row *row;
		got = csv_read(&r, &rec, &rowem);
		if (!got)
			break;
		if (got > 0) {
			for (i = 0; i < rec.n; i++)
				csv_unprotect(rec.field[i]);
			if (blank_record(&rec))
				continue;
		}
		if (!have_header) {
			if (got < 0) {
				rc = errmsg_set(em, AZ_ERR_INVALID, "line %zu: %s", rec.line,
						errmsg_text(&rowem));
				goto out;
			}
			rc = read_header(&rec, &h, em);
			if (rc)
				goto out;
			have_header = 1;
			continue;
		}
		ALLOC_GROW(out->rows, out->n, out->alloc);
		row = &out->rows[out->n++];
		memset(row, 0, sizeof(*row));
		row->line = rec.line;
		if (got < 0)
			row_error(row, "%s", errmsg_text(&rowem));
		else
			check_row(row, &rec, &h, cat, seen);
		if (!row->a.question_id)
			answer_init(&row->a, "");
		if (row->error)
			out->nbad++;
	}
	if (!have_header)
		rc = errmsg_set(em, AZ_ERR_INVALID, "the sheet is empty: no header row");
out:
	csv_record_release(&rec);
	free(seen);
	return rc;
}

int sheet_row_merge(const struct sheet_row *r, const struct answer *cur, struct answer *out)
{
	if (r->error || !r->q)
		return 0;
	if (cur)
		answer_copy(out, cur);
	else
		answer_init(out, r->q->id);
	if (r->has_answer) {
		/* a new value is not the one the evidence suggested or was overridden for */
		if (out->value != r->a.value) {
			out->suggested = ANSWER_NONE;
			set(&out->override_reason, "");
		}
		out->value = r->a.value;
		set(&out->reason, r->a.reason);
		set(&out->owner, r->a.owner);
		set(&out->expiry, r->a.expiry);
	}
	set(&out->note, r->a.note);
	if (cur && cur->value == out->value && !strcmp(cur->reason, out->reason) &&
	    !strcmp(cur->owner, out->owner) && !strcmp(cur->expiry, out->expiry) &&
	    !strcmp(cur->note, out->note)) {
		answer_release(out);
		return 0;
	}
	if (!cur && out->value == ANSWER_NONE && !*out->note) {
		answer_release(out);
		return 0;
	}
	return 1;
}
