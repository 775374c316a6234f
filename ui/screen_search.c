/*
 * Drawing the search screen: its panes as vm_search() laid them out.
 */
#include "draw.h"

void screen_search_draw(const struct draw *d, const struct vm *vm)
{
	draw_panes(d, vm);
}
