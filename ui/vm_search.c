/*
 * Search: the query as the pane's title, the hits below, and a preview
 * of the selected hit's item beside (or under) them.
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "text.h"
#include "vm.h"

/* About width columns of text around the match at offset. */
static void snippet(struct buf *out, const char *text, size_t offset, int width)
{
	struct buf clean = BUF_INIT(BUF_MAX_DEFAULT);
	size_t start = offset > 20 ? offset - 20 : 0, n = strlen(text);

	while (start && start < n && ((unsigned char)text[start] & 0xc0) == 0x80)
		start--;
	while (start && text[start - 1] != ' ' && offset - start < 30)
		start--;
	text_clean(&clean, text + MIN(start, n), 0);
	if (start)
		buf_addstr(out, text_ascii() ? "..." : "\xe2\x80\xa6");
	buf_add(out, clean.data, text_fit(clean.data, clean.len, width, NULL));
	buf_release(&clean);
}

static void hit_row(struct vm_pane *p, const struct search_hit *h, int group)
{
	struct vm_row *r = vm_row_new(p, group);
	struct buf b = BUF_INIT(4096), kind = BUF_INIT(64);
	char id[32];

	snprintf(id, sizeof(id), " %-6s ", h->q ? h->q->id : h->item->id);
	vm_row_add(r, id, VS_BOLD);
	text_pad(&kind, search_field_name(h->field), strlen(search_field_name(h->field)), 15);
	vm_row_add_raw(r, kind.data, kind.len, VS_DIM);
	snippet(&b, search_hit_text(h), h->offset, MAX(10, p->width - 24));
	vm_row_add_raw(r, b.data, b.len, VS_TEXT);
	buf_release(&b);
	buf_release(&kind);
}

static void preview(const struct ui_state *s, struct vm_pane *p)
{
	int sel = s->pane[SCR_SEARCH][0].sel;
	const struct search_hit *h;

	if (sel < 0 || (size_t)sel >= s->hits.n) {
		vm_set_title(p, "Preview");
		vm_wrap(p, -1, 0,
			"Type words to find them in item titles, questions, hints, guidance and why "
			"each item matters; an item or question id (3a, 4b.2) jumps straight to it. "
			"Enter opens the selected hit.",
			VS_DIM);
		return;
	}
	h = &s->hits.v[sel];
	vm_set_title(p, "%s %s", h->item->id, h->item->title);
	if (h->q)
		vm_section(p, h->q->id, h->q->text);
	if (h->field != SF_QUESTION)
		vm_section(p, search_field_name(h->field), search_hit_text(h));
}

void vm_search(const struct ui_state *s, struct vm *vm)
{
	struct vm_pane *p = &vm->pane[0];
	struct buf q = BUF_INIT(1024);
	size_t i;
	int used;

	vm_layout(s, vm, 2, vm->wide ? 55 : 50);
	p->list = 1;
	text_clean(&q, editor_text(&s->query), 0);
	vm_set_title(p, "Search: %s", q.data);
	/* the cursor sits after the query on the title line ("-- " + title) */
	text_fit(p->title, strlen(p->title), p->r.w - 4, &used);
	{
		int row, col;
		editor_cursor(&s->query, 1000, &row, &col);
		vm->cur_y = p->r.y;
		vm->cur_x = p->r.x + 3 + MIN(used, 8 + col);
	}
	if (!s->hits.n && q.len)
		vm_line(p, -1, " no match", VS_DIM);
	for (i = 0; i < s->hits.n; i++)
		hit_row(p, &s->hits.v[i], (int)i);
	preview(s, &vm->pane[1]);
	buf_release(&q);
}
