package push

import (
	"context"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// CountRulesForCorp is how many push rules send to corp; their targets for
// it go with the corp.
func (s *Service) CountRulesForCorp(ctx context.Context, corpID int64) (int, error) {
	return store.Count(ctx, s.st.DB, `SELECT COUNT(DISTINCT rule_id) FROM push_targets WHERE corp_id = ?`, corpID)
}

// CountRulesForApp is how many push rules send as app (apps.id); their
// targets for it go with the app (push_targets references apps).
func (s *Service) CountRulesForApp(ctx context.Context, appID int64) (int, error) {
	return store.Count(ctx, s.st.DB, `SELECT COUNT(DISTINCT t.rule_id) FROM push_targets t
		JOIN apps a ON a.corp_ref = t.corp_id AND a.agent_id = t.agent_id WHERE a.id = ?`, appID)
}

// CountQueuedForCorp is how many deliveries to corp are still waiting to be
// sent; they fail once the corp is gone.
func (s *Service) CountQueuedForCorp(ctx context.Context, corpID int64) (int, error) {
	return store.Count(ctx, s.st.DB, `SELECT COUNT(*) FROM push_deliveries WHERE corp_id = ? AND status = 'queued'`, corpID)
}

// CountAPIKeysForCorp is how many API keys still in use push into corp;
// deleting the corp revokes them with a note (trigger
// push_api_keys_corp_deleted, migration 0027).
func (s *Service) CountAPIKeysForCorp(ctx context.Context, corpID int64) (int, error) {
	return store.Count(ctx, s.st.DB, `SELECT COUNT(*) FROM push_api_keys WHERE corp_id = ? AND revoked_at IS NULL`, corpID)
}

// ForgetCorp drops what the service cached that named corp, once the corp
// was deleted: the enabled rules (their targets in it went with it) and the
// API keys (its keys were revoked), so the next request and the next
// planned message see the database as it is now.
func (s *Service) ForgetCorp(_ context.Context, corpID int64) {
	s.ruleCache.invalidate()
	s.keys.forget()
}

// DisableRulesForApp turns off the rules that send as app (apps.id), with a
// note naming the app, before the app is deleted (its targets go with it):
// a rule must not go on sending to what is left of its targets unnoticed.
// It returns how many rules it disabled.
func (s *Service) DisableRulesForApp(ctx context.Context, appID int64) (int, error) {
	var app struct {
		Name    string `db:"name"`
		AgentID int64  `db:"agent_id"`
	}
	if err := s.st.DB.GetContext(ctx, &app, `SELECT name, agent_id FROM apps WHERE id = ?`, appID); err != nil {
		return 0, err
	}
	note := usererr.Msg("push_rule_disabled_app_gone", usererr.Args{"app": app.Name, "agentId": app.AgentID}).Stored()
	res, err := s.writeExec(ctx, `UPDATE push_rules SET enabled = 0, note = ?, updated_at = ?
		WHERE id IN (SELECT t.rule_id FROM push_targets t JOIN apps a ON a.corp_ref = t.corp_id AND a.agent_id = t.agent_id WHERE a.id = ?)`,
		note, ms(s.now()), appID)
	if err != nil {
		return 0, err
	}
	s.ruleCache.invalidate()
	n, _ := res.RowsAffected()
	return int(n), nil
}
