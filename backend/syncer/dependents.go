package syncer

import (
	"context"

	"wecom-bridge/backend/store"
)

// CountPlans is how many sync plans (previews and applied ones, with their
// run reports) corp keeps.
func (s *Service) CountPlans(ctx context.Context, corpID int64) (int, error) {
	return store.Count(ctx, s.db, `SELECT COUNT(*) FROM sync_plans WHERE corp_id = ?`, corpID)
}

// CountSchedules is how many sync directions of corp run on a schedule.
func (s *Service) CountSchedules(ctx context.Context, corpID int64) (int, error) {
	return store.Count(ctx, s.db, `SELECT COUNT(*) FROM sync_options WHERE corp_id = ?
		AND (COALESCE(json_extract(options, '$.schedule.cron'), '') <> '' OR COALESCE(json_extract(options, '$.schedule.forceCron'), '') <> '')`, corpID)
}
