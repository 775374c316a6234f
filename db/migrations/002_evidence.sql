-- azmat store, version 2: evidence collection runs, check results, the
-- offending resources (capped per check, true count kept) and the requests
-- made. A new run never touches an earlier run's rows.

CREATE TABLE evidence_run (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	source TEXT NOT NULL CHECK (source IN ('live', 'bundle', 'demo')),
	started_at TEXT NOT NULL,
	finished_at TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'partial', 'interrupted',
		'failed')),
	identity TEXT NOT NULL DEFAULT '',
	cloud TEXT NOT NULL DEFAULT '',
	endpoints TEXT NOT NULL DEFAULT '',
	scope TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT '',
	-- the process running it, to tell an interrupted run from a live one
	pid INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX evidence_run_by_assessment ON evidence_run (assessment_id, id);

CREATE TABLE check_result (
	id INTEGER PRIMARY KEY,
	run_id INTEGER NOT NULL REFERENCES evidence_run(id) ON DELETE CASCADE,
	check_id TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'partial', 'not-assessable')),
	cause TEXT NOT NULL DEFAULT '' CHECK (cause IN ('', 'permission', 'licence', 'throttled',
		'timeout', 'api-error', 'not-collected', 'nothing-in-scope')),
	healthy INTEGER NOT NULL DEFAULT 0 CHECK (healthy >= 0),
	total INTEGER NOT NULL DEFAULT 0 CHECK (total >= healthy),
	summary TEXT NOT NULL DEFAULT '',
	offending_total INTEGER NOT NULL DEFAULT 0,
	collected_at TEXT NOT NULL,
	UNIQUE (run_id, check_id)
);

CREATE INDEX check_result_by_check ON check_result (check_id, run_id);

CREATE TABLE offending_resource (
	result_id INTEGER NOT NULL REFERENCES check_result(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	resource_id TEXT NOT NULL,
	name TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (result_id, seq)
) WITHOUT ROWID;

CREATE TABLE check_request (
	result_id INTEGER NOT NULL REFERENCES check_result(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	method TEXT NOT NULL,
	url TEXT NOT NULL,
	status INTEGER NOT NULL,
	PRIMARY KEY (result_id, seq)
) WITHOUT ROWID;
