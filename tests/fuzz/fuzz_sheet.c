/*
 * Fuzz the CSV reader and the sheet importer (outside input: a file a
 * spreadsheet wrote). Besides not crashing, two properties are checked:
 *  - every record the reader returns, written back with csv_put_field()
 *    (protected) and read again, gives the same fields after
 *    csv_unprotect() (fields holding a CR are skipped: CR is read as LF);
 *  - every good sheet row merges into an answer with valid text.
 * The catalog comes from $AZMAT_CATALOG (default "roadmap").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "csv.h"
#include "sheet.h"
#include "strutil.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct catalog *cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct cat_errors errs = CAT_ERRORS_INIT;
	const char *dir = getenv("AZMAT_CATALOG");

	(void)argc;
	(void)argv;
	if (catalog_load(dir ? dir : "roadmap", NULL, &cat, &errs))
		abort();
	cat_errors_release(&errs);
	return 0;
}

static void round_trip(const struct csv_record *rec)
{
	struct buf out = BUF_INIT(BUF_MAX_DEFAULT);
	struct csv_record again = CSV_RECORD_INIT;
	struct csv_reader r;
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (strchr(rec->field[i], '\r'))
			return;
	for (i = 0; i < rec->n; i++)
		csv_put_field(&out, rec->field[i], i == 0, 1);
	csv_end_record(&out);
	csv_reader_init(&r, out.data, out.len);
	if (csv_read(&r, &again, NULL) != 1 || again.n != rec->n)
		abort();
	for (i = 0; i < rec->n; i++) {
		csv_unprotect(again.field[i]);
		if (strcmp(again.field[i], rec->field[i]))
			abort();
	}
	csv_record_release(&again);
	buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_record rec = CSV_RECORD_INIT;
	struct sheet sh = SHEET_INIT;
	struct csv_reader r;
	size_t i;
	int got;

	if (!cat)
		LLVMFuzzerInitialize(NULL, NULL);
	csv_reader_init(&r, (const char *)data, size);
	for (;;) {
		got = csv_read(&r, &rec, NULL);
		if (!got)
			break;
		if (got > 0 && (r.sep == ',' || rec.n == 1))
			round_trip(&rec);
	}
	csv_record_release(&rec);
	if (sheet_parse((const char *)data, size, cat, &sh, NULL) == AZ_OK) {
		for (i = 0; i < sh.n; i++) {
			struct answer next;
			if (sh.rows[i].error || !sheet_row_merge(&sh.rows[i], NULL, &next))
				continue;
			if (!utf8_valid(next.note, strlen(next.note)) ||
			    !utf8_valid(next.reason, strlen(next.reason)))
				abort();
			answer_release(&next);
		}
	}
	sheet_release(&sh);
	return 0;
}
