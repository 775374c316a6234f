/*
 * Drawing the step screen: its panes as vm_step() laid them out.
 */
#include "draw.h"

void screen_step_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
