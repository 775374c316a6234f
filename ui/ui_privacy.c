/*
 * The tenant's own names, for the privacy toggle to find in free text.
 *
 * A note may say "kv-legacy has no purge protection, Chiara will fix it":
 * neither is a GUID, an address or a resource id, yet both identify the
 * tenant. So the words of every name the open assessment knows (offending
 * resources and accounts in the evidence, the organisation, the assessor,
 * risk and task owners, who changed what) go into one set, less the words
 * the roadmap itself uses ("Global", "Administrator", "policy"), and
 * vm_private() masks those words wherever free text shows them.
 *
 * The set only grows while an assessment is open (a name dropped from an
 * answer may still be in a note), and is rebuilt when the evidence changes.
 */
#include <string.h>

#include "privacy.h"
#include "ui_int.h"

/* Every word of the catalog's own text, once per state. */
static void common_words(struct ui_state *s)
{
	const struct catalog *cat = s->cat;
	size_t i, j;

	if (s->common_words.n || !cat)
		return;
	for (i = 0; i < cat->nitems; i++) {
		const struct cat_item *it = cat->items[i];
		privacy_words_add(&s->common_words, it->title);
		privacy_words_add(&s->common_words, it->guidance);
		privacy_words_add(&s->common_words, it->why);
		privacy_words_add(&s->common_words, it->action);
		privacy_words_add(&s->common_words, it->acceptance);
		for (j = 0; j < it->nquestions; j++) {
			privacy_words_add(&s->common_words, it->questions[j].text);
			privacy_words_add(&s->common_words, it->questions[j].hint);
		}
	}
	for (i = 0; i < cat->nchecks; i++) {
		privacy_words_add(&s->common_words, cat->checks[i].title);
		privacy_words_add(&s->common_words, cat->checks[i].remediation);
	}
}

void ui_privacy_add(struct ui_state *s, const char *name)
{
	if (name && *name)
		privacy_names_add(&s->private_names, name, &s->common_words);
}

void ui_privacy_rebuild(struct ui_state *s)
{
	size_t i, j;

	strmap_release(&s->private_names, NULL);
	if (!s->open)
		return;
	common_words(s);
	ui_privacy_add(s, s->a.organisation);
	ui_privacy_add(s, s->a.assessor);
	ui_privacy_add(s, s->a.signed_off_by);
	for (i = 0; i < s->answers.n; i++) {
		ui_privacy_add(s, s->answers.a[i].owner);
		ui_privacy_add(s, s->answers.a[i].updated_by);
	}
	for (i = 0; i < s->sc.ov.n; i++) {
		ui_privacy_add(s, s->sc.ov.o[i].owner);
		ui_privacy_add(s, s->sc.ov.o[i].updated_by);
	}
	for (i = 0; i < s->sc.ev.n; i++)
		for (j = 0; j < s->sc.ev.r[i].noffenders; j++)
			ui_privacy_add(s, s->sc.ev.r[i].offenders[j].name);
}

void ui_privacy_release(struct ui_state *s)
{
	strmap_release(&s->private_names, NULL);
	strmap_release(&s->common_words, NULL);
}
