/*
 * A collection run's bookkeeping in the store, shared by `azmat collect`
 * and the TUI's collection screen: begin a run (or take up an interrupted
 * one), store each result as it comes, and finish the run with the status
 * its results earn. Also: finding the interrupted run to resume and the
 * checks it still needs.
 *
 * Everything here touches the store, so it runs on the thread that owns
 * the store's connection (the TUI's main thread, never its worker).
 */
#ifndef AZMAT_COLLECT_BOOK_H
#define AZMAT_COLLECT_BOOK_H

#include "cli_azure.h"
#include "cli_briefs.h"
#include "evidence.h"
#include "store.h"

struct collect_book {
	struct store *st;  /* borrowed */
	long long run_id;
	struct briefs b; /* owned: the results so far (a resumed run's earlier ones too) */
	struct errmsg store_err; /* the first store write that failed */
};

/* The newest interrupted run of an assessment, to resume. */
struct collect_resume {
	long long run_id; /* 0: none (a new run) */
	char *checks;     /* the run's checks, comma-separated (owned) */
	char *subs;       /* its subscriptions, or NULL for all (owned) */
	struct evidence_set done; /* what it stored before */
};

/*
 * Find the newest interrupted run of assessment aid into *rs (zeroed
 * first; release with collect_resume_release()). AZ_ERR_NOTFOUND when it
 * has none.
 */
enum az_err collect_resume_find(struct store *st, long long aid, struct collect_resume *rs,
				struct errmsg *em);
void collect_resume_release(struct collect_resume *rs);
/* Keep only the checks of s a resumed run still needs (no result, or cut short). */
void collect_resume_keep(struct azure_session *s, const struct collect_resume *rs);
/* How many of the checks named in rs->checks still need collecting. */
size_t collect_resume_left(const struct collect_resume *rs);

/*
 * Begin a run for assessment aid as s (signed in) describes it, or take
 * up rs's run when rs is not NULL and names one (its earlier results are
 * kept in the book, except those of the checks s will collect again).
 * *k is initialised here; release it with collect_book_release() either
 * way.
 */
enum az_err collect_book_begin(struct collect_book *k, struct store *st, long long aid,
			       const struct azure_session *s, const struct collect_resume *rs,
			       struct errmsg *em);
/* Store r (borrowed) in the run and note it; a failed write goes to store_err. */
void collect_book_result(struct collect_book *k, const struct check_result *r);
/*
 * The status the run earned: interrupted when cancelled, partial when a
 * check was not assessable for any cause but "nothing in scope", else
 * complete.
 */
enum run_status collect_book_status(const struct collect_book *k, int cancelled);
/* Record the run's end with that status (*out, when not NULL). */
enum az_err collect_book_finish(struct collect_book *k, int cancelled, enum run_status *out,
				struct errmsg *em);
void collect_book_release(struct collect_book *k);

#endif
