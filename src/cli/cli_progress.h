/*
 * The collection progress line on a terminal: checks done, requests,
 * throttling waits, elapsed time. Redrawn at most ten times a second, on
 * one line, and only when the stream is a terminal; nothing otherwise.
 */
#ifndef AZMAT_CLI_PROGRESS_H
#define AZMAT_CLI_PROGRESS_H

#include <stdint.h>
#include <stdio.h>

#include "collect.h"

struct cli_progress {
	FILE *f;
	int on; /* f is a terminal and drawing is wanted */
	int64_t started;
	int64_t last;
	int drawn;
};

void cli_progress_init(struct cli_progress *p, FILE *f, int wanted);
/* on_progress for struct collect_config (ctx is the struct cli_progress). */
void cli_progress_update(void *ctx, const struct collect_progress *cp);
/* Erase the line before other output. */
void cli_progress_clear(struct cli_progress *p);

#endif
