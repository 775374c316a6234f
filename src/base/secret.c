#include "secret.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "xalloc.h"

#define SECRET_FILE_MAX (64 * 1024)

void secret_wipe(void *p, size_t n)
{
	if (p && n)
		explicit_bzero(p, n);
}

void secret_clear(struct secret *s)
{
	if (s->data) {
		log_forget_secret(s->data);
		secret_wipe(s->data, s->len);
		free(s->data);
	}
	s->data = NULL;
	s->len = 0;
}

void secret_set(struct secret *s, const char *p, size_t n)
{
	secret_clear(s);
	s->data = xmalloc(n + 1);
	memcpy(s->data, p, n);
	s->data[n] = '\0';
	s->len = n;
	log_add_secret(s->data);
}

void secret_setstr(struct secret *s, const char *p)
{
	secret_set(s, p, strlen(p));
}

int secret_isset(const struct secret *s)
{
	return s->data && s->len;
}

static void strip_newline(char *p, size_t *n)
{
	if (*n && p[*n - 1] == '\n')
		(*n)--;
	if (*n && p[*n - 1] == '\r')
		(*n)--;
}

enum az_err secret_read_fd(struct secret *s, int fd, struct errmsg *em)
{
	char tmp[SECRET_FILE_MAX + 1];
	size_t n = 0;
	enum az_err rc = AZ_OK;

	while (n < sizeof(tmp)) {
		ssize_t r = read(fd, tmp + n, sizeof(tmp) - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rc = errmsg_set(em, AZ_ERR_IO, "cannot read secret: %s", strerror(errno));
			goto out;
		}
		if (!r)
			break;
		n += (size_t)r;
		if (memchr(tmp, '\n', n))
			break;
	}
	if (n > SECRET_FILE_MAX) {
		rc = errmsg_set(em, AZ_ERR_TOOBIG, "secret is longer than %d bytes", SECRET_FILE_MAX);
		goto out;
	}
	{
		char *nl = memchr(tmp, '\n', n);
		if (nl)
			n = (size_t)(nl - tmp) + 1;
	}
	strip_newline(tmp, &n);
	if (!n) {
		rc = errmsg_set(em, AZ_ERR_INVALID, "secret is empty");
		goto out;
	}
	secret_set(s, tmp, n);
out:
	secret_wipe(tmp, sizeof(tmp));
	return rc;
}

enum az_err secret_read_file(struct secret *s, const char *path, struct errmsg *em)
{
	char tmp[SECRET_FILE_MAX + 1];
	size_t n = 0;
	enum az_err rc = AZ_OK;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return errmsg_set(em, AZ_ERR_IO, "cannot open secret file '%s': %s", path, strerror(errno));
	while (n < sizeof(tmp)) {
		ssize_t r = read(fd, tmp + n, sizeof(tmp) - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rc = errmsg_set(em, AZ_ERR_IO, "cannot read secret file '%s': %s", path, strerror(errno));
			goto out;
		}
		if (!r)
			break;
		n += (size_t)r;
	}
	if (n > SECRET_FILE_MAX) {
		rc = errmsg_set(em, AZ_ERR_TOOBIG, "secret file '%s' is larger than %d bytes", path, SECRET_FILE_MAX);
		goto out;
	}
	strip_newline(tmp, &n);
	if (!n) {
		rc = errmsg_set(em, AZ_ERR_INVALID, "secret file '%s' is empty", path);
		goto out;
	}
	secret_set(s, tmp, n);
out:
	secret_wipe(tmp, sizeof(tmp));
	close(fd);
	return rc;
}
