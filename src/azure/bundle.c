/*
 * Opening a bundle and judging its checks (bundle.h).
 *
 * The order of reading mirrors the collector's, so that a bundle gives the
 * verdicts a live collection at the bundle's moment would have given: the
 * parts of a source in order; per-subscription parts over the manifest's
 * subscriptions in its order; per-resource parts over the resources their
 * Resource Graph listing names, in the listing's order.
 */
#include <cjson/cJSON.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle_int.h"
#include "bundle_requests.h"
#include "source.h"
#include "timeutil.h"
#include "xalloc.h"

/* ---- opening ---------------------------------------------------------------- */

struct list_sink {
	struct strlist *out;
	void (*add)(struct strlist *, const cJSON *);
};

static void list_doc(void *ctx, const cJSON *doc)
{
	struct list_sink *s = ctx;

	s->add(s->out, doc);
}

enum bundle_list bundle_read_list(struct bundle *b, const char *name, struct strlist *out,
				  void (*add)(struct strlist *, const cJSON *),
				  enum check_cause *cause, char *why, size_t nwhy)
{
	static const struct eval_ctx ctx0 = { 0, NULL, NULL };
	struct list_sink sink = { out, add };
	enum bundle_list rc = BL_DONE;
	struct bjob j;
	char reason[256];
	int tfd;

	switch (bfs_open_dir(b->root, "tenant", &tfd, reason, sizeof(reason))) {
	case BFS_MISSING:
		return BL_UNKNOWN;
	case BFS_REFUSED:
		*cause = CAUSE_API_ERROR;
		snprintf(why, nwhy, "tenant %s", reason);
		bundle_problem_add(&b->opened, "", "tenant", "tenant %s, so tenant/%s cannot be read", reason,
				   name);
		return BL_FAILED;
	case BFS_OK:
		break;
	}
	if (!bfs_exists(tfd, name)) {
		close(tfd);
		return BL_UNKNOWN;
	}
	bjob_init(&j, b, NULL, &b->opened);
	j.sink = list_doc;
	j.sink_ctx = &sink;
	buf_addstr(&j.path, "tenant/");
	bjob_scope(&j, tfd, name, &ctx0, 0);
	if (j.failed != CAUSE_NONE) {
		*cause = j.failed;
		snprintf(why, nwhy, "%s", j.detail);
		rc = BL_FAILED;
	}
	bjob_release(&j);
	close(tfd);
	return rc;
}

/* The subscriptions in scope: the manifest's, else the bundle's subscription list. */
static void read_subscriptions(struct bundle *b)
{
	struct strlist listed = { NULL, 0, 0 };
	enum check_cause cause = CAUSE_API_ERROR;
	enum bundle_list st;
	char why[512] = "";
	size_t i;

	st = bundle_read_list(b, "subscriptions", &listed, collect_add_subscription, &cause, why,
			      sizeof(why));
	/* the manifest's list, unless it is empty because the listing failed (as live) */
	if (b->m.present && b->m.subs_listed && (b->m.subs_given || b->m.nsubs || st != BL_FAILED)) {
		for (i = 0; i < b->m.nsubs; i++)
			if (!strlist_has(&b->subs, b->m.subs[i]))
				strlist_add(&b->subs, b->m.subs[i]);
		b->subs_state = BL_DONE;
	} else if (st == BL_DONE) {
		for (i = 0; i < listed.n; i++)
			if (bundle_subscription_ok(listed.v[i]))
				strlist_add(&b->subs, listed.v[i]);
		b->subs_state = BL_DONE;
	} else {
		b->subs_state = BL_FAILED;
		b->subs_cause = st == BL_FAILED ? cause : CAUSE_API_ERROR;
		snprintf(b->subs_detail, sizeof(b->subs_detail), "%s",
			 st == BL_FAILED ? why : "the bundle holds no list of subscriptions");
	}
	strlist_release(&listed);
}

static enum az_err read_manifest(struct bundle *b, const char *dir, struct errmsg *em)
{
	struct buf body = BUF_INIT(BUNDLE_SMALL_MAX + 1);
	struct errmsg pe = ERRMSG_INIT;
	enum az_err rc = AZ_OK;
	char why[256];

