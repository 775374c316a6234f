/*
 * The small files of a bundle, parsed from memory (so that a fuzzer can
 * reach them): manifest.json and error.json; and the problems list.
 *
 * The manifest is outside input like everything in a bundle. Only its
 * subscription ids ever become file names (checks/<id>/part-<k>/<sub>/),
 * so each must be an id: letters, digits and dashes, at most 64. Its
 * endpoints must be https origins (they decide which next links a page may
 * carry).
 */
#include <cjson/cJSON.h>
#include <openssl/sha.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apierr.h"
#include "bundle_int.h"
#include "cloud.h"
#include "timeutil.h"
#include "xalloc.h"

void bundle_manifest_init(struct bundle_manifest *m)
{
	memset(m, 0, sizeof(*m));
	m->tool = xstrdup("");
	m->catalog_version = xstrdup("");
	m->created = xstrdup("");
	m->tenant_id = xstrdup("");
	m->identity = xstrdup("");
	m->arm = xstrdup("");
	m->graph = xstrdup("");
}

void bundle_manifest_release(struct bundle_manifest *m)
{
	size_t i;

	free(m->tool);
	free(m->catalog_version);
	free(m->created);
	free(m->tenant_id);
	free(m->identity);
	free(m->arm);
	free(m->graph);
	for (i = 0; i < m->nsubs; i++)
		free(m->subs[i]);
	free(m->subs);
	memset(m, 0, sizeof(*m));
}

void bundle_manifest_copy(struct bundle_manifest *dst, const struct bundle_manifest *src)
{
	size_t i;

	*dst = *src;
	dst->tool = xstrdup(src->tool);
	dst->catalog_version = xstrdup(src->catalog_version);
	dst->created = xstrdup(src->created);
	dst->tenant_id = xstrdup(src->tenant_id);
	dst->identity = xstrdup(src->identity);
	dst->arm = xstrdup(src->arm);
	dst->graph = xstrdup(src->graph);
	dst->subs = src->nsubs ? xcalloc(src->nsubs, sizeof(*dst->subs)) : NULL;
	for (i = 0; i < src->nsubs; i++)
		dst->subs[i] = xstrdup(src->subs[i]);
}

void bundle_problem_add(struct bundle_problems *p, const char *check, const char *path,
			const char *fmt, ...)
{
	struct bundle_problem *x;
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	ALLOC_GROW(p->v, p->n, p->alloc);
	x = &p->v[p->n++];
	x->check = xstrdup(check ? check : "");
	x->path = xstrdup(path ? path : "");
	x->what = xstrdup(what);
}

void bundle_problems_release(struct bundle_problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].check);
		free(p->v[i].path);
		free(p->v[i].what);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
}

/* A one-line string of at most max bytes, else NULL. */
static const char *text_value(const cJSON *o, const char *key, size_t max)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	size_t i;

	if (!cJSON_IsString(v) || !v->valuestring || strlen(v->valuestring) > max)
		return NULL;
	for (i = 0; v->valuestring[i]; i++)
		if ((unsigned char)v->valuestring[i] < 0x20 || v->valuestring[i] == 0x7f)
			return NULL;
	return v->valuestring;
}

static void set_text(char **dst, const cJSON *o, const char *key, size_t max,
		     struct bundle_problems *probs)
{
	const char *s = text_value(o, key, max);

	if (!s && cJSON_GetObjectItemCaseSensitive(o, key))
		bundle_problem_add(probs, "", "manifest.json", "'%s' is not a short line of text; ignored", key);
	free(*dst);
	*dst = xstrdup(s ? s : "");
}

int bundle_subscription_ok(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'z') ||
		      (s[n] >= 'A' && s[n] <= 'Z') || s[n] == '-'))
			return 0;
	return n > 0 && n <= 64;
}

static void set_subscriptions(struct bundle_manifest *m, const cJSON *arr,
			      struct bundle_problems *probs)
{
	const cJSON *v;
	size_t alloc = 0;

	if (!arr)
		return;
	if (!cJSON_IsArray(arr)) {
		bundle_problem_add(probs, "", "manifest.json", "'subscriptions' is not a list; ignored");
		return;
	}
	m->subs_listed = 1;
	cJSON_ArrayForEach(v, arr) {
		if (!cJSON_IsString(v) || !v->valuestring || !bundle_subscription_ok(v->valuestring)) {
			bundle_problem_add(probs, "", "manifest.json",
					   "a subscription that is not a subscription id was ignored");
			continue;
		}
		ALLOC_GROW(m->subs, m->nsubs, alloc);
		m->subs[m->nsubs++] = xstrdup(v->valuestring);
	}
}

