-- A preview a schedule or a contact callback made and did not apply waits
-- for the admin (home page and Sync page banners) until it is applied,
-- superseded or discarded: discarded_at/by record the discard.
ALTER TABLE sync_plans ADD COLUMN discarded_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_plans ADD COLUMN discarded_by TEXT NOT NULL DEFAULT '';

-- The newest unattended plan of each corp and direction, without reading
-- the manual previews.
CREATE INDEX sync_plans_unattended ON sync_plans(corp_id, direction, id) WHERE trigger <> 'manual';
