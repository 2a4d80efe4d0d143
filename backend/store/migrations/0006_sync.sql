-- Directory sync (package backend/syncer): settings, persisted plans with
-- their operations and tree view, the apply journal and run history, and
-- the bookkeeping that later plans rely on (department links, members this
-- sync disabled). Times are UTC text, '2006-01-02T15:04:05.000Z'.

-- Sync settings per corp and direction: a JSON syncer.Options.
CREATE TABLE sync_options (
  corp_id    INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  direction  TEXT    NOT NULL CHECK (direction IN ('from-wecom', 'to-wecom')),
  options    TEXT    NOT NULL,
  updated_at TEXT    NOT NULL,
  PRIMARY KEY (corp_id, direction)
);

-- Every preview (模拟同步), kept for the history. A plan is applied at most
-- once; applying it supersedes the corp's other previews of that direction.
CREATE TABLE sync_plans (
  id            INTEGER PRIMARY KEY,
  corp_id       INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  direction     TEXT    NOT NULL CHECK (direction IN ('from-wecom', 'to-wecom')),
  status        TEXT    NOT NULL CHECK (status IN ('preview', 'stopped', 'applied', 'superseded')),
  fingerprint   TEXT    NOT NULL,             -- SHA-256 of the canonical inputs + options
  options       TEXT    NOT NULL,             -- JSON syncer.Options the plan was computed with
  summary       TEXT    NOT NULL DEFAULT '{}', -- JSON syncer.Summary
  blocked       INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
  hard_blocked  INTEGER NOT NULL DEFAULT 0 CHECK (hard_blocked IN (0, 1)),
  block_reasons TEXT    NOT NULL DEFAULT '[]',
  warnings      TEXT    NOT NULL DEFAULT '[]', -- at most 500; summary.warnings has the total
  stop          TEXT    NOT NULL DEFAULT '',   -- JSON syncer.StopError when the plan stopped
  total_ops     INTEGER NOT NULL DEFAULT 0,
  removals      INTEGER NOT NULL DEFAULT 0,
  trigger       TEXT    NOT NULL CHECK (trigger IN ('manual', 'schedule', 'callback')),
  created_by    TEXT    NOT NULL DEFAULT '',
  created_at    TEXT    NOT NULL,
  duration_ms   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_plans_corp ON sync_plans(corp_id, direction, id);

-- The operations of a plan, in apply order, with their journal state.
-- id packs (plan_id, seq) as plan_id << 24 | seq, so the rows of a plan are
-- one rowid range in apply order: a 100,000-operation plan inserts into a
-- single b-tree, with no second index and no foreign-key lookup per row.
-- The trigger below deletes them with their plan. deps are plan-local keys
-- (comma-separated) of operations that must be done first; result_id is the
-- id a create got, which later operations resolve.
CREATE TABLE sync_ops (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL,
  seq         INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 16777215),
  type        TEXT    NOT NULL,
  phase       INTEGER NOT NULL,
  key         TEXT    NOT NULL DEFAULT '',
  deps        TEXT    NOT NULL DEFAULT '',
  target      TEXT    NOT NULL,
  path        TEXT    NOT NULL DEFAULT '',
  node        TEXT    NOT NULL DEFAULT '',
  before      TEXT    NOT NULL DEFAULT '',  -- JSON syncer.Values
  after       TEXT    NOT NULL DEFAULT '',
  reason      TEXT    NOT NULL,
  detail      TEXT    NOT NULL DEFAULT '',
  state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  result_id   INTEGER NOT NULL DEFAULT 0,
  note        TEXT    NOT NULL DEFAULT '',
  errcode     INTEGER NOT NULL DEFAULT 0,
  errmsg      TEXT    NOT NULL DEFAULT '',
  fix         TEXT    NOT NULL DEFAULT '',
  fix_en      TEXT    NOT NULL DEFAULT '',
  started_at  TEXT    NOT NULL DEFAULT '',
  finished_at TEXT    NOT NULL DEFAULT ''
);
CREATE TRIGGER sync_ops_cascade AFTER DELETE ON sync_plans BEGIN
  DELETE FROM sync_ops WHERE id BETWEEN old.id * 16777216 AND old.id * 16777216 + 16777215;
END;

-- The department tree of a plan's tree-diff view, loaded lazily by parent.
CREATE TABLE sync_plan_nodes (
  plan_id    INTEGER NOT NULL REFERENCES sync_plans(id) ON DELETE CASCADE,
  key        TEXT    NOT NULL,
  parent_key TEXT    NOT NULL,
  seq        INTEGER NOT NULL,
  name       TEXT    NOT NULL,
  state      TEXT    NOT NULL CHECK (state IN ('matched', 'new', 'removed', 'moved', 'renamed', 'unchanged')),
  from_text  TEXT    NOT NULL DEFAULT '',
  to_text    TEXT    NOT NULL DEFAULT '',
  local_id   INTEGER NOT NULL DEFAULT 0,
  wecom_id   INTEGER NOT NULL DEFAULT 0,
  added      INTEGER NOT NULL DEFAULT 0,
  updated    INTEGER NOT NULL DEFAULT 0,
  removed    INTEGER NOT NULL DEFAULT 0,
  children   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan_id, key)
);
CREATE INDEX sync_plan_nodes_parent ON sync_plan_nodes(plan_id, parent_key, seq);

-- One run per applied plan; Resume continues the same run. A run left
-- 'running' by a process that is gone is marked 'interrupted' on start.
CREATE TABLE sync_runs (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL UNIQUE REFERENCES sync_plans(id) ON DELETE CASCADE,
  corp_id     INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  direction   TEXT    NOT NULL CHECK (direction IN ('from-wecom', 'to-wecom')),
  status      TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'interrupted')),
  trigger     TEXT    NOT NULL CHECK (trigger IN ('manual', 'schedule', 'callback')),
  started_by  TEXT    NOT NULL DEFAULT '',
  started_at  TEXT    NOT NULL,
  finished_at TEXT    NOT NULL DEFAULT '',
  duration_ms INTEGER NOT NULL DEFAULT 0, -- summed over resumes
  total       INTEGER NOT NULL DEFAULT 0,
  done        INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0,
  resumes     INTEGER NOT NULL DEFAULT 0,
  owner       TEXT    NOT NULL DEFAULT '', -- the process instance running it
  error       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sync_runs_corp ON sync_runs(corp_id, id);

-- Which local department is which WeCom department, recorded by applies, so
-- that a renamed or moved department stays the same department.
CREATE TABLE sync_dept_links (
  corp_id    INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  local_id   INTEGER NOT NULL,
  wecom_id   INTEGER NOT NULL,
  updated_at TEXT    NOT NULL,
  PRIMARY KEY (corp_id, local_id),
  UNIQUE (corp_id, wecom_id)
);

-- Members this sync disabled, and when: "delete N days after disable".
CREATE TABLE sync_disabled_users (
  corp_id     INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  userid      TEXT    NOT NULL COLLATE NOCASE,
  disabled_at TEXT    NOT NULL,
  plan_id     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (corp_id, userid)
);
