-- Binding review (package backend/review): which local account is which WeCom
-- member, per corp. Times are UTC text like the rest of the store.
--
-- bind_rows is what the review screen pages through. It is rewritten by every
-- rematch and edited in place by the admin's actions; it is denormalised (both
-- sides' display fields on one row) so that a filtered, searched page at
-- 100,000 rows is one indexed query on one table. bind_decisions is the
-- admin's memory: it survives rematches and feeds the next match.

-- Per-corp review state: the policy, the last match, and a version that every
-- write bumps (an import preview is refused once the version has moved on).
CREATE TABLE bind_corp_state (
  corp_id         INTEGER PRIMARY KEY REFERENCES corps(id) ON DELETE CASCADE,
  policy          TEXT    NOT NULL DEFAULT '',  -- JSON; '' means the default policy
  version         INTEGER NOT NULL DEFAULT 0,
  matched_at      TEXT    NOT NULL DEFAULT '',
  matched_by      TEXT    NOT NULL DEFAULT '',
  skipped_locals  INTEGER NOT NULL DEFAULT 0,   -- inputs without an id or with a duplicate id
  skipped_members INTEGER NOT NULL DEFAULT 0,
  stale           INTEGER NOT NULL DEFAULT 0    -- confirmed decisions whose side is missing
);

-- Every local account and WeCom member of the last match, with the fields the
-- actions need beyond display: full normalised keys (import by mobile, account
-- creation) and department paths. A record held as a candidate of an
-- ambiguous row has no row of its own; this table is how it is still found.
CREATE TABLE bind_sides (
  id          INTEGER PRIMARY KEY,
  corp_id     INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  side        TEXT    NOT NULL CHECK (side IN ('local', 'wecom')),
  key         TEXT    NOT NULL COLLATE NOCASE,  -- account or userid
  name        TEXT    NOT NULL DEFAULT '',
  employee_no TEXT    NOT NULL DEFAULT '',
  mobile      TEXT    NOT NULL DEFAULT '',      -- normalised
  email       TEXT    NOT NULL DEFAULT '',      -- normalised
  position    TEXT    NOT NULL DEFAULT '',
  dept_paths  TEXT    NOT NULL DEFAULT '[]',    -- JSON [["root","dept"],…], main first
  inactive    INTEGER NOT NULL DEFAULT 0,       -- resigned local / inactive member
  search_text TEXT    NOT NULL DEFAULT '',
  UNIQUE (corp_id, side, key)
);

-- One review row: a binding (proposed, confirmed), a rejected pair, an
-- ambiguous row anchored on one side with its candidates, or an unbound
-- record. Empty text means "no such side".
CREATE TABLE bind_rows (
  -- AUTOINCREMENT: a rematch deletes and rewrites rows, and a screen still
  -- showing the old ones must get "not found", never act on a new row that
  -- reused the id.
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  corp_id         INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  state           TEXT    NOT NULL CHECK (state IN ('proposed', 'confirmed', 'rejected', 'ambiguous',
                                                    'unbound_local', 'unbound_wecom')),
  method          TEXT    NOT NULL DEFAULT '',
  confidence      REAL    NOT NULL DEFAULT 0,
  reason          TEXT    NOT NULL DEFAULT '',
  account         TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  local_name      TEXT    NOT NULL DEFAULT '',
  local_dept      TEXT    NOT NULL DEFAULT '',  -- paths as text, main first
  local_mobile    TEXT    NOT NULL DEFAULT '',  -- masked: 138****1234
  local_position  TEXT    NOT NULL DEFAULT '',
  local_inactive  INTEGER NOT NULL DEFAULT 0,
  userid          TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  wecom_name      TEXT    NOT NULL DEFAULT '',
  wecom_dept      TEXT    NOT NULL DEFAULT '',
  wecom_mobile    TEXT    NOT NULL DEFAULT '',
  wecom_position  TEXT    NOT NULL DEFAULT '',
  wecom_inactive  INTEGER NOT NULL DEFAULT 0,
  anchor          TEXT    NOT NULL DEFAULT '' CHECK (anchor IN ('', 'local', 'wecom')), -- ambiguous rows
  candidates      TEXT    NOT NULL DEFAULT '',  -- JSON, every candidate, best first
  candidate_count INTEGER NOT NULL DEFAULT 0,
  -- Lower-cased haystack of both sides (names, ids, departments, mobile
  -- digits, email, employee number) and the candidates' ids and names: one
  -- instr() per row serves the search box.
  search_text     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX bind_rows_state   ON bind_rows(corp_id, state, id);
-- Not partial: a lookup "account = ?" does not prove account <> '', so
-- SQLite would never use a partial index for it.
CREATE INDEX bind_rows_account ON bind_rows(corp_id, account);
CREATE INDEX bind_rows_userid  ON bind_rows(corp_id, userid);

-- The admin's decisions (and policy auto-confirmations). A confirmed pair is
-- one-to-one; a rejected pair is never proposed again.
CREATE TABLE bind_decisions (
  id         INTEGER PRIMARY KEY,
  corp_id    INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  account    TEXT    NOT NULL COLLATE NOCASE CHECK (account <> ''),
  userid     TEXT    NOT NULL COLLATE NOCASE CHECK (userid <> ''),
  state      TEXT    NOT NULL CHECK (state IN ('confirmed', 'rejected')),
  method     TEXT    NOT NULL,
  decided_by TEXT    NOT NULL DEFAULT '',
  decided_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  note       TEXT    NOT NULL DEFAULT '',
  UNIQUE (corp_id, account, userid)
);
CREATE UNIQUE INDEX bind_decisions_one_account ON bind_decisions(corp_id, account) WHERE state = 'confirmed';
CREATE UNIQUE INDEX bind_decisions_one_userid  ON bind_decisions(corp_id, userid)  WHERE state = 'confirmed';

-- Every change of a binding: who, when, which pair, from → to.
CREATE TABLE bind_audit (
  id          INTEGER PRIMARY KEY,
  corp_id     INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  account     TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  userid      TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  from_state  TEXT    NOT NULL DEFAULT '',
  from_method TEXT    NOT NULL DEFAULT '',
  to_state    TEXT    NOT NULL DEFAULT '',
  to_method   TEXT    NOT NULL DEFAULT '',
  note        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX bind_audit_corp    ON bind_audit(corp_id, id);
CREATE INDEX bind_audit_account ON bind_audit(corp_id, account);
CREATE INDEX bind_audit_userid  ON bind_audit(corp_id, userid);

-- A binding file the admin has previewed. plan holds the whole preview as
-- JSON: apply binds exactly these pairs, nothing is re-read.
CREATE TABLE bind_import_previews (
  id          INTEGER PRIMARY KEY,
  corp_id     INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  key_field   TEXT    NOT NULL,
  format      TEXT    NOT NULL CHECK (format IN ('csv', 'xlsx')),
  version     INTEGER NOT NULL,  -- bind_corp_state.version it was computed from
  to_bind     INTEGER NOT NULL,
  rejected    INTEGER NOT NULL,
  plan        TEXT    NOT NULL,
  status      TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied')),
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  applied_at  TEXT,
  applied_by  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX bind_import_previews_corp ON bind_import_previews(corp_id, id);
