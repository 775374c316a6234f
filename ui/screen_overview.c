/*
 * Drawing the overview screen: its panes as vm_overview() laid them out.
 */
#include "draw.h"

void screen_overview_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
