/*
 * Fuzz the catalog loader (with the evaluators' validation hooks). The
 * input is split on "\n--8<--\n": the first part is catalog.json, and the
 * k-th other file the loader asks for gets part k, whatever its name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "eval.h"
#include "xalloc.h"

#define SEP "\n--8<--\n"
#define MAXPARTS 16

struct parts {
	const char *p[MAXPARTS];
	size_t len[MAXPARTS];
	size_t n;
	size_t next;
};

static enum az_err read_part(void *ctx, const char *rel, struct buf *out, struct errmsg *em)
{
	struct parts *ps = ctx;
	size_t k;

	if (!strcmp(rel, "catalog.json"))
		k = 0;
	else
		k = ++ps->next;
	if (k >= ps->n)
		return errmsg_set(em, AZ_ERR_NOTFOUND, "cannot open '%s'", rel);
	if (buf_add(out, ps->p[k], ps->len[k]))
		return errmsg_set(em, AZ_ERR_TOOBIG, "too big");
	return AZ_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);
	struct parts ps;
	struct cat_errors errs = CAT_ERRORS_INIT;
	struct catalog *cat = NULL;
	const char *p, *end;

	memcpy(text, data, size);
	text[size] = '\0';
	memset(&ps, 0, sizeof(ps));
	p = text;
	end = text + size;
	while (ps.n < MAXPARTS) {
		const char *s = strstr(p, SEP);
		if (!s || s > end)
			s = end;
		ps.p[ps.n] = p;
		ps.len[ps.n++] = (size_t)(s - p);
		if (s == end)
			break;
		p = s + strlen(SEP);
	}
	if (!catalog_load_with("fuzz", read_part, &ps, eval_catalog_hooks(), &cat, &errs))
		catalog_free(&cat);
	cat_errors_release(&errs);
	free(text);
	return 0;
}