/* An endpoint must be an https origin; its normalised form is kept. */
static void set_endpoint(char **dst, const cJSON *eps, const char *key, struct bundle_problems *probs)
{
	const char *s = text_value(eps, key, 2048);
	struct buf o = BUF_INIT(4096);

	if (s && !strncmp(s, "https://", 8) && !url_origin(s, &o)) {
		free(*dst);
		*dst = buf_detach(&o, NULL);
		return;
	}
	buf_release(&o);
	if (cJSON_GetObjectItemCaseSensitive(eps, key))
		bundle_problem_add(probs, "", "manifest.json", "the '%s' endpoint is not an https origin; ignored",
				   key);
}

enum az_err bundle_manifest_parse(const char *text, size_t n, struct bundle_manifest *out,
				  struct bundle_problems *probs, struct errmsg *em)
{
	cJSON *root = cJSON_ParseWithLength(text, n);
	const cJSON *fmt, *eps, *fail;
	enum az_err rc = AZ_ERR_INVALID;
	time_t t;

	if (!cJSON_IsObject(root)) {
		errmsg_set(em, AZ_ERR_INVALID, "manifest.json is not a JSON object");
		goto out;
	}
	fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
	if (!cJSON_IsNumber(fmt) || fmt->valuedouble != (double)(long)fmt->valuedouble) {
		errmsg_set(em, AZ_ERR_INVALID, "manifest.json has no format number");
		goto out;
	}
	if (fmt->valuedouble != BUNDLE_FORMAT) {
		errmsg_set(em, AZ_ERR_INVALID, "the bundle's format %ld is not one this azmat reads (%d)",
			   (long)fmt->valuedouble, BUNDLE_FORMAT);
		goto out;
	}
	out->format = BUNDLE_FORMAT;
	set_text(&out->tool, root, "tool", 200, probs);
	set_text(&out->catalog_version, root, "catalog_version", 200, probs);
	set_text(&out->created, root, "created", 64, probs);
	if (*out->created && time_parse_iso(out->created, &t)) {
		bundle_problem_add(probs, "", "manifest.json", "'created' is not a time; dates are judged as of now");
		out->created[0] = '\0';
	}
	set_text(&out->tenant_id, root, "tenant_id", 200, probs);
	set_text(&out->identity, root, "identity", 400, probs);
	eps = cJSON_GetObjectItemCaseSensitive(root, "endpoints");
	if (cJSON_IsObject(eps)) {
		set_endpoint(&out->arm, eps, "arm", probs);
		set_endpoint(&out->graph, eps, "graph", probs);
	}
	set_subscriptions(out, cJSON_GetObjectItemCaseSensitive(root, "subscriptions"), probs);
	out->subs_given = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "subscriptions_given"));
	fail = cJSON_GetObjectItemCaseSensitive(root, "failures");
	out->failures = cJSON_IsNumber(fail) && fail->valuedouble >= 0 && fail->valuedouble < 1e9
				? (long)fail->valuedouble
				: 0;
	out->present = 1;
	rc = AZ_OK;
out:
	cJSON_Delete(root);
	return rc;
}

enum az_err bundle_error_parse(const char *text, size_t n, long *status, struct api_error *out)
{
	cJSON *root = cJSON_ParseWithLength(text, n);
	const cJSON *st, *code, *msg;
	enum az_err rc = AZ_ERR_PARSE;

	memset(out, 0, sizeof(*out));
	*status = 0;
	if (!cJSON_IsObject(root))
		goto out;
	st = cJSON_GetObjectItemCaseSensitive(root, "status");
	code = cJSON_GetObjectItemCaseSensitive(root, "code");
	msg = cJSON_GetObjectItemCaseSensitive(root, "message");
	if (!cJSON_IsNumber(st) || st->valuedouble < 0 || st->valuedouble > 999 ||
	    (code && !cJSON_IsString(code)) || (msg && !cJSON_IsString(msg)))
		goto out;
	*status = (long)st->valuedouble;
	if (cJSON_IsString(code) && code->valuestring)
		snprintf(out->code, sizeof(out->code), "%s", code->valuestring);
	if (cJSON_IsString(msg) && msg->valuestring)
		snprintf(out->message, sizeof(out->message), "%s", msg->valuestring);
	rc = AZ_OK;
out:
	cJSON_Delete(root);
	return rc;
}

void bundle_resource_key(const char *resource_id, char out[19])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[SHA256_DIGEST_LENGTH];
	struct buf low = BUF_INIT(BUF_MAX_DEFAULT);
	size_t i;

	for (i = 0; resource_id[i]; i++) {
		char c = resource_id[i];
		buf_addch(&low, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
	SHA256((const unsigned char *)low.data, low.len, md);
	out[0] = 'r';
	out[1] = '-';
	for (i = 0; i < 8; i++) {
		out[2 + 2 * i] = hex[md[i] >> 4];
		out[3 + 2 * i] = hex[md[i] & 15];
	}
	out[18] = '\0';
	buf_release(&low);
}
