/*
 * The screen table: which drawing function shows which screen. A screen
 * registered without a drawing function here (ui_register_screen()) draws
 * as panes of rows.
 */
#include "draw.h"

#include "compat.h"

typedef void (*screen_fn)(const struct draw *d, const struct vm *vm);

static const screen_fn screens[SCR__COUNT] = {
	[SCR_ASSESSMENTS] = screen_assessments_draw,
	[SCR_OVERVIEW] = screen_overview_draw,
	[SCR_STEP] = screen_step_draw,
	[SCR_ITEM] = screen_item_draw,
	[SCR_HELP] = screen_help_draw,
	[SCR_SEARCH] = screen_search_draw,
	[SCR_SCORE] = screen_dashboard_draw,
	[SCR_PLAN] = screen_plan_draw,
	[SCR_COMPARE] = screen_compare_draw,
	[SCR_EXPORT] = screen_export_draw,
	[SCR_COLLECT] = screen_collect_draw,
};

void screen_draw(const struct draw *d, const struct vm *vm)
{
	werase(d->w);
	if (vm->too_small) {
		draw_too_small(d, vm);
		return;
	}
	draw_chrome(d, vm);
	if ((size_t)vm->screen < ARRAY_SIZE(screens) && screens[vm->screen])
		screens[vm->screen](d, vm);
	else
		draw_panes(d, vm);
	draw_dialog(d, &vm->dialog);
}
