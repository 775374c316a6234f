/*
 * One scope folder of a bundle: its pages in order, then its error.json.
 *
 * The folder holds what the script got for one request and the pages that
 * followed it, numbered without gaps: page-0001.json, page-0002.json, ...
 * (a Resource Graph query run in batches of subscriptions puts each batch's
 * pages after the previous batch's), and error.json when a request failed
 * (the first, or one after some pages, as a live collection would meet
 * it). Every page is read, in order; a page that names a next page
 * (nextLink, @odata.nextLink, $skipToken) must be followed by one or by
 * error.json. A page is read, parsed, judged and freed before the next
 * one is opened.
 */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "apierr.h"
#include "bundle_int.h"
#include "cloud.h"
#include "page.h"

void bjob_init(struct bjob *j, struct bundle *b, const struct cat_check *check,
	       struct bundle_problems *probs)
{
	memset(j, 0, sizeof(*j));
	j->b = b;
	j->check = check;
	j->probs = probs;
	j->failed = CAUSE_NONE;
	check_result_init(&j->result, check ? check->id : "");
	buf_init(&j->path, 16384);
}

void bjob_release(struct bjob *j)
{
	if (j->run_started)
		eval_run_abort(&j->run);
	j->run_started = 0;
	check_result_release(&j->result);
	buf_release(&j->path);
}

void bjob_fail(struct bjob *j, enum check_cause cause, const char *file, int damaged,
	       const char *fmt, ...)
{
	va_list ap;

	if (j->failed != CAUSE_NONE)
		return;
	j->failed = cause;
	va_start(ap, fmt);
	vsnprintf(j->detail, sizeof(j->detail), fmt, ap);
	va_end(ap);
	if (damaged)
		bundle_problem_add(j->probs, j->check ? j->check->id : "", file, "%s", j->detail);
}

/* The file name under the folder being read, relative to the bundle (in a static buffer). */
static const char *rel(struct bjob *j, const char *name)
{
	static char out[20000];

	snprintf(out, sizeof(out), "%s%s", j->path.data, name);
	return out;
}

static void record(struct bjob *j, const char *name, int status)
{
	if (!j->check)
		return;
	if (j->result.nrequests >= BUNDLE_REQUESTS_MAX) {
		j->unrecorded++;
		return;
	}
	check_result_add_request(&j->result, "BUNDLE", rel(j, name), status);
}

/* A next link must stay on the bundle's endpoints, as a live collection insists. */
static int next_ok(const struct bjob *j, const char *next)
{
	const struct bundle_manifest *m = &j->b->m;

	if (!*m->arm && !*m->graph)
		return 1;
	return (*m->arm && url_same_origin(next, m->arm)) || (*m->graph && url_same_origin(next, m->graph));
}

static void deliver(struct bjob *j, const struct page *pg, const struct eval_ctx *ctx)
{
	const cJSON *d;

	if (j->sink) {
		cJSON_ArrayForEach(d, pg->docs)
			j->sink(j->sink_ctx, d);
		return;
	}
	if (!j->run_started)
		return;
	if (pg->docs)
		eval_run_page(&j->run, pg->docs, ctx);
	else
		eval_run_doc(&j->run, pg->one, ctx);
}

/* Judge one page; 0 when the job failed. *more says a next page must follow. */
static int one_page(struct bjob *j, const struct buf *body, const char *name,
		    const struct eval_ctx *ctx, int *more)
{
	struct errmsg em = ERRMSG_INIT;
	struct page pg;
	int ok = 0;

	if (page_parse(body->data, body->len, &pg, &em)) {
		bjob_fail(j, CAUSE_API_ERROR, rel(j, name), 1, "%s: %s", rel(j, name), errmsg_text(&em));
		return 0;
	}
	record(j, name, 200);
	if (pg.truncated && !pg.skip_token)
		bjob_fail(j, CAUSE_API_ERROR, rel(j, name), 0, "Resource Graph truncated the result in %s",
			  rel(j, name));
	else if (pg.next && !next_ok(j, pg.next))
		bjob_fail(j, CAUSE_API_ERROR, rel(j, name), 1, "%s: the next link points at another host",
			  rel(j, name));
	else
		ok = 1;
	if (ok) {
		deliver(j, &pg, ctx);
		*more = pg.next || pg.skip_token;
	}
	page_release(&pg);
	return ok;
}

/* The request failed: judge error.json as the collector judges a failed response. */
static void failed_request(struct bjob *j, const struct buf *body, int per_resource)
{
	struct api_error e;
	enum api_verdict v;
	long status;

	if (bundle_error_parse(body->data, body->len, &status, &e)) {
		bjob_fail(j, CAUSE_API_ERROR, rel(j, "error.json"), 1,
			  "%s is not {\"status\", \"code\", \"message\"}", rel(j, "error.json"));
		return;
	}
	record(j, "error.json", (int)status);
	v = api_error_verdict(status, &e, per_resource);
	if (v == API_EMPTY || v == API_SKIP)
		return;
	if (status)
		bjob_fail(j, api_verdict_cause(v), rel(j, "error.json"), 0, "HTTP %ld%s%s recorded in %s",
			  status, e.code[0] ? " " : "", e.code, rel(j, "error.json"));
	else
		bjob_fail(j, api_verdict_cause(v), rel(j, "error.json"), 0, "the request failed (%.100s) in %s",
			  e.code[0] ? e.code : e.message, rel(j, "error.json"));
}

void bjob_scope(struct bjob *j, int dirfd, const char *name, const struct eval_ctx *ctx,
		int per_resource)
{
	struct buf body = BUF_INIT(BUNDLE_PAGE_MAX + 1);
	size_t base = j->path.len;
	char why[256], file[32];
	int fd = -1, more = 0;
	long pages = 0;
	enum bfs_status st;

	buf_addstr(&j->path, name);
	st = bfs_open_dir(dirfd, name, &fd, why, sizeof(why));
	if (st != BFS_OK) {
		bjob_fail(j, CAUSE_API_ERROR, j->path.data, 1, "%s %s", j->path.data,
			  st == BFS_MISSING ? "is missing: no response was recorded" : why);
		goto out;
	}
	buf_addch(&j->path, '/');
	for (;;) {
		snprintf(file, sizeof(file), "page-%04ld.json", pages + 1);
		st = bfs_read(fd, file, BUNDLE_PAGE_MAX, &body, why, sizeof(why));
		if (st == BFS_MISSING)
			break;
		if (st == BFS_REFUSED) {
			bjob_fail(j, CAUSE_API_ERROR, rel(j, file), 1, "%s %s", rel(j, file), why);
			goto out;
		}
		pages++;
		more = 0;
		if (!one_page(j, &body, file, ctx, &more))
			goto out;
	}
	st = bfs_read(fd, "error.json", BUNDLE_SMALL_MAX, &body, why, sizeof(why));
	if (st == BFS_OK)
		failed_request(j, &body, per_resource);
	else if (st == BFS_REFUSED)
		bjob_fail(j, CAUSE_API_ERROR, rel(j, "error.json"), 1, "%s %s", rel(j, "error.json"), why);
	else if (!pages)
		bjob_fail(j, CAUSE_API_ERROR, j->path.data, 1, "%s holds neither a page nor error.json",
			  j->path.data);
	else if (more)
		bjob_fail(j, CAUSE_API_ERROR, rel(j, file), 1, "%s is missing: the list goes on after page %ld",
			  rel(j, file), pages);
out:
	if (fd >= 0)
		close(fd);
	buf_release(&body);
	buf_truncate(&j->path, base);
}
