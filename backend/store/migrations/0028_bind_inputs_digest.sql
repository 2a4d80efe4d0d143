-- Binding review (package backend/review): a rematch whose inputs are those
-- of the last one is not run again (issue 11). inputs_digest is a SHA-256
-- of everything a rematch reads (both sides' records, the policy, the fresh
-- lookup answers, the program's build, the review version its own write
-- made); empty when the last rematch left something a rematch of the same
-- inputs would do differently (auto-confirmations, values to look up).
-- inputs_lookups is the lookups' summary (JSON) such a rematch reports.
ALTER TABLE bind_corp_state ADD COLUMN inputs_digest BLOB NOT NULL DEFAULT x'';
ALTER TABLE bind_corp_state ADD COLUMN inputs_lookups TEXT NOT NULL DEFAULT '';
