/*
 * azmat demo: an assessment of a fictional tenant (Northwind Traders) built
 * from the evidence bundle that ships in assets/demo/bundle, with a few
 * sample answers, so that a newcomer sees evidence, scores and a plan on a
 * machine with no network. Run again, it reopens the same assessment.
 *
 * The demo assessment is marked with a setting (not found by its name, which
 * the operator may change). The TUI's first-run screen opens it directly
 * through tui_demo_assessment().
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_bundle.h"
#include "compat.h"
#include "datafile.h"
#include "scored.h"
#include "timeutil.h"
#include "tui_app.h"
#include "xalloc.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_demo = {
	"demo", run, "Create (or reopen) a demo assessment of a fictional tenant, with evidence and answers",
	"demo [--json]"
};

#define DEMO_MARK "demo.bundle"
#define DEMO_NAME "Demo: Northwind Traders (fictional)"
#define DEMO_WHO "azmat demo"

/* The newest assessment marked as the demo, or 0. */
static enum az_err find_demo(struct store *st, long long *id, struct errmsg *em)
{
	struct assessment *as = NULL;
	enum az_err rc;
	size_t n = 0, i;

	*id = 0;
	rc = store_assessment_list(st, &as, &n, em);
	for (i = 0; !rc && i < n && !*id; i++) {
		char *v = NULL;
		rc = store_setting_get(st, as[i].id, DEMO_MARK, &v, em);
		if (!rc && v)
			*id = as[i].id;
		free(v);
	}
	store_assessments_free(as, n);
	return rc;
}

static enum az_err count_runs(struct store *st, long long id, size_t *n, struct errmsg *em)
{
	struct evidence_run *runs = NULL;
	enum az_err rc = store_runs_list(st, id, &runs, n, em);

	if (!rc)
		store_runs_free(runs, *n);
	return rc;
}

static enum az_err demo_bundle(struct buf *out, struct errmsg *em)
{
	struct buf tried = BUF_INIT(8192);
	enum az_err rc = data_locate("assets/demo/bundle", "manifest.json", AZMAT_DATADIR, out, &tried);

	if (rc)
		errmsg_set(em, AZ_ERR_NOTFOUND, "the demo bundle is not installed (looked in %s)",
			   tried.len ? tried.data : "nowhere");
	buf_release(&tried);
	return rc;
}

/* ---- sample answers --------------------------------------------------------- */

struct sample {
	const struct cat_question *q;
	enum answer_value value;
	enum answer_value suggested;
	const char *reason, *owner, *note;
	int expiry_days;
};

static enum answer_value band_answer(enum score_band b)
{
	static const enum answer_value map[BAND__COUNT] = { ANSWER_NOT_STARTED, ANSWER_PARTIAL,
							    ANSWER_LARGELY, ANSWER_FULLY };
	return map[b];
}

static enum az_err put_sample(struct store *st, long long id, const struct sample *s,
			      struct errmsg *em)
{
	struct answer a;
	char date[16];
	enum az_err rc;

	answer_init(&a, s->q->id);
	a.value = s->value;
	a.suggested = s->suggested;
	free(a.reason);
	a.reason = xstrdup(s->reason ? s->reason : "");
	free(a.owner);
	a.owner = xstrdup(s->owner ? s->owner : "");
	free(a.note);
	a.note = xstrdup(s->note ? s->note : "");
	if (s->expiry_days) {
		time_format_date(time_now() + (time_t)s->expiry_days * 86400, date, sizeof(date));
		free(a.expiry);
		a.expiry = xstrdup(date);
	}
	rc = store_answer_put(st, id, &a, DEMO_WHO, "demo", em);
	answer_release(&a);
	return rc;
}

/* Answer every question of an item with value (the evidence suggested suggested). */
static size_t whole_item(const struct score_item *it, enum answer_value value,
			 enum answer_value suggested, struct sample *out, size_t room)
{
	size_t k;

	for (k = 0; k < it->item->nquestions && k < room; k++)
		out[k] = (struct sample){ &it->item->questions[k], value, suggested, NULL, NULL, NULL, 0 };
	return k;
}

/*
 * Pick the sample answers from the demo's own evidence: the questions of an
 * item in steps 1, 3 and 5 answered as the evidence suggests; an item
 * answered "fully" where the evidence shows little (a major contradiction,
 * left without a note so that sign-off asks for one); a risk accepted with
 * an owner and an expiry, and a planned answer carrying a workshop note, on
 * items no API can judge. Everything else stays unanswered, for the
 * newcomer to answer (one key takes a suggestion).
 */
