/*
 * docs/checks.md and the access table of docs/permissions.md, generated
 * from the catalog's checks. A test keeps the checked-in files in sync.
 * Every catalog string goes through escape_md(); queries and paths are
 * shown as code and may not hold a backtick (they never do; one that did
 * would be written as escaped text instead).
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "catalog_export.h"
#include "escape.h"

static void md(struct buf *out, const char *s)
{
	escape_md(out, s ? s : "", 0);
}

static void code(struct buf *out, const char *s)
{
	if (!s || strchr(s, '`') || strchr(s, '\n')) {
		md(out, s);
		return;
	}
	buf_addch(out, '`');
	buf_addstr(out, s);
	buf_addch(out, '`');
}

static const char *str(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* One source part: "Resource Graph `query`", "ARM per subscription `GET path` (api-version)". */
static void source_part(struct buf *out, const cJSON *p)
{
	const char *api = str(p, "api"), *per = str(p, "per"), *query = str(p, "query");

	if (api && !strcmp(api, "resourcegraph")) {
		buf_addstr(out, "Resource Graph ");
		code(out, query);
		return;
	}
	if (api && !strcmp(api, "graph")) {
		buf_addstr(out, "Microsoft Graph ");
	} else {
		buf_addf(out, "ARM per %s ", per ? per : "tenant");
		if (per && !strcmp(per, "resource")) {
			buf_addstr(out, "(each of ");
			code(out, str(p, "resources"));
			buf_addstr(out, ") ");
		}
	}
	buf_addstr(out, "`GET ");
	buf_addstr(out, str(p, "path") ? str(p, "path") : "");
	if (query) {
		buf_addch(out, '?');
		buf_addstr(out, query);
	}
	buf_addch(out, '`');
	if (str(p, "api_version"))
		buf_addf(out, " (api-version %s)", str(p, "api_version"));
	if (str(p, "consistency"))
		buf_addstr(out, " with ConsistencyLevel: eventual");
}

static void source_md(struct buf *out, const cJSON *src)
{
	const cJSON *parts = cJSON_GetObjectItemCaseSensitive(src, "parts"), *p;
	int i = 0;

	if (!parts) {
		buf_addstr(out, "- Source: ");
		source_part(out, src);
		buf_addch(out, '\n');
		return;
	}
	buf_addstr(out, "- Source, in order:\n");
	cJSON_ArrayForEach(p, parts) {
		buf_addf(out, "  %d. ", ++i);
		source_part(out, p);
		buf_addch(out, '\n');
	}
}

static void check_md(const struct cat_check *c, struct buf *out)
{
	size_t i;

	buf_addstr(out, "### ");
	code(out, c->id);
	buf_addch(out, ' ');
	md(out, c->title);
	buf_addstr(out, "\n\n- Items: ");
	for (i = 0; i < c->nitems; i++)
		buf_addf(out, "%s%s", i ? ", " : "", c->items[i]);
	buf_addch(out, '\n');
	source_md(out, c->source);
	buf_addstr(out, "- Evaluator: ");
	code(out, c->evaluator);
	buf_addf(out, "%s\n", c->gating ? " (gating: a failure caps its items at Partial)" : "");
	if (c->weight != 1)
		buf_addf(out, "- Weight: %u in its items' evidence ratio (most checks weigh 1; "
			      "see roadmap/README.md)\n", c->weight);
	buf_addstr(out, "- Permission: ");
	md(out, c->permission);
	buf_addstr(out, "\n- Licence: ");
	md(out, c->licence ? c->licence : "none");
	buf_addstr(out, "\n\n");
	escape_md(out, c->remediation, 1);
	buf_addstr(out, "\n\n");
}

/* True when some check gives evidence to item id. */
static int has_checks(const struct catalog *cat, const char *id)
{
	const struct cat_item *it = catalog_find_item(cat, id);

	return it && it->nchecks > 0;
}

