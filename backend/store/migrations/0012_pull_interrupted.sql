-- A pull in progress leaves a pull_active row (package backend/mirror) that
-- its end removes. One still there at the next start belongs to a process
-- that died (kill -9, power loss): it becomes a pull_runs row with status
-- 'interrupted', so History shows the pull instead of nothing.
CREATE TABLE pull_active (
  corp_id    INTEGER PRIMARY KEY REFERENCES corps(id) ON DELETE CASCADE,
  started_at TEXT    NOT NULL,
  trigger    TEXT    NOT NULL,
  started_by TEXT    NOT NULL DEFAULT ''
);

-- pull_runs gains the 'interrupted' status (SQLite cannot alter a CHECK:
-- rebuild; nothing references pull_runs).
CREATE TABLE pull_runs_new (
  id                 INTEGER PRIMARY KEY,
  corp_id            INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  started_at         TEXT    NOT NULL,
  finished_at        TEXT    NOT NULL,
  duration_ms        INTEGER NOT NULL,
  status             TEXT    NOT NULL CHECK (status IN ('ok', 'partial', 'failed', 'cancelled', 'interrupted')),
  departments        INTEGER NOT NULL DEFAULT 0,
  users              INTEGER NOT NULL DEFAULT 0,
  api_calls          INTEGER NOT NULL DEFAULT 0,
  privacy_restricted INTEGER NOT NULL DEFAULT 0 CHECK (privacy_restricted IN (0, 1)),
  error              TEXT    NOT NULL DEFAULT '',
  failed_departments TEXT    NOT NULL DEFAULT '[]',
  trigger            TEXT    NOT NULL CHECK (trigger IN ('manual', 'schedule', 'callback')),
  started_by         TEXT    NOT NULL DEFAULT ''
);
INSERT INTO pull_runs_new SELECT id, corp_id, started_at, finished_at, duration_ms, status, departments, users,
  api_calls, privacy_restricted, error, failed_departments, trigger, started_by FROM pull_runs;
DROP TABLE pull_runs;
ALTER TABLE pull_runs_new RENAME TO pull_runs;
CREATE INDEX pull_runs_corp ON pull_runs(corp_id, id);
