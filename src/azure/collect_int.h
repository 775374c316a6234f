/*
 * Inside the collector: jobs (one per check), their requests, and the
 * prerequisites some jobs wait for (the subscription list, the licences).
 */
#ifndef AZMAT_COLLECT_INT_H
#define AZMAT_COLLECT_INT_H

#include "collect.h"
#include "eval.h"
#include "source.h"

struct collector;

enum prereq_state { PRE_UNNEEDED, PRE_PENDING, PRE_DONE, PRE_FAILED };

/* A growable list of owned strings. */
struct strlist {
	char **v;
	size_t n;
	size_t alloc;
};

void strlist_add(struct strlist *l, const char *s);
void strlist_release(struct strlist *l);
int strlist_has(const struct strlist *l, const char *s);

enum job_phase {
	PH_IDLE,    /* waiting for a prerequisite */
	PH_LISTING, /* per-resource part: reading the Resource Graph list of resources */
	PH_FANOUT,  /* per-subscription or per-resource part: issuing one request each */
	PH_PAGING,  /* single list under way */
	PH_DONE,
};

struct job {
	struct collector *co;
	const struct cat_check *check;
	struct source src;
	size_t part;
	enum job_phase phase;
	struct eval_run run;
	int run_started;
	struct check_result result;
	enum check_cause failed; /* CAUSE_NONE while healthy */
	char detail[256];
	int cancelled;
	unsigned outstanding;      /* this job's requests not yet answered */
	size_t cursor;             /* next subscription or resource in PH_FANOUT */
	struct strlist ids;        /* PH_LISTING: resource ids read so far */
	unsigned long empty;       /* responses that meant "no such feature here" */
	unsigned long skipped;     /* resources gone between listing and reading */
	unsigned long unrecorded;  /* requests beyond COLLECT_REQUESTS_MAX */
};

enum req_kind { RK_DOCS, RK_IDS, RK_SUBS, RK_SKUS };

/* The context of one request (and of the pages that follow it). */
struct req {
	struct collector *co;
	struct job *job; /* NULL for prerequisites */
	enum req_kind kind;
	size_t part;
	char *sub;   /* per-subscription: the subscription id */
	char *scope; /* per-subscription "/subscriptions/ID", per-resource the resource id */
	const char *arg_query; /* Resource Graph: the query (borrowed), re-POSTed with $skipToken */
	size_t arg_from;       /* and its batch of the configured subscriptions */
	size_t arg_n;
};

struct collector {
	const struct collect_config *cfg;
	struct http_engine *http;
	struct job *jobs;
	size_t njobs;
	size_t done;
	enum prereq_state subs_state;
	struct strlist subs;
	enum check_cause subs_cause;
	char subs_detail[256];
	enum prereq_state skus_state;
	struct strlist plans; /* service plans the tenant has */
	struct collect_summary *sum;
};

/* collect_url.c: building requests */
void collect_encode_query(struct buf *out, const char *q);
void collect_encode_path(struct buf *out, const char *p);
/* {arm}{path}?api-version=V[&query] with placeholders filled; AZ_ERR_NOTFOUND when {tenantId} is unknown. */
enum az_err collect_arm_url(const struct collector *co, const struct source_part *sp,
			    const char *sub, const char *resource, struct buf *out);
void collect_graph_url(const struct collector *co, const struct source_part *sp, struct buf *out);
/* The Resource Graph request body for query over subscriptions [from, from+n) (or all when n is 0). */
char *collect_arg_body(const char *query, const char *const *subs, size_t n, const char *skip);
void collect_arg_url(const struct collector *co, struct buf *out);

/* collect.c: submitting */
void collect_submit(struct collector *co, struct req *rq, const char *method, const char *url,
		    const char *body, enum http_aud aud, unsigned flags);
struct req *collect_req_new(struct collector *co, struct job *job, enum req_kind kind);
void collect_req_free(struct req *rq);

/* collect_prereq.c: the subscription list and the licences */
void collect_prereqs_start(struct collector *co);
/* A page of a prerequisite's list (docs borrowed), or its failure. */
void collect_prereq_page(struct collector *co, struct req *rq, const struct cJSON *docs);
void collect_prereq_failed(struct collector *co, struct req *rq, enum check_cause cause,
			   const char *detail);
void collect_prereq_done(struct collector *co, struct req *rq);
/*
 * One document of ARM's subscription list: add its id to subs when the
 * subscription can be used (Enabled, Warned, PastDue) and is not there yet.
 */
void collect_add_subscription(struct strlist *subs, const struct cJSON *d);
/* One subscribedSkus document: add its enabled service plans to plans (unless suspended). */
void collect_add_plans(struct strlist *plans, const struct cJSON *sku);
/* True when the tenant's plans are known to lack every plan that satisfies licence. */
int collect_licence_missing(const char *licence, const struct strlist *plans);

/* The engine's configuration for cfg (auth is filled to outlive the engine); no pump or tick. */
void collect_http_config(const struct collect_config *cfg, struct http_auth *auth,
			 struct http_config *hc /* OUT */);

/* collect.c: jobs react to prerequisites */
void collect_wake(struct collector *co);

#endif
