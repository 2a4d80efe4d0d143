-- Login links and the OpenID Connect provider (issue 15; packages backend/login
-- and backend/oidc). Times are UTC text like the rest of the store.

-- Systems that sign members in through the bridge (OIDC relying parties).
-- The secret is sealed with the installation's key (backend/secrets) and
-- shown once, when the client is added. redirect_uris: JSON array, matched
-- exactly. A client signs members of one corp in through one of its apps
-- (whose 可信域名 is the bridge's domain).
CREATE TABLE oidc_clients (
  client_id      TEXT    PRIMARY KEY CHECK (client_id <> ''),
  name           TEXT    NOT NULL CHECK (name <> ''),
  corp_id        INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  agent_id       INTEGER NOT NULL,
  secret_sealed  TEXT    NOT NULL,
  redirect_uris  TEXT    NOT NULL,
  logout_uris    TEXT    NOT NULL DEFAULT '[]',
  created_by     TEXT    NOT NULL DEFAULT '',
  created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

-- Token signing keys (RS256), private halves sealed. The newest unretired key
-- signs; retired keys stay in the JWKS until retire_at + grace so tokens they
-- signed still verify.
CREATE TABLE oidc_keys (
  kid          TEXT PRIMARY KEY,
  private_pem  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  retired_at   TEXT
);

-- The stable subject of a local account of a corp: random, never the WeCom
-- userid, so it survives a userid change and tells relying parties nothing.
CREATE TABLE oidc_subjects (
  sub      TEXT    PRIMARY KEY,
  corp_id  INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  account  TEXT    NOT NULL COLLATE NOCASE,
  UNIQUE (corp_id, account)
);

-- Every sign-in through the bridge: who, through which client or free link,
-- and the result (ok, unbound, unconfirmed, resigned, not_member, state,
-- wecom_error).
CREATE TABLE login_signins (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT    NOT NULL,
  corp_id    INTEGER NOT NULL DEFAULT 0,
  via        TEXT    NOT NULL,             -- client_id, or 'free' for a free-login link
  userid     TEXT    NOT NULL DEFAULT '',
  account    TEXT    NOT NULL DEFAULT '',
  result     TEXT    NOT NULL,
  detail     TEXT    NOT NULL DEFAULT ''
);
