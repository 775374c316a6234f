/*
 * The TUI as a pure state machine (DESIGN.md section 2, STYLE.md
 * "Separating UI from state"): struct ui_state is plain data, ui_apply()
 * changes it for one input and returns effect flags, and the app layer
 * (src/cli/tui_app.c) performs the effects (store writes, loading) and
 * feeds the results back through the ui_*() functions below. Nothing here
 * does I/O or includes curses, SQLite or libcurl.
 *
 * Saving: an answer is never shown as given until it is stored. The
 * reducer puts the answer it wants written in req.answer and returns
 * UE_SAVE_ANSWER; the answers the screens show change only when the app
 * calls ui_answer_saved() after the commit. A prompt or the note editor
 * stays open, with its text, until then; if the write fails
 * (ui_failed()) it stays open with the error, so nothing typed is lost.
 *
 * Ownership: the state owns everything in it (assessments, answers, the
 * request fields) unless a comment says borrowed. The catalog is borrowed
 * and must outlive the state.
 */
#ifndef AZMAT_UI_H
#define AZMAT_UI_H

#include <stddef.h>

#include "action.h"
#include "catalog.h"
#include "collect_event.h"
#include "diff.h"
#include "editor.h"
#include "evidence.h"
#include "keymap.h"
#include "model.h"
#include "plan.h"
#include "progress.h"
#include "score.h"
#include "search.h"
#include "strmap.h"

/* X(enum, name) */
#define UI_SCREEN_LIST(X) \
	X(SCR_ASSESSMENTS, "assessments") \
	X(SCR_OVERVIEW, "overview") \
	X(SCR_STEP, "step") \
	X(SCR_ITEM, "item") \
	X(SCR_HELP, "help") \
	X(SCR_SEARCH, "search") \
	X(SCR_SCORE, "score") \
	X(SCR_PLAN, "plan") \
	X(SCR_COMPARE, "compare") \
	X(SCR_EXPORT, "export") \
	X(SCR_COLLECT, "collect")

enum ui_screen {
#define UI_SCREEN_ENUM(e, name) e,
	UI_SCREEN_LIST(UI_SCREEN_ENUM)
#undef UI_SCREEN_ENUM
	SCR__COUNT
};

const char *ui_screen_name(enum ui_screen s);
/* SCR__COUNT when unknown. */
enum ui_screen ui_screen_parse(const char *name);

/* The effects ui_apply() asks for; the app layer performs them. */
enum ui_effect {
	UE_REDRAW = 1 << 0,
	UE_SAVE_ANSWER = 1 << 1,   /* store req.answer for the open assessment */
	UE_SAVE_POSITION = 1 << 2, /* store req.pos for req.aid */
	UE_LOAD_LIST = 1 << 3,     /* reload the assessments: ui_set_list() */
	UE_OPEN = 1 << 4,          /* load assessment req.aid: ui_set_open() */
	UE_CREATE = 1 << 5,        /* create from req.fields, then open it */
	UE_UPDATE = 1 << 6,        /* update req.aid from req.fields */
	UE_DELETE = 1 << 7,        /* delete req.aid */
	UE_DEMO = 1 << 8,          /* create or reopen the demo assessment, open it */
	UE_RESCORE = 1 << 9,       /* answers changed: recompute scores if scoring exists */
	UE_DUMP = 1 << 10,         /* write the screen as text to req.path */
	UE_QUIT = 1 << 11,
	UE_SAVE_PLAN = 1 << 12,    /* store req.item_id's owner/due/status (NULL: unchanged) */
	UE_COMPARE = 1 << 13,      /* load assessment req.aid to compare: ui_set_compare() */
	UE_EXPORT = 1 << 14,       /* write req.export to req.path: ui_exported() */
	UE_SIGNOFF = 1 << 15,      /* sign the open assessment off as who: ui_signed_off() */
	UE_COLLECT_START = 1 << 16, /* sign in with coll's settings and run the pre-flight */
	UE_COLLECT_RUN = 1 << 17,   /* the pre-flight was confirmed: run the collection */
	UE_COLLECT_CANCEL = 1 << 18, /* stop the sign-in, pre-flight or run (or drop the sign-in) */
	UE_RELOAD = 1 << 19,       /* the store changed under the open assessment: reload its evidence */
	UE_SAVE_ANSWERS = 1 << 20, /* store each of req.batch in turn (ui_batch_next()), then ui_batch_saved() */
};

