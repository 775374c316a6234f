#include "eval_targets.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

struct target {
	char *id;   /* shown as the offender id */
	char *name;
	char *why;  /* the first reason an attached document failed */
	char **anc; /* ancestor mode: management group keys above a subscription */
	size_t nanc;
	unsigned long healthy;
	unsigned long seen;
	unsigned long order;
};

struct scope_count {
	unsigned long healthy;
	char *why;
};

void tset_init(struct tset *t, const char *target, const char *name_path, int ancestor)
{
	memset(t, 0, sizeof(*t));
	if (!target || !strcmp(target, "id")) {
		t->tkey = TKEY_ID;
	} else if (!strcmp(target, "subscription")) {
		t->tkey = TKEY_SUBSCRIPTION;
	} else {
		t->tkey = TKEY_PATH;
		t->tpath = target;
	}
	t->name_path = name_path;
	t->ancestor = ancestor;
}

static void free_target(void *p)
{
	struct target *x = p;
	size_t i;

	if (!x)
		return;
	free(x->id);
	free(x->name);
	free(x->why);
	for (i = 0; i < x->nanc; i++)
		free(x->anc[i]);
	free(x->anc);
	free(x);
}

static void free_scope(void *p)
{
	struct scope_count *s = p;

	if (s)
		free(s->why);
	free(s);
}

void tset_release(struct tset *t)
{
	strmap_release(&t->targets, free_target);
	strmap_release(&t->scopes, free_scope);
}

static const char *last_segment(const char *s)
{
	const char *slash = strrchr(s, '/');

	return slash && slash[1] ? slash + 1 : s;
}

static int is_subscription_row(const cJSON *doc)
{
	const cJSON *type = cJSON_GetObjectItem(doc, "type");

	return cJSON_IsString(type) && !strcasecmp(type->valuestring, "microsoft.resources/subscriptions");
}

/* The management groups above a subscription row, as scope keys. */
static void add_ancestors(struct target *x, const cJSON *doc)
{
	const cJSON *chain = doc_get(doc, "properties.managementGroupAncestorsChain"), *e;

	cJSON_ArrayForEach(e, chain) {
		const cJSON *name = cJSON_GetObjectItem(e, "name");
		char key[EVAL_ID_MAX];
		if (!cJSON_IsString(name) || !*name->valuestring)
			continue;
		snprintf(key, sizeof(key), "/providers/Microsoft.Management/managementGroups/%s",
			 name->valuestring);
		x->anc = xreallocarray(x->anc, x->nanc + 1, sizeof(*x->anc));
		x->anc[x->nanc++] = xstrdup(key);
	}
}

void tset_add(struct tset *t, const cJSON *doc, const struct eval_ctx *ctx)
{
	char key[EVAL_ID_MAX];
	const char *name = NULL;
	struct target **slot, *x;
	int created;

	if (t->tkey == TKEY_SUBSCRIPTION) {
		if (eval_subscription_key(doc, ctx, key, sizeof(key)))
			return;
		if (is_subscription_row(doc))
			name = eval_doc_name(doc, t->name_path);
	} else {
		const cJSON *v = t->tkey == TKEY_ID ? cJSON_GetObjectItem(doc, "id") : doc_get(doc, t->tpath);
		if (!cJSON_IsString(v) || !*v->valuestring)
			return;
		eval_norm_id(v->valuestring, key, sizeof(key));
		if (t->tkey == TKEY_ID)
			name = eval_doc_name(doc, t->name_path);
	}
	slot = (struct target **)strmap_put(&t->targets, key, &created);
	if (!created)
		return;
	x = xcalloc(1, sizeof(*x));
	x->id = xstrdup(key);
	x->name = xstrdup(name && *name ? name : last_segment(key));
	x->order = t->order++;
	if (t->ancestor && is_subscription_row(doc))
		add_ancestors(x, doc);
	*slot = x;
}

