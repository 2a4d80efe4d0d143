-- Template-card buttons (issue 14 item 4, 云桥 3.1.4), package backend/push.
-- A push rule may forward card clicks to its source system: webhook_url and a
-- per-rule secret (sealed like the corp secrets) that signs each body with
-- HMAC-SHA256 (header X-WeCom-Bridge-Signature).
ALTER TABLE push_rules ADD COLUMN webhook_url TEXT NOT NULL DEFAULT '';
ALTER TABLE push_rules ADD COLUMN webhook_secret_enc TEXT NOT NULL DEFAULT '';

-- One row per click (template_card_event), matched to its push-log row by
-- the card's task id (wb-<delivery>-<chunk>). response_code (72 h, single
-- use) is cleared once spent. card_state: the card update; webhook_state:
-- the forward to the rule's webhook ('none' when the rule has none).
-- Times are INTEGER unix milliseconds like the rest of the push log.
CREATE TABLE push_card_clicks (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id       INTEGER NOT NULL REFERENCES push_deliveries(id) ON DELETE CASCADE,
  event_ref         TEXT    NOT NULL UNIQUE, -- the callback event's id (a replay finds its row)
  task_id           TEXT    NOT NULL,
  userid            TEXT    NOT NULL,
  event_key         TEXT    NOT NULL,
  button_text       TEXT    NOT NULL DEFAULT '',
  clicked_at        INTEGER NOT NULL,
  response_code     TEXT    NOT NULL DEFAULT '',
  card_state        TEXT    NOT NULL CHECK (card_state IN ('pending', 'updated', 'failed')),
  card_error        TEXT    NOT NULL DEFAULT '',
  webhook_state     TEXT    NOT NULL CHECK (webhook_state IN ('none', 'pending', 'delivered', 'failed')),
  webhook_attempts  INTEGER NOT NULL DEFAULT 0,
  webhook_next_at   INTEGER NOT NULL DEFAULT 0,
  webhook_status    INTEGER NOT NULL DEFAULT 0,
  webhook_error     TEXT    NOT NULL DEFAULT '',
  webhook_done_at   INTEGER
);
CREATE INDEX push_card_clicks_delivery ON push_card_clicks(delivery_id, id);
CREATE INDEX push_card_clicks_webhook ON push_card_clicks(webhook_next_at) WHERE webhook_state = 'pending';
