-- Why a push rule was turned off by the product rather than by the admin:
-- deleting the app a rule sends as disables the rule and leaves this note
-- (a stored usererr message, {code,args}); saving or enabling the rule
-- clears it.
ALTER TABLE push_rules ADD COLUMN note TEXT NOT NULL DEFAULT '';
