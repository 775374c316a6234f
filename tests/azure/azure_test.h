/*
 * Helpers for the azure tests: run a command (openssl, the mock) without a
 * shell, and start the mock tenant over HTTPS on 127.0.0.1.
 */
#ifndef AZMAT_AZURE_TEST_H
#define AZMAT_AZURE_TEST_H

#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "t.h"

/* Run argv (NULL-terminated) and return its exit status (-1 when it did not exit). */
static inline int run_argv(char *const argv[])
{
	pid_t pid = fork();
	int st = 0;

	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Run a command given as NULL-terminated const strings; returns its exit status. */
static inline int run_cmd(const char *arg0, ...)
{
	char *argv[32];
	va_list ap;
	int n = 0;

	argv[n++] = (char *)(uintptr_t)arg0;
	va_start(ap, arg0);
	while (n < 31) {
		const char *a = va_arg(ap, const char *);
		if (!a)
			break;
		argv[n++] = (char *)(uintptr_t)a;
	}
	va_end(ap);
	argv[n] = NULL;
	return run_argv(argv);
}

struct mock {
	pid_t pid;
	char dir[512];
	int main_port;
	int foreign_port;
	char ca[620];
};

/* "$AZMAT_SOURCE_DIR/rel" into out. */
static inline void src_path(char *out, size_t n, const char *rel)
{
	const char *src = getenv("AZMAT_SOURCE_DIR");

	snprintf(out, n, "%s/%s", src ? src : ".", rel);
}

static inline int read_port(const char *json, const char *key)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "\"%s\": ", key);
	p = strstr(json, pat);
	return p ? (int)strtol(p + strlen(pat), NULL, 10) : 0;
}

/* Start the mock on tenant (relative to the source folder); 0 on success. */
static inline int mock_start(struct mock *m, const char *tenant, const char *secret)
{
	char certs[560], script[600], server[600], tdir[600], ports[600], key[620], pem[620], sec[600];
	char *mk[] = { script, certs, NULL };
	char *json;
	int i;

	memset(m, 0, sizeof(*m));
	snprintf(m->dir, sizeof(m->dir), "%s", t_tmpdir());
	snprintf(certs, sizeof(certs), "%s/certs", m->dir);
	src_path(script, sizeof(script), "tests/mock/make_certs.sh");
	if (run_argv(mk))
		return -1;
	snprintf(m->ca, sizeof(m->ca), "%s/ca.pem", certs);
	snprintf(pem, sizeof(pem), "%s/server.pem", certs);
	snprintf(key, sizeof(key), "%s/server.key", certs);
	snprintf(ports, sizeof(ports), "%s/ports.json", m->dir);
	snprintf(sec, sizeof(sec), "%s/secret", m->dir);
	if (t_write(sec, secret, strlen(secret)))
		return -1;
	src_path(server, sizeof(server), "tests/mock/server.py");
	src_path(tdir, sizeof(tdir), tenant);
	m->pid = fork();
	if (m->pid == 0) {
		const char *args[] = { "python3", server, "--tenant", tdir, "--cert", pem, "--key", key,
				       "--port-file", ports, "--secret-file", sec, NULL };
		char *argv[16];
		size_t k;
		for (k = 0; k < sizeof(args) / sizeof(args[0]); k++)
			argv[k] = (char *)(uintptr_t)args[k];
		execvp(argv[0], argv);
		_exit(127);
	}
	for (i = 0; i < 100; i++) {
		json = t_slurp(ports, NULL);
		if (json) {
			m->main_port = read_port(json, "main");
			m->foreign_port = read_port(json, "foreign");
			free(json);
			return m->main_port ? 0 : -1;
		}
		usleep(100000);
	}
	return -1;
}

static inline void mock_stop(struct mock *m)
{
	if (m->pid > 0) {
		kill(m->pid, SIGTERM);
		waitpid(m->pid, NULL, 0);
		m->pid = 0;
	}
}

#endif
