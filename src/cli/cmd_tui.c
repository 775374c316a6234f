/*
 * azmat tui [ID]: the workshop interface (also what `azmat` with no
 * command runs). The loop is in tui_app.c; this parses the options and
 * opens the catalog and the store.
 */
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "strutil.h"
#include "tui_app.h"

static int run(struct cli *c, int argc, char **argv);

const struct cli_command cmd_tui = {
	"tui", run, "Open the terminal interface (the default)",
	"tui [ID] [--private] [--no-mouse] [--script FILE [--size COLSxLINES]] [--dump-screen FILE] "
	"[--max-frames N]"
};

/* "132x43" into cols and lines. */
static int parse_size(const char *s, int *cols, int *lines)
{
	char a[16];
	const char *x = strchr(s, 'x');
	long c, l;

	if (!x || (size_t)(x - s) >= sizeof(a))
		return -1;
	memcpy(a, s, (size_t)(x - s));
	a[x - s] = '\0';
	if (str_to_long(a, 10, 1000, &c) || str_to_long(x + 1, 5, 1000, &l))
		return -1;
	*cols = (int)c;
	*lines = (int)l;
	return 0;
}

static int run(struct cli *c, int argc, char **argv)
{
	const char *size = NULL, *frames = NULL;
	struct tui_opts o;
	const struct arg_opt opts[] = {
		{ "private", 0, ARG_FLAG, &o.private_mode, NULL,
		  "start with names and identifiers masked (the p key toggles it)", NULL },
		{ "no-mouse", 0, ARG_FLAG, &o.no_mouse, NULL,
		  "leave the mouse to the terminal (to select and copy text)", NULL },
		{ "script", 0, ARG_VALUE, NULL, &o.script,
		  "read actions from FILE ('-': standard input) and draw off-screen", "FILE" },
		{ "size", 0, ARG_VALUE, NULL, &size, "the off-screen size for --script (default 80x24)",
		  "COLSxLINES" },
		{ "dump-screen", 0, ARG_VALUE, NULL, &o.dump, "write the last screen as text to FILE",
		  "FILE" },
		{ "max-frames", 0, ARG_VALUE, NULL, &frames, "stop after N frames", "N" },
		{ "timing", 0, ARG_VALUE, NULL, &o.timing,
		  "append per-frame timings (frame, ms since start, ms since input) to FILE", "FILE" },
	};
	struct errmsg em = ERRMSG_INIT;
	const struct catalog *cat;
	struct store *st;
	struct args pos;
	long v;
	int ret;

	memset(&o, 0, sizeof(o));
	o.t0_us = tui_now_us();
	o.lines = 24;
	o.cols = 80;
	ret = cli_parse(c, &cmd_tui, argc, argv, opts, ARRAY_SIZE(opts), &pos);
	if (ret)
		return ret < 0 ? EXIT_OK : ret;
	if (pos.npos > 1)
		return cli_fail(c, AZ_ERR_USAGE, "'tui' takes at most one assessment id");
	if (pos.npos && cli_parse_id(c, pos.pos[0], &o.open_id))
		return EXIT_USAGE;
	if (size && parse_size(size, &o.cols, &o.lines))
		return cli_fail(c, AZ_ERR_USAGE, "'%s' is not a size like 80x24", size);
	if (frames) {
		if (str_to_long(frames, 1, 1L << 30, &v))
			return cli_fail(c, AZ_ERR_USAGE, "'%s' is not a frame count", frames);
		o.max_frames = v;
	}
	if (cli_catalog(c, &cat))
		return EXIT_INVALID;
	if (cli_store(c, 1, &st, &em))
		return cli_fail_em(c, &em);
	return tui_run(c, cat, st, &o);
}
