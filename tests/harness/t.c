#include "t.h"

#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

int t_failures;
int t_checks;
const char *t_current = "?";

static char tmpdir[256];

void t_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	t_failures++;
	fprintf(stderr, "FAIL %s (%s:%d): ", t_current, file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void cleanup(void)
{
	char cmd[512];

	if (tmpdir[0] && !getenv("T_KEEP")) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
		if (system(cmd)) {
			/* best effort */
		}
	}
}

int t_done(void)
{
	if (t_failures) {
		fprintf(stderr, "%d of %d checks failed\n", t_failures, t_checks);
		return 1;
	}
	if (!t_checks) {
		fprintf(stderr, "no checks ran\n");
		return 1;
	}
	printf("ok: %d checks\n", t_checks);
	return 0;
}

const char *t_data(const char *rel)
{
	static char path[4][1024];
	static int slot;
	const char *base = getenv("AZMAT_TEST_DATA");
	char *p = path[slot++ % 4];

	snprintf(p, 1024, "%s/%s", base ? base : "tests/data", rel);
	return p;
}

const char *t_tmpdir(void)
{
	if (!tmpdir[0]) {
		const char *base = getenv("TMPDIR");
		snprintf(tmpdir, sizeof(tmpdir), "%s/azmat-test-XXXXXX", base ? base : "/tmp");
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			exit(2);
		}
		atexit(cleanup);
	}
	return tmpdir;
}

char *t_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = (size_t)n;
	}
	return buf;
}

int t_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	int rc;

	if (!f)
		return -1;
	rc = fwrite(data, 1, len, f) == len ? 0 : -1;
	if (fclose(f))
		rc = -1;
	return rc;
}
