/*
 * Files under a bundle's folder. A bundle comes from outside (a client's
 * machine, an archive): every name is opened relative to its folder's
 * descriptor with O_NOFOLLOW, so a symbolic link is refused wherever it
 * would lead, and O_NONBLOCK, so a FIFO cannot make the import hang; then
 * fstat() must show a plain file (or folder) within the cap. Reading stops
 * at the cap even if the file grows meanwhile.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle_int.h"

/* Why name could not be opened: a link, something else, or the error. */
static enum bfs_status refused(int dirfd, const char *name, int err, char *why, size_t nwhy)
{
	struct stat st;

	if (err == ENOENT)
		return BFS_MISSING;
	if (!fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) && S_ISLNK(st.st_mode))
		snprintf(why, nwhy, "is a symbolic link (a bundle holds only plain files and folders)");
	else if (err == ENOTDIR)
		snprintf(why, nwhy, "is not a folder");
	else
		snprintf(why, nwhy, "cannot be opened: %s", strerror(err));
	return BFS_REFUSED;
}

enum bfs_status bfs_open_dir(int dirfd, const char *name, int *fd, char *why, size_t nwhy)
{
	int d = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (d < 0)
		return refused(dirfd, name, errno, why, nwhy);
	*fd = d;
	return BFS_OK;
}

enum bfs_status bfs_read(int dirfd, const char *name, size_t cap, struct buf *out, char *why,
			 size_t nwhy)
{
	struct stat st;
	enum bfs_status rc = BFS_REFUSED;
	char chunk[65536];
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	buf_reset(out);
	if (fd < 0)
		return refused(dirfd, name, errno, why, nwhy);
	if (fstat(fd, &st)) {
		snprintf(why, nwhy, "cannot be read: %s", strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, nwhy, "is not a plain file");
		goto out;
	}
	if ((unsigned long long)st.st_size > cap) {
		snprintf(why, nwhy, "is %lld bytes, more than the %zu a bundle file may hold",
			 (long long)st.st_size, cap);
		goto out;
	}
	for (;;) {
		ssize_t got = read(fd, chunk, sizeof(chunk));
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(why, nwhy, "cannot be read: %s", strerror(errno));
			goto out;
		}
		if (!got)
			break;
		if (out->len + (size_t)got > cap || buf_add(out, chunk, (size_t)got)) {
			snprintf(why, nwhy, "grew past the %zu bytes a bundle file may hold", cap);
			goto out;
		}
	}
	rc = BFS_OK;
out:
	close(fd);
	return rc;
}

int bfs_exists(int dirfd, const char *name)
{
	struct stat st;

	return !fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW);
}
