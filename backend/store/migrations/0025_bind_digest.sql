-- Binding review (package backend/review): a digest of each row's and each
-- side's content, so a rematch writes only what changed (issue 11: a rematch
-- at 100,000 rewrote every row and side, ~1 minute under load). The digest is
-- a 64-bit hash of every stored column but id and digest, computed in Go when
-- the row is inserted (review.digestOf); 0 means "unknown": such a row is
-- rewritten by the next rematch. Rows written before this migration have 0.
ALTER TABLE bind_rows ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bind_sides ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;

-- A rematch reads (id, digest) of the corp from these alone, not the tables.
CREATE INDEX bind_rows_digest  ON bind_rows(corp_id, digest);
CREATE INDEX bind_sides_digest ON bind_sides(corp_id, digest);

-- An UPDATE that does not set a new digest (an admin's action editing a row
-- in place) makes the old one a lie: zero it, so the next rematch rewrites
-- the row instead of keeping it.
CREATE TRIGGER bind_rows_digest_stale AFTER UPDATE ON bind_rows
  WHEN NEW.digest = OLD.digest AND NEW.digest <> 0
BEGIN
  UPDATE bind_rows SET digest = 0 WHERE id = NEW.id;
END;
CREATE TRIGGER bind_sides_digest_stale AFTER UPDATE ON bind_sides
  WHEN NEW.digest = OLD.digest AND NEW.digest <> 0
BEGIN
  UPDATE bind_sides SET digest = 0 WHERE id = NEW.id;
END;
