-- Binding review (package backend/review): each row's reason as a stable
-- code and its arguments, so the review screen can say it in the admin's
-- language. reason keeps the English text (CLI, exports, and the text shown
-- for a code the screen does not know).
--
-- reason_args is a JSON object of strings, e.g. {"name":"张伟","dept":"后端组"};
-- '' means none. Rows written before this migration have no code until the
-- next rematch: the screen shows their English reason.
ALTER TABLE bind_rows ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
ALTER TABLE bind_rows ADD COLUMN reason_args TEXT NOT NULL DEFAULT '';