static size_t pick_samples(const struct score *sc, struct sample *out, size_t max)
{
	static const unsigned agree_steps[] = { 1, 3, 5 };
	size_t n = 0, i, k, used_contra = 0, used_risk = 0, used_note = 0;

	for (k = 0; k < ARRAY_SIZE(agree_steps) && n < max; k++)
		for (i = 0; i < sc->nitems; i++) {
			const struct score_item *it = &sc->items[i];
			if (it->item->step->number != agree_steps[k] || !it->has_evidence)
				continue;
			n += whole_item(it, band_answer(it->evidence_band), band_answer(it->evidence_band),
					out + n, max - n);
			break;
		}
	for (i = 0; i < sc->nitems && n < max; i++) {
		const struct score_item *it = &sc->items[i];
		const struct cat_question *q = &it->item->questions[0];
		int step = (int)it->item->step->number;
		if (!used_contra && it->has_evidence && it->evidence_band <= BAND_PARTIAL && step > 5) {
			n += whole_item(it, ANSWER_FULLY, band_answer(it->evidence_band), out + n, max - n);
			used_contra = 1;
		} else if (!used_risk && it->item->questionnaire_only && step >= 6) {
			out[n++] = (struct sample){
				q, ANSWER_RISK_ACCEPTED, ANSWER_NONE,
				"the budget for this is approved for the next financial year; until then the "
				"gap is accepted",
				"Greta Moreau (CISO)", NULL, 180
			};
			used_risk = 1;
		} else if (!used_note && it->item->questionnaire_only && step >= 2 && step < 6) {
			out[n++] = (struct sample){ q, ANSWER_PLANNED, ANSWER_NONE, NULL, NULL,
						    "Workshop note: the security lead drafts this with the "
						    "platform team before the next quarterly review.",
						    0 };
			used_note = 1;
		}
	}
	return n;
}

static enum az_err add_samples(struct store *st, const struct catalog *cat, long long id,
			       size_t *nput, struct errmsg *em)
{
	struct sample s[64];
	struct scored sc;
	enum az_err rc;
	size_t n, i;

	*nput = 0;
	rc = scored_load(st, cat, id, 0, &sc, em);
	n = rc ? 0 : pick_samples(&sc.score, s, ARRAY_SIZE(s));
	for (i = 0; i < n && !rc; i++) {
		rc = put_sample(st, id, &s[i], em);
		if (!rc)
			(*nput)++;
	}
	scored_release(&sc);
	return rc;
}

/* ---- making the demo ---------------------------------------------------------- */

struct demo_result {
	long long id;
	int created;   /* a new assessment */
	int imported;  /* the bundle was imported now */
	size_t answers;
	struct import_outcome o;
};

static int create_demo(struct cli *c, struct store *st, long long *id)
{
	struct assessment_fields f = { DEMO_NAME, "", "Northwind Traders (fictional)", DEMO_WHO, NULL };
	const struct catalog *cat;
	struct errmsg em = ERRMSG_INIT;

	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	f.catalog_version = cat->version;
	if (store_assessment_create(st, &f, id, &em) || store_setting_set(st, *id, DEMO_MARK, "1", &em))
		return cli_fail_em(c, &em);
	return EXIT_OK;
}

/* Import the bundle, name the tenant, answer a few questions. */
static int fill_demo(struct cli *c, struct store *st, struct demo_result *d)
{
	struct assessment_fields f;
	const struct catalog *cat;
	struct errmsg em = ERRMSG_INIT;
	struct buf dir = BUF_INIT(8192);
	struct assessment a;
	int ret;

	memset(&a, 0, sizeof(a));
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (demo_bundle(&dir, &em) || store_assessment_get(st, d->id, &a, &em)) {
		ret = cli_fail_em(c, &em);
		goto out;
	}
	ret = cli_bundle_import(c, st, cat, &a, dir.data, "demo", IMPORT_ANY_TENANT, &d->o);
	if (ret)
		goto out;
	d->imported = 1;
	f = (struct assessment_fields){ a.name, d->o.m.tenant_id, a.organisation, a.assessor, NULL };
	if (!*a.tenant_id && store_assessment_update(st, d->id, &f, &em))
		ret = cli_fail_em(c, &em);
	else if (d->created && add_samples(st, cat, d->id, &d->answers, &em))
		ret = cli_fail_em(c, &em);
out:
	assessment_release(&a);
	buf_release(&dir);
	return ret;
}

