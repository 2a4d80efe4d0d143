-- Intake limits (issue 12, finding 4): an API key may send to everyone
-- (touser "@all") or to whole departments (toparty) only when it was created
-- with that permission. Keys from before have neither: an integration that
-- sends to departments needs a new key created with the permission.
ALTER TABLE push_api_keys ADD COLUMN allow_all INTEGER NOT NULL DEFAULT 0 CHECK (allow_all IN (0, 1));
ALTER TABLE push_api_keys ADD COLUMN allow_departments INTEGER NOT NULL DEFAULT 0 CHECK (allow_departments IN (0, 1));

-- A delivery sent with touser "@all": WeCom does not say how many members
-- that reached, so the log shows "everyone" instead of a count.
ALTER TABLE push_deliveries ADD COLUMN to_all INTEGER NOT NULL DEFAULT 0 CHECK (to_all IN (0, 1));

-- Configuration changes (API base URL, proxy, secrets set or cleared, intake
-- settings): who changed what, never the values.
CREATE TABLE config_audit (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      INTEGER NOT NULL,           -- unix milliseconds (UTC)
  actor   TEXT    NOT NULL DEFAULT '',
  subject TEXT    NOT NULL,           -- "corp:3", "app:7", "push.settings"
  action  TEXT    NOT NULL,           -- e.g. api_base_url_changed, secret_set, secret_cleared, setting_changed
  field   TEXT    NOT NULL DEFAULT '',-- the field's name, e.g. contactSecret, rate_per_second
  note    TEXT    NOT NULL DEFAULT '' -- why, in words; never a value
);
CREATE INDEX config_audit_at ON config_audit(at);
