/*
 * The TUI loop: draw when something changed, read one input (a key from
 * the terminal, or a line of a script), turn it into an action through the
 * key table, reduce, perform the effects, repeat.
 */
#include "tui_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compat.h"
#include "fsutil.h"
#include "keymap.h"
#include "script.h"
#include "term.h"
#include "tui_effects.h"
#include "vm.h"

int64_t tui_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

struct loop {
	struct tui t;
	const struct tui_opts *o;
	FILE *script;
	FILE *timing;
	long lineno;
	long frames;
	int64_t input_us; /* when the input being handled arrived */
};

static void frame(struct loop *l)
{
	struct vm vm;
	int64_t done;

	vm_build(&l->t.s, &vm);
	term_draw(l->t.term, &vm);
	ui_sync(&l->t.s, &vm);
	vm_release(&vm);
	done = tui_now_us();
	l->frames++;
	if (l->timing)
		fprintf(l->timing, "%ld %.3f %.3f\n", l->frames, (double)(done - l->o->t0_us) / 1000.0,
			(double)(done - l->input_us) / 1000.0);
}

/*
 * The next input: 1 with *in set, 0 at the end of the script, -1 on a
 * script error (printed), 2 when wait_ms (>= 0) passed without one.
 */
static int next_input(struct loop *l, struct ui_input *in, struct script_cmd *cmd, int wait_ms)
{
	enum ui_context ctx[CTX__COUNT];
	uint32_t key = 0;
	char line[4096];

	for (;;) {
		int got;
		if (l->script) {
			struct errmsg em = ERRMSG_INIT;
			if (!fgets(line, sizeof(line), l->script))
				return 0;
			l->lineno++;
			line[strcspn(line, "\r\n")] = '\0';
			script_cmd_release(cmd);
			if (script_parse(line, cmd, &em)) {
				cli_fail(l->t.c, AZ_ERR_USAGE, "%s:%ld: %s", l->o->script, l->lineno,
					 errmsg_text(&em));
				return -1;
			}
			if (cmd->kind == SCRIPT_SKIP)
				continue;
			l->input_us = tui_now_us();
			if (cmd->kind == SCRIPT_INPUT) {
				*in = cmd->in;
				if (in->act == ACT_RESIZE)
					term_resize(l->t.term, in->y, in->x);
				return 1;
			}
			key = cmd->key;
			got = 1;
		} else {
			got = term_read(l->t.term, wait_ms, &key, in);
			l->input_us = tui_now_us();
			if (got == 2)
				return 1;
			if (got < 0)
				return 0; /* the terminal went away: end as if quitting */
			if (!got && wait_ms >= 0)
				return 2;
		}
		if (got != 1)
			continue;
		if (!keymap_lookup(key, ctx, ui_contexts(&l->t.s, ctx), in))
			return 1;
	}
}

static enum az_err setup(struct loop *l, struct cli *c, const struct catalog *cat,
			 struct store *st, struct errmsg *em)
{
	const struct tui_opts *o = l->o;
	unsigned flags = 0, tflags = (o->script ? TERM_HEADLESS : 0) | (o->no_mouse ? TERM_NO_MOUSE : 0);
	int lines, cols;
	enum az_err rc;

	if (o->script && strcmp(o->script, "-")) {
		l->script = fopen(o->script, "r");
		if (!l->script)
			return errmsg_set(em, AZ_ERR_IO, "cannot open the script '%s'", o->script);
	} else if (o->script) {
		l->script = stdin;
	}
	if (o->timing) {
		l->timing = fopen(o->timing, "a");
		if (!l->timing)
			return errmsg_set(em, AZ_ERR_IO, "cannot open '%s'", o->timing);
	}
	rc = term_open(tflags, o->lines, o->cols, &l->t.term, &flags, em);
	if (rc)
		return rc;
	term_size(l->t.term, &lines, &cols);
	l->t.c = c;
	l->t.cat = cat;
	l->t.st = st;
	if (o->private_mode)
		flags |= UI_PRIVATE;
	if (&cmd_demo || tui_demo_assessment)
		flags |= UI_DEMO;
	ui_init(&l->t.s, cat, lines, cols, flags);
	/* prefill the assessor of new assessments only with a name we know */
	snprintf(l->t.who, sizeof(l->t.who), "%s", c->assessor_opt ? c->assessor_opt
							: getenv("USER") ? getenv("USER") : "");
	l->t.s.who = l->t.who;
	tui_ext_start(&l->t);
	tui_effects(&l->t, UE_LOAD_LIST);
	if (o->open_id) {
		l->t.s.req.aid = o->open_id;
		tui_effects(&l->t, UE_OPEN);
	}
	return AZ_OK;
}

static void teardown(struct loop *l)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	struct errmsg em = ERRMSG_INIT;

	if (l->t.term && l->o->dump) {
		term_dump(l->t.term, &b);
		if (file_write_atomic(l->o->dump, b.data, b.len, 0644, &em))
			cli_fail_em(l->t.c, &em);
	}
	buf_release(&b);
	/* the last position, however the loop ended */
	if (l->t.s.open && l->t.st) {
		l->t.s.req.aid = l->t.s.a.id;
		ui_position_get(&l->t.s, &l->t.s.req.pos);
		tui_effects(&l->t, UE_SAVE_POSITION);
	}
	tui_ext_stop(&l->t);
	term_close(&l->t.term);
	ui_release(&l->t.s);
	if (l->script && l->script != stdin)
		fclose(l->script);
	if (l->timing)
		fclose(l->timing);
}

int tui_run(struct cli *c, const struct catalog *cat, struct store *st, const struct tui_opts *o)
{
	struct script_cmd cmd;
	struct errmsg em = ERRMSG_INIT;
	struct loop l;
	int dirty = 1, ret = EXIT_OK;

	memset(&l, 0, sizeof(l));
	memset(&cmd, 0, sizeof(cmd));
	l.o = o;
	l.input_us = o->t0_us;
	if (setup(&l, c, cat, st, &em)) {
		teardown(&l);
		return cli_fail_em(c, &em);
	}
	for (;;) {
		struct ui_input in;
		unsigned fx;
		int got, wait_ms;
		/* what the background did (a collection) since the last turn */
		fx = tui_ext_poll(&l.t, &wait_ms);
		if (fx)
			fx = tui_effects(&l.t, fx);
		if (fx & UE_QUIT)
			break;
		dirty |= fx != 0;
		if (dirty) {
			frame(&l);
			dirty = 0;
			if (o->max_frames && l.frames >= o->max_frames)
				break;
		}
		got = next_input(&l, &in, &cmd, wait_ms);
		if (got == 2)
			continue;
		if (got <= 0) {
			ret = got < 0 ? EXIT_USAGE : EXIT_OK;
			break;
		}
		fx = tui_effects(&l.t, ui_apply(&l.t.s, &in));
		if (fx & UE_QUIT)
			break;
		dirty = fx != 0;
	}
	script_cmd_release(&cmd);
	teardown(&l);
	return ret;
}
