/*
 * Drawing the dashboard screen: its panes as vm_dashboard() laid them out.
 */
#include "draw.h"

void screen_dashboard_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
