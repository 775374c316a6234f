/*
 * Drawing the assessments screen: its panes as vm_assessments() laid them out.
 */
#include "draw.h"

void screen_assessments_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
