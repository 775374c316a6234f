/*
 * CSV: RFC 4180 quoting, byte order marks, line ends, separators, errors
 * by line, and formula-injection protection that round-trips.
 */
#include <string.h>

#include "csv.h"
#include "t.h"

/* Read all of data; returns the records as "a|b|c" lines joined by "\n". */
static void read_all(const char *data, struct buf *out, int *errors, size_t *err_line)
{
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;
	int got;
	size_t i;

	*errors = 0;
	csv_reader_init(&r, data, strlen(data));
	for (;;) {
		got = csv_read(&r, &rec, NULL);
		if (!got)
			break;
		if (got < 0) {
			(*errors)++;
			*err_line = rec.line;
			continue;
		}
		buf_addf(out, "%zu:", rec.line);
		for (i = 0; i < rec.n; i++)
			buf_addf(out, "%s%s", i ? "|" : "", rec.field[i]);
		buf_addch(out, '\n');
	}
	csv_record_release(&rec);
}

static void test_quoting_and_line_ends(void)
{
	struct buf b = BUF_INIT(4096);
	int errors;
	size_t line = 0;

	read_all("\xef\xbb\xbf" "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\n", &b,
		 &errors, &line);
	T_EQ_INT(errors, 0);
	T_EQ_STR(b.data, "1:a|b|c\n2:x, y|say \"hi\"|two\nlines\n4:last||\n");
	buf_reset(&b);
	read_all("a;b\nc;\"d;e\"", &b, &errors, &line);
	T_EQ_STR(b.data, "1:a|b\n2:c|d;e\n");
	buf_reset(&b);
	/* a comma in the header means commas, even with semicolons around */
	read_all("a,b;c\n", &b, &errors, &line);
	T_EQ_STR(b.data, "1:a|b;c\n");
	buf_release(&b);
}

static void test_errors_are_reported_by_line_and_skipped(void)
{
	struct buf b = BUF_INIT(4096);
	int errors;
	size_t line = 0;

	read_all("h1,h2\n\"bad\"x,1\nok,2\n", &b, &errors, &line);
	T_EQ_INT(errors, 1);
	T_EQ_INT(line, 2);
	T_EQ_STR(b.data, "1:h1|h2\n3:ok|2\n");
	buf_reset(&b);
	read_all("h\n\"never closed,\nmore\n", &b, &errors, &line);
	T_EQ_INT(errors, 1);
	T_EQ_INT(line, 2);
	buf_release(&b);
}

static void test_formula_protection_round_trips(void)
{
	static const char *const values[] = {
		"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tx", "'quoted", "''",
		"'=1", "plain", "", "a,b", "two\nlines", "\"q\"",
	};
	struct buf out = BUF_INIT(4096);
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		csv_put_field(&out, values[i], i == 0, 1);
	csv_end_record(&out);
	/* nothing a spreadsheet would run is left at the start of a cell */
	T_ASSERT(!strstr(out.data, ",=") && !strstr(out.data, ",+") && !strstr(out.data, ",@"));
	T_ASSERT(!strstr(out.data, ",-") && out.data[0] != '=');
	csv_reader_init(&r, out.data, out.len);
	T_EQ_INT(csv_read(&r, &rec, NULL), 1);
	T_EQ_INT(rec.n, sizeof(values) / sizeof(values[0]));
	for (i = 0; i < rec.n; i++) {
		csv_unprotect(rec.field[i]);
		T_EQ_STR(rec.field[i], values[i]);
	}
	T_EQ_INT(csv_read(&r, &rec, NULL), 0);
	csv_record_release(&rec);
	buf_release(&out);
}

int main(void)
{
	T_RUN(test_quoting_and_line_ends);
	T_RUN(test_errors_are_reported_by_line_and_skipped);
	T_RUN(test_formula_protection_round_trips);
	return t_done();
}
