#include "cli_progress.h"

#include <unistd.h>

#include "timeutil.h"

#define BAR_WIDTH 24

void cli_progress_init(struct cli_progress *p, FILE *f, int wanted)
{
	p->f = f;
	p->on = wanted && isatty(fileno(f));
	p->started = time_mono_ms();
	p->last = 0;
	p->drawn = 0;
}

void cli_progress_update(void *ctx, const struct collect_progress *cp)
{
	struct cli_progress *p = ctx;
	int64_t now = time_mono_ms();
	size_t fill, i;

	if (!p->on || (now - p->last < 100 && cp->checks_done < cp->checks))
		return;
	p->last = now;
	fill = cp->checks ? cp->checks_done * BAR_WIDTH / cp->checks : 0;
	fputs("\r[", p->f);
	for (i = 0; i < BAR_WIDTH; i++)
		fputc(i < fill ? '#' : '.', p->f);
	fprintf(p->f, "] %zu/%zu checks  %lu requests  %lu in flight", cp->checks_done, cp->checks,
		cp->http.completed, cp->http.in_flight);
	if (cp->http.throttled)
		fprintf(p->f, "  throttled %lux (%.1f s)", cp->http.throttled,
			(double)cp->http.throttle_wait_ms / 1000.0);
	fprintf(p->f, "  %lds\x1b[K", (long)((now - p->started) / 1000));
	fflush(p->f);
	p->drawn = 1;
}

void cli_progress_clear(struct cli_progress *p)
{
	if (p->on && p->drawn) {
		fputs("\r\x1b[K", p->f);
		fflush(p->f);
	}
	p->drawn = 0;
}
