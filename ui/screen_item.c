/*
 * Drawing the item screen: its panes as vm_item() laid them out.
 */
#include "draw.h"

void screen_item_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
