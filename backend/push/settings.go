package push

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"wecom-bridge/backend/integration"
	"wecom-bridge/backend/usererr"
)

// Settings keys in the settings table.
const (
	settingIntakeEnabled = "push.intake.enabled"
	settingIntakeAddr    = "push.intake.addr"
	settingStrictSources = "push.strict_sources"
	settingRetentionDays = "push.retention_days"
	settingRatePerSecond = "push.intake.rate_per_second"
	settingRateBurst     = "push.intake.rate_burst"
	settingMaxUsers      = "push.intake.max_users"
	settingMaxDepts      = "push.intake.max_departments"
)

// Defaults of Settings.
const (
	DefaultIntakeAddr    = "127.0.0.1:8751"
	DefaultRetentionDays = 180
	maxRetentionDays     = 3650

	DefaultRatePerSecond  = 20   // requests a second per API key, sustained
	DefaultRateBurst      = 100  // requests a key may send at once before the rate applies
	DefaultMaxUsers       = 1000 // accounts + userids in one message
	DefaultMaxDepartments = 100  // departments in one message
	maxRatePerSecond      = 1000
	maxRateBurst          = 10000
	maxMaxUsers           = 10000
	maxMaxDepartments     = 1000
)

// Settings are the push feature's settings.
type Settings struct {
	// IntakeEnabled turns the desktop's own intake listener on (serve mode
	// mounts the handler on its server instead). Off by default.
	IntakeEnabled bool `json:"intake_enabled"`
	// IntakeAddr is the desktop listener's host:port (default 127.0.0.1:8751).
	IntakeAddr string `json:"intake_addr"`
	// StrictSources refuses messages whose source no rule names (400, field "source").
	StrictSources bool `json:"strict_sources"`
	// RetentionDays is how long the push log is kept (default 180).
	RetentionDays int `json:"retention_days"`
	// RatePerSecond and RateBurst limit each API key (default 20/s, burst
	// 100); over the limit the intake answers 429 with Retry-After.
	RatePerSecond int `json:"rate_per_second"`
	RateBurst     int `json:"rate_burst"`
	// MaxUsers and MaxDepartments cap one message's recipients (default
	// 1,000 accounts and userids, 100 departments); more is refused (400).
	MaxUsers       int `json:"max_users"`
	MaxDepartments int `json:"max_departments"`
}

// intSettings are the numeric settings: key, pointer, default, maximum, and
// the field's name in both languages for errors and the audit.
func (set *Settings) intSettings() []intSetting {
	return []intSetting{
		{settingRetentionDays, "retention_days", "推送日志保留天数", &set.RetentionDays, DefaultRetentionDays, maxRetentionDays},
		{settingRatePerSecond, "rate_per_second", "每个 API 密钥每秒请求数", &set.RatePerSecond, DefaultRatePerSecond, maxRatePerSecond},
		{settingRateBurst, "rate_burst", "每个 API 密钥突发请求数", &set.RateBurst, DefaultRateBurst, maxRateBurst},
		{settingMaxUsers, "max_users", "每条消息的成员上限", &set.MaxUsers, DefaultMaxUsers, maxMaxUsers},
		{settingMaxDepts, "max_departments", "每条消息的部门上限", &set.MaxDepartments, DefaultMaxDepartments, maxMaxDepartments},
	}
}

type intSetting struct {
	key, field, zh string
	v              *int
	def, max       int
}

// Settings reads the settings, with defaults for those never saved.
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	out := Settings{IntakeAddr: DefaultIntakeAddr}
	get := func(key, def string) (string, error) { return s.st.GetSetting(ctx, key, def) }
	v, err := get(settingIntakeEnabled, "0")
	if err != nil {
		return out, err
	}
	out.IntakeEnabled = v == "1"
	if out.IntakeAddr, err = get(settingIntakeAddr, DefaultIntakeAddr); err != nil {
		return out, err
	}
	if v, err = get(settingStrictSources, "0"); err != nil {
		return out, err
	}
	out.StrictSources = v == "1"
	for _, f := range out.intSettings() {
		*f.v = f.def
		if v, err = get(f.key, strconv.Itoa(f.def)); err != nil {
			return out, err
		}
		if n, err := strconv.Atoi(v); err == nil && n > 0 && n <= f.max {
			*f.v = n
		}
	}
	return out, nil
}

// SaveSettings validates and stores the settings. It does not start or stop
// the listener; services.ApplyIntegrationListener does that.
func (s *Service) SaveSettings(ctx context.Context, in Settings) error {
	in.IntakeAddr = strings.TrimSpace(in.IntakeAddr)
	if in.IntakeAddr == "" {
		in.IntakeAddr = DefaultIntakeAddr
	}
	if err := integration.CheckAddr(in.IntakeAddr); err != nil {
		return err
	}
	kvs := [][2]string{
		{settingIntakeEnabled, boolSetting(in.IntakeEnabled)},
		{settingIntakeAddr, in.IntakeAddr},
		{settingStrictSources, boolSetting(in.StrictSources)},
	}
	for _, f := range in.intSettings() {
		if *f.v == 0 && f.key != settingRetentionDays { // a client that does not know the field keeps the default
			*f.v = f.def
		}
		if *f.v < 1 || *f.v > f.max {
			return usererr.New("setting_out_of_range", usererr.Args{"field": f.zh, "fieldEn": f.field, "value": *f.v, "max": f.max})
		}
		kvs = append(kvs, [2]string{f.key, strconv.Itoa(*f.v)})
	}
	old, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	for _, kv := range kvs {
		if err := s.st.SetSetting(ctx, kv[0], kv[1]); err != nil {
			return fmt.Errorf("save setting %s: %w", kv[0], err)
		}
	}
	if err := s.auditSettings(ctx, old, in); err != nil {
		return err
	}
	s.setCache.mu.Lock()
	s.setCache.fetched = time.Time{}
	s.setCache.mu.Unlock()
	return nil
}

func boolSetting(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
