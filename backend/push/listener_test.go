package push

import (
	"net/http"
	"testing"
)

// TestListenerFollowsSettings: off by default; enabled on an address it
// serves the intake API at /api/v1/; disabled it stops.
func TestListenerFollowsSettings(t *testing.T) {
	e := newEnv(t, envConfig{})
	set, err := e.svc.Settings(e.ctx)
	if err != nil || set.IntakeEnabled || set.IntakeAddr != DefaultIntakeAddr || set.RetentionDays != 180 || set.StrictSources {
		t.Fatalf("defaults = %+v, %v", set, err)
	}
	if err := e.svc.ApplyListener(e.ctx); err != nil || e.svc.ListenerAddr() != "" {
		t.Fatalf("disabled listener: %q, %v", e.svc.ListenerAddr(), err)
	}
	for _, bad := range []Settings{{IntakeAddr: "8751", RetentionDays: 10}, {IntakeAddr: "127.0.0.1:x", RetentionDays: 10}, {RetentionDays: 0}} {
		if err := e.svc.SaveSettings(e.ctx, bad); err == nil {
			t.Errorf("saved %+v", bad)
		}
	}
	set.IntakeEnabled, set.IntakeAddr = true, "127.0.0.1:0"
	if err := e.svc.SaveSettings(e.ctx, set); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.ApplyListener(e.ctx); err != nil {
		t.Fatal(err)
	}
	addr := e.svc.ListenerAddr()
	if addr == "" {
		t.Fatal("listener not started")
	}
	_, key, _ := e.svc.CreateAPIKey(e.ctx, "x", KeyPermissions{})
	api := &intake{t: t, url: "http://" + addr, key: key}
	if resp := api.do("POST", "/api/v1/messages", Input{Source: "oa", Title: "t", To: To{UserIDs: []string{"u1"}}}, nil); resp.StatusCode != http.StatusAccepted {
		t.Errorf("POST through the listener = %d", resp.StatusCode)
	}
	set.IntakeEnabled = false
	e.svc.SaveSettings(e.ctx, set)
	if err := e.svc.ApplyListener(e.ctx); err != nil || e.svc.ListenerAddr() != "" {
		t.Errorf("after disabling: %q, %v", e.svc.ListenerAddr(), err)
	}
	if _, err := http.Get("http://" + addr + "/api/v1/messages"); err == nil {
		t.Error("the listener still answers")
	}
}