	switch (bfs_read(b->root, "manifest.json", BUNDLE_SMALL_MAX, &body, why, sizeof(why))) {
	case BFS_OK:
		if (bundle_manifest_parse(body.data, body.len, &b->m, &b->opened, &pe))
			rc = errmsg_set(em, AZ_ERR_INVALID, "'%s' is not a bundle: %s", dir, errmsg_text(&pe));
		else if (*b->m.created && time_parse_iso(b->m.created, &b->created))
			b->created = (time_t)-1;
		break;
	case BFS_MISSING:
		if (!bfs_exists(b->root, "checks"))
			rc = errmsg_set(em, AZ_ERR_INVALID,
					"'%s' is not a bundle: it holds neither manifest.json nor checks/", dir);
		else
			bundle_problem_add(&b->opened, "", "manifest.json",
					   "there is no manifest (was the collection interrupted?); each check "
					   "is judged on what its folder holds, dates as of now");
		break;
	case BFS_REFUSED:
		rc = errmsg_set(em, AZ_ERR_INVALID, "'%s' is not a bundle: manifest.json %s", dir, why);
		break;
	}
	buf_release(&body);
	return rc;
}

enum az_err bundle_open(const char *dir, struct bundle **out, struct errmsg *em)
{
	struct bundle *b;
	enum check_cause cause;
	char why[512];
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return errmsg_set(em, AZ_ERR_INVALID, "'%s' is not a bundle: it is not a folder", dir);
	b = xcalloc(1, sizeof(*b));
	b->root = fd;
	b->created = (time_t)-1;
	bundle_manifest_init(&b->m);
	if (read_manifest(b, dir, em)) {
		bundle_close(&b);
		return em ? em->code : AZ_ERR_INVALID;
	}
	read_subscriptions(b);
	b->skus_state = bundle_read_list(b, "subscribedSkus", &b->plans, collect_add_plans, &cause, why,
					 sizeof(why));
	*out = b;
	return AZ_OK;
}

void bundle_close(struct bundle **pb)
{
	struct bundle *b = *pb;

	if (!b)
		return;
	if (b->root >= 0)
		close(b->root);
	bundle_manifest_release(&b->m);
	bundle_problems_release(&b->opened);
	strlist_release(&b->subs);
	strlist_release(&b->plans);
	free(b);
	*pb = NULL;
}

const struct bundle_manifest *bundle_get_manifest(const struct bundle *b)
{
	return &b->m;
}

void bundle_summary_release(struct bundle_summary *s)
{
	bundle_problems_release(&s->problems);
	memset(s, 0, sizeof(*s));
}

/* ---- judging a check ---------------------------------------------------- */

static void add_id(void *ctx, const cJSON *doc)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(doc, "id");

	if (cJSON_IsString(id) && id->valuestring && id->valuestring[0] == '/')
		strlist_add(ctx, id->valuestring);
}

/* Does the folder of a listed resource say it holds that resource? */
static int resource_matches(struct bjob *j, int pfd, const char *key, const char *id)
{
	struct buf body = BUF_INIT(BUNDLE_SMALL_MAX + 1);
	char why[256];
	int fd, ok = 1;

	if (bfs_open_dir(pfd, key, &fd, why, sizeof(why)) != BFS_OK)
		return 1; /* bjob_scope says what is wrong with the folder */
	if (bfs_read(fd, "resource.txt", BUNDLE_SMALL_MAX, &body, why, sizeof(why)) == BFS_OK) {
		while (body.len && (body.data[body.len - 1] == '\n' || body.data[body.len - 1] == '\r'))
			buf_truncate(&body, body.len - 1);
		if (strcmp(body.data, id)) {
			ok = 0;
			bjob_fail(j, CAUSE_API_ERROR, j->path.data, 1,
				  "%s%s/resource.txt names another resource than the listing's", j->path.data, key);
		}
	}
	close(fd);
	buf_release(&body);
	return ok;
}

