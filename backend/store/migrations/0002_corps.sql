-- Corps (企业) and their self-built apps (自建应用). Every secret column holds
-- a vault ciphertext ("v1:<key id>:…", see backend/secrets), never plaintext;
-- "" means not set. Tables of other features that belong to a corp reference
-- corps(id) ON DELETE CASCADE, so removing a corp (after confirmation) takes
-- its bindings, plans and rules with it.
CREATE TABLE corps (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: other records may name a deleted corp
  corp_key             TEXT NOT NULL UNIQUE,   -- random, used in callback URLs
  name                 TEXT NOT NULL,
  corp_id              TEXT NOT NULL UNIQUE,   -- ww/wx + 16 hex
  api_base_url         TEXT NOT NULL DEFAULT 'https://qyapi.weixin.qq.com',
  proxy_url_enc        TEXT NOT NULL DEFAULT '', -- may carry proxy credentials
  contact_permission   TEXT NOT NULL DEFAULT 'read' CHECK (contact_permission IN ('read','write')),
  contact_secret_enc   TEXT NOT NULL DEFAULT '', -- 通讯录同步 Secret
  customer_secret_enc  TEXT NOT NULL DEFAULT '', -- 客户联系 Secret
  callback_token_enc   TEXT NOT NULL DEFAULT '', -- contact-change callback Token
  callback_aes_key_enc TEXT NOT NULL DEFAULT '', -- contact-change callback EncodingAESKey
  demo                 INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0,1)),
  demo_seed            INTEGER NOT NULL DEFAULT 0, -- simulator seed, so a restart rebuilds the same org
  active               INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0,1)),
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

-- At most one active corp (the one in the header).
CREATE UNIQUE INDEX corps_one_active ON corps(active) WHERE active = 1;

CREATE TABLE apps (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: other records may name a deleted app
  corp_ref             INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  name                 TEXT NOT NULL,
  agent_id             INTEGER NOT NULL,
  secret_enc           TEXT NOT NULL DEFAULT '',
  callback_token_enc   TEXT NOT NULL DEFAULT '', -- message callback Token
  callback_aes_key_enc TEXT NOT NULL DEFAULT '', -- message callback EncodingAESKey
  home_url             TEXT NOT NULL DEFAULT '',
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (corp_ref, agent_id)
);

CREATE INDEX apps_corp ON apps(corp_ref);
