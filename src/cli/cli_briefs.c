#include "cli_briefs.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "xalloc.h"

void briefs_add(struct briefs *b, const struct check_result *r)
{
	struct check_brief *x;

	ALLOC_GROW(b->v, b->n, b->alloc);
	x = &b->v[b->n++];
	x->check = xstrdup(r->check_id);
	x->status = r->status;
	x->cause = r->cause;
	x->healthy = r->healthy;
	x->total = r->total;
	x->summary = xstrdup(r->summary ? r->summary : "");
}

void briefs_release(struct briefs *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->v[i].check);
		free(b->v[i].summary);
	}
	free(b->v);
	memset(b, 0, sizeof(*b));
}

int briefs_partial(const struct briefs *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->v[i].status == CHECK_NOT_ASSESSABLE && b->v[i].cause != CAUSE_NOTHING_IN_SCOPE)
			return 1;
	return 0;
}

void briefs_print(FILE *out, const struct briefs *b, size_t counts[CHECK_STATUS__COUNT])
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		const struct check_brief *x = &b->v[i];
		counts[x->status]++;
		fprintf(out, "  %-15s %-32s ",
			x->status == CHECK_NOT_ASSESSABLE ? check_cause_id(x->cause) : check_status_id(x->status),
			x->check);
		cli_put(out, x->summary);
		fputc('\n', out);
	}
}

cJSON *brief_json(const struct check_brief *b)
{
	cJSON *r = cJSON_CreateObject();

	cJSON_AddStringToObject(r, "check", b->check);
	cJSON_AddStringToObject(r, "status", check_status_id(b->status));
	cJSON_AddStringToObject(r, "cause", check_cause_id(b->cause));
	cJSON_AddNumberToObject(r, "healthy", (double)b->healthy);
	cJSON_AddNumberToObject(r, "total", (double)b->total);
	cJSON_AddStringToObject(r, "summary", b->summary);
	return r;
}
