#include "log.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "secret.h"
#include "timeutil.h"
#include "xalloc.h"

#define REDACTED "[REDACTED]"
#define SECRET_MIN 6

/*
 * One lock for everything below: the TUI collects on a worker thread while
 * its main thread may log, and secrets are registered from both.
 */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static FILE *sink;
static int sink_owned;
static enum log_level sink_level = LOG_INFO;

static log_tap_fn tap;
static void *tap_ctx;
static enum log_level tap_level;

static const char **secrets;
static size_t nsecrets, secrets_alloc;

static const char *const level_names[] = { "ERROR", "WARN", "INFO", "DEBUG" };

/*
 * Keys whose values are credentials, matched case-insensitively. A key is
 * recognised followed by '=' (form, query) or by '"' ':' (JSON).
 */
static const char *const secret_keys[] = {
	"access_token", "refresh_token", "id_token", "client_secret",
	"client_assertion", "device_code", "password", "assertion",
	"code_verifier", "sig", "secret", "token", "apikey", "api_key",
	"x-ms-authorization-auxiliary",
};

void log_add_secret(const char *s)
{
	if (!s || strlen(s) < SECRET_MIN)
		return;
	pthread_mutex_lock(&lock);
	ALLOC_GROW(secrets, nsecrets, secrets_alloc);
	secrets[nsecrets++] = s;
	pthread_mutex_unlock(&lock);
}

void log_forget_secret(const char *s)
{
	size_t i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < nsecrets; i++) {
		if (secrets[i] == s) {
			secrets[i] = secrets[--nsecrets];
			break;
		}
	}
	if (!nsecrets) {
		FREE_AND_NULL(secrets);
		secrets_alloc = 0;
	}
	pthread_mutex_unlock(&lock);
}

static int is_token_char(int c)
{
	return isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
	       c == '+' || c == '/' || c == '=' || c == '%';
}

/* Length of a credential value starting at p (until a delimiter). */
static size_t value_len(const char *p, const char *end, int quoted)
{
	const char *q = p;

	if (quoted) {
		while (q < end && *q != '"') {
			if (*q == '\\' && q + 1 < end)
				q++;
			q++;
		}
		return (size_t)(q - p);
	}
	while (q < end && *q != '&' && *q != ' ' && *q != '"' && *q != '\n' &&
	       *q != '\r' && *q != ',' && *q != ';' && *q != '\'')
		q++;
	return (size_t)(q - p);
}

/*
 * If a credential key starts at in[i], return how many bytes of key and
 * separator precede the value, and set *quoted.
 */
static size_t match_key(const char *in, size_t i, size_t n, int *quoted)
{
	size_t k;

	if (i > 0 && (isalnum((unsigned char)in[i - 1]) || in[i - 1] == '_'))
		return 0;
	for (k = 0; k < sizeof(secret_keys) / sizeof(secret_keys[0]); k++) {
		size_t kl = strlen(secret_keys[k]);
		size_t j;

		if (i + kl >= n || strncasecmp(in + i, secret_keys[k], kl))
			continue;
		j = i + kl;
		if (in[j] == '=') {
			*quoted = 0;
			return j + 1 - i;
		}
		if (in[j] == '"') {
			j++;
			while (j < n && (in[j] == ' ' || in[j] == '\t'))
				j++;
			if (j < n && in[j] == ':') {
				j++;
				while (j < n && (in[j] == ' ' || in[j] == '\t'))
					j++;
				if (j < n && in[j] == '"') {
					*quoted = 1;
					return j + 1 - i;
				}
			}
		}
	}
	return 0;
}

/* A JWT: three base64url segments, the first starting "eyJ". */
static size_t match_jwt(const char *in, size_t i, size_t n)
{
	size_t j = i, dots = 0;

	if (n - i < 20 || strncmp(in + i, "eyJ", 3))
		return 0;
	if (i > 0 && is_token_char((unsigned char)in[i - 1]))
		return 0;
	while (j < n && (isalnum((unsigned char)in[j]) || in[j] == '-' ||
			 in[j] == '_' || in[j] == '.')) {
		if (in[j] == '.')
			dots++;
		j++;
	}
	return dots >= 2 ? j - i : 0;
}

