#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

enum az_err file_read(const char *path, struct buf *out, struct errmsg *em)
{
	char tmp[65536];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	enum az_err rc = AZ_OK;

	if (fd < 0)
		return errmsg_set(em, errno == ENOENT ? AZ_ERR_NOTFOUND : AZ_ERR_IO,
				  "cannot open '%s': %s", path, strerror(errno));
	for (;;) {
		ssize_t r = read(fd, tmp, sizeof(tmp));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rc = errmsg_set(em, AZ_ERR_IO, "cannot read '%s': %s", path, strerror(errno));
			break;
		}
		if (!r)
			break;
		if (buf_add(out, tmp, (size_t)r)) {
			rc = errmsg_set(em, AZ_ERR_TOOBIG, "file '%s' is larger than %zu bytes", path,
					out->max);
			break;
		}
	}
	close(fd);
	return rc;
}

static enum az_err write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return AZ_ERR_IO;
		p += w;
		n -= (size_t)w;
	}
	return AZ_OK;
}

enum az_err file_write_atomic(const char *path, const void *data, size_t n, mode_t mode,
			      struct errmsg *em)
{
	struct buf tmp = BUF_INIT(PATH_MAX * 2);
	enum az_err rc;
	int fd;

	buf_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0) {
		rc = errmsg_set(em, AZ_ERR_IO, "cannot create '%s': %s", tmp.data, strerror(errno));
		goto out;
	}
	if (write_all(fd, data, n) || fsync(fd)) {
		rc = errmsg_set(em, AZ_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		unlink(tmp.data);
		goto out;
	}
	if (close(fd) || rename(tmp.data, path)) {
		rc = errmsg_set(em, AZ_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	rc = AZ_OK;
out:
	buf_release(&tmp);
	return rc;
}

enum az_err mkdir_p(const char *path, mode_t mode, struct errmsg *em)
{
	char *p = xstrdup(path);
	char *s;
	enum az_err rc = AZ_OK;

	for (s = p + 1; ; s++) {
		if (*s == '/' || !*s) {
			char c = *s;
			*s = '\0';
			if (mkdir(p, mode) && errno != EEXIST) {
				rc = errmsg_set(em, AZ_ERR_IO, "cannot create directory '%s': %s", p,
						strerror(errno));
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	if (!rc && !path_is_dir(path))
		rc = errmsg_set(em, AZ_ERR_IO, "'%s' exists and is not a directory", path);
	return rc;
}

int path_exists(const char *path)
{
	struct stat st;

	return !stat(path, &st);
}

int path_is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

void path_join(struct buf *out, const char *a, const char *b)
{
	size_t la = strlen(a);

	buf_addstr(out, a);
	if (la && a[la - 1] != '/' && *b != '/')
		buf_addch(out, '/');
	buf_addstr(out, b);
}

enum az_err path_exe_dir(struct buf *out)
{
	char tmp[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", tmp, sizeof(tmp) - 1);
	char *slash;

	if (n <= 0)
		return AZ_ERR_NOTFOUND;
	tmp[n] = '\0';
	slash = strrchr(tmp, '/');
	if (!slash)
		return AZ_ERR_NOTFOUND;
	*slash = '\0';
	buf_addstr(out, tmp[0] ? tmp : "/");
	return AZ_OK;
}

void path_dirname(struct buf *out, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		buf_addch(out, '.');
	else if (slash == path)
		buf_addch(out, '/');
	else
		buf_add(out, path, (size_t)(slash - path));
}
