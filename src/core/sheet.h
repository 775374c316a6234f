/*
 * The questionnaire sheet: every question of the catalog as one CSV row,
 * for people who prepare answers before the workshop in a spreadsheet, and
 * reading such a sheet back. Pure: the CLI (src/cli/cmd_sheet.c) reads and
 * writes the files and the store.
 *
 * Columns (the header row names them; on import their order is free,
 * unknown columns are ignored, question_id and answer are required):
 *   step, item, item_title, question_id, question, how_to_judge,
 *   guidance_summary: from the catalog, for the reader;
 *   answer: an answer id (largely), its label (Largely) or its key (4),
 *     "none" to clear the answer, or empty to leave it as it is;
 *   reason, owner, expiry: what "na" (a reason) and "risk-accepted" (all
 *     three, expiry as YYYY-MM-DD) need; empty for every other answer;
 *   note: the question's note; it replaces the stored note.
 *
 * Every row is checked on its own; a bad row gets an error and no answer,
 * the good rows stand (the caller applies them).
 */
#ifndef AZMAT_SHEET_H
#define AZMAT_SHEET_H

#include <stddef.h>

#include "buf.h"
#include "catalog.h"
#include "err.h"
#include "model.h"

#define SHEET_COLUMN_LIST(X) \
	X(SC_STEP, "step") \
	X(SC_ITEM, "item") \
	X(SC_ITEM_TITLE, "item_title") \
	X(SC_QUESTION_ID, "question_id") \
	X(SC_QUESTION, "question") \
	X(SC_HINT, "how_to_judge") \
	X(SC_GUIDANCE, "guidance_summary") \
	X(SC_ANSWER, "answer") \
	X(SC_REASON, "reason") \
	X(SC_OWNER, "owner") \
	X(SC_EXPIRY, "expiry") \
	X(SC_NOTE, "note")

enum sheet_column {
#define SHEET_COLUMN_ENUM(e, name) e,
	SHEET_COLUMN_LIST(SHEET_COLUMN_ENUM)
#undef SHEET_COLUMN_ENUM
	SC__COUNT
};

/* Limits on what a sheet may carry (the same as `azmat answer`). */
#define SHEET_NOTE_MAX (64 * 1024)
#define SHEET_REASON_MAX 4096
#define SHEET_OWNER_MAX 200
#define SHEET_FILE_MAX ((size_t)16 << 20)

/*
 * Append the sheet for cat with the current answers (may be empty): a
 * UTF-8 byte order mark (so that spreadsheets read UTF-8), the header,
 * then one row per question in roadmap order, CRLF line ends, every text
 * cell protected against formula injection (csv.h).
 */
void sheet_export(struct buf *out, const struct catalog *cat, const struct answer_set *answers);

struct sheet_row {
	size_t line;                  /* where the row starts in the file */
	const struct cat_question *q; /* borrowed; NULL when the row is bad before that */
	int has_answer;               /* the answer cell was not empty */
	struct answer a;              /* value (when has_answer), reason, owner, expiry, note */
	char *error;                  /* NULL for a good row, else why it is bad (owned) */
};

struct sheet {
	struct sheet_row *rows;
	size_t n, alloc;
	size_t nbad;
};

#define SHEET_INIT { NULL, 0, 0, 0 }

/*
 * Read and check a sheet (n bytes at data). Fills out with one entry per
 * data row (blank rows are skipped). Returns AZ_ERR_INVALID (em says why)
 * when the sheet as a whole is unusable: no header, a required column
 * missing, a column named twice. Row problems are not errors here: they
 * are in each row's error, and counted in nbad.
 */
enum az_err sheet_parse(const char *data, size_t n, const struct catalog *cat,
			struct sheet *out, struct errmsg *em);
void sheet_release(struct sheet *s);

/*
 * What a good row changes: fills *out (caller releases) with the answer to
 * store, starting from cur (the stored answer, or NULL), and returns 1; or
 * returns 0 when the row changes nothing.
 */
int sheet_row_merge(const struct sheet_row *r, const struct answer *cur, struct answer *out /* OUT */);

/* The column's header name ("question_id"). */
const char *sheet_column_name(enum sheet_column c);

#endif
