/*
 * Where things go on the screen: the body between the header line and the
 * two bottom lines, split into panes side by side from VM_WIDE columns and
 * stacked below that. Pure; the reducer uses the same numbers (the note
 * editor's width) as the view model.
 */
#include <string.h>

#include "compat.h"
#include "ui_int.h"
#include "vm.h"

int ui_editor_width(const struct ui_state *s)
{
	return MAX(10, s->cols - 6);
}

static struct ui_rect rect(int y, int x, int h, int w)
{
	struct ui_rect r;

	r.y = y;
	r.x = x;
	r.h = MAX(0, h);
	r.w = MAX(0, w);
	return r;
}

/*
 * split_pct: the first pane's share of the width (side by side) or of the
 * height (stacked), in percent; a negative value is the first pane's
 * height in lines when stacked.
 */
void vm_layout(const struct ui_state *s, struct vm *vm, int npanes, int split_pct)
{
	int top = 1, bh = s->lines - 3, w0, h0, i, focus = s->focus[s->screen];

	for (i = 0; i < UI_NPANES; i++)
		vm->pane[i].present = 0;
	vm->wide = s->cols >= VM_WIDE;
	if (npanes <= 1) {
		vm->pane[0].r = rect(top, 0, bh, s->cols);
		vm->pane[0].present = 1;
	} else if (vm->wide) {
		w0 = split_pct > 0 ? s->cols * split_pct / 100 : s->cols / 2;
		vm->pane[0].r = rect(top, 0, bh, w0);
		if (npanes == 2) {
			vm->pane[1].r = rect(top, w0 + 1, bh, s->cols - w0 - 1);
		} else {
			vm->pane[1].r = rect(top, w0 + 1, bh - bh / 2, s->cols - w0 - 1);
			vm->pane[2].r = rect(top + bh - bh / 2, w0 + 1, bh / 2, s->cols - w0 - 1);
			vm->pane[2].present = 1;
		}
		vm->pane[0].present = vm->pane[1].present = 1;
	} else {
		h0 = split_pct < 0 ? MIN(-split_pct, bh - 4) : bh * split_pct / 100;
		vm->pane[0].r = rect(top, 0, h0, s->cols);
		vm->pane[0].present = 1;
		/* stacked with three panes: the lower slot shows the focused one */
		i = npanes == 3 && focus == 2 ? 2 : 1;
		vm->pane[i].r = rect(top + h0, 0, bh - h0, s->cols);
		vm->pane[i].present = 1;
	}
	for (i = 0; i < UI_NPANES; i++) {
		vm->pane[i].width = MAX(1, vm->pane[i].r.w - 2);
		vm->pane[i].focus = vm->pane[i].present && i == focus && npanes > 1;
		vm->pane[i].sel = -1;
	}
}

void vm_scroll(struct vm_pane *p, int top)
{
	int visible = MAX(1, p->r.h - 1), first = -1, last = -1, max;
	size_t i;

	if (p->list && p->sel >= 0) {
		for (i = 0; i < p->nrows; i++) {
			if (p->rows[i].group != p->sel)
				continue;
			if (first < 0)
				first = (int)i;
			last = (int)i;
		}
		if (first >= 0) {
			if (last >= top + visible)
				top = last - visible + 1;
			if (first < top)
				top = first;
		}
	}
	max = MAX(0, (int)p->nrows - visible);
	p->top = MAX(0, MIN(top, max));
}
