/*
 * The privacy toggle: masking what an audience should not read off a
 * projected screen. Pure string functions; the view model calls them for
 * every field when the toggle is on.
 *
 * Two strengths:
 *  - privacy_mask_name(): a field that is wholly a name of a person, an
 *    organisation or a resource (assessor, risk owner, who changed an
 *    answer, organisation, resource names in evidence) is replaced by a
 *    fixed mask that does not reveal its length;
 *  - privacy_mask_text(): free text (notes, reasons, assessment names,
 *    evidence details) keeps its words, but identifiers inside it are
 *    masked: GUIDs (tenant, subscription and object ids), e-mail
 *    addresses and user principal names, and Azure resource ids
 *    ("/subscriptions/.../providers/..."), whose every segment after the
 *    first is masked; and, when given a set of the tenant's own names,
 *    every word of the text found in it (see privacy_names_add()).
 */
#ifndef AZMAT_UI_PRIVACY_H
#define AZMAT_UI_PRIVACY_H

#include "buf.h"
#include "strmap.h"

#define PRIVACY_MASK "[hidden]"
#define PRIVACY_GUID_MASK "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"

/* Append the mask for a name (PRIVACY_MASK), or "" when s is empty. */
void privacy_mask_name(struct buf *out, const char *s);
/*
 * Append s with GUIDs, e-mail addresses and resource ids masked, and the
 * words found in names (compared without case; may be NULL).
 */
void privacy_mask_text(struct buf *out, const char *s, const struct strmap *names);

/*
 * Add the words of a name (a resource, a person, an organisation) to
 * names: runs of letters, digits and "-_." (and any non-ASCII byte) of at
 * least three bytes that hold a letter, except the words in common (may be
 * NULL), the words the roadmap itself uses, which give nothing away.
 */
void privacy_names_add(struct strmap *names, const char *s, const struct strmap *common);

/* Add every word of text (as privacy_names_add() splits them) to words. */
void privacy_words_add(struct strmap *words, const char *text);

#endif
