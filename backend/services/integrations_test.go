package services

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/server"

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
	res, err := s.Store.DB.ExecContext(ctx, `INSERT INTO corps(corp_key, name, corp_id) VALUES('k', '星河', 'ww0000000000000001')`)
	if err != nil {
		t.Fatal(err)
	}
	corpID, _ := res.LastInsertId()
	_, key, err := s.Push.CreateAPIKey(ctx, corpID, "x", push.KeyPermissions{})
	if err != nil {
		t.Fatal(err)
	}
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

// TestServeModeMountsCallbacksWithoutTheServeToken: on the serve-mode server
// the callback URLs answer with WeCom's rules (an unknown corp key: 404
// refused by the receiver), not with the serve token's 401; the rest of /api/
// still needs the token.
func TestServeModeMountsCallbacksWithoutTheServeToken(t *testing.T) {
	s := openTest(t)
	h := server.New(server.Config{Bound: struct{}{}, Assets: fstest.MapFS{"index.html": {Data: []byte("<html></html>")}},
		Hub: events.NewHub(), Token: server.Token{Value: "serve-token-for-test"}, Addr: []string{"127.0.0.1:8750"},
		Integrations: s.IntegrationRoutes()})
	for path, want := range map[string]int{
		"/callback/contact/nosuchkey?msg_signature=a&timestamp=1&nonce=2&echostr=x": http.StatusNotFound,
		"/callback/app/nosuchkey/1000002?msg_signature=a&timestamp=1&nonce=2":       http.StatusNotFound,
		"/api/rpc/Anything": http.StatusUnauthorized,
	} {
		req := httptest.NewRequest("GET", "http://127.0.0.1:8750"+path, nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != want || (want == http.StatusNotFound && !strings.Contains(w.Body.String(), "unknown_endpoint")) {
			t.Errorf("GET %s = %d %q, want %d", path, w.Code, w.Body.String(), want)
		}
	}
}

// TestServeModeRootServesThePageBesideTheVerifyFile: WeCom's verification
// file is served at its root path, other WW_verify_*.txt names are 404, and
// every other single-segment path is still the page's (its files, else the
// page itself), in serve mode; on the integration listener, which has no
// page, they are 404.
func TestServeModeRootServesThePageBesideTheVerifyFile(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.Login.SetVerifyFile(ctx, "WW_verify_abc123.txt", []byte("abc123")); err != nil {
		t.Fatal(err)
	}
	h := server.New(server.Config{Bound: struct{}{}, Assets: fstest.MapFS{
		"index.html": {Data: []byte("<html>page</html>")}, "favicon.ico": {Data: []byte("icon")}, "robots.txt": {Data: []byte("User-agent: *")}},
		Hub: events.NewHub(), Token: server.Token{Value: "serve-token-for-test"}, Addr: []string{"127.0.0.1:8750"},
		Integrations: s.IntegrationRoutes()})
	get := func(h http.Handler, method, path string) (int, string) {
		req := httptest.NewRequest(method, "http://127.0.0.1:8750"+path, nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w.Code, w.Body.String()
	}
	for _, c := range []struct {
		path string
		code int
		body string // contained
	}{
		{"/WW_verify_abc123.txt", 200, "abc123"},
		{"/WW_verify_other.txt", 404, ""},
		{"/favicon.ico", 200, "icon"},
		{"/robots.txt", 200, "User-agent"},
		{"/index.html", 200, "page"},
		{"/settings", 200, "page"}, // an unknown page: the page (hash routing)
		{"/", 200, "page"},
	} {
		if code, body := get(h, "GET", c.path); code != c.code || !strings.Contains(body, c.body) {
			t.Errorf("serve mode GET %s = %d %q, want %d with %q", c.path, code, body, c.code, c.body)
		}
	}
	if code, _ := get(h, "HEAD", "/favicon.ico"); code != 200 {
		t.Errorf("serve mode HEAD /favicon.ico = %d, want 200", code)
	}
	mux := s.IntegrationRoutes().Mux() // the desktop's integration listener
	for path, want := range map[string]int{"/WW_verify_abc123.txt": 200, "/WW_verify_other.txt": 404, "/favicon.ico": 404, "/index.html": 404} {
		if code, _ := get(mux, "GET", path); code != want {
			t.Errorf("listener GET %s = %d, want %d", path, code, want)
		}
	}
}
