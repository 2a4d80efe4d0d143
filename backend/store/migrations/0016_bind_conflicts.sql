-- A binding whose sides disagree on another field they both know (mobile,
-- email, main department leaf, position) carries the differing fields, so the
-- review shows and filters them (issue 11). Comma-separated field names in a
-- fixed order; '' for none.
ALTER TABLE bind_rows ADD COLUMN conflicts TEXT NOT NULL DEFAULT '';

CREATE INDEX bind_rows_conflicts ON bind_rows(corp_id, id) WHERE conflicts <> '';