/* redact() with the lock held. */
static void redact_locked(struct buf *out, const char *in, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t k, m;
		int quoted = 0;

		for (k = 0; k < nsecrets; k++) {
			size_t sl = strlen(secrets[k]);
			if (sl <= n - i && !memcmp(in + i, secrets[k], sl))
				break;
		}
		if (k < nsecrets) {
			buf_addstr(out, REDACTED);
			i += strlen(secrets[k]);
			continue;
		}
		if ((in[i] == 'B' || in[i] == 'b') && n - i > 7 &&
		    !strncasecmp(in + i, "bearer ", 7)) {
			buf_add(out, in + i, 7);
			i += 7;
			m = value_len(in + i, in + n, 0);
			if (m) {
				buf_addstr(out, REDACTED);
				i += m;
			}
			continue;
		}
		m = match_key(in, i, n, &quoted);
		if (m) {
			size_t v;
			buf_add(out, in + i, m);
			i += m;
			v = value_len(in + i, in + n, quoted);
			if (v)
				buf_addstr(out, REDACTED);
			i += v;
			continue;
		}
		m = match_jwt(in, i, n);
		if (m) {
			buf_addstr(out, REDACTED);
			i += m;
			continue;
		}
		buf_addch(out, in[i]);
		i++;
	}
}

void redact(struct buf *out, const char *in, size_t n)
{
	pthread_mutex_lock(&lock);
	redact_locked(out, in, n);
	pthread_mutex_unlock(&lock);
}

char *redact_dup(const char *s)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	redact(&b, s, strlen(s));
	return buf_detach(&b, NULL);
}

enum az_err log_open(const char *path, enum log_level level, struct errmsg *em)
{
	int fd;
	FILE *f;

	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return errmsg_set(em, AZ_ERR_IO, "cannot open log '%s': %s", path, strerror(errno));
	f = fdopen(fd, "a");
	if (!f) {
		close(fd);
		return errmsg_set(em, AZ_ERR_IO, "cannot open log '%s': %s", path, strerror(errno));
	}
	log_close();
	pthread_mutex_lock(&lock);
	sink = f;
	sink_owned = 1;
	sink_level = level;
	pthread_mutex_unlock(&lock);
	return AZ_OK;
}

void log_to_stderr(enum log_level level)
{
	log_close();
	pthread_mutex_lock(&lock);
	sink = stderr;
	sink_owned = 0;
	sink_level = level;
	pthread_mutex_unlock(&lock);
}

void log_close(void)
{
	pthread_mutex_lock(&lock);
	if (sink && sink_owned)
		fclose(sink);
	sink = NULL;
	sink_owned = 0;
	pthread_mutex_unlock(&lock);
}

void log_set_tap(log_tap_fn fn, void *ctx, enum log_level level)
{
	pthread_mutex_lock(&lock);
	tap = fn;
	tap_ctx = ctx;
	tap_level = level;
	pthread_mutex_unlock(&lock);
}

static int enabled_locked(enum log_level level)
{
	return (sink && level <= sink_level) || (tap && level <= tap_level);
}

int log_enabled(enum log_level level)
{
	int on;

	pthread_mutex_lock(&lock);
	on = enabled_locked(level);
	pthread_mutex_unlock(&lock);
	return on;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	struct buf raw = BUF_INIT(BUF_MAX_DEFAULT);
	struct buf clean = BUF_INIT(BUF_MAX_DEFAULT);
	char when[32];
	va_list ap;

	if (!log_enabled(level))
		return;
	va_start(ap, fmt);
	buf_vaddf(&raw, fmt, ap);
	va_end(ap);
	time_format_iso(time_now(), when, sizeof(when));
	pthread_mutex_lock(&lock);
	redact_locked(&clean, raw.data, raw.len);
	if (sink && level <= sink_level) {
		fprintf(sink, "%s %s %s\n", when, level_names[level], clean.data);
		fflush(sink);
	}
	if (tap && level <= tap_level)
		tap(tap_ctx, level, clean.data);
	pthread_mutex_unlock(&lock);
	secret_wipe(raw.data, raw.len);
	buf_release(&raw);
	buf_release(&clean);
}
