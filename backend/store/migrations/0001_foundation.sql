-- Key/value settings (language, listener addresses, retention, thresholds…).
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

-- Cached WeCom access tokens, keyed by corpid + a hash of the secret (never the secret).
CREATE TABLE wecom_tokens (
  key        TEXT PRIMARY KEY,
  token      TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