static void summary_md(const struct catalog *cat, struct buf *out)
{
	size_t s, i, covered = 0;

	for (i = 0; i < cat->nitems; i++)
		covered += (size_t)has_checks(cat, cat->items[i]->id);
	buf_addf(out, "%zu checks give automated evidence to %zu of the %zu roadmap items.\n\n", cat->nchecks,
		 covered, cat->nitems);
	buf_addstr(out, "| step | checks | items with evidence | questionnaire-only items |\n|---|---|---|---|\n");
	for (s = 0; s < cat->nsteps; s++) {
		const struct cat_step *st = &cat->steps[s];
		size_t n = 0, k;
		buf_addf(out, "| %u ", st->number);
		md(out, st->title);
		for (i = 0; i < cat->nchecks; i++)
			n += (size_t)(cat->checks[i].nitems && cat->checks[i].items[0][0] == (char)('0' + st->number));
		buf_addf(out, " | %zu | ", n);
		for (k = 0, i = 0; i < st->nitems; i++)
			if (st->items[i].nchecks)
				buf_addf(out, "%s%s", k++ ? ", " : "", st->items[i].id);
		buf_addstr(out, " | ");
		for (k = 0, i = 0; i < st->nitems; i++)
			if (st->items[i].questionnaire_only)
				buf_addf(out, "%s%s", k++ ? ", " : "", st->items[i].id);
		buf_addstr(out, " |\n");
	}
	buf_addstr(out, "\nA check is listed under the step of its first item.\n\n## Questionnaire-only items\n\n");
	for (i = 0; i < cat->nitems; i++) {
		const struct cat_item *it = cat->items[i];
		if (!it->questionnaire_only)
			continue;
		buf_addf(out, "- **%s** ", it->id);
		md(out, it->title);
		buf_addstr(out, ": ");
		md(out, it->questionnaire_only);
		buf_addch(out, '\n');
	}
	buf_addch(out, '\n');
}

void catalog_checks_to_markdown(const struct catalog *cat, struct buf *out)
{
	size_t s, i;

	buf_addstr(out, "# Evidence checks\n\n"
			"<!-- Generated from the catalog by catalog_checks_to_markdown(); do not edit by hand: "
			"edit roadmap/checks and run the eval tests with UPDATE_DOCS=1. -->\n\n");
	buf_addf(out, "Catalog version %s. ", cat->version);
	summary_md(cat, out);
	for (s = 0; s < cat->nsteps; s++) {
		const struct cat_step *st = &cat->steps[s];
		buf_addf(out, "## Step %u: ", st->number);
		md(out, st->title);
		buf_addstr(out, "\n\n");
		for (i = 0; i < cat->nchecks; i++)
			if (cat->checks[i].nitems && cat->checks[i].items[0][0] == (char)('0' + st->number))
				check_md(&cat->checks[i], out);
	}
}

/* The distinct comma-separated permissions and licences, in first-seen order. */
static size_t needs(const struct catalog *cat, const char **out, size_t max)
{
	size_t n = 0, i, k;

	for (i = 0; i < cat->nchecks; i++) {
		const char *fields[2] = { cat->checks[i].permission, cat->checks[i].licence };
		for (k = 0; k < 2; k++) {
			const char *p = fields[k];
			while (p && *p && n < max) {
				size_t len = strcspn(p, ","), j;
				int seen = 0;
				for (j = 0; j < n; j++)
					if (strlen(out[j]) == len && !strncmp(out[j], p, len))
						seen = 1;
				if (!seen)
					out[n++] = p;
				p += len;
				while (*p == ',' || *p == ' ')
					p++;
			}
		}
	}
	return n;
}

static int mentions(const char *field, const char *name, size_t len)
{
	const char *p = field;

	while (p && *p) {
		size_t l = strcspn(p, ",");
		if (l == len && !strncmp(p, name, len))
			return 1;
		p += l;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return 0;
}

void catalog_permissions_to_markdown(const struct catalog *cat, struct buf *out)
{
	const char *need[128];
	size_t n = needs(cat, need, 128), i, j;

	buf_addstr(out, "| permission or licence | checks that need it |\n|---|---|\n");
	for (i = 0; i < n; i++) {
		size_t len = strcspn(need[i], ","), k = 0;
		buf_addstr(out, "| ");
		buf_add(out, need[i], len);
		buf_addstr(out, " | ");
		for (j = 0; j < cat->nchecks; j++) {
			const struct cat_check *c = &cat->checks[j];
			if (mentions(c->permission, need[i], len) || mentions(c->licence, need[i], len))
				buf_addf(out, "%s`%s`", k++ ? ", " : "", c->id);
		}
		buf_addstr(out, " |\n");
	}
	buf_addstr(out, "\n| check | APIs | permission | licence |\n|---|---|---|---|\n");
	for (j = 0; j < cat->nchecks; j++) {
		const struct cat_check *c = &cat->checks[j];
		buf_addf(out, "| `%s` | %s | ", c->id, c->api);
		md(out, c->permission);
		buf_addstr(out, " | ");
		md(out, c->licence ? c->licence : "none");
		buf_addstr(out, " |\n");
	}
}
