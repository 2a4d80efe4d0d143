-- Binding review (package backend/review): when WeCom last answered a
-- userid lookup with its daily block (45009: failed lookups passed 20 % of
-- the headcount), as Unix ms; 0 when never. Rematches ask nothing until
-- WeCom's next day (China time) begins, instead of one call a rematch into
-- the block (issue 11).
ALTER TABLE bind_corp_state ADD COLUMN lookup_blocked_at INTEGER NOT NULL DEFAULT 0;
