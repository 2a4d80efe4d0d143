package review

import (
	"context"

	"wecom-bridge/backend/store"
)

// CountDecisions is how many bindings the admin (or a policy) confirmed or
// rejected for corp: the review work a delete would lose.
func (s *Service) CountDecisions(ctx context.Context, corpID int64) (int, error) {
	return store.Count(ctx, s.st.DB, `SELECT COUNT(*) FROM bind_decisions WHERE corp_id = ?`, corpID)
}

// CountProposals is how many binding rows still wait for review for corp
// (proposed or ambiguous).
func (s *Service) CountProposals(ctx context.Context, corpID int64) (int, error) {
	return store.Count(ctx, s.st.DB, `SELECT COUNT(*) FROM bind_rows WHERE corp_id = ? AND state IN ('proposed', 'ambiguous')`, corpID)
}
