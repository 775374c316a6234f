/*
 * ncurses set-up, input and output for the TUI.
 */
#include "term.h"

#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "draw.h"
#include "keymap.h"
#include "strutil.h"
#include "text.h"
#include "ui.h"
#include "xalloc.h"

/* Key codes we teach ncurses for the bracketed-paste markers. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

struct term {
	SCREEN *scr;
	FILE *out, *in; /* headless: /dev/null; real: stdout, stdin (not owned) */
	unsigned flags;
	int color, utf8;
	int errors; /* failed reads in a row */
	struct draw d;
};

static int no_color_env(void)
{
	const char *v = getenv("NO_COLOR");

	return v && *v;
}

static int locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (str_eq_nocase(cs, "UTF-8") || str_eq_nocase(cs, "utf8"));
}

static void setup_input(struct term *t)
{
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (!(t->flags & TERM_HEADLESS)) {
		define_key("\033[200~", KEY_PASTE_BEGIN);
		define_key("\033[201~", KEY_PASTE_END);
		fputs("\033[?2004h", t->out);
		fflush(t->out);
	}
	if (!(t->flags & (TERM_NO_MOUSE | TERM_HEADLESS))) {
		mouseinterval(0);
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	}
}

enum az_err term_open(unsigned flags, int lines, int cols, struct term **out, unsigned *ui_flags,
		      struct errmsg *em)
{
	struct term *t = xcalloc(1, sizeof(*t));
	const char *type = getenv("TERM");

	t->flags = flags;
	if (flags & TERM_HEADLESS) {
		t->out = fopen("/dev/null", "w");
		t->in = fopen("/dev/null", "r");
		if (!t->out || !t->in) {
			term_close(&t);
			return errmsg_set(em, AZ_ERR_IO, "cannot open '/dev/null'");
		}
		t->scr = newterm(type && *type ? type : "xterm", t->out, t->in);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			free(t);
			return errmsg_set(em, AZ_ERR_USAGE,
					  "the interface needs a terminal; for batch use see "
					  "'azmat tui --script FILE' and the other commands");
		}
		t->out = stdout;
		t->in = stdin;
		t->scr = newterm(NULL, stdout, stdin);
	}
	if (!t->scr) {
		term_close(&t);
		return errmsg_set(em, AZ_ERR_IO, "cannot set up the terminal '%s' (is TERM right?)",
				  type ? type : "");
	}
	set_term(t->scr);
	if (flags & TERM_HEADLESS)
		resizeterm(lines, cols);
	t->utf8 = locale_utf8();
	t->color = has_colors() && !no_color_env();
	text_set_ascii(!t->utf8);
	setup_input(t);
	draw_init(&t->d, stdscr, t->color, t->utf8);
	*ui_flags = (t->utf8 ? UI_UTF8 : 0) | (t->color ? UI_COLOR : 0);
	*out = t;
	return AZ_OK;
}

void term_close(struct term **pt)
{
	struct term *t = *pt;

	if (!t)
		return;
	if (t->scr) {
		if (!(t->flags & TERM_HEADLESS)) {
			fputs("\033[?2004l", t->out);
			fflush(t->out);
		}
		endwin();
		delscreen(t->scr);
	}
	if (t->flags & TERM_HEADLESS) {
		if (t->out)
			fclose(t->out);
		if (t->in)
			fclose(t->in);
	}
	free(t);
	*pt = NULL;
}

void term_size(const struct term *t, int *lines, int *cols)
{
	UNUSED(t);
	*lines = LINES;
	*cols = COLS;
}

void term_resize(struct term *t, int lines, int cols)
{
	if (t->flags & TERM_HEADLESS)
		resizeterm(lines, cols);
}

