/*
 * azmat_fixture DB ASSESSMENT FILE: write answers and check results into a
 * real store, for tests and benchmarks that need evidence before the
 * collector exists (and docs/scoring.md's worked example). FILE ("-" for
 * standard input) holds one directive per line; fields after the first
 * words are separated by '|' (one space around it is dropped) and may use the escapes \n \t \\ \| \uXXXX.
 *
 *   # a comment
 *   answer QUESTION VALUE [| reason | owner | expiry | note | suggested
 *                          | override reason]
 *                            (fields may be empty; "suggested" is what the
 *                            evidence suggested when the operator answered)
 *   result CHECK pass|fail|partial [HEALTHY/TOTAL] [| summary]
 *   result CHECK not-assessable CAUSE [| summary]
 *   offender CHECK | id | name | detail
 *   offenders CHECK N        N synthetic offenders (benchmarks)
 *   cap N                    offenders kept per check (default the store's)
 *   run                      store what came so far as one run, start another
 *
 * Results go in as one evidence run ("bundle") per "run" section.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "store.h"
#include "strutil.h"
#include "xalloc.h"

#define MAXF 8

struct fixture {
	struct store *st;
	long long aid;
	struct evidence_set ev;
	size_t cap;
	int line;
};

static void die(const struct fixture *fx, const char *msg, const char *detail)
{
	fprintf(stderr, "azmat_fixture: line %d: %s%s%s\n", fx ? fx->line : 0, msg,
		detail ? ": " : "", detail ? detail : "");
	exit(1);
}

/* Undo the escapes of one field in place. */
static void unescape(char *s)
{
	char *w = s;

	while (*s) {
		if (*s != '\\' || !s[1]) {
			*w++ = *s++;
			continue;
		}
		s++;
		if (*s == 'n' || *s == 't') {
			*w++ = *s == 'n' ? '\n' : '\t';
			s++;
		} else if (*s == 'u' && strlen(s) >= 5) {
			char hex[5], enc[4];
			size_t k;
			memcpy(hex, s + 1, 4);
			hex[4] = 0;
			k = utf8_encode((uint32_t)strtoul(hex, NULL, 16), enc);
			memcpy(w, enc, k);
			w += k;
			s += 5;
		} else {
			*w++ = *s++;
		}
	}
	*w = 0;
}

/* Trim one space on each side of a field (in place); returns it. */
static char *trim1(char *f)
{
	size_t n = strlen(f);

	if (n && f[n - 1] == ' ')
		f[--n] = 0;
	return *f == ' ' ? f + 1 : f;
}

/* Split "head | f1 | f2" on unescaped '|' (modifies line); returns the count. */
static size_t split(char *line, char **f)
{
	size_t n = 0;
	char *p = line, *start = line;

	for (; *p && n + 1 < MAXF; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p != '|')
			continue;
		*p = 0;
		f[n++] = trim1(start);
		start = p + 1;
	}
	f[n++] = trim1(start);
	return n;
}

static struct check_result *result_for(struct fixture *fx, const char *id)
{
	size_t i;

	for (i = 0; i < fx->ev.n; i++)
		if (!strcmp(fx->ev.r[i].check_id, id))
			return &fx->ev.r[i];
	die(fx, "no result line before this for check", id);
	return NULL;
}

static void do_answer(struct fixture *fx, char **f, size_t n)
{
	char qid[64], val[32];
	struct answer a;
	struct errmsg em = ERRMSG_INIT;
	size_t i;

	if (sscanf(f[0], "answer %63s %31s", qid, val) != 2)
		die(fx, "expected: answer QUESTION VALUE", NULL);
	for (i = 1; i < n; i++)
		unescape(f[i]);
	answer_init(&a, qid);
	a.value = answer_parse(val);
	if (a.value == ANSWER_NONE && strcmp(val, "none"))
		die(fx, "not an answer", val);
	free(a.reason);
	a.reason = xstrdup(n > 1 ? f[1] : "");
	free(a.owner);
	a.owner = xstrdup(n > 2 ? f[2] : "");
	free(a.expiry);
	a.expiry = xstrdup(n > 3 ? f[3] : "");
	free(a.note);
	a.note = xstrdup(n > 4 ? f[4] : "");
	if (n > 5 && *f[5]) {
		a.suggested = answer_parse(f[5]);
		if (a.suggested == ANSWER_NONE)
			die(fx, "not a suggested answer", f[5]);
	}
	free(a.override_reason);
	a.override_reason = xstrdup(n > 6 ? f[6] : "");
	if (store_answer_put(fx->st, fx->aid, &a, "fixture", "fixture", &em))
		die(fx, "cannot store the answer", em.msg);
	answer_release(&a);
}