enum ui_flags {
	UI_UTF8 = 1 << 0,   /* the locale is UTF-8: Unicode borders and bars */
	UI_COLOR = 1 << 1,  /* colours may be used (not NO_COLOR, terminal has them) */
	UI_DEMO = 1 << 2,   /* the demo assessment can be offered */
	UI_PRIVATE = 1 << 3, /* the privacy toggle is on */
};

/* Where the operator is, stored per assessment and restored on open. */
struct ui_position {
	enum ui_screen screen; /* SCR_OVERVIEW, SCR_STEP or SCR_ITEM */
	unsigned step;         /* index 0..8 */
	unsigned item;         /* index within the step */
	unsigned question;     /* index within the item */
	unsigned scroll;       /* the item's guidance pane */
	unsigned pane;         /* the focused pane */
};

/* "v1 screen=item step=2 item=0 question=3 scroll=0 pane=0" */
void ui_position_format(const struct ui_position *p, char *out, size_t n);
/* Parse what ui_position_format() wrote; -1 (out untouched) when malformed. */
int ui_position_parse(const char *s, struct ui_position *out /* OUT: on success */);

/* Per screen and pane: the selected row group and the first row shown. */
struct ui_pane_state {
	int sel;
	int top;
};

#define UI_NPANES 3

/* What ui_sync() learnt from the last frame, for the mouse and paging. */
struct ui_hit {
	int present;
	int list;      /* rows are selectable */
	int y, x, h, w; /* the rows' area on screen */
	int top;
	int *group;    /* group of each visible row (h entries), -1 for none */
};

enum ui_modal { MODAL_NONE, MODAL_FORM, MODAL_CONFIRM, MODAL_EDITOR };

/*
 * FORM_OVERRIDE: why an answer differs from the evidence's suggestion;
 * FORM_PLAN: a plan task's owner, due date and status; FORM_FILE: the
 * export's file name.
 */
enum ui_form_kind {
	FORM_NA, FORM_RISK, FORM_NEW, FORM_RENAME, FORM_OVERRIDE, FORM_PLAN, FORM_FILE,
	FORM_COLLECT, /* one of the collection's text settings (a path, the subscriptions) */
};

enum ui_confirm_kind { CONFIRM_DELETE, CONFIRM_SIGNOFF, CONFIRM_OVERWRITE };

#define UI_FORM_FIELDS 4

struct ui_form {
	enum ui_form_kind kind;
	size_t n;     /* fields in use */
	size_t field; /* the focused field */
	const char *label[UI_FORM_FIELDS];
	struct editor f[UI_FORM_FIELDS];
	char error[200];
	int saving; /* submitted, waiting for the app */
	enum answer_value value; /* FORM_OVERRIDE: the answer being given */
	char label_text[200];    /* a label composed for this form */
};

enum ui_msg_kind { MSG_NONE, MSG_INFO, MSG_OK, MSG_ERROR };

/* A later screen (score, plan, compare, export); see ui_register_screen(). */
struct vm;
struct ui_state;
struct ui_screen_ext {
	const char *title;
	/*
	 * Fill the view model's panes for the screen. It is called with one
	 * pane laid out over the whole body; call vm_layout() for more.
	 */
	void (*build)(const struct ui_state *s, const struct catalog *cat, struct vm *vm);
	/* Handle an input on the screen; NULL: generic list navigation. */
	unsigned (*apply)(struct ui_state *s, const struct catalog *cat, const struct ui_input *in);
	/*
	 * The rows (groups) of the list in pane, so that the selection stays
	 * on them; NULL: the screen clamps its own.
	 */
	int (*list_len)(const struct ui_state *s, int pane);
	int focus; /* the pane that has the focus when the screen opens */
};