static void per_resource(struct bjob *j, int pfd, size_t k)
{
	struct eval_ctx ctx = { k, NULL, NULL };
	struct strlist ids = { NULL, 0, 0 };
	char key[19];
	size_t i;

	j->sink = add_id;
	j->sink_ctx = &ids;
	bjob_scope(j, pfd, "_resources", &ctx, 0);
	j->sink = NULL;
	for (i = 0; i < ids.n && j->failed == CAUSE_NONE; i++) {
		bundle_resource_key(ids.v[i], key);
		if (!resource_matches(j, pfd, key, ids.v[i]))
			break;
		ctx.scope = ids.v[i];
		bjob_scope(j, pfd, key, &ctx, 1);
	}
	strlist_release(&ids);
}

static void per_subscription(struct bjob *j, int pfd, size_t k)
{
	struct bundle *b = j->b;
	char scope[128];
	size_t i;

	if (b->subs_state != BL_DONE) {
		bjob_fail(j, b->subs_cause, "", 0, "cannot list subscriptions: %s", b->subs_detail);
		return;
	}
	for (i = 0; i < b->subs.n && j->failed == CAUSE_NONE; i++) {
		struct eval_ctx ctx = { k, b->subs.v[i], scope };
		snprintf(scope, sizeof(scope), "/subscriptions/%s", b->subs.v[i]);
		bjob_scope(j, pfd, b->subs.v[i], &ctx, 0);
	}
}

static void judge_part(struct bjob *j, int cfd, const struct source_part *sp, size_t k)
{
	struct eval_ctx ctx = { k, NULL, NULL };
	size_t base = j->path.len;
	char name[32], why[256];
	int pfd;

	snprintf(name, sizeof(name), "part-%zu", k);
	switch (bfs_open_dir(cfd, name, &pfd, why, sizeof(why))) {
	case BFS_MISSING:
		bjob_fail(j, CAUSE_API_ERROR, j->path.data, 1, "%s%s is missing", j->path.data, name);
		return;
	case BFS_REFUSED:
		bjob_fail(j, CAUSE_API_ERROR, j->path.data, 1, "%s%s %s", j->path.data, name, why);
		return;
	case BFS_OK:
		break;
	}
	buf_addf(&j->path, "%s/", name);
	if (sp->api == SOURCE_ARM && sp->per == SOURCE_PER_SUBSCRIPTION)
		per_subscription(j, pfd, k);
	else if (sp->api == SOURCE_ARM && sp->per == SOURCE_PER_RESOURCE)
		per_resource(j, pfd, k);
	else
		bjob_scope(j, pfd, "tenant", &ctx, 0);
	buf_truncate(&j->path, base);
	close(pfd);
}

/* A request.json (when the bundle has one) must ask what the catalog's check asks. */
static int same_request(struct bjob *j, int cfd)
{
	struct buf body = BUF_INIT(BUNDLE_SMALL_MAX + 1);
	cJSON *got = NULL, *want = NULL;
	char why[256];
	int same = 1;

	switch (bfs_read(cfd, "request.json", BUNDLE_SMALL_MAX, &body, why, sizeof(why))) {
	case BFS_MISSING:
		goto out;
	case BFS_REFUSED:
		same = 0;
		bjob_fail(j, CAUSE_API_ERROR, j->path.data, 1, "%srequest.json %s", j->path.data, why);
		goto out;
	case BFS_OK:
		break;
	}
	got = cJSON_ParseWithLength(body.data, body.len);
	want = bundle_request_check(j->check);
	if (!want || !cJSON_Compare(cJSON_GetObjectItemCaseSensitive(got, "parts"),
				    cJSON_GetObjectItemCaseSensitive(want, "parts"), 1)) {
		same = 0;
		bjob_fail(j, CAUSE_NOT_COLLECTED, j->path.data, 1,
			  "%srequest.json asks other requests than this azmat's check (a bundle made for "
			  "another version of the catalog?)",
			  j->path.data);
	}
out:
	cJSON_Delete(got);
	cJSON_Delete(want);
	buf_release(&body);
	return same;
}