static void do_result(struct fixture *fx, char **f, size_t n)
{
	char id[80], status[32], extra[64] = "";
	struct check_result r;
	int st;

	if (sscanf(f[0], "result %79s %31s %63s", id, status, extra) < 2)
		die(fx, "expected: result CHECK STATUS ...", NULL);
	st = check_status_parse(status);
	if (st < 0)
		die(fx, "not a status", status);
	check_result_init(&r, id);
	r.status = (enum check_status)st;
	r.cause = CAUSE_NONE;
	if (st == CHECK_NOT_ASSESSABLE) {
		int c = check_cause_parse(extra);
		if (c <= 0)
			die(fx, "not a cause", extra);
		r.cause = (enum check_cause)c;
	} else if (*extra && sscanf(extra, "%lu/%lu", &r.healthy, &r.total) != 2) {
		die(fx, "expected HEALTHY/TOTAL", extra);
	}
	if (n > 1) {
		unescape(f[1]);
		check_result_set_summary(&r, f[1]);
	}
	evidence_put(&fx->ev, &r);
	check_result_release(&r);
}

static void do_offenders(struct fixture *fx, char **f, size_t n)
{
	char id[80];
	unsigned long k, count = 0;
	struct check_result *r;

	if (!strncmp(f[0], "offenders ", 10)) {
		if (sscanf(f[0], "offenders %79s %lu", id, &count) != 2)
			die(fx, "expected: offenders CHECK N", NULL);
		r = result_for(fx, id);
		for (k = 0; k < count; k++) {
			char rid[160], name[64];
			snprintf(rid, sizeof(rid),
				 "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/"
				 "rg-%lu/providers/Microsoft.Storage/storageAccounts/st%lu",
				 k % 97, k);
			snprintf(name, sizeof(name), "st%lu", k);
			check_result_add_offender(r, rid, name, "public network access is enabled");
		}
		return;
	}
	if (n != 4 || sscanf(f[0], "offender %79s", id) != 1)
		die(fx, "expected: offender CHECK | id | name | detail", NULL);
	unescape(f[1]);
	unescape(f[2]);
	unescape(f[3]);
	check_result_add_offender(result_for(fx, id), f[1], f[2], f[3]);
}

static void flush_run(struct fixture *fx)
{
	struct evidence_run run;
	struct errmsg em = ERRMSG_INIT;
	long long rid;
	size_t i;

	if (!fx->ev.n)
		return;
	evidence_run_init(&run);
	free(run.source);
	run.source = xstrdup("bundle");
	free(run.identity);
	run.identity = xstrdup("fixture");
	if (store_run_begin(fx->st, fx->aid, &run, &rid, &em))
		die(fx, "cannot begin a run", em.msg);
	for (i = 0; i < fx->ev.n; i++)
		if (store_result_put(fx->st, rid, &fx->ev.r[i], fx->cap, &em))
			die(fx, "cannot store a result", em.msg);
	if (store_run_finish(fx->st, rid, RUN_COMPLETE, NULL, &em))
		die(fx, "cannot finish the run", em.msg);
	evidence_run_release(&run);
	evidence_release(&fx->ev);
}

static void do_line(struct fixture *fx, char *line)
{
	char *f[MAXF];
	size_t n;

	line[strcspn(line, "\r\n")] = 0;
	if (!*line || *line == '#')
		return;
	n = split(line, f);
	if (!strncmp(f[0], "answer ", 7))
		do_answer(fx, f, n);
	else if (!strncmp(f[0], "result ", 7))
		do_result(fx, f, n);
	else if (!strncmp(f[0], "offender", 8))
		do_offenders(fx, f, n);
	else if (!strncmp(f[0], "cap ", 4))
		fx->cap = strtoul(f[0] + 4, NULL, 10);
	else if (!strcmp(f[0], "run"))
		flush_run(fx);
	else
		die(fx, "unknown directive", f[0]);
}

int main(int argc, char **argv)
{
	struct fixture fx;
	struct errmsg em = ERRMSG_INIT;
	char line[65536];
	FILE *in;
	long id;

	memset(&fx, 0, sizeof(fx));
	if (argc != 4 || str_to_long(argv[2], 1, 0x7fffffffL, &id))
		die(NULL, "usage: azmat_fixture DB ASSESSMENT FILE", NULL);
	fx.aid = id;
	in = strcmp(argv[3], "-") ? fopen(argv[3], "r") : stdin;
	if (!in)
		die(NULL, "cannot open", argv[3]);
	if (store_open(argv[1], 0, &fx.st, &em))
		die(NULL, "cannot open the store", em.msg);
	while (fgets(line, sizeof(line), in)) {
		fx.line++;
		do_line(&fx, line);
	}
	flush_run(&fx);
	if (in != stdin)
		fclose(in);
	store_close(&fx.st);
	return 0;
}
