package corp

import (
	"context"
	"fmt"

	"wecom-bridge/backend/usererr"
)

// The last connectivity check of a corp is kept in two settings: its verdict
// ("passed" or "failed") and, when it failed, its first failed step as a
// stored message. The corp card shows the failure and the home page's first
// step is done only once a check passed. Saving the corp or an app forgets
// both: a changed secret has not been checked yet.

func lastCheckKey(id int64) string   { return fmt.Sprintf("corp.%d.last_check", id) }
func lastFailureKey(id int64) string { return fmt.Sprintf("corp.%d.last_check_failure", id) }

// Last-check verdicts (Corp.LastCheck).
const (
	CheckPassed = "passed"
	CheckFailed = "failed"
)

// recordCheck keeps res's verdict and first failure.
func (s *Service) recordCheck(ctx context.Context, res *CheckResult) error {
	verdict, failure := CheckPassed, usererr.Message{}
	if !res.Passed {
		verdict = CheckFailed
		for _, st := range res.Steps {
			if st.Status == StatusFailed {
				failure = usererr.Msg("check_failed_step", usererr.Args{"title": st.Title, "detail": st.Detail})
				break
			}
		}
	}
	if err := s.st.SetSetting(ctx, lastCheckKey(res.CorpRef), verdict); err != nil {
		return err
	}
	return s.st.SetSetting(ctx, lastFailureKey(res.CorpRef), failure.Stored())
}

// forgetCheck drops the last check of corp id (its configuration changed).
func (s *Service) forgetCheck(ctx context.Context, id int64) error {
	if err := s.st.SetSetting(ctx, lastCheckKey(id), ""); err != nil {
		return err
	}
	return s.st.SetSetting(ctx, lastFailureKey(id), "")
}

// LastCheckPassed reports whether corp id's last check passed (and nothing
// was saved since).
func (s *Service) LastCheckPassed(ctx context.Context, id int64) bool {
	v, err := s.st.GetSetting(ctx, lastCheckKey(id), "")
	return err == nil && v == CheckPassed
}

// fillLastCheck sets c.LastCheck and c.LastCheckFailure.
func (s *Service) fillLastCheck(ctx context.Context, c *Corp) error {
	v, err := s.st.GetSetting(ctx, lastCheckKey(c.ID), "")
	if err != nil {
		return err
	}
	c.LastCheck = v
	if v != CheckFailed {
		return nil
	}
	stored, err := s.st.GetSetting(ctx, lastFailureKey(c.ID), "")
	if err != nil {
		return err
	}
	c.LastCheckFailure = usererr.FromStored(stored).Ptr()
	return nil
}
