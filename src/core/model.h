/*
 * Plain data shared by the store, the UI, scoring and the exporters.
 * Every string field is owned by its struct and is never NULL unless the
 * comment says it may be.
 */
#ifndef AZMAT_MODEL_H
#define AZMAT_MODEL_H

#include <stddef.h>

#include "answer.h"

struct assessment {
	long long id;
	char *name;
	char *tenant_id;
	char *organisation;
	char *assessor;
	char *catalog_version;
	char *created_at; /* ISO 8601 UTC */
	char *updated_at;
	char *signed_off_at; /* NULL until signed off */
	char *signed_off_by; /* NULL until signed off */
};

/* Free the strings of a and zero it. */
void assessment_release(struct assessment *a);

struct answer {
	char *question_id;
	enum answer_value value; /* ANSWER_NONE: only a note so far */
	char *reason;            /* not applicable / risk accepted: why */
	char *owner;             /* risk accepted: who owns the risk */
	char *expiry;            /* risk accepted: "YYYY-MM-DD", else "" */
	char *note;
	char *updated_at;
	char *updated_by;
	/*
	 * What the evidence suggested when the operator answered (accepting
	 * the suggestion or overriding it), ANSWER_NONE when it suggested
	 * nothing; and, for an override, why the answer differs ("" else).
	 */
	enum answer_value suggested;
	char *override_reason;
};

/* Set a to empty strings and ANSWER_NONE for question_id (copied). */
void answer_init(struct answer *a, const char *question_id);
void answer_release(struct answer *a);
/* Deep copy of src into dst (dst uninitialised). */
void answer_copy(struct answer *dst, const struct answer *src);

struct answer_set {
	struct answer *a;
	size_t n;
	size_t alloc;
};

#define ANSWER_SET_INIT { NULL, 0, 0 }

/* The answer to question_id, or NULL (borrowed). */
const struct answer *answer_set_find(const struct answer_set *s, const char *question_id);
/* Add a copy of a, replacing an answer to the same question. */
void answer_set_put(struct answer_set *s, const struct answer *a);
void answer_set_release(struct answer_set *s);

struct history_entry {
	char *question_id;
	char *field; /* "value", "note", "reason", "owner", "expiry" */
	char *old_value; /* "" when there was none */
	char *new_value;
	char *changed_at;
	char *changed_by;
	char *source; /* "cli", "tui", "sheet", ... */
};

void history_entry_release(struct history_entry *h);

#endif
