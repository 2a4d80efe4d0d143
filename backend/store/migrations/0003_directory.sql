-- The local directory (package backend/directory): departments, accounts,
-- their department memberships, persisted import previews and an audit log.
-- Times are UTC text, '2006-01-02T15:04:05.000Z', like the rest of the store.

-- A single row whose version grows with every change to the directory. A
-- preview records the version it was computed from; applying it is refused
-- when the version has moved on (someone changed the directory meanwhile).
CREATE TABLE dir_state (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO dir_state(id, version) VALUES (1, 0);

CREATE TABLE dir_departments (
  id         INTEGER PRIMARY KEY,
  -- NULL for a root. RESTRICT: a department with sub-departments cannot be deleted.
  parent_id  INTEGER REFERENCES dir_departments(id) ON DELETE RESTRICT,
  name       TEXT    NOT NULL CHECK (name <> ''),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
-- Names are unique among siblings; roots (parent NULL) are siblings of each other.
CREATE UNIQUE INDEX dir_departments_sibling_name ON dir_departments(IFNULL(parent_id, 0), name);
CREATE INDEX dir_departments_parent ON dir_departments(parent_id, sort_order);

CREATE TABLE dir_accounts (
  id          INTEGER PRIMARY KEY,
  -- The login. WeCom userids ignore case, so two accounts may not differ by case only.
  account     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (account <> ''),
  name        TEXT NOT NULL CHECK (name <> ''),
  employee_no TEXT NOT NULL DEFAULT '',
  mobile      TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  position    TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'resigned')),
  resigned_at TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  -- One lower-cased haystack for the list screen's search box: one instr()
  -- per row instead of five LIKEs or lower()s, measured 1.5x faster at 100,000 rows.
  search_text TEXT GENERATED ALWAYS AS (
    lower(account) || char(31) || lower(name) || char(31) || lower(employee_no) || char(31) ||
    mobile || char(31) || lower(email)) STORED
);
-- Sorting the list by name. Search scans search_text instead (a substring
-- search cannot use an index), and exact lookups by mobile, email or
-- employee number happen in memory (binding engine); indexes on those three
-- would together add about a quarter to a 100,000-row import and serve no query.
CREATE INDEX dir_accounts_name ON dir_accounts(name);

-- An account's departments, in order: ord 0 is the main department.
CREATE TABLE dir_account_departments (
  account_id INTEGER NOT NULL REFERENCES dir_accounts(id) ON DELETE CASCADE,
  -- RESTRICT: a department that still has members cannot be deleted.
  dept_id    INTEGER NOT NULL REFERENCES dir_departments(id) ON DELETE RESTRICT,
  ord        INTEGER NOT NULL CHECK (ord >= 0),
  PRIMARY KEY (account_id, ord)
) WITHOUT ROWID;
-- Lists a department's members, and keeps a department from being listed twice for one account.
CREATE UNIQUE INDEX dir_account_departments_dept ON dir_account_departments(dept_id, account_id);

-- An import the admin has previewed but not necessarily applied. ops holds
-- its operations (add, update, resign; one record each, ASCII unit/record
-- separators), which Apply applies exactly, re-parsing nothing from the file.
-- plan holds the rest of the preview as JSON for display (changed fields,
-- rejected rows, warnings); the added rows are read back from ops.
CREATE TABLE import_previews (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT    NOT NULL,
  format        TEXT    NOT NULL CHECK (format IN ('csv', 'xlsx')),
  full_snapshot INTEGER NOT NULL CHECK (full_snapshot IN (0, 1)),
  dir_version   INTEGER NOT NULL, -- dir_state.version the preview was computed from
  adds          INTEGER NOT NULL,
  updates       INTEGER NOT NULL,
  resigns       INTEGER NOT NULL,
  rejected      INTEGER NOT NULL,
  resign_count  INTEGER NOT NULL,             -- accounts the import turns resigned
  resign_warning TEXT   NOT NULL DEFAULT '',  -- non-empty: Apply needs resign_count confirmed
  plan          TEXT    NOT NULL,
  ops           TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied')),
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  applied_at    TEXT
);
CREATE INDEX import_previews_created ON import_previews(created_at);

-- Who changed what, one row per manual edit or applied import (not per row of an import).
CREATE TABLE dir_audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  action     TEXT NOT NULL,
  target     TEXT NOT NULL DEFAULT '',
  detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dir_audit_at ON dir_audit(at);
