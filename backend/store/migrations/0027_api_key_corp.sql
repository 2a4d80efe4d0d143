-- An intake API key belongs to one corp: it pushes only into that corp, and
-- deleting the corp lists it among what goes. docs/push-api.md (API keys) and
-- docs/storage.md (Cascades, Triggers) describe the rules.
--
-- corp_id is NULL only for a key whose corp was deleted or that this
-- migration could not give a corp; such a key is revoked and its note says
-- why. note is a stored usererr message ({code,args}), '' for none.
ALTER TABLE push_api_keys ADD COLUMN corp_id INTEGER REFERENCES corps(id) ON DELETE SET NULL;
ALTER TABLE push_api_keys ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX push_api_keys_corp ON push_api_keys(corp_id);

-- Existing keys. 1: with one corp, every key is that corp's.
UPDATE push_api_keys SET corp_id = (SELECT id FROM corps)
WHERE (SELECT COUNT(*) FROM corps) = 1;

-- 2: otherwise a key whose messages were delivered into exactly one corp
-- that still exists is that corp's.
UPDATE push_api_keys SET corp_id = (
  SELECT MIN(d.corp_id) FROM push_deliveries d
  JOIN push_messages m ON m.id = d.message_id
  JOIN corps c ON c.id = d.corp_id
  WHERE m.api_key_id = push_api_keys.id)
WHERE corp_id IS NULL AND (
  SELECT COUNT(DISTINCT d.corp_id) FROM push_deliveries d
  JOIN push_messages m ON m.id = d.message_id
  JOIN corps c ON c.id = d.corp_id
  WHERE m.api_key_id = push_api_keys.id) = 1;

INSERT INTO config_audit(at, actor, subject, action, field, note)
SELECT CAST(round(unixepoch('subsec') * 1000) AS INTEGER), 'migration 0027', 'push.apikey:' || k.id,
       'api_key_corp_assigned', 'corp',
       'existing API key assigned to corp ' || k.corp_id || ' (' || c.name || '): ' ||
       CASE WHEN (SELECT COUNT(*) FROM corps) = 1 THEN 'the only corp' ELSE 'the only corp its messages were delivered into' END
FROM push_api_keys k JOIN corps c ON c.id = k.corp_id;

-- 3: any other key still in use (no corp, several corps, or never used with
-- several corps configured) is revoked with a note: which corp it should
-- push into cannot be known, and guessing would let it push into the wrong
-- one. The admin creates one key per corp.
INSERT INTO config_audit(at, actor, subject, action, field, note)
SELECT CAST(round(unixepoch('subsec') * 1000) AS INTEGER), 'migration 0027', 'push.apikey:' || id,
       'api_key_revoked', 'corp',
       'existing API key revoked: it could not be assigned to one corp (never used, or used with several); create one key per corp'
FROM push_api_keys WHERE corp_id IS NULL AND revoked_at IS NULL;

UPDATE push_api_keys SET revoked_at = CAST(round(unixepoch('subsec') * 1000) AS INTEGER),
  note = json_object('code', 'push_key_revoked_no_corp', 'args', json_object('corps', (SELECT COUNT(*) FROM corps)))
WHERE corp_id IS NULL AND revoked_at IS NULL;

-- Deleting a corp revokes its keys with a note naming it, in the statement
-- that deletes the corp (then corp_id becomes NULL): the key stays listed,
-- and the system still using it is told why it gets 401.
CREATE TRIGGER push_api_keys_corp_deleted BEFORE DELETE ON corps
BEGIN
  INSERT INTO config_audit(at, actor, subject, action, field, note)
  SELECT CAST(round(unixepoch('subsec') * 1000) AS INTEGER), '', 'push.apikey:' || id, 'api_key_revoked', 'corp',
         'API key revoked: its corp ' || OLD.id || ' (' || OLD.name || ') was deleted'
  FROM push_api_keys WHERE corp_id = OLD.id AND revoked_at IS NULL;
  UPDATE push_api_keys SET revoked_at = CAST(round(unixepoch('subsec') * 1000) AS INTEGER),
    note = json_object('code', 'push_key_revoked_corp_deleted', 'args', json_object('corp', OLD.name))
  WHERE corp_id = OLD.id AND revoked_at IS NULL;
END;
