-- WeCom access tokens are now sealed with the secrets' key (store.TokenRepo).
-- Tokens an older version stored in clear are dropped; the client asks WeCom
-- for new ones on the next call.
DELETE FROM wecom_tokens;
