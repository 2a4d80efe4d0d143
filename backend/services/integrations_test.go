package services

import (
	"context"
	"net/http"
	"testing"

	"wecom-bridge/backend/push"
)

// TestIntegrationListenerFollowsSettings: off by default; enabled on an
// address it serves the route table (the intake API answers there with its
// own auth); disabled it stops.
func TestIntegrationListenerFollowsSettings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if err := s.ApplyIntegrationListener(ctx); err != nil || s.Listener.Addr() != "" {
		t.Fatalf("disabled listener: %q, %v", s.Listener.Addr(), err)
	}
	set, _ := s.Push.Settings(ctx)
	set.IntakeEnabled, set.IntakeAddr = true, "127.0.0.1:0"
	if err := s.Push.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	if err := s.ApplyIntegrationListener(ctx); err != nil {
		t.Fatal(err)
	}
	addr := s.Listener.Addr()
	if addr == "" {
		t.Fatal("listener not started")
	}
	resp, err := http.Get("http://" + addr + "/api/v1/messages/1")
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("intake without a key through the listener = %v, %v", resp, err)
	}
	resp.Body.Close()
	_, key, _ := s.Push.CreateAPIKey(ctx, "x", push.KeyPermissions{})
	req, _ := http.NewRequest("GET", "http://"+addr+"/api/v1/messages/1", nil)
	req.Header.Set("Authorization", "Bearer "+key)
	if resp, err = http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("intake with a key through the listener = %v, %v", resp, err)
	}
	resp.Body.Close()
	if resp, err = http.Get("http://" + addr + "/elsewhere"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("a path outside the table = %v, %v", resp, err)
	}
	resp.Body.Close()
	set.IntakeEnabled = false
	s.Push.SaveSettings(ctx, set)
	if err := s.ApplyIntegrationListener(ctx); err != nil || s.Listener.Addr() != "" {
		t.Errorf("after disabling: %q, %v", s.Listener.Addr(), err)
	}
	if _, err := http.Get("http://" + addr + "/api/v1/messages"); err == nil {
		t.Error("the listener still answers")
	}
}
