/*
 * Drawing the collection screen: its panes as vm_collect() laid them out.
 */
#include "draw.h"

void screen_collect_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
