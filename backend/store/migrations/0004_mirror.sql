-- The WeCom contact mirror (package backend/mirror): the corp's departments and
-- members as the last successful pull saw them, and a record of every pull.
-- A pull replaces a corp's mirror rows in one transaction, so readers see
-- either the old mirror or the new one; a failed or cancelled pull only adds
-- a pull_runs row. Times are UTC text, '2006-01-02T15:04:05.000Z'.

CREATE TABLE pull_runs (
  id                 INTEGER PRIMARY KEY,
  corp_id            INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  started_at         TEXT    NOT NULL,
  finished_at        TEXT    NOT NULL,
  duration_ms        INTEGER NOT NULL,
  status             TEXT    NOT NULL CHECK (status IN ('ok', 'partial', 'failed', 'cancelled')),
  departments        INTEGER NOT NULL DEFAULT 0, -- departments fetched (visible scope)
  users              INTEGER NOT NULL DEFAULT 0, -- distinct members fetched
  api_calls          INTEGER NOT NULL DEFAULT 0, -- department/list + user/list requests (not gettoken, not retries)
  privacy_restricted INTEGER NOT NULL DEFAULT 0 CHECK (privacy_restricted IN (0, 1)),
  error              TEXT    NOT NULL DEFAULT '',
  failed_departments TEXT    NOT NULL DEFAULT '[]', -- JSON [{id,name,errcode,errmsg,fix,fixEn}]
  trigger            TEXT    NOT NULL CHECK (trigger IN ('manual', 'schedule', 'callback')),
  started_by         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX pull_runs_corp ON pull_runs(corp_id, id);

-- One row per corp that has a mirror: which run it came from and its counts,
-- so the summary needs no COUNT(*) over 100,000 rows.
CREATE TABLE mirror_state (
  corp_id            INTEGER PRIMARY KEY REFERENCES corps(id) ON DELETE CASCADE,
  run_id             INTEGER NOT NULL, -- the pull_runs row that wrote this mirror
  pulled_at          TEXT    NOT NULL,
  departments        INTEGER NOT NULL,
  users              INTEGER NOT NULL,
  privacy_restricted INTEGER NOT NULL CHECK (privacy_restricted IN (0, 1))
);

CREATE TABLE mirror_departments (
  corp_id    INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  id         INTEGER NOT NULL,          -- WeCom department id
  parent_id  INTEGER NOT NULL,          -- 0 for the root; may be outside the app's scope
  seq        INTEGER NOT NULL,          -- department/list order (a pre-order walk)
  name       TEXT    NOT NULL,
  name_en    TEXT    NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0, -- WeCom's order: bigger sorts first
  leaders    TEXT    NOT NULL DEFAULT '[]', -- JSON userids
  path       TEXT    NOT NULL,           -- JSON names from the topmost visible ancestor to this one
  PRIMARY KEY (corp_id, id)
) WITHOUT ROWID;

CREATE TABLE mirror_users (
  corp_id         INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  userid          TEXT    NOT NULL COLLATE NOCASE, -- WeCom compares userids ignoring case
  name            TEXT    NOT NULL,
  alias           TEXT    NOT NULL DEFAULT '',
  position        TEXT    NOT NULL DEFAULT '',
  mobile          TEXT    NOT NULL DEFAULT '', -- '' when withheld (apps created after 2022-06-20)
  email           TEXT    NOT NULL DEFAULT '',
  biz_mail        TEXT    NOT NULL DEFAULT '',
  telephone       TEXT    NOT NULL DEFAULT '',
  gender          TEXT    NOT NULL DEFAULT '0',
  status          INTEGER NOT NULL,            -- 1 active, 2 disabled, 4 not activated, 5 left
  enable          INTEGER NOT NULL CHECK (enable IN (0, 1)),
  main_department INTEGER NOT NULL,
  departments     TEXT    NOT NULL,            -- JSON ids in WeCom's order; paths come from mirror_departments
  search_text     TEXT    NOT NULL,            -- lower-cased haystack for the picker's search box
  PRIMARY KEY (corp_id, userid)
) WITHOUT ROWID;
CREATE INDEX mirror_users_name ON mirror_users(corp_id, name);

-- Who is in which department: the index behind "members of department X".
-- mirror_users.departments keeps the same ids in order for whole-mirror reads.
CREATE TABLE mirror_user_departments (
  corp_id INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  dept_id INTEGER NOT NULL,
  userid  TEXT    NOT NULL COLLATE NOCASE,
  PRIMARY KEY (corp_id, dept_id, userid)
) WITHOUT ROWID;
