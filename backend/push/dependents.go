package push

import (
	"context"

	"wecom-bridge/backend/store"
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
