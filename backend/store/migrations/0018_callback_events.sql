-- Callbacks (package backend/callback, issue 14): every callback WeCom POSTs
-- is persisted here before it is answered, then processed asynchronously from
-- this log. A WeCom retry of an event already received is kept as its own row
-- in state 'duplicate' (dup_of = the original) and never processed.
-- Times are INTEGER unix milliseconds (UTC).
CREATE TABLE callback_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  corp_ref     INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  agent_id     INTEGER NOT NULL DEFAULT 0,          -- 0: the contact-change callback
  kind         TEXT    NOT NULL CHECK (kind IN ('contact', 'app')),
  msg_type     TEXT    NOT NULL DEFAULT '',         -- text, image, event …
  event        TEXT    NOT NULL DEFAULT '',         -- change_contact, enter_agent, template_card_event …
  change_type  TEXT    NOT NULL DEFAULT '',         -- create_user … (change_contact, change_external_contact)
  from_user    TEXT    NOT NULL DEFAULT '',
  create_time  INTEGER NOT NULL DEFAULT 0,          -- WeCom's CreateTime (unix seconds)
  dedupe_key   TEXT    NOT NULL,
  dup_of       INTEGER,                             -- the original event of a duplicate
  payload      TEXT    NOT NULL,                    -- the decrypted XML
  state        TEXT    NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'processed', 'duplicate', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  error        TEXT    NOT NULL DEFAULT '',         -- a stored usererr message when failed
  effects      TEXT    NOT NULL DEFAULT '[]',       -- JSON list of stored usererr messages: what the event did
  received_at  INTEGER NOT NULL,
  processed_at INTEGER
);
CREATE UNIQUE INDEX callback_events_dedupe ON callback_events(corp_ref, agent_id, dedupe_key) WHERE dup_of IS NULL;
CREATE INDEX callback_events_pending ON callback_events(state, kind, id) WHERE state = 'received';
CREATE INDEX callback_events_corp ON callback_events(corp_ref, agent_id, id);
CREATE INDEX callback_events_received ON callback_events(received_at);

-- Per endpoint (corp + agent, 0 = contacts): when WeCom last verified the URL
-- (a GET that passed).
CREATE TABLE callback_endpoints (
  corp_ref    INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  agent_id    INTEGER NOT NULL DEFAULT 0,
  verified_at INTEGER NOT NULL,
  PRIMARY KEY (corp_ref, agent_id)
);

-- Refused requests (bad signature, wrong corp ID, undecryptable, too large,
-- unknown URL), counted per day and reason; their bodies are never kept.
-- corp_ref 0: the URL named no known corp.
CREATE TABLE callback_rejections (
  day      TEXT    NOT NULL,                        -- YYYY-MM-DD (UTC)
  corp_ref INTEGER NOT NULL DEFAULT 0,
  agent_id INTEGER NOT NULL DEFAULT 0,
  reason   TEXT    NOT NULL,
  count    INTEGER NOT NULL DEFAULT 0,
  last_at  INTEGER NOT NULL,
  PRIMARY KEY (day, corp_ref, agent_id, reason)
);
