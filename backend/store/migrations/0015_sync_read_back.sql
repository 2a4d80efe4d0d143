-- What a run's read-back after the apply found (JSON syncer.ReadBack: API
-- calls, operations checked, not applied, mirror drift); '' before one ran.
ALTER TABLE sync_runs ADD COLUMN read_back TEXT NOT NULL DEFAULT '';
