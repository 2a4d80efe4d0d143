package mirror

import (
	"context"

	"wecom-bridge/backend/store"
)

// CountMembers is how many WeCom members the last pull kept for corp.
func (s *Service) CountMembers(ctx context.Context, corpID int64) (int, error) {
	return store.Count(ctx, s.db, `SELECT COUNT(*) FROM mirror_users WHERE corp_id = ?`, corpID)
}
