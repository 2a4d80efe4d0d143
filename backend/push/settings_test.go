package push

import "testing"

// TestSettingsDefaultsAndBadAddresses: the listener is off by default on
// 127.0.0.1:8751; an address without a host:port or with a bad port is refused.
func TestSettingsDefaultsAndBadAddresses(t *testing.T) {
	e := newEnv(t, envConfig{})
	set, err := e.svc.Settings(e.ctx)
	if err != nil || set.IntakeEnabled || set.IntakeAddr != DefaultIntakeAddr || set.RetentionDays != 180 || set.StrictSources {
		t.Fatalf("defaults = %+v, %v", set, err)
	}
	for _, bad := range []Settings{{IntakeAddr: "8751", RetentionDays: 10}, {IntakeAddr: "127.0.0.1:x", RetentionDays: 10}, {RetentionDays: 0}} {
		if err := e.svc.SaveSettings(e.ctx, bad); err == nil {
			t.Errorf("saved %+v", bad)
		}
	}
}
