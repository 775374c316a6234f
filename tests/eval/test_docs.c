/*
 * docs/checks.md and the generated part of docs/permissions.md must be what
 * the catalog says today. Run with UPDATE_DOCS=1 to rewrite them from the
 * catalog (the generators are catalog_checks_to_markdown() and
 * catalog_permissions_to_markdown(); there is no azmat command for them
 * yet).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "buf.h"
#include "catalog.h"
#include "catalog_export.h"

#define BEGIN "<!-- checks:begin -->\n"
#define END "<!-- checks:end -->"

static struct catalog *cat;

static int updating(void)
{
	const char *u = getenv("UPDATE_DOCS");

	return u && !strcmp(u, "1");
}

static void doc_path(const char *rel, char *out, size_t n)
{
	snprintf(out, n, "%s/docs/%s", getenv("AZMAT_SOURCE_DIR"), rel);
}

static void test_checks_md(void)
{
	struct buf b = BUF_INIT(1 << 22);
	char path[1024];
	char *have;

	catalog_checks_to_markdown(cat, &b);
	doc_path("checks.md", path, sizeof(path));
	if (updating())
		T_REQUIRE(!t_write(path, b.data, b.len));
	have = t_slurp(path, NULL);
	T_REQUIRE(have != NULL);
	if (strcmp(have, b.data))
		t_fail(__FILE__, __LINE__, "docs/checks.md is out of date: run the eval tests with UPDATE_DOCS=1");
	t_checks++;
	T_CONTAINS(have, "## Questionnaire-only items");
	free(have);
	buf_release(&b);
}

static void test_permissions_md(void)
{
	struct buf table = BUF_INIT(1 << 22), doc = BUF_INIT(1 << 22);
	char path[1024];
	char *have, *begin, *end;

	catalog_permissions_to_markdown(cat, &table);
	doc_path("permissions.md", path, sizeof(path));
	have = t_slurp(path, NULL);
	T_REQUIRE(have != NULL);
	begin = strstr(have, BEGIN);
	end = begin ? strstr(begin, END) : NULL;
	T_REQUIRE(begin && end);
	buf_add(&doc, have, (size_t)(begin - have) + strlen(BEGIN));
	buf_addstr(&doc, table.data);
	buf_addstr(&doc, end);
	if (updating() && strcmp(have, doc.data)) {
		T_REQUIRE(!t_write(path, doc.data, doc.len));
	} else if (strcmp(have, doc.data)) {
		t_fail(__FILE__, __LINE__, "docs/permissions.md is out of date: run the eval tests with UPDATE_DOCS=1");
	}
	t_checks++;
	free(have);
	buf_release(&table);
	buf_release(&doc);
}

int main(void)
{
	struct cat_errors errs = CAT_ERRORS_INIT;

	if (catalog_load(getenv("AZMAT_CATALOG"), NULL, &cat, &errs)) {
		for (size_t i = 0; i < errs.n; i++)
			fprintf(stderr, "%s\n", errs.lines[i]);
		return 1;
	}
	T_RUN(test_checks_md);
	T_RUN(test_permissions_md);
	catalog_free(&cat);
	cat_errors_release(&errs);
	return t_done();
}
