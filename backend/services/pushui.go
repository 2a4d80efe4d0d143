package services

import (
	"context"
	"time"

	"wecom-bridge/backend/push"
	"wecom-bridge/backend/usererr"
)

// SavePushRule creates (ID 0) or updates a push rule.
func (s *Services) SavePushRule(ctx context.Context, r push.Rule) (push.Rule, error) {
	if r.ID == 0 {
		return s.Push.CreateRule(ctx, r)
	}
	return s.Push.UpdateRule(ctx, r)
}

// PushStats returns sent/failed counts between two dates (YYYY-MM-DD, inclusive)
// grouped by "day" or "source", for the push-log chart.
func (s *Services) PushStats(ctx context.Context, from, to, groupBy string) ([]push.StatsBucket, error) {
	f, err := time.ParseInLocation("2006-01-02", from, time.Local)
	if err != nil {
		return nil, usererr.New("bad_date", usererr.Args{"field": "开始日期", "fieldEn": "From", "value": from, "example": "2026-11-01"})
	}
	t, err := time.ParseInLocation("2006-01-02", to, time.Local)
	if err != nil {
		return nil, usererr.New("bad_date", usererr.Args{"field": "结束日期", "fieldEn": "To", "value": to, "example": "2026-11-30"})
	}
	return s.Push.Stats(ctx, f, t.AddDate(0, 0, 1), groupBy)
}

// SavePushSettings stores the intake settings and (desktop) moves the listener.
func (s *Services) SavePushSettings(ctx context.Context, in push.Settings) error {
	if err := s.Push.SaveSettings(ctx, in); err != nil {
		return err
	}
	if s.Mode == ModeDesktop {
		return s.ApplyIntegrationListener(context.Background())
	}
	return nil
}

// NewAPIKey is a created key: the secret is shown once and never again.
type NewAPIKey struct {
	Key    push.APIKey `json:"key"`
	Secret string      `json:"secret"`
}

// CreateAPIKey creates an intake API key that pushes into corpID, with
// perms (@all, departments).
func (s *Services) CreateAPIKey(ctx context.Context, corpID int64, name string, perms push.KeyPermissions) (NewAPIKey, error) {
	k, secret, err := s.Push.CreateAPIKey(ctx, corpID, name, perms)
	return NewAPIKey{Key: k, Secret: secret}, err
}

// PushAdminAccount is the local account that receives rule test messages.
func (s *Services) PushAdminAccount(ctx context.Context) (string, error) {
	return s.Store.GetSetting(ctx, settingPushAdmin, "")
}

// SetPushAdminAccount stores it.
func (s *Services) SetPushAdminAccount(ctx context.Context, account string) error {
	return s.Store.SetSetting(ctx, settingPushAdmin, account)
}