/*
 * A pane that later work adds to the item screen (the evidence panel): it
 * appends rows for it to the pane. NULL: no such pane.
 */
struct vm_pane;
typedef void (*ui_item_pane_fn)(const struct ui_state *s, const struct catalog *cat,
				const struct cat_item *it, int width, struct vm_pane *pane);

/*
 * What scoring reads beyond the answers, for one assessment, and what it
 * computes (ui_scoring.c). Everything is owned; score and plan borrow from
 * ev, ov and the assessment's answers, and are recomputed whenever those
 * change (ui_rescore()).
 */
struct ui_scoring {
	int loaded;
	struct evidence_set ev;   /* current evidence, with offending resources */
	char **carried;           /* question ids carried over, not confirmed yet */
	size_t ncarried;
	struct plan_overrides ov; /* the operator's plan edits */
	char today[16];           /* the plan's date (the sign-off date once signed) */
	int have_score;
	struct score score;
	int have_plan;
	struct plan plan;
};

/* Another assessment to compare the open one with (ui_compare.c). */
struct ui_compare {
	int loaded;
	struct assessment a;      /* owned */
	struct answer_set answers;
	struct ui_scoring sc;
	int open_is_after;        /* the open assessment is the later one */
	int picking;              /* choosing another while one is shown */
	struct diff_side before, after; /* the diff borrows these */
	int have_diff;
	struct diff diff;
};

/* How the plan screen sorts and filters (ui_plan.c). */
enum ui_owner_filter { OWNER_ANY, OWNER_NONE, OWNER_NAMED };
struct ui_plan_view {
	enum plan_sort sort;
	int descending;
	int lane;                 /* an enum plan_lane, or -1 for any */
	enum ui_owner_filter owner_mode;
	char owner[256];          /* OWNER_NAMED: whose tasks */
};

/* What to export and where (ui_export.c). */
#define UI_EXPORT_LIST(X) \
	X(EXPORT_REPORT, "report", "Report") \
	X(EXPORT_PLAN, "plan", "Plan") \
	X(EXPORT_DIFF, "diff", "Comparison")

enum ui_export_what {
#define UI_EXPORT_ENUM(e, id, label) e,
	UI_EXPORT_LIST(UI_EXPORT_ENUM)
#undef UI_EXPORT_ENUM
	EXPORT__COUNT
};

struct ui_export {
	enum ui_export_what what;
	int format;         /* an enum report_format value (report.h order) */
	struct editor file; /* the file name */
	int overwrite;      /* the operator agreed to replace an existing file */
};

/*
 * The collection screen (ui_collect.c). The credential choices: X(enum,
 * kind, label), where kind is `azmat collect --auth`'s. A secret is never
 * typed here: it comes from the environment (taken by the app at start) or
 * from a file whose path is typed.
 */
#define UI_CRED_LIST(X) \
	X(UCRED_AUTO, "auto", "auto: the first one configured") \
	X(UCRED_SECRET_ENV, "secret", "client secret from the environment") \
	X(UCRED_SECRET_FILE, "secret", "client secret from a file") \
	X(UCRED_CERTIFICATE, "certificate", "certificate") \
	X(UCRED_WORKLOAD, "workload", "workload identity") \
	X(UCRED_MSI, "msi", "managed identity") \
	X(UCRED_CLI, "cli", "Azure CLI login") \
	X(UCRED_DEVICE, "device", "device code")

enum ui_cred {
#define UI_CRED_ENUM(e, kind, label) e,
	UI_CRED_LIST(UI_CRED_ENUM)
#undef UI_CRED_ENUM
	UCRED__COUNT
};

