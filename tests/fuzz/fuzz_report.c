/*
 * Reports built from arbitrary tenant and operator text: the input is split
 * on 0x1e into an assessment name, organisation, a note, an exception's
 * reason, owner and expiry, an offending resource's id, name and detail, a
 * check summary, a plan owner and due date, an answer and a check status.
 * Scores, plans and renders all four formats (against the test catalog in
 * $AZMAT_TEST_DATA/score-catalog) and checks what each format's readers
 * rely on: the JSON parses, the HTML holds no script and one style element,
 * the Markdown no unescaped '<', the CSV no field that opens a formula.
 * The JSON is also exactly what cJSON prints for the document it parses to:
 * the offenders, which the report writes as text itself, included.
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "escape.h"
#include "plan.h"
#include "report.h"
#include "score.h"
#include "xalloc.h"

#define REQUIRE(c) \
	do { \
		if (!(c)) \
			abort(); \
	} while (0)
#define NF 14

static struct catalog *cat;

static void load_catalog(void)
{
	const char *data = getenv("AZMAT_TEST_DATA");
	struct cat_errors errs = CAT_ERRORS_INIT;
	char dir[4096];

	snprintf(dir, sizeof(dir), "%s/score-catalog", data ? data : "tests/data");
	if (catalog_load(dir, NULL, &cat, &errs)) {
		fprintf(stderr, "fuzz_report: cannot load the test catalog in %s\n", dir);
		exit(2);
	}
	cat_errors_release(&errs);
}

static char empty[1];
static char created[] = "2026-11-26T09:00:00Z";
static char item_1a[] = "1a";

static void put_answer(struct answer_set *as, const char *q, enum answer_value v, const char *reason,
		       const char *owner, const char *expiry, const char *note)
{
	struct answer a;

	answer_init(&a, q);
	a.value = v;
	free(a.reason);
	a.reason = xstrdup(reason);
	free(a.owner);
	a.owner = xstrdup(owner);
	free(a.expiry);
	a.expiry = xstrdup(expiry);
	free(a.note);
	a.note = xstrdup(note);
	answer_set_put(as, &a);
	answer_release(&a);
}

static void check_outputs(const struct report *r)
{
	struct buf b = BUF_INIT(REPORT_MAX);
	cJSON *j;
	char *p;
	size_t i;

	REQUIRE(!report_json(r, &b, NULL));
	j = cJSON_Parse(b.data);
	REQUIRE(j);
	/*
	 * Invalid UTF-8 is written as \ufffd, which a parse and re-print keeps
	 * as the character itself: compare the rest.
	 */
	p = cJSON_Print(j);
	REQUIRE(p);
	if (!strstr(b.data, "\\ufffd")) {
		struct buf again = BUF_INIT(REPORT_MAX);
		escape_json_text(&again, p);
		buf_addch(&again, '\n');
		REQUIRE(again.len == b.len && !memcmp(again.data, b.data, b.len));
		buf_release(&again);
	}
	cJSON_free(p);
	cJSON_Delete(j);
	buf_reset(&b);
	REQUIRE(!report_html(r, &b, NULL));
	for (p = b.data; *p; p++)
		REQUIRE(strncasecmp(p, "<script", 7));
	REQUIRE(strstr(b.data, "<style") && !strstr(strstr(b.data, "<style") + 1, "<style"));
	buf_reset(&b);
	REQUIRE(!report_md(r, &b, NULL));
	for (i = 0; i < b.len; i++) {
		if (b.data[i] == '\\') {
			i++;
			continue;
		}
		REQUIRE(b.data[i] != '<');
	}
	buf_reset(&b);
	REQUIRE(!report_csv(r, &b, NULL));
	for (p = strstr(b.data, ",\""); p; p = strstr(p + 2, ",\""))
		REQUIRE(!strchr("=+-@", p[2]) || !p[2]);
	buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size + 1), *f[NF], *p;
	struct answer_set as = ANSWER_SET_INIT;
	struct evidence_set ev = EVIDENCE_SET_INIT;
	struct plan_overrides ov = PLAN_OVERRIDES_INIT;
	struct plan_override o;
	struct check_result res;
	struct assessment a;
	struct score_input in;
	struct plan_input pin;
	struct score s;
	struct plan pl;
	struct report r;
	size_t n = 0;
	int st;

	if (!cat)
		load_catalog();
	memcpy(buf, data, size);
	buf[size] = 0;
	for (p = buf; n < NF; n++) {
		f[n] = p;
		p = strchr(p, 0x1e);
		if (!p) {
			for (n++; n < NF; n++)
				f[n] = empty;
			break;
		}
		*p++ = 0;
	}
	put_answer(&as, "1a.1", ANSWER_FULLY, "", "", "", f[2]);
	put_answer(&as, "3c.1", ANSWER_RISK_ACCEPTED, f[3], f[4], f[5], f[2]);
	put_answer(&as, "2a.1", answer_parse(f[12]), f[3], f[4], f[5], f[9]);
	check_result_init(&res, "t-sub-owner");
	st = check_status_parse(f[13]);
	res.status = st < 0 ? CHECK_PARTIAL : (enum check_status)st;
	res.cause = res.status == CHECK_NOT_ASSESSABLE ? CAUSE_PERMISSION : CAUSE_NONE;
	res.healthy = (unsigned long)size % 7;
	res.total = res.healthy + (unsigned long)size % 5;
	check_result_set_summary(&res, f[9]);
	check_result_add_offender(&res, f[6], f[7], f[8]);
	evidence_put(&ev, &res);
	check_result_release(&res);
	memset(&o, 0, sizeof(o));
	o.item_id = item_1a;
	o.owner = f[10];
	o.due = f[11];
	plan_overrides_put(&ov, &o);

	memset(&a, 0, sizeof(a));
	a.id = 1;
	a.name = f[0];
	a.organisation = f[1];
	a.tenant_id = a.assessor = f[4];
	a.catalog_version = cat->version;
	a.created_at = a.updated_at = created;
	memset(&in, 0, sizeof(in));
	in.cat = cat;
	in.answers = &as;
	in.evidence = &ev;
	score_compute(&in, &s);
	pin.score = &s;
	pin.answers = &as;
	pin.overrides = &ov;
	pin.today = "2026-11-26";
	REQUIRE(!plan_build(&pin, &pl, NULL));
	memset(&r, 0, sizeof(r));
	r.cat = cat;
	r.a = &a;
	r.answers = &as;
	r.evidence = &ev;
	r.score = &s;
	r.plan = &pl;
	r.generated_at = "2026-11-26T09:00:00Z";
	r.tool_version = "azmat fuzz";
	check_outputs(&r);
	plan_release(&pl);
	score_release(&s);
	plan_overrides_release(&ov);
	evidence_release(&ev);
	answer_set_release(&as);
	free(buf);
	return 0;
}
