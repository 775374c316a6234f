/*
 * Fuzz the bundle importer: the manifest, error.json and page parsers on
 * the raw input, then a whole bundle built from it and imported with the
 * real catalog ($AZMAT_CATALOG, else ./roadmap).
 *
 * The input is a small archive: each "--- PATH\n" line starts a file whose
 * content runs to the next such line. PATH is relative, its parts letters,
 * digits, '.', '_' and '-' (never "." or ".."); other entries are skipped,
 * so that the fuzzer only ever writes inside its own folder.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apierr.h"
#include "bundle.h"
#include "catalog.h"
#include "eval.h"
#include "fsutil.h"
#include "xalloc.h"

#define MARK "--- "

static struct catalog *cat;
static const struct cat_check **checks;
static char root[256];

static void empty(int dirfd);

/* At exit: the fuzzer's folder goes too. */
static void teardown(void)
{
	empty(open(root, O_RDONLY | O_DIRECTORY));
	rmdir(root);
}

static void setup(void)
{
	struct cat_errors errs = CAT_ERRORS_INIT;
	const char *dir = getenv("AZMAT_CATALOG");
	size_t i;

	if (catalog_load(dir && *dir ? dir : "roadmap", eval_catalog_hooks(), &cat, &errs)) {
		fprintf(stderr, "fuzz_bundle: cannot load the catalog (%zu problems; set AZMAT_CATALOG)\n", errs.n);
		for (i = 0; i < errs.n && i < 5; i++)
			fprintf(stderr, "  %s\n", errs.lines[i]);
		abort();
	}
	cat_errors_release(&errs);
	checks = xcalloc(cat->nchecks, sizeof(*checks));
	for (i = 0; i < cat->nchecks; i++)
		checks[i] = &cat->checks[i];
	snprintf(root, sizeof(root), "%s/azmat-fuzz-bundle.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(root))
		abort();
	atexit(teardown);
}

/* Empty the folder dirfd (its descriptor is closed). */
static void empty(int dirfd)
{
	DIR *d = fdopendir(dirfd);
	struct dirent *e;

	if (!d) {
		close(dirfd);
		return;
	}
	while ((e = readdir(d))) {
		int sub;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
		if (sub >= 0) {
			empty(sub);
			unlinkat(dirfd, e->d_name, AT_REMOVEDIR);
		} else {
			unlinkat(dirfd, e->d_name, 0);
		}
	}
	closedir(d);
}

/* The next "\n--- " in [p, end), or NULL. */
static const char *next_mark(const char *p, const char *end)
{
	for (; p + 5 <= end; p++)
		if (p[0] == '\n' && !memcmp(p + 1, MARK, 4))
			return p;
	return NULL;
}

static int path_ok(const char *p, size_t n)
{
	size_t i, part = 0;

	if (!n || n > 200 || p[0] == '/')
		return 0;
	for (i = 0; i <= n; i++) {
		if (i == n || p[i] == '/') {
			if (part == 0 || (part == 1 && p[i - 1] == '.') ||
			    (part == 2 && p[i - 1] == '.' && p[i - 2] == '.'))
				return 0;
			part = 0;
			continue;
		}
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
		      (p[i] >= '0' && p[i] <= '9') || p[i] == '.' || p[i] == '_' || p[i] == '-'))
			return 0;
		part++;
	}
	return 1;
}

static void write_entry(const char *path, size_t plen, const char *data, size_t n)
{
	struct buf full = BUF_INIT(4096), dir = BUF_INIT(4096);
	FILE *f;

	buf_addf(&full, "%s/%.*s", root, (int)plen, path);
	path_dirname(&dir, full.data);
	if (!mkdir_p(dir.data, 0700, NULL)) {
		f = fopen(full.data, "wb");
		if (f) {
			fwrite(data, 1, n, f);
			fclose(f);
		}
	}
	buf_release(&full);
	buf_release(&dir);
}

/* Lay the archive out under root. */
static void materialise(const char *s, size_t size)
{
	const char *p = s, *end = s + size;

	while (p < end) {
		const char *nl, *next, *body;
		if ((size_t)(end - p) < 4 || memcmp(p, MARK, 4)) {
			next = next_mark(p, end);
			p = next ? next + 1 : end;
			continue;
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		body = nl + 1;
		next = next_mark(body, end);
		if (!next)
			next = end;
		if (path_ok(p + 4, (size_t)(nl - p - 4)))
			write_entry(p + 4, (size_t)(nl - p - 4), body, (size_t)(next - body));
		p = next < end ? next + 1 : end;
	}
}

static void on_result(void *ctx, const struct check_result *r)
{
	size_t *n = ctx;

	if ((r->status == CHECK_NOT_ASSESSABLE) != (r->cause != CAUSE_NONE) || !r->collected_at ||
	    r->noffenders > r->offending_total)
		abort();
	(*n)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bundle_problems probs = { NULL, 0, 0 };
	struct bundle_manifest m;
	struct bundle_summary sum;
	struct bundle *b = NULL;
	struct api_error e;
	char key[19];
	long status;
	size_t n = 0;
	char *s;

	if (!cat)
		setup();
	s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	bundle_manifest_init(&m);
	bundle_manifest_parse(s, size, &m, &probs, NULL);
	bundle_manifest_release(&m);
	bundle_problems_release(&probs);
	if (!bundle_error_parse(s, size, &status, &e) && (status < 0 || status > 999))
		abort();
	bundle_resource_key(s, key);
	if (strlen(key) != 18)
		abort();

	empty(open(root, O_RDONLY | O_DIRECTORY));
	materialise(s, size);
	if (!bundle_open(root, &b, NULL)) {
		bundle_import(b, checks, cat->nchecks, on_result, &n, &sum);
		if (n != cat->nchecks || sum.assessed + sum.not_assessable != n)
			abort();
		bundle_summary_release(&sum);
		bundle_close(&b);
	}
	free(s);
	return 0;
}
