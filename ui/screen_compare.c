/*
 * Drawing the compare screen: its panes as vm_compare() laid them out.
 */
#include "draw.h"

void screen_compare_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
