-- WeCom's answers to user/getuserid and user/get_userid_by_email (issue 11):
-- who owns a local account's mobile or email. Kept per value with the time
-- asked, so a rematch does not ask again: an owner found is reused for 7 days,
-- a value WeCom found no owner for (46004, 40058) is not asked again for 24
-- hours (WeCom blocks the lookups for a day once failures pass 20 % of the
-- headcount). value is normalised (binding.NormalizeMobile / NormalizeEmail).
CREATE TABLE bind_lookups (
  corp_id    INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  kind       TEXT    NOT NULL CHECK (kind IN ('mobile', 'email')),
  value      TEXT    NOT NULL,
  userid     TEXT    NOT NULL DEFAULT '',  -- '' when WeCom found no owner
  errcode    INTEGER NOT NULL DEFAULT 0,   -- WeCom's errcode of a failed lookup
  looked_at  TEXT    NOT NULL,             -- store.TimeLayout, UTC
  PRIMARY KEY (corp_id, kind, value)
) WITHOUT ROWID;

-- The last match's lookups: calls, owners found, failures, and why they
-- stopped (a stored usererr message, '' when they did not stop). JSON.
ALTER TABLE bind_corp_state ADD COLUMN lookups TEXT NOT NULL DEFAULT '';
