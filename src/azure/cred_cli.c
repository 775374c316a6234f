/*
 * The Azure CLI's login: `az account get-access-token --resource R -o json`
 * run with execvp() (no shell), standard input from /dev/null, a time
 * limit, and both outputs captured. Its JSON holds the token: the buffer is
 * wiped after parsing.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cred_int.h"
#include "secret.h"
#include "timeutil.h"

#define CLI_TIMEOUT_MS 60000
#define CLI_OUT_MAX ((size_t)1 << 20)

static void child(const char *const *argv, int out, int err)
{
	int devnull = open("/dev/null", O_RDONLY), fd;

	if (devnull >= 0)
		dup2(devnull, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	for (fd = 3; fd < 1024; fd++)
		close(fd);
	execvp(argv[0], (char *const *)(uintptr_t)argv);
	_exit(127);
}

static int pipe_cloexec(int fds[2])
{
	if (pipe(fds))
		return -1;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Read both pipes until they close or the time is up; 0 on success. */
static int drain(int out, int err, struct buf *o, struct buf *e, long timeout_ms)
{
	struct pollfd p[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
	long long end = time_mono_ms() + timeout_ms;
	char tmp[4096];
	int open_fds = 2, i;

	while (open_fds) {
		long long left = end - time_mono_ms();
		if (left <= 0)
			return -1;
		if (poll(p, 2, (int)left) < 0 && errno != EINTR)
			return -1;
		for (i = 0; i < 2; i++) {
			ssize_t n;
			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(p[i].fd, tmp, sizeof(tmp));
			if (n > 0) {
				buf_add(i ? e : o, tmp, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				p[i].fd = -1;
				open_fds--;
			}
		}
	}
	secret_wipe(tmp, sizeof(tmp));
	return 0;
}

/* The first line of the CLI's complaint, for the error message. */
static void complaint(const struct buf *e, char *out, size_t n)
{
	const char *p = e->data;
	size_t i = 0;

	while (*p == '\n' || *p == ' ')
		p++;
	while (p[i] && p[i] != '\n' && i + 1 < n) {
		out[i] = p[i];
		i++;
	}
	out[i] = '\0';
}

enum az_err cred_flow_cli(struct cred *c, enum http_aud aud, struct token_reply *r,
			  struct errmsg *em)
{
	struct buf res = BUF_INIT(4096), o = BUF_INIT(CLI_OUT_MAX), e = BUF_INIT(65536);
	const char *argv[10];
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 }, status = 0, n = 0;
	enum az_err rc = AZ_OK;
	char why[200];
	pid_t pid;

	cred_resource(c, aud, &res);
	argv[n++] = "az";
	argv[n++] = "account";
	argv[n++] = "get-access-token";
	argv[n++] = "--resource";
	argv[n++] = res.data;
	argv[n++] = "--output";
	argv[n++] = "json";
	if (c->tenant && strcmp(c->tenant, "organizations")) {
		argv[n++] = "--tenant";
		argv[n++] = c->tenant;
	}
	argv[n] = NULL;
	if (pipe_cloexec(po) || pipe_cloexec(pe)) {
		rc = errmsg_set(em, AZ_ERR_IO, "cannot run the Azure CLI: %s", strerror(errno));
		goto out;
	}
	pid = fork();
	if (pid < 0) {
		rc = errmsg_set(em, AZ_ERR_IO, "cannot run the Azure CLI: %s", strerror(errno));
		goto out;
	}
	if (!pid)
		child(argv, po[1], pe[1]);
	close(po[1]);
	close(pe[1]);
	po[1] = pe[1] = -1;
	if (drain(po[0], pe[0], &o, &e, CLI_TIMEOUT_MS)) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		rc = errmsg_set(em, AZ_ERR_TIMEOUT, "the Azure CLI did not answer within %d s",
				CLI_TIMEOUT_MS / 1000);
		goto out;
	}
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		complaint(&e, why, sizeof(why));
		if (!why[0] && WIFEXITED(status) && WEXITSTATUS(status) == 127)
			snprintf(why, sizeof(why), "the Azure CLI is not installed");
		rc = errmsg_set(em, AZ_ERR_AUTH, "'az account get-access-token' failed%s%s",
				why[0] ? ": " : "", why);
		goto out;
	}
	rc = token_parse(o.data, o.len, time(NULL), r, em);
out:
	if (po[0] >= 0)
		close(po[0]);
	if (pe[0] >= 0)
		close(pe[0]);
	if (po[1] >= 0)
		close(po[1]);
	if (pe[1] >= 0)
		close(pe[1]);
	secret_wipe(o.data, o.len);
	secret_wipe(e.data, e.len);
	buf_release(&o);
	buf_release(&e);
	buf_release(&res);
	return rc;
}
