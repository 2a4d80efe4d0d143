-- Push targets reference the app they send as: (corp_id, agent_id) is a
-- foreign key to apps(corp_ref, agent_id), so deleting an app (after the
-- admin confirmed, see corp.DeleteApp) takes its targets along, and changing
-- an app's AgentId follows through. Before, agent_id had no foreign key and
-- pushes to a deleted app failed at send time.
--
-- Targets whose app is already gone cannot satisfy the key: they are dropped,
-- and their rules are disabled so nothing is sent half-way; the admin sees
-- the rule off in 消息推送 and chooses another app.
UPDATE push_rules SET enabled = 0
 WHERE id IN (SELECT t.rule_id FROM push_targets t
               WHERE NOT EXISTS (SELECT 1 FROM apps a WHERE a.corp_ref = t.corp_id AND a.agent_id = t.agent_id));

CREATE TABLE push_targets_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id     INTEGER NOT NULL REFERENCES push_rules(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  corp_id     INTEGER NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  agent_id    INTEGER NOT NULL,
  msgtype     TEXT    NOT NULL CHECK (msgtype IN ('auto', 'text', 'textcard', 'news', 'markdown', 'template_card')),
  title_tpl   TEXT    NOT NULL DEFAULT '',
  content_tpl TEXT    NOT NULL DEFAULT '',
  url_tpl     TEXT    NOT NULL DEFAULT '',
  button_tpl  TEXT    NOT NULL DEFAULT '',
  image_tpl   TEXT    NOT NULL DEFAULT '',
  FOREIGN KEY (corp_id, agent_id) REFERENCES apps(corp_ref, agent_id) ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO push_targets_new (id, rule_id, position, corp_id, agent_id, msgtype, title_tpl, content_tpl, url_tpl, button_tpl, image_tpl)
SELECT t.id, t.rule_id, t.position, t.corp_id, t.agent_id, t.msgtype, t.title_tpl, t.content_tpl, t.url_tpl, t.button_tpl, t.image_tpl
  FROM push_targets t
 WHERE EXISTS (SELECT 1 FROM apps a WHERE a.corp_ref = t.corp_id AND a.agent_id = t.agent_id);
DROP TABLE push_targets;
ALTER TABLE push_targets_new RENAME TO push_targets;
CREATE INDEX push_targets_rule ON push_targets(rule_id, position);
CREATE INDEX push_targets_corp ON push_targets(corp_id, agent_id);
