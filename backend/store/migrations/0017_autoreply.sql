-- Auto-reply rules for app messages (issue 14 item 3, 云桥 9.3), package
-- backend/autoreply. A rule belongs to one app; deleting the app deletes its
-- rules. action: what the member sent (text or image). match applies to text
-- only: contains, prefix (开头), suffix (结束), exact (完全匹配), hosted
-- (直接托管: any text). Smaller priority first, then smaller id.
CREATE TABLE autoreply_rules (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  app_ref    INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  name       TEXT    NOT NULL,
  action     TEXT    NOT NULL CHECK (action IN ('text', 'image')),
  match      TEXT    NOT NULL CHECK (match IN ('contains', 'prefix', 'suffix', 'exact', 'hosted')),
  keyword    TEXT    NOT NULL DEFAULT '',
  reply      TEXT    NOT NULL,
  priority   INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 100),
  enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX autoreply_rules_app ON autoreply_rules(app_ref, priority, id);

-- 是否开启应用回调: per app. Off (or no row): app messages are logged, never
-- answered.
CREATE TABLE autoreply_apps (
  app_ref    INTEGER PRIMARY KEY REFERENCES apps(id) ON DELETE CASCADE,
  enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
