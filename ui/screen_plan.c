/*
 * Drawing the plan screen: its panes as vm_plan() laid them out.
 */
#include "draw.h"

void screen_plan_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
