package push

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
	"wecom-bridge/backend/usererr"
)

// Settings keys in the settings table.
const (
	settingIntakeEnabled = "push.intake.enabled"
	settingIntakeAddr    = "push.intake.addr"
	settingStrictSources = "push.strict_sources"
	settingRetentionDays = "push.retention_days"
)

// Defaults of Settings.
const (
	DefaultIntakeAddr    = "127.0.0.1:8751"
	DefaultRetentionDays = 180
	maxRetentionDays     = 3650
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
}

// Settings reads the settings, with defaults for those never saved.
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	out := Settings{IntakeAddr: DefaultIntakeAddr, RetentionDays: DefaultRetentionDays}
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
	if v, err = get(settingRetentionDays, strconv.Itoa(DefaultRetentionDays)); err != nil {
		return out, err
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		out.RetentionDays = n
	}
	return out, nil
}

// SaveSettings validates and stores the settings. It does not start or stop
// the listener; call ApplyListener for that.
func (s *Service) SaveSettings(ctx context.Context, in Settings) error {
	in.IntakeAddr = strings.TrimSpace(in.IntakeAddr)
	if in.IntakeAddr == "" {
		in.IntakeAddr = DefaultIntakeAddr
	}
	if err := checkAddr(in.IntakeAddr); err != nil {
		return err
	}
	if in.RetentionDays < 1 || in.RetentionDays > maxRetentionDays {
		return usererr.Newf("bad_setting", "推送日志保留天数 %[1]d 超出范围：请填写 1 到 %[2]d 天", "retention_days: %[1]d is out of range; keep the push log 1 to %[2]d days", in.RetentionDays, maxRetentionDays)
	}
	for _, kv := range [][2]string{
		{settingIntakeEnabled, boolSetting(in.IntakeEnabled)},
		{settingIntakeAddr, in.IntakeAddr},
		{settingStrictSources, boolSetting(in.StrictSources)},
		{settingRetentionDays, strconv.Itoa(in.RetentionDays)},
	} {
		if err := s.st.SetSetting(ctx, kv[0], kv[1]); err != nil {
			return fmt.Errorf("save setting %s: %w", kv[0], err)
		}
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

// checkAddr accepts host:port with a numeric port (host may be empty: all interfaces).
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usererr.Newf("bad_setting", "监听地址 %[1]q 不是 主机:端口 的格式（例如 %[2]s）", "intake_addr: %[1]q is not host:port (e.g. %[2]s)", addr, DefaultIntakeAddr)
	}
	if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		return usererr.Newf("bad_setting", "监听端口 %[1]q 必须是 0 到 65535 之间的数字", "intake_addr: port %[1]q must be a number from 0 to 65535", port)
	}
	return nil
}
