/*
 * Evidence: the results of automated checks (DESIGN.md section 4), as the
 * collector produces them, the store keeps them, and scoring, the TUI and
 * the reports read them. Plain data; the store owns persistence.
 */
#ifndef AZMAT_EVIDENCE_H
#define AZMAT_EVIDENCE_H

#include <stddef.h>

#define CHECK_STATUS_LIST(X) \
	X(CHECK_PASS, "pass") \
	X(CHECK_FAIL, "fail") \
	X(CHECK_PARTIAL, "partial") \
	X(CHECK_NOT_ASSESSABLE, "not-assessable")

enum check_status {
#define CHECK_STATUS_ENUM(e, s) e,
	CHECK_STATUS_LIST(CHECK_STATUS_ENUM)
#undef CHECK_STATUS_ENUM
	CHECK_STATUS__COUNT
};

/* Why a check is not assessable. CAUSE_NONE for every other status. */
#define CHECK_CAUSE_LIST(X) \
	X(CAUSE_NONE, "", "") \
	X(CAUSE_PERMISSION, "permission", "the identity lacks the permission") \
	X(CAUSE_LICENCE, "licence", "the tenant lacks the licence") \
	X(CAUSE_THROTTLED, "throttled", "throttled by the API until the retries ran out") \
	X(CAUSE_TIMEOUT, "timeout", "timed out") \
	X(CAUSE_API_ERROR, "api-error", "the API returned an error or an unusable response") \
	X(CAUSE_NOT_COLLECTED, "not-collected", "not collected") \
	X(CAUSE_NOTHING_IN_SCOPE, "nothing-in-scope", "nothing in scope to judge")

enum check_cause {
#define CHECK_CAUSE_ENUM(e, s, d) e,
	CHECK_CAUSE_LIST(CHECK_CAUSE_ENUM)
#undef CHECK_CAUSE_ENUM
	CHECK_CAUSE__COUNT
};

const char *check_status_id(enum check_status s);
/* -1 when s is not a status id. */
int check_status_parse(const char *s);
const char *check_cause_id(enum check_cause c);
/* A short human description of the cause. */
const char *check_cause_text(enum check_cause c);
/* -1 when s is not a cause id. */
int check_cause_parse(const char *s);

/* One resource that fails a check. */
struct offender {
	char *id; /* ARM id or Graph object id */
	char *name;
	char *detail; /* why it fails */
};

/* One HTTP request made for a check (URL without secrets or tokens). */
struct check_request {
	char *method;
	char *url;
	int status; /* HTTP status, 0 when no response */
};

struct check_result {
	char *check_id;
	enum check_status status;
	enum check_cause cause; /* CAUSE_NONE unless not assessable */
	unsigned long healthy;  /* resources that pass */
	unsigned long total;    /* resources judged */
	char *summary;          /* one line for humans */
	struct offender *offenders; /* at most the store's cap */
	size_t noffenders;
	size_t offenders_alloc;
	unsigned long offending_total; /* the true count, >= noffenders */
	struct check_request *requests;
	size_t nrequests;
	size_t requests_alloc;
	char *collected_at; /* ISO 8601 UTC */
	long long run_id;   /* 0 until stored */
};

/* Initialise r for check_id with empty strings, not collected. */
void check_result_init(struct check_result *r, const char *check_id);
void check_result_release(struct check_result *r);
void check_result_copy(struct check_result *dst, const struct check_result *src);
/* Append an offender (copies the strings) and count it. */
void check_result_add_offender(struct check_result *r, const char *id, const char *name,
			       const char *detail);
/* Append a request record (copies the strings). */
void check_result_add_request(struct check_result *r, const char *method, const char *url,
			      int status);
/* Replace the summary (copy). */
void check_result_set_summary(struct check_result *r, const char *summary);

/* The pass ratio: pass 1, fail 0, partial healthy/total; -1 when not assessable. */
double check_result_ratio(const struct check_result *r);

/* A set of results, at most one per check. */
struct evidence_set {
	struct check_result *r;
	size_t n;
	size_t alloc;
};

#define EVIDENCE_SET_INIT { NULL, 0, 0 }

const struct check_result *evidence_find(const struct evidence_set *e, const char *check_id);
/* Add a copy of r, replacing the result for the same check. */
void evidence_put(struct evidence_set *e, const struct check_result *r);
void evidence_release(struct evidence_set *e);

#define RUN_STATUS_LIST(X) \
	X(RUN_RUNNING, "running") \
	X(RUN_COMPLETE, "complete") \
	X(RUN_PARTIAL, "partial") \
	X(RUN_INTERRUPTED, "interrupted") \
	X(RUN_FAILED, "failed")

enum run_status {
#define RUN_STATUS_ENUM(e, s) e,
	RUN_STATUS_LIST(RUN_STATUS_ENUM)
#undef RUN_STATUS_ENUM
	RUN_STATUS__COUNT
};

const char *run_status_id(enum run_status s);
int run_status_parse(const char *s);

/* A collection run: one live collection or one bundle import. */
struct evidence_run {
	long long id;
	long long assessment_id;
	char *source;    /* "live", "bundle" or "demo" */
	char *started_at;
	char *finished_at; /* "" while running */
	enum run_status status;
	char *identity;  /* who collected, e.g. "service principal <appId> (certificate)"; never a secret */
	char *cloud;     /* "public", "usgov", "china", "custom" */
	char *endpoints; /* JSON text {"authority", "arm", "graph"} */
	char *scope;     /* JSON text: requested subscriptions and checks */
	char *detail;    /* bundle path, or why the run failed */
};

void evidence_run_init(struct evidence_run *run);
void evidence_run_release(struct evidence_run *run);

#endif
