/*
 * The evaluator registry and the streaming driver.
 *
 * To add an evaluator: write eval_<name>.c defining
 * `const struct evaluator eval_<name>` and add it to EVALUATOR_LIST.
 */
#include "eval.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "source.h"

/*
 * Every evaluator. Declared weak so that one not written yet is absent
 * instead of breaking the link; the registry skips NULL entries.
 */
#define EVALUATOR_LIST(X) \
	X(property) \
	X(count) \
	X(coverage) \
	X(diag_settings) \
	X(holders) \
	X(tags) \
	X(nsg_open_ports) \
	X(ca_policies) \
	X(ca_exclusions) \
	X(pim_standing) \
	X(activity_alerts) \
	X(subnets)

#define EVAL_DECL(n) extern const struct evaluator eval_##n __attribute__((weak));
EVALUATOR_LIST(EVAL_DECL)
#undef EVAL_DECL

#define EVAL_REF(n) &eval_##n,
static const struct evaluator *const registry[] = { EVALUATOR_LIST(EVAL_REF) };
#undef EVAL_REF

static const struct evaluator *present[ARRAY_SIZE(registry) + 1];
static size_t npresent;

static void init_present(void)
{
	size_t i;

	if (npresent)
		return;
	for (i = 0; i < ARRAY_SIZE(registry); i++)
		if (registry[i])
			present[npresent++] = registry[i];
}

const struct evaluator *const *eval_all(size_t *n)
{
	init_present();
	*n = npresent;
	return present;
}

const struct evaluator *eval_find(const char *name)
{
	size_t i;

	init_present();
	if (!name)
		return NULL;
	for (i = 0; i < npresent; i++)
		if (!strcmp(present[i]->name, name))
			return present[i];
	return NULL;
}

static void hook_check(const cJSON *check, const char *file, const char *path,
		       struct cat_errors *errs, void *ctx)
{
	const cJSON *ev = cJSON_GetObjectItemCaseSensitive(check, "evaluator");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(ev, "name");
	const struct evaluator *e;
	char p[256];

	UNUSED(ctx);
	if (!cJSON_IsString(name))
		return; /* the core loader reported it */
	e = eval_find(name->valuestring);
	if (!e) {
		snprintf(p, sizeof(p), "%s.evaluator.name", path);
		cat_errors_add(errs, file, p, "unknown evaluator '%s'", name->valuestring);
		return;
	}
	if (e->validate)
		e->validate(check, file, path, errs);
	{
		struct source src;
		snprintf(p, sizeof(p), "%s.source", path);
		source_parse(cJSON_GetObjectItemCaseSensitive(check, "source"), &src, file, p, errs);
	}
}

static const struct catalog_hooks hooks = { hook_check, NULL };

const struct catalog_hooks *eval_catalog_hooks(void)
{
	return &hooks;
}

enum az_err eval_run_begin(struct eval_run *run, const struct cat_check *check)
{
	memset(run, 0, sizeof(*run));
	run->ev = eval_find(check->evaluator);
	if (!run->ev)
		return AZ_ERR_NOTFOUND;
	run->check = check;
	run->state = run->ev->begin(check);
	return AZ_OK;
}

void eval_run_doc(struct eval_run *run, const cJSON *doc, const struct eval_ctx *ctx)
{
	static const struct eval_ctx none = { 0, NULL, NULL };

	if (!run->ev || !cJSON_IsObject(doc))
		return;
	run->ndocs++;
	run->ev->doc(run->state, doc, ctx ? ctx : &none);
}

void eval_run_page(struct eval_run *run, const cJSON *page, const struct eval_ctx *ctx)
{
	const cJSON *d;

	cJSON_ArrayForEach(d, page)
		eval_run_doc(run, d, ctx);
}

void eval_run_finish(struct eval_run *run, struct check_result *r)
{
	if (!run->ev)
		return;
	run->ev->finish(run->state, run->check, r);
	run->ev->release(run->state);
	memset(run, 0, sizeof(*run));
}

void eval_run_abort(struct eval_run *run)
{
	if (run->ev)
		run->ev->release(run->state);
	memset(run, 0, sizeof(*run));
}

void eval_run_array(const struct cat_check *check, const cJSON *docs, struct check_result *r)
{
	struct eval_run run;
	const cJSON *d;

	if (eval_run_begin(&run, check)) {
		r->status = CHECK_NOT_ASSESSABLE;
		r->cause = CAUSE_API_ERROR;
		check_result_set_summary(r, "no evaluator for this check");
		return;
	}
	cJSON_ArrayForEach(d, docs) {
		const cJSON *inner = cJSON_GetObjectItemCaseSensitive(d, "doc");
		const cJSON *part = cJSON_GetObjectItemCaseSensitive(d, "part");
		struct eval_ctx ctx = { 0, NULL, NULL };

		if (cJSON_IsObject(inner) && cJSON_IsNumber(part)) {
			/* A part number no source can have: not a document of this check. */
			if (!(part->valuedouble >= 0 && part->valuedouble < SOURCE_MAXPARTS))
				continue;
			ctx.part = (size_t)part->valuedouble;
			eval_run_doc(&run, inner, &ctx);
		} else {
			eval_run_doc(&run, d, &ctx);
		}
	}
	eval_run_finish(&run, r);
}
