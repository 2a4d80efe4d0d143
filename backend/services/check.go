package services

import (
	"context"
	"fmt"

	"wecom-bridge/backend/corp"
)

// checkSetting keeps whether a corp's last connectivity check passed
// ("passed" or "failed"), for the home page's first step and the corp card.
func checkSetting(corpID int64) string { return fmt.Sprintf("corp.%d.last_check", corpID) }

// CheckCorp runs the read-only connectivity check and records whether it passed.
func (s *Services) CheckCorp(ctx context.Context, id int64) (*corp.CheckResult, error) {
	res, err := s.Corps.Check(ctx, id)
	if err != nil {
		return nil, err
	}
	verdict := "failed"
	if res.Passed {
		verdict = "passed"
	}
	if err := s.Store.SetSetting(ctx, checkSetting(id), verdict); err != nil {
		return nil, err
	}
	return res, nil
}

func (s *Services) checkPassed(ctx context.Context, corpID int64) bool {
	v, err := s.Store.GetSetting(ctx, checkSetting(corpID), "")
	return err == nil && v == "passed"
}
