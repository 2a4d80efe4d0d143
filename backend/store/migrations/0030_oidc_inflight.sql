-- OpenID Connect provider (package backend/oidc): sign-ins in flight, kept
-- in SQLite so a restarted app resumes them. Both live 10 minutes
-- (expires_at, Unix ms); expired rows are purged as new ones arrive, and
-- each table is bounded in rows (oidc.maxPending) and its texts in size.
--
-- An authorization request, from /oidc/authorize to the token exchange.
-- code_hash is the SHA-256 (hex) of the code issued for it, never the code;
-- NULL until issued. Redeeming deletes the row in one statement, so a code
-- is used once even when two token requests race.
CREATE TABLE oidc_auth_requests (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL,
    request    TEXT NOT NULL,               -- JSON: redirect_uri, state, nonce, scopes, response type/mode, PKCE challenge
    subject    TEXT NOT NULL DEFAULT '',    -- set when the member signed in
    auth_time  INTEGER NOT NULL DEFAULT 0,
    code_hash  TEXT UNIQUE,
    expires_at INTEGER NOT NULL
);
CREATE INDEX oidc_auth_requests_expiry ON oidc_auth_requests(expires_at);

-- A WeCom login in flight: the state sent to WeCom (SHA-256, hex), bound to
-- the browser by a cookie nonce (SHA-256, hex), and what to do on return.
CREATE TABLE oidc_login_states (
    state_hash      TEXT PRIMARY KEY,
    nonce_hash      TEXT NOT NULL,
    corp_id         INTEGER NOT NULL,
    agent_id        INTEGER NOT NULL,
    auth_request_id TEXT NOT NULL DEFAULT '',  -- an OIDC sign-in, or
    free_to         TEXT NOT NULL DEFAULT '',  -- a free-login link's target
    expires_at      INTEGER NOT NULL
);
CREATE INDEX oidc_login_states_expiry ON oidc_login_states(expires_at);
