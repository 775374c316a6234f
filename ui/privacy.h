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
 *    first is masked.
 */
#ifndef AZMAT_UI_PRIVACY_H
#define AZMAT_UI_PRIVACY_H

#include "buf.h"

#define PRIVACY_MASK "[hidden]"
#define PRIVACY_GUID_MASK "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"

/* Append the mask for a name (PRIVACY_MASK), or "" when s is empty. */
void privacy_mask_name(struct buf *out, const char *s);
/* Append s with GUIDs, e-mail addresses and resource ids masked. */
void privacy_mask_text(struct buf *out, const char *s);

#endif