int tset_attach_key(const char *attach, const cJSON *doc, const struct eval_ctx *ctx, char *out,
		    size_t n)
{
	const cJSON *v;

	if (!attach || !strcmp(attach, "parent")) {
		v = cJSON_GetObjectItem(doc, "id");
		if (cJSON_IsString(v) && !eval_parent_id(v->valuestring, out, n))
			return 0;
		if (ctx && ctx->scope && *ctx->scope) {
			eval_norm_id(ctx->scope, out, n);
			return 0;
		}
		return -1;
	}
	if (!strcmp(attach, "subscription"))
		return eval_subscription_key(doc, ctx, out, n);
	v = doc_get(doc, strcmp(attach, "id") ? attach : "id");
	if (!cJSON_IsString(v) || !*v->valuestring)
		return -1;
	eval_norm_id(v->valuestring, out, n);
	return 0;
}

void tset_attach(struct tset *t, const char *key, int healthy, const char *why)
{
	if (t->ancestor) {
		struct scope_count **slot = (struct scope_count **)strmap_put(&t->scopes, key, NULL);
		if (!*slot)
			*slot = xcalloc(1, sizeof(**slot));
		if (healthy)
			(*slot)->healthy++;
		else if (why && !(*slot)->why)
			(*slot)->why = xstrdup(why);
		return;
	}
	{
		struct target *x = strmap_get(&t->targets, key);
		if (!x)
			return;
		x->seen++;
		if (healthy)
			x->healthy++;
		else if (why && !x->why)
			x->why = xstrdup(why);
	}
}

static unsigned long scope_healthy(const struct tset *t, const char *key)
{
	const struct scope_count *s = strmap_get(&t->scopes, key);

	return s ? s->healthy : 0;
}

/* Ancestor mode: healthy documents at the target, above it, or at the root. */
static void resolve_ancestors(const struct tset *t, struct target *x)
{
	char buf[EVAL_ID_MAX];
	size_t i;
	char *slash;

	snprintf(buf, sizeof(buf), "%s", x->id);
	x->healthy = scope_healthy(t, buf);
	while ((slash = strrchr(buf, '/')) && slash != buf) {
		*slash = '\0';
		x->healthy += scope_healthy(t, buf);
	}
	if (strcmp(x->id, "/"))
		x->healthy += scope_healthy(t, "/");
	for (i = 0; i < x->nanc; i++)
		x->healthy += scope_healthy(t, x->anc[i]);
	if (x->healthy)
		x->seen = x->healthy;
}

struct collect {
	const struct tset *t;
	double min, max;
	struct target **bad;
	size_t nbad;
	unsigned long healthy, total;
};

static void judge(const char *key, void *val, void *ctx)
{
	struct collect *c = ctx;
	struct target *x = val;

	(void)key;
	if (c->t->ancestor)
		resolve_ancestors(c->t, x);
	c->total++;
	if ((double)x->healthy >= c->min && (c->max < 0 || (double)x->healthy <= c->max)) {
		c->healthy++;
		return;
	}
	c->bad[c->nbad++] = x;
}

static int by_order(const void *a, const void *b)
{
	const struct target *x = *(struct target *const *)a, *y = *(struct target *const *)b;

	return x->order < y->order ? -1 : x->order > y->order;
}

void tset_finish(struct tset *t, double min, double max, const char *missing, const char *noun,
		 const char *empty, struct check_result *r)
{
	struct collect c;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.t = t;
	c.min = min;
	c.max = max;
	c.bad = xcalloc(t->targets.n + 1, sizeof(*c.bad));
	strmap_each(&t->targets, judge, &c);
	qsort(c.bad, c.nbad, sizeof(*c.bad), by_order);
	eval_verdict(r, c.healthy, c.total, noun, empty);
	for (i = 0; i < c.nbad && i < EVAL_OFFENDERS_MAX; i++) {
		const struct target *x = c.bad[i];
		char detail[320];
		if (max >= 0 && (double)x->healthy > max)
			snprintf(detail, sizeof(detail), "%lu found; at most %g expected", x->healthy, max);
		else if (x->healthy && min > 1)
			snprintf(detail, sizeof(detail), "%lu found; at least %g expected", x->healthy, min);
		else if (x->why)
			snprintf(detail, sizeof(detail), "%s", x->why);
		else
			snprintf(detail, sizeof(detail), "%s", missing ? missing : "nothing attached");
		check_result_add_offender(r, x->id, x->name, detail);
	}
	r->offending_total = c.nbad;
	free(c.bad);
}
