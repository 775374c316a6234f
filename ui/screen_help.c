/*
 * Drawing the help screen: its panes as vm_help() laid them out.
 */
#include "draw.h"

void screen_help_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
