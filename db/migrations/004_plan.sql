-- azmat store, version 4: the plan's overrides (owner, due date, status per
-- assessment and item, kept apart from scores so that they survive
-- re-scoring and re-collection) with their history; answers carried over
-- from a previous quarter until the operator confirms them; and the link
-- from a re-assessment to the assessment it was started from.
-- (Version 3 belongs to the evidence collector.)

CREATE TABLE plan_override (
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	item_id TEXT NOT NULL,
	-- NULL: not overridden (the plan's default applies)
	owner TEXT,
	due TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	status TEXT CHECK (status IS NULL OR status IN ('open', 'in-progress', 'blocked', 'done')),
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (assessment_id, item_id)
) WITHOUT ROWID;

CREATE TABLE plan_history (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	item_id TEXT NOT NULL,
	field TEXT NOT NULL CHECK (field IN ('owner', 'due', 'status')),
	old_value TEXT NOT NULL DEFAULT '',
	new_value TEXT NOT NULL DEFAULT '',
	changed_at TEXT NOT NULL,
	changed_by TEXT NOT NULL DEFAULT ''
);

CREATE INDEX plan_history_by_item ON plan_history (assessment_id, item_id, id);

-- The assessment an answer was copied from by `azmat new --from`; NULL once
-- the operator has confirmed (re-saved) it, and for answers given here.
ALTER TABLE answer ADD COLUMN carried_from INTEGER;

-- Any write to a carried-over answer is the operator confirming it.
CREATE TRIGGER answer_confirmed AFTER UPDATE ON answer
WHEN OLD.carried_from IS NOT NULL AND NEW.carried_from IS NOT NULL
BEGIN
	UPDATE answer SET carried_from = NULL
	WHERE assessment_id = NEW.assessment_id AND question_id = NEW.question_id;
END;

-- The assessment this one was started from (`azmat new --from`).
ALTER TABLE assessment ADD COLUMN previous_id INTEGER;