/* Open the check's folder and judge every part; the verdict is in j. */
static void judge_parts(struct bjob *j, int checks_fd, const struct source *src)
{
	char why[256];
	size_t k;
	int cfd;

	buf_addf(&j->path, "checks/%s/", j->check->id);
	switch (checks_fd < 0 ? BFS_MISSING : bfs_open_dir(checks_fd, j->check->id, &cfd, why, sizeof(why))) {
	case BFS_MISSING:
		bjob_fail(j, CAUSE_NOT_COLLECTED, "", 0, "the bundle has no folder for this check");
		return;
	case BFS_REFUSED:
		bjob_fail(j, CAUSE_API_ERROR, j->path.data, 1, "checks/%s %s", j->check->id, why);
		return;
	case BFS_OK:
		break;
	}
	if (same_request(j, cfd)) {
		if (eval_run_begin(&j->run, j->check))
			bjob_fail(j, CAUSE_API_ERROR, "", 0, "no evaluator '%s'", j->check->evaluator);
		else
			j->run_started = 1;
		for (k = 0; k < src->nparts && j->failed == CAUSE_NONE; k++)
			judge_part(j, cfd, &src->parts[k], k);
	}
	close(cfd);
}

static void finish(struct bjob *j)
{
	char when[32], line[700];

	if (j->failed != CAUSE_NONE) {
		if (j->run_started)
			eval_run_abort(&j->run);
		j->result.status = CHECK_NOT_ASSESSABLE;
		j->result.cause = j->failed;
		snprintf(line, sizeof(line), "not assessable: %s (%s)", check_cause_text(j->failed), j->detail);
		check_result_set_summary(&j->result, line);
	} else {
		eval_run_finish(&j->run, &j->result);
	}
	j->run_started = 0;
	if (j->unrecorded) {
		snprintf(line, sizeof(line), "(%lu more files)", j->unrecorded);
		check_result_add_request(&j->result, "-", line, 0);
	}
	time_format_iso(j->b->created != (time_t)-1 ? j->b->created : time_now(), when, sizeof(when));
	free(j->result.collected_at);
	j->result.collected_at = xstrdup(when);
}

/* Judge one check, hand its result over, and return its status. */
static enum check_status judge_check(struct bundle *b, int checks_fd, const struct cat_check *check,
				     struct bundle_problems *probs,
				     void (*on_result)(void *ctx, const struct check_result *r), void *ctx)
{
	enum check_status status;
	struct source src;
	struct bjob j;

	bjob_init(&j, b, check, probs);
	if (b->created != (time_t)-1)
		time_set_now(b->created); /* judge dates as of the bundle */
	if (source_parse(check->source, &src, NULL, NULL, NULL))
		bjob_fail(&j, CAUSE_API_ERROR, "", 0, "the check's source is invalid");
	else if (b->skus_state == BL_DONE && collect_licence_missing(check->licence, &b->plans))
		bjob_fail(&j, CAUSE_LICENCE, "", 0, "the tenant has no '%s' licence in subscribedSkus",
			  check->licence);
	else
		judge_parts(&j, checks_fd, &src);
	finish(&j);
	if (b->created != (time_t)-1)
		time_set_now((time_t)-1);
	on_result(ctx, &j.result);
	status = j.result.status;
	bjob_release(&j);
	return status;
}

enum az_err bundle_import(struct bundle *b, const struct cat_check *const *checks, size_t n,
			  void (*on_result)(void *ctx, const struct check_result *r), void *ctx,
			  struct bundle_summary *sum)
{
	char why[256];
	int checks_fd = -1;
	size_t i;

	memset(sum, 0, sizeof(*sum));
	sum->checks = n;
	for (i = 0; i < b->opened.n; i++)
		bundle_problem_add(&sum->problems, b->opened.v[i].check, b->opened.v[i].path, "%s",
				   b->opened.v[i].what);
	if (bfs_open_dir(b->root, "checks", &checks_fd, why, sizeof(why)) == BFS_REFUSED)
		bundle_problem_add(&sum->problems, "", "checks", "checks/ %s", why);
	for (i = 0; i < n; i++) {
		if (judge_check(b, checks_fd, checks[i], &sum->problems, on_result, ctx) ==
		    CHECK_NOT_ASSESSABLE)
			sum->not_assessable++;
		else
			sum->assessed++;
	}
	if (checks_fd >= 0)
		close(checks_fd);
	return AZ_OK;
}
