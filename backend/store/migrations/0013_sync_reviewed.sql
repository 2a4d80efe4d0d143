-- Sync manages a WeCom member only through a confirmed binding or because an
-- apply created it: sync_created_users records each create_user an apply
-- finished, in the transaction of its journal entry.
CREATE TABLE sync_created_users (
  corp_id    INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  userid     TEXT    NOT NULL COLLATE NOCASE,
  account    TEXT    NOT NULL COLLATE NOCASE,
  plan_id    INTEGER NOT NULL DEFAULT 0,
  created_at TEXT    NOT NULL,
  PRIMARY KEY (corp_id, userid)
);

-- A plan says when its WeCom data was read and which review rows it left
-- alone (JSON []syncer.Untouched, at most 500; summary.untouched has the total).
ALTER TABLE sync_plans ADD COLUMN wecom_read_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_plans ADD COLUMN untouched TEXT NOT NULL DEFAULT '[]';

-- sync_ops gains the state 'not_applied': WeCom answered ok, but the read-back
-- after the apply does not show the change. SQLite cannot alter a CHECK:
-- rebuild (the cascade trigger on sync_plans names sync_ops, so it goes first).
DROP TRIGGER sync_ops_cascade;
CREATE TABLE sync_ops_new (
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
  before      TEXT    NOT NULL DEFAULT '',
  after       TEXT    NOT NULL DEFAULT '',
  reason      TEXT    NOT NULL,
  detail      TEXT    NOT NULL DEFAULT '',
  state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed', 'not_applied')),
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
INSERT INTO sync_ops_new SELECT id, plan_id, seq, type, phase, key, deps, target, path, node, before, after, reason,
  detail, state, attempts, result_id, note, errcode, errmsg, fix, fix_en, started_at, finished_at FROM sync_ops;
DROP TABLE sync_ops;
ALTER TABLE sync_ops_new RENAME TO sync_ops;
CREATE TRIGGER sync_ops_cascade AFTER DELETE ON sync_plans BEGIN
  DELETE FROM sync_ops WHERE id BETWEEN old.id * 16777216 AND old.id * 16777216 + 16777215;
END;