/* The clouds the screen offers (custom endpoints come from the environment). */
#define UI_CLOUD_LIST(X) \
	X("public", "Azure (public)") \
	X("usgov", "Azure US Government") \
	X("china", "Azure China (21Vianet)")

/*
 * Where a collection is. Busy (a worker runs): signing in, pre-flight,
 * running, cancelling.
 */
enum ui_collect_phase {
	CP_SETUP,      /* choosing the credential, cloud and subscriptions */
	CP_SIGNING_IN, /* signing in (device code: the URL and code are shown) */
	CP_PREFLIGHT,  /* signed in: reading what the identity may see */
	CP_CONFIRM,    /* the pre-flight's result, waiting for the go-ahead */
	CP_RUNNING,
	CP_CANCELLING,
	CP_DONE,       /* the run ended (complete, partial or interrupted) */
	CP_FAILED,     /* signing in or the pre-flight failed */
};

/* A check the pre-flight expects to be not assessable. */
struct ui_collect_blocked {
	char *check, *cause, *why;
};

/* Lines the collection log keeps (the oldest are dropped). */
#define UI_COLLECT_LOG_MAX 500

struct ui_collect {
	enum ui_collect_phase phase;
	/* The settings, kept across runs and assessments. */
	enum ui_cred cred;
	int cloud; /* index in UI_CLOUD_LIST */
	struct editor secret_file, cert_file, tenant, client, subs;
	int form_row;             /* the setting an open FORM_COLLECT edits */
	/* What the app found (CEV_SETUP): owned, NULL when not told. */
	char *have;               /* credential kinds the environment offers, comma-separated */
	char *env_client, *env_tenant;
	long long resumable;      /* the assessment's interrupted run, 0: none */
	unsigned long long resumable_left; /* its checks still to collect */
	int resume;               /* this collection resumes that run */
	/* Signing in and the pre-flight (owned, NULL until known). */
	char *url, *code;
	char *identity, *tenant_seen, *arm, *graph, *licences;
	unsigned long long subs_n, subs_role, checks;
	struct ui_collect_blocked *blocked;
	size_t nblocked, blocked_alloc;
	/* Progress. */
	unsigned long long done, total, requests, in_flight, retries, throttled, wait_ms, elapsed_ms;
	unsigned long long running;
	char *current;
	unsigned long long count[CHECK_STATUS__COUNT]; /* results by status */
	/* The end. */
	long long run;
	enum run_status run_status;
	char error[300];
	/* The log, oldest first (owned). */
	char **log;
	size_t nlog;
};

struct ui_state {
	const struct catalog *cat; /* borrowed */
	unsigned flags;
	int lines, cols;

	/* The assessments in the store (owned), with their progress. */
	struct assessment *list;
	struct progress *list_progress;
	size_t nlist;

	/* The open assessment (owned), when open is set. */
	int open;
	struct assessment a;
	struct answer_set answers;
	const char *who; /* borrowed: who answers, for the header */

	/* Hooks filled by later work; absent until then. */
	int have_scores;
	double step_score[CAT_NSTEPS]; /* 0..100 when have_scores */
	int level;                     /* maturity level, -1 when unknown */
	int level_provisional;
	const struct ui_screen_ext *ext[SCR__COUNT];
	ui_item_pane_fn item_pane;
	const char *item_pane_title;

	/* Navigation. */
	enum ui_screen screen;
	enum ui_screen back; /* where help and search return to */
	unsigned step, item; /* the step and item shown (indexes) */
	int focus[SCR__COUNT];
	struct ui_pane_state pane[SCR__COUNT][UI_NPANES];
	struct ui_hit hit[UI_NPANES];
	int paste; /* inside a bracketed paste */

	/* Dialogs. */
	enum ui_modal modal;
	struct ui_form form;
	struct editor note;
	int note_saving;

	/* Search. */
	struct editor query;
	struct search_hits hits;

