-- azmat store, version 5: where a question had no answer and the evidence
-- suggested one, what it suggested when the operator answered (taking the
-- suggestion with one key, or overriding it), and for an override the
-- operator's reason. The evidence itself is never touched: an override
-- only records why the answer differs from it. The history records
-- changes of the reason under the field 'override', so the CHECK of
-- answer_history's field is widened (SQLite rebuilds the table for that).

ALTER TABLE answer ADD COLUMN suggested TEXT CHECK (suggested IS NULL OR suggested IN
	('not-started', 'partial', 'largely', 'fully'));
ALTER TABLE answer ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE answer_history_v5 (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	question_id TEXT NOT NULL,
	field TEXT NOT NULL CHECK (field IN ('value', 'justification', 'owner', 'expiry', 'note',
		'suggested', 'override')),
	old_value TEXT NOT NULL DEFAULT '',
	new_value TEXT NOT NULL DEFAULT '',
	changed_at TEXT NOT NULL,
	changed_by TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT ''
);

INSERT INTO answer_history_v5 (id, assessment_id, question_id, field, old_value, new_value,
	changed_at, changed_by, source)
SELECT id, assessment_id, question_id, field, old_value, new_value, changed_at, changed_by, source
FROM answer_history;

DROP TABLE answer_history;
ALTER TABLE answer_history_v5 RENAME TO answer_history;
CREATE INDEX answer_history_by_question ON answer_history (assessment_id, question_id, id);
