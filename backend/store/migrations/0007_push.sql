-- Message push (package backend/push): API keys of the intake API, rules and
-- their targets, the persisted queue of accepted messages, one delivery per
-- message × target (the push log), the per-chunk send journal, recipients
-- and a full-text index on titles.
--
-- Times are INTEGER unix milliseconds (UTC), not text: the log is filtered by
-- time range at a million rows, where integers index and compare smaller.
-- The log keeps corp, rule and app ids without foreign keys, so it outlives a
-- deleted rule or corp.

-- Keys look like wbk_<key_id>_<secret>. Only the SHA-256 of the whole key is
-- kept; key_id finds the row in O(1) and the hash is compared in constant time.
CREATE TABLE push_api_keys (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT    NOT NULL,
  key_id       TEXT    NOT NULL UNIQUE,
  key_hash     TEXT    NOT NULL,   -- hex SHA-256 of the whole key
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER
);

-- 消息推送规则: a source name, or '*' for all sources (全部).
CREATE TABLE push_rules (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT    NOT NULL,
  source     TEXT    NOT NULL,
  enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX push_rules_source ON push_rules(source);

-- 推送目标: corp + app + message type + templates ('' = the type's default).
-- msgtype 'auto' follows the msgtype the sender asked for.
CREATE TABLE push_targets (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id     INTEGER NOT NULL REFERENCES push_rules(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  corp_id     INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  agent_id    INTEGER NOT NULL,
  msgtype     TEXT    NOT NULL CHECK (msgtype IN ('auto', 'text', 'textcard', 'news', 'markdown', 'template_card')),
  title_tpl   TEXT    NOT NULL DEFAULT '',
  content_tpl TEXT    NOT NULL DEFAULT '',
  url_tpl     TEXT    NOT NULL DEFAULT '',
  button_tpl  TEXT    NOT NULL DEFAULT '',
  image_tpl   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX push_targets_rule ON push_targets(rule_id, position);
CREATE INDEX push_targets_corp ON push_targets(corp_id);

-- Accepted messages: committed before the intake answers 202, so nothing
-- accepted is lost. state: queued (not planned yet), sending (deliveries and
-- chunks planned, some not sent), done. not_before defers a message (retry
-- backoff, the 30/min per-member limit).
CREATE TABLE push_messages (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  api_key_id      INTEGER NOT NULL DEFAULT 0, -- push_api_keys.id; 0: in-process (Submit, SendTest)
  idempotency_key TEXT    NOT NULL DEFAULT '',
  source          TEXT    NOT NULL,
  payload         TEXT    NOT NULL,   -- JSON push.Input as accepted
  state           TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'done')),
  not_before      INTEGER NOT NULL DEFAULT 0,
  attempts        INTEGER NOT NULL DEFAULT 0, -- planning attempts (recipient lookups)
  last_error      TEXT    NOT NULL DEFAULT '',
  test_rule_id    INTEGER,                    -- SendTest: this rule's targets, to the admin
  created_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX push_messages_idempotency ON push_messages(api_key_id, idempotency_key) WHERE idempotency_key <> '';
CREATE INDEX push_messages_pending ON push_messages(not_before, id) WHERE state <> 'done';
CREATE INDEX push_messages_created ON push_messages(created_at);

-- 推送日志: one row per message × target (or one no_rule row). body is the
-- rendered wecom.Message without recipients, so a retried chunk is resent
-- byte for byte and WeCom's duplicate check drops it if it already went out.
CREATE TABLE push_deliveries (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id       INTEGER NOT NULL REFERENCES push_messages(id) ON DELETE CASCADE,
  created_at       INTEGER NOT NULL,
  source           TEXT    NOT NULL,
  rule_id          INTEGER,
  rule_name        TEXT    NOT NULL DEFAULT '',
  target_id        INTEGER,
  corp_id          INTEGER NOT NULL DEFAULT 0,
  agent_id         INTEGER NOT NULL DEFAULT 0,
  msgtype          TEXT    NOT NULL DEFAULT '',
  title            TEXT    NOT NULL DEFAULT '',
  body             TEXT    NOT NULL DEFAULT '',
  status           TEXT    NOT NULL CHECK (status IN ('queued', 'sent', 'partial', 'failed', 'recalled', 'no_rule')),
  recipient_count  INTEGER NOT NULL DEFAULT 0,
  unbound_count    INTEGER NOT NULL DEFAULT 0,
  invalid_count    INTEGER NOT NULL DEFAULT 0, -- invalid + unlicensed users and invalid departments
  unbound          TEXT    NOT NULL DEFAULT '[]', -- JSON, first 200 (push_recipients has all)
  invalid_users    TEXT    NOT NULL DEFAULT '[]', -- JSON, first 200
  invalid_parties  TEXT    NOT NULL DEFAULT '[]',
  unlicensed_users TEXT    NOT NULL DEFAULT '[]',
  msgids           TEXT    NOT NULL DEFAULT '[]', -- JSON, one per sent chunk
  errcode          INTEGER NOT NULL DEFAULT 0,
  error            TEXT    NOT NULL DEFAULT '',
  fix              TEXT    NOT NULL DEFAULT '',
  truncated        TEXT    NOT NULL DEFAULT '',   -- comma-separated fields cut with "…"; '' = none
  attempts         INTEGER NOT NULL DEFAULT 0,
  sent_at          INTEGER,
  recalled_at      INTEGER,
  recalled_by      TEXT    NOT NULL DEFAULT '',
  recall_error     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX push_deliveries_time ON push_deliveries(created_at, status, source);
CREATE INDEX push_deliveries_source ON push_deliveries(source, created_at);
CREATE INDEX push_deliveries_status ON push_deliveries(status, created_at);
CREATE INDEX push_deliveries_message ON push_deliveries(message_id);

-- The send journal: ≤1000 users and ≤100 departments per message/send call.
-- A chunk marked sent is never sent again.
CREATE TABLE push_chunks (
  delivery_id     INTEGER NOT NULL REFERENCES push_deliveries(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  touser          TEXT    NOT NULL DEFAULT '',
  toparty         TEXT    NOT NULL DEFAULT '',
  state           TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'recalled')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  msgid           TEXT    NOT NULL DEFAULT '',
  errcode         INTEGER NOT NULL DEFAULT 0,
  error           TEXT    NOT NULL DEFAULT '',
  invalid_user    TEXT    NOT NULL DEFAULT '',
  invalid_party   TEXT    NOT NULL DEFAULT '',
  unlicensed_user TEXT    NOT NULL DEFAULT '',
  sent_at         INTEGER,
  recalled_at     INTEGER,
  PRIMARY KEY (delivery_id, seq)
) WITHOUT ROWID;

-- Every recipient of a delivery as the sender named it, with what became of
-- it; the name and userid indexes serve the log's recipient filter.
CREATE TABLE push_recipients (
  delivery_id INTEGER NOT NULL REFERENCES push_deliveries(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  kind        TEXT    NOT NULL CHECK (kind IN ('account', 'userid', 'department')),
  name        TEXT    NOT NULL,
  userid      TEXT    NOT NULL DEFAULT '', -- resolved userid, or the department id
  state       TEXT    NOT NULL CHECK (state IN ('ok', 'unbound', 'unknown', 'invalid', 'unlicensed', 'not_sent')),
  PRIMARY KEY (delivery_id, seq)
) WITHOUT ROWID;
CREATE INDEX push_recipients_name ON push_recipients(name COLLATE NOCASE);
CREATE INDEX push_recipients_userid ON push_recipients(userid COLLATE NOCASE);

-- Title search. Contentless: Go writes the tokens (see logsearch.go): uni has
-- every CJK character as a token, bi the overlapping pairs of each CJK run,
-- so any substring of a title is a phrase query.
CREATE VIRTUAL TABLE push_log_fts USING fts5(uni, bi, content = '', contentless_delete = 1);

CREATE TRIGGER push_deliveries_fts_delete AFTER DELETE ON push_deliveries BEGIN
  DELETE FROM push_log_fts WHERE rowid = old.id;
END;

-- Chart rollups, kept by triggers so they always agree with the log: counts
-- of deliveries per UTC hour and status (the per-day chart, in any time
-- zone), and per UTC day, source and status (the per-source chart). Stats
-- reads these for whole hours/days and the log itself only for the edges
-- of the range, so a 180-day chart does not count a million rows.
CREATE TABLE push_stats_hourly (
  hour   INTEGER NOT NULL, -- created_at / 3600000
  status TEXT    NOT NULL,
  n      INTEGER NOT NULL,
  PRIMARY KEY (hour, status)
) WITHOUT ROWID;

CREATE TABLE push_stats_daily (
  day    INTEGER NOT NULL, -- created_at / 86400000 (UTC)
  source TEXT    NOT NULL,
  status TEXT    NOT NULL,
  n      INTEGER NOT NULL,
  PRIMARY KEY (day, source, status)
) WITHOUT ROWID;

CREATE TRIGGER push_stats_insert AFTER INSERT ON push_deliveries BEGIN
  INSERT INTO push_stats_hourly(hour, status, n) VALUES (new.created_at / 3600000, new.status, 1)
    ON CONFLICT (hour, status) DO UPDATE SET n = n + 1;
  INSERT INTO push_stats_daily(day, source, status, n) VALUES (new.created_at / 86400000, new.source, new.status, 1)
    ON CONFLICT (day, source, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER push_stats_update AFTER UPDATE OF status ON push_deliveries WHEN old.status <> new.status BEGIN
  UPDATE push_stats_hourly SET n = n - 1 WHERE hour = old.created_at / 3600000 AND status = old.status;
  UPDATE push_stats_daily SET n = n - 1 WHERE day = old.created_at / 86400000 AND source = old.source AND status = old.status;
  INSERT INTO push_stats_hourly(hour, status, n) VALUES (new.created_at / 3600000, new.status, 1)
    ON CONFLICT (hour, status) DO UPDATE SET n = n + 1;
  INSERT INTO push_stats_daily(day, source, status, n) VALUES (new.created_at / 86400000, new.source, new.status, 1)
    ON CONFLICT (day, source, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER push_stats_delete AFTER DELETE ON push_deliveries BEGIN
  UPDATE push_stats_hourly SET n = n - 1 WHERE hour = old.created_at / 3600000 AND status = old.status;
  UPDATE push_stats_daily SET n = n - 1 WHERE day = old.created_at / 86400000 AND source = old.source AND status = old.status;
END;