	/* Evidence, score, plan, comparison and export of the open assessment. */
	struct ui_scoring sc;
	struct ui_compare cmp;
	struct ui_plan_view plan_view;
	struct ui_export export;
	struct ui_collect coll;
	enum ui_confirm_kind confirm;

	/* The privacy toggle's words (ui_privacy.c): the roadmap's own, the open assessment's names. */
	struct strmap common_words;
	struct strmap private_names;

	/* The status message. */
	enum ui_msg_kind msg_kind;
	char msg[300];

	/* What the app is asked to do (see enum ui_effect). */
	struct {
		long long aid;
		struct answer answer;
		struct answer_set batch; /* UE_SAVE_ANSWERS: taken one by one into answer */
		struct ui_position pos;
		char *name, *org, *tenant, *assessor;
		char *path;
		/* UE_SAVE_PLAN: the task and what changes (NULL: unchanged) */
		char *item_id, *owner, *due, *status;
		/* UE_EXPORT: what and how (the file is path) */
		enum ui_export_what export_what;
		int export_format;
		int overwrite;
	} req;
};

/* Initialise s for cat (borrowed) at lines x cols with flags. */
void ui_init(struct ui_state *s, const struct catalog *cat, int lines, int cols, unsigned flags);
void ui_release(struct ui_state *s);

/*
 * Register a later screen (the app layer does this for each one built).
 * Its key works and help lists it only once registered.
 */
void ui_register_screen(struct ui_state *s, enum ui_screen scr, const struct ui_screen_ext *ext);
/* True when scr can be shown (built in, or registered). */
int ui_screen_available(const struct ui_state *s, enum ui_screen scr);
/* The screen an action opens (ACT_SCORE: SCR_SCORE ...), SCR__COUNT for none. */
enum ui_screen ui_action_screen(enum ui_action a);
/* False for the action of a later screen that is not registered. */
int ui_action_available(const struct ui_state *s, enum ui_action a);

/*
 * The key contexts active now, most specific first (for keymap_lookup()).
 * Returns how many were written to out (room for CTX__COUNT).
 */
size_t ui_contexts(const struct ui_state *s, enum ui_context *out);

/* Apply one input; returns enum ui_effect flags. Never does I/O. */
unsigned ui_apply(struct ui_state *s, const struct ui_input *in);

/* ---- feeding results back (the app layer calls these) ---------------- */

/* Replace the assessment list; takes ownership of list and prog (may be NULL). */
void ui_set_list(struct ui_state *s, struct assessment *list, struct progress *prog, size_t n);
/*
 * Show an opened assessment. Takes ownership of *a and *answers (both left
 * empty). position is the stored position (NULL or malformed: overview).
 */
void ui_set_open(struct ui_state *s, struct assessment *a, struct answer_set *answers,
		 const char *position);
/* The answer in req.answer was stored: show it, close its prompt. */
void ui_answer_saved(struct ui_state *s);
/*
 * UE_SAVE_ANSWERS: move the next answer of req.batch into req.answer and
 * return 1 (store it, then call ui_answer_saved() as for UE_SAVE_ANSWER),
 * or return 0 when none is left. Then ui_batch_saved() with how many were
 * stored and whether one failed (after its ui_failed()).
 */