/* Find or make the demo assessment in st; prints errors, returns an exit code. */
static int demo_prepare(struct cli *c, struct store *st, struct demo_result *d)
{
	struct errmsg em = ERRMSG_INIT;
	size_t nruns = 0;
	int ret;

	if (find_demo(st, &d->id, &em))
		return cli_fail_em(c, &em);
	if (!d->id) {
		ret = create_demo(c, st, &d->id);
		if (ret)
			return ret;
		d->created = 1;
	}
	if (count_runs(st, d->id, &nruns, &em))
		return cli_fail_em(c, &em);
	return nruns ? EXIT_OK : fill_demo(c, st, d);
}

enum az_err tui_demo_assessment(struct cli *c, struct store *st, long long *id, struct errmsg *em)
{
	struct demo_result d;
	FILE *saved = c->err, *mem;
	char *text = NULL;
	size_t len = 0;
	int ret;

	memset(&d, 0, sizeof(d));
	import_outcome_init(&d.o);
	/* the TUI owns the terminal: keep what the command would print for the message line */
	mem = open_memstream(&text, &len);
	if (mem)
		c->err = mem;
	ret = demo_prepare(c, st, &d);
	c->err = saved;
	if (mem)
		fclose(mem);
	import_outcome_release(&d.o);
	if (ret) {
		char *nl = text ? strchr(text, '\n') : NULL, *msg = text ? strstr(text, "error: ") : NULL;
		if (nl)
			*nl = '\0';
		msg = msg && (!nl || msg < nl) ? msg + strlen("error: ") : text;
		errmsg_set(em, AZ_ERR_INVALID, "%s", msg && *msg ? msg : "the demo could not be made");
		free(text);
		return AZ_ERR_INVALID;
	}
	free(text);
	*id = d.id;
	return AZ_OK;
}

static void print_text(struct cli *c, const struct demo_result *d)
{
	long long id = d->id;

	fprintf(c->out, "demo assessment %lld: %s (%s)\n", id, DEMO_NAME,
		d->created ? "created" : d->imported ? "evidence imported again" : "reopened");
	if (d->imported)
		fprintf(c->out, "  evidence: run %lld from the bundle of a fictional tenant (%zu checks)\n",
			d->o.run_id, d->o.b.n);
	if (d->created)
		fprintf(c->out, "  %zu sample answers: some take the evidence's suggestion, one contradicts it, "
			"one accepts a risk, one carries a note\n", d->answers);
	fprintf(c->out,
		"try next:\n"
		"  azmat tui %lld          walk the roadmap; open an item to see its evidence ('a' takes a suggestion)\n"
		"  azmat score %lld        the maturity level, the index and the step scores\n"
		"  azmat plan %lld         the prioritized remediation plan\n"
		"  azmat evidence %lld     every check's verdict and offending resources\n"
		"  azmat report %lld --format html -o demo.html\n",
		id, id, id, id, id);
}

static int run(struct cli *c, int argc, char **argv)
{
	int json = 0, ret;
	const struct arg_opt opts[] = {
		{ "json", 0, ARG_FLAG, &json, NULL, "print JSON", NULL },
	};
	struct errmsg em = ERRMSG_INIT;
	struct demo_result d;
	struct store *st;
	struct args pos;

	ret = cli_parse(c, &cmd_demo, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos)
		return cli_fail(c, AZ_ERR_USAGE, "'demo' takes no arguments");
	if (cli_store(c, 1, &st, &em))
		return cli_fail_em(c, &em);
	memset(&d, 0, sizeof(d));
	import_outcome_init(&d.o);
	ret = demo_prepare(c, st, &d);
	if (!ret && json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "assessment", (double)d.id);
		cJSON_AddBoolToObject(o, "created", d.created);
		cJSON_AddBoolToObject(o, "imported", d.imported);
		cJSON_AddNumberToObject(o, "run", (double)d.o.run_id);
		cJSON_AddNumberToObject(o, "answers", (double)d.answers);
		ret = cli_print_json(c, o);
	} else if (!ret) {
		print_text(c, &d);
	}
	import_outcome_release(&d.o);
	return ret;
}