static uint32_t map_function_key(wint_t k)
{
	switch (k) {
	case KEY_UP:
		return UK_UP;
	case KEY_DOWN:
		return UK_DOWN;
	case KEY_LEFT:
		return UK_LEFT;
	case KEY_RIGHT:
		return UK_RIGHT;
	case KEY_HOME:
		return UK_HOME;
	case KEY_END:
		return UK_END;
	case KEY_PPAGE:
		return UK_PGUP;
	case KEY_NPAGE:
		return UK_PGDN;
	case KEY_BACKSPACE:
		return UK_BACKSPACE;
	case KEY_DC:
		return UK_DELETE;
	case KEY_BTAB:
		return UK_BTAB;
	case KEY_ENTER:
		return UK_ENTER;
	case KEY_F(1):
		return UK_F1;
	default:
		return UK_NONE;
	}
}

/* A mouse event as an input; 0 when it is not one we use. */
static int mouse_input(struct ui_input *in)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return 0;
	memset(in, 0, sizeof(*in));
	in->y = ev.y;
	in->x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		in->act = ACT_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		in->act = ACT_WHEEL_DOWN;
	else if (ev.bstate & BUTTON1_PRESSED)
		in->act = ACT_CLICK;
	else
		return 0;
	return 1;
}

int term_read(struct term *t, int timeout_ms, uint32_t *key, struct ui_input *in)
{
	wint_t wc;
	int rc;

	wtimeout(stdscr, timeout_ms);
	errno = 0;
	rc = wget_wch(stdscr, &wc);
	if (rc == ERR) {
		/*
		 * A blocking read that fails for anything but a signal (EIO after
		 * a hang-up, EOF), or keeps failing: the terminal is gone.
		 */
		if (timeout_ms < 0 && errno != EINTR && (errno || ++t->errors > 1000))
			return -1;
		return 0;
	}
	t->errors = 0;
	if (rc == KEY_CODE_YES) {
		memset(in, 0, sizeof(*in));
		switch (wc) {
		case KEY_RESIZE:
			in->act = ACT_RESIZE;
			in->y = LINES;
			in->x = COLS;
			return 2;
		case KEY_MOUSE:
			return mouse_input(in) ? 2 : 0;
		case KEY_PASTE_BEGIN:
			in->act = ACT_PASTE_BEGIN;
			return 2;
		case KEY_PASTE_END:
			in->act = ACT_PASTE_END;
			return 2;
		default:
			*key = map_function_key(wc);
			return *key != UK_NONE;
		}
	}
	if (wc == '\r' || wc == '\n')
		*key = UK_ENTER;
	else if (wc == 127 || wc == 8)
		*key = UK_BACKSPACE;
	else
		*key = (uint32_t)wc;
	return 1;
}

void term_draw(struct term *t, const struct vm *vm)
{
	/* the state decides (a test may force ASCII on a UTF-8 terminal) */
	t->d.utf8 = (vm->flags & UI_UTF8) != 0;
	screen_draw(&t->d, vm);
	if (vm->cur_y >= 0 && vm->cur_x >= 0) {
		wmove(stdscr, vm->cur_y, vm->cur_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

void term_dump(const struct term *t, struct buf *out)
{
	wchar_t line[1024];
	int y, cols = MIN(COLS, (int)ARRAY_SIZE(line) - 1);

	UNUSED(t);
	for (y = 0; y < LINES; y++) {
		size_t mark, i;
		int n = mvwinnwstr(stdscr, y, 0, line, cols);
		mark = out->len;
		for (i = 0; n > 0 && i < (size_t)n && line[i]; i++) {
			char u[4];
			size_t k = utf8_encode((uint32_t)line[i], u);
			buf_add(out, u, k);
		}
		while (out->len > mark && out->data[out->len - 1] == ' ')
			buf_truncate(out, out->len - 1);
		buf_addch(out, '\n');
	}
}

void term_suspend(struct term *t)
{
	UNUSED(t);
	def_prog_mode();
	endwin();
}

void term_resume(struct term *t)
{
	UNUSED(t);
	reset_prog_mode();
	clearok(stdscr, TRUE);
	refresh();
}