int ui_batch_next(struct ui_state *s);
void ui_batch_saved(struct ui_state *s, size_t saved, int failed);
/* An effect failed: show msg as an error; prompts and the editor stay open. */
void ui_failed(struct ui_state *s, unsigned effect, const char *msg);
/* Set the status message. */
void ui_message(struct ui_state *s, enum ui_msg_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The current position (for saving on exit). */
void ui_position_get(const struct ui_state *s, struct ui_position *out);

/* ---- evidence, scores, plan, comparison (ui_scoring.c, ui_compare.c) ---- */

/*
 * The open assessment's evidence (with offenders), carried-over question
 * ids and plan overrides, and the plan's date. Takes ownership of *ev,
 * carried and *ov (left empty); computes the score and the plan.
 */
void ui_set_scoring(struct ui_state *s, struct evidence_set *ev, char **carried, size_t ncarried,
		    struct plan_overrides *ov, const char *today);
/* Recompute the score, plan and comparison from what the state holds. */
void ui_rescore(struct ui_state *s);
/* req's plan edit was stored; ov (taken) is every override now. */
void ui_plan_saved(struct ui_state *s, struct plan_overrides *ov);
/*
 * Compare with another assessment: takes ownership of *a, *answers, *ev,
 * carried and *ov, as for ui_set_scoring().
 */
void ui_set_compare(struct ui_state *s, struct assessment *a, struct answer_set *answers,
		    struct evidence_set *ev, char **carried, size_t ncarried,
		    struct plan_overrides *ov, const char *today);
/* The assessment was signed off at (ISO time) by who. */
void ui_signed_off(struct ui_state *s, const char *at, const char *by);
/* The export was written (bytes long), or the file exists (ask first). */
void ui_exported(struct ui_state *s, size_t bytes);
void ui_export_exists(struct ui_state *s);

/*
 * The answer the evidence suggests for question q, or ANSWER_NONE: only
 * while q has no answer (or "unknown") and the item has evidence. The band
 * of the evidence ratio, capped at Partial when a gating check failed.
 */
enum answer_value ui_suggestion(const struct ui_state *s, const struct cat_question *q);
/* True when q's answer was carried over and is not confirmed yet. */
int ui_is_carried(const struct ui_state *s, const char *question_id);
/* The score of item it, or NULL before scoring. */
const struct score_item *ui_item_score(const struct ui_state *s, const struct cat_item *it);

/*
 * The later screens built in ui/, for the app to register with
 * ui_register_screen() once it can feed them (ui_set_scoring()), and the
 * item screen's evidence panel for ui_state.item_pane.
 */
extern const struct ui_screen_ext ui_screen_dashboard; /* SCR_SCORE */
extern const struct ui_screen_ext ui_screen_plan;      /* SCR_PLAN */
extern const struct ui_screen_ext ui_screen_compare;   /* SCR_COMPARE */
extern const struct ui_screen_ext ui_screen_export;    /* SCR_EXPORT */
extern const struct ui_screen_ext ui_screen_collect;   /* SCR_COLLECT */
void ui_evidence_pane(const struct ui_state *s, const struct catalog *cat,
		      const struct cat_item *it, int width, struct vm_pane *pane);

/* ---- the collection screen (ui_collect.c) ------------------------------ */

/*
 * The collection screen's flow. The operator chooses a credential, cloud
 * and subscriptions (CP_SETUP) and starts (UE_COLLECT_START: the app signs
 * in and runs the pre-flight in the background, reading coll's settings);
 * the app reports through ACT_COLLECT_EVENT inputs (collect_event.h): the
 * device code, signed in, each check the pre-flight expects not
 * assessable, the pre-flight (CP_CONFIRM). Confirming asks for
 * UE_COLLECT_RUN; progress and results follow, and the end (CP_DONE)
 * returns UE_RELOAD so that the evidence panels show the new results.
 * Cancelling (c or Esc) asks for UE_COLLECT_CANCEL; the run then ends
 * interrupted, and r resumes it (coll.resume set, UE_COLLECT_START).
 */
/* True while a sign-in, pre-flight or run is under way. */
int ui_collect_busy(const struct ui_state *s);
/* The kind (`--auth`) and label of a credential choice; the id and label of a cloud. */
const char *ui_cred_kind(enum ui_cred c);
const char *ui_cred_label(enum ui_cred c);
size_t ui_cloud_count(void);
const char *ui_cloud_id(int i);
const char *ui_cloud_label(int i);

/*
 * After drawing: remember what the view model computed (scroll offsets kept
 * in range, the rows on screen for the mouse and paging).
 */
void ui_sync(struct ui_state *s, const struct vm *vm);

#endif
