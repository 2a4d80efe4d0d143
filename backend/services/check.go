package services

import (
	"context"

	"wecom-bridge/backend/corp"
)

// CheckCorp runs the read-only connectivity check; the corp service keeps
// its verdict and first failure for the corp card and the home page.
func (s *Services) CheckCorp(ctx context.Context, id int64) (*corp.CheckResult, error) {
	return s.Corps.Check(ctx, id)
}

func (s *Services) checkPassed(ctx context.Context, corpID int64) bool {
	return s.Corps.LastCheckPassed(ctx, corpID)
}
