-- azmat store, version 1: assessments, answers, their history, settings.
-- Applied inside one transaction by db/store.c; never edit a released
-- migration: add a new numbered file instead.

CREATE TABLE assessment (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	tenant_id TEXT NOT NULL DEFAULT '',
	organisation TEXT NOT NULL DEFAULT '',
	assessor TEXT NOT NULL DEFAULT '',
	catalog_version TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	signed_off_at TEXT,
	signed_off_by TEXT
);

CREATE TABLE answer (
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	question_id TEXT NOT NULL,
	-- NULL: a note was taken before any answer was given
	value TEXT CHECK (value IS NULL OR value IN ('not-started', 'planned', 'partial',
		'largely', 'fully', 'na', 'risk-accepted', 'unknown')),
	-- the justification of "na" and the reason of "risk-accepted"
	justification TEXT NOT NULL DEFAULT '',
	owner TEXT NOT NULL DEFAULT '',
	expiry TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

CREATE TABLE answer_history (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	question_id TEXT NOT NULL,
	field TEXT NOT NULL CHECK (field IN ('value', 'justification', 'owner', 'expiry', 'note')),
	old_value TEXT NOT NULL DEFAULT '',
	new_value TEXT NOT NULL DEFAULT '',
	changed_at TEXT NOT NULL,
	changed_by TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT ''
);

CREATE INDEX answer_history_by_question ON answer_history (assessment_id, question_id, id);

-- Global settings (assessment_id 0) and per-assessment ones such as the
-- TUI's last position.
CREATE TABLE setting (
	assessment_id INTEGER NOT NULL DEFAULT 0,
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (assessment_id, key)
) WITHOUT ROWID;

CREATE TRIGGER setting_cleanup AFTER DELETE ON assessment
BEGIN
	DELETE FROM setting WHERE assessment_id = OLD.id;
END;
