/*
 * Drawing the export screen: its panes as vm_export() laid them out.
 */
#include "draw.h"

void screen_export_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
