package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/usererr"
)

type fakeApp struct{ calls int }

type greeting struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

func (a *fakeApp) Greet(name string, n int) (greeting, error) {
	a.calls++
	return greeting{Text: "你好 " + name, Count: n}, nil
}
func (a *fakeApp) Fail() error            { return errors.New("corp ID must start with ww") }
func (a *fakeApp) Coded() (string, error) { return "", usererr.New("stale_plan", nil) }
func (a *fakeApp) Boom() string           { panic("kaboom") }
func (a *fakeApp) Echo(b []byte) int      { return len(b) }
func (a *fakeApp) NoResult()              {}

const tok = "test-token-0123456789abcdef0123456789abcdef"

func newTestServer(t *testing.T) (*httptest.Server, *fakeApp) {
	srv, app, _ := newTestServerWith(t, nil)
	return srv, app
}

// newTestServerWith starts a real HTTP server on loopback whose Host check
// knows its own address; edit adjusts the Config first.
func newTestServerWith(t *testing.T, edit func(*Config)) (*httptest.Server, *fakeApp, *Server) {
	app := &fakeApp{}
	assets := fstest.MapFS{
		"index.html":      {Data: []byte(`<!doctype html><html><head><title>x</title></head><body><div id="app"></div></body></html>`)},
		"assets/app-1.js": {Data: []byte(`console.log(1)`)},
	}
	srv := httptest.NewUnstartedServer(nil)
	cfg := Config{Bound: app, Assets: assets, Hub: events.NewHub(),
		Token: Token{Value: tok, File: filepath.Join(t.TempDir(), DefaultTokenFile)},
		Addr:  []string{srv.Listener.Addr().String()}}
	if edit != nil {
		edit(&cfg)
	}
	s := New(cfg)
	srv.Config.Handler = s
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, app, s
}

func rpc(t *testing.T, srv *httptest.Server, method, body string, auth bool) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+"/api/rpc/"+method, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if auth {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestRPCRoundTrip(t *testing.T) {
	srv, app := newTestServer(t)
	code, out := rpc(t, srv, "Greet", `["张伟", 3]`, true)
	if code != 200 {
		t.Fatalf("status %d %v", code, out)
	}
	res := out["result"].(map[string]any)
	if res["text"] != "你好 张伟" || res["count"].(float64) != 3 || app.calls != 1 {
		t.Fatalf("bad result %v", out)
	}
	code, out = rpc(t, srv, "NoResult", `[]`, true)
	if code != 200 || out["result"] != nil {
		t.Fatalf("void method: %d %v", code, out)
	}
}

func TestRPCWithoutTokenIs401(t *testing.T) {
	srv, app := newTestServer(t)
	code, out := rpc(t, srv, "Greet", `["a",1]`, false)
	if code != 401 || out["error"].(map[string]any)["code"] != "unauthorized" || app.calls != 0 {
		t.Fatalf("want 401 and no call, got %d %v calls=%d", code, out, app.calls)
	}
	req, _ := http.NewRequest("POST", srv.URL+"/api/rpc/Greet", strings.NewReader(`["a",1]`))
	req.Header.Set("Authorization", "Bearer wrong")
	resp, _ := http.DefaultClient.Do(req)
	if resp.StatusCode != 401 {
		t.Fatalf("wrong token: %d", resp.StatusCode)
	}
	resp, _ = http.Get(srv.URL + "/api/events")
	if resp.StatusCode != 401 {
		t.Fatalf("events without token: %d", resp.StatusCode)
	}
}

func TestUnknownMethodIs404JSON(t *testing.T) {
	srv, _ := newTestServer(t)
	code, out := rpc(t, srv, "DropDatabase", `[]`, true)
	e := out["error"].(map[string]any)
	if code != 404 || e["code"] != "unknown_method" || !strings.Contains(e["message"].(string), "DropDatabase") {
		t.Fatalf("got %d %v", code, out)
	}
}

func TestBodyOver1MiBRejected(t *testing.T) {
	srv, _ := newTestServer(t)
	big := `["` + strings.Repeat("a", MaxBodyBytes) + `"]`
	code, out := rpc(t, srv, "Echo", big, true)
	if code != 413 || out["error"].(map[string]any)["code"] != "body_too_large" {
		t.Fatalf("got %d %v", code, out)
	}
}

func TestBadArgumentsNamed(t *testing.T) {
	srv, app := newTestServer(t)
	code, out := rpc(t, srv, "Greet", `["a"]`, true)
	if code != 400 || !strings.Contains(out["error"].(map[string]any)["message"].(string), "takes 2 argument(s), got 1") {
		t.Fatalf("arity: %d %v", code, out)
	}
	code, out = rpc(t, srv, "Greet", `["a","notanumber"]`, true)
	if code != 400 || !strings.Contains(out["error"].(map[string]any)["message"].(string), "argument 2") {
		t.Fatalf("type: %d %v", code, out)
	}
	code, _ = rpc(t, srv, "Greet", `{"not":"array"}`, true)
	if code != 400 || app.calls != 0 {
		t.Fatalf("object body: %d", code)
	}
}

func TestMethodErrorsCarryTheMessageAndOthersAreInternal(t *testing.T) {
	srv, _ := newTestServer(t)
	code, out := rpc(t, srv, "Coded", `[]`, true)
	e := out["error"].(map[string]any)
	want := usererr.Msg("stale_plan", nil)
	if code != 400 || e["code"] != "stale_plan" || e["zh"] != want.ZH || e["en"] != want.EN || e["message"] != want.EN {
		t.Fatalf("message error: %d %v", code, out)
	}
	code, out = rpc(t, srv, "Fail", `[]`, true)
	e = out["error"].(map[string]any)
	ref, _ := e["args"].(map[string]any)["ref"].(string)
	if code != 500 || e["code"] != usererr.CodeInternal || ref == "" || strings.Contains(e["en"].(string), "corp ID") {
		t.Fatalf("a plain error must be internal with a reference and no details: %d %v", code, out)
	}
	code, out = rpc(t, srv, "Boom", `[]`, true)
	if code != 500 || strings.Contains(out["error"].(map[string]any)["message"].(string), "kaboom") {
		t.Fatalf("panic must be a 500 without internals: %d %v", code, out)
	}
}

func TestPageIsPublicAndInjectsShim(t *testing.T) {
	srv, _ := newTestServer(t)
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(resp.Header.Values("Set-Cookie")) != 0 {
		t.Fatalf("the page is public and sets no cookie: %d %v", resp.StatusCode, resp.Header.Values("Set-Cookie"))
	}
	if !bytes.Contains(body, []byte(`<head><script src="/api/shim.js"></script>`)) {
		t.Fatalf("shim not injected first in head: %s", body)
	}
	resp, _ = http.Get(srv.URL + "/api/shim.js")
	shim, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(shim, []byte(`var methods = ["Boom","Coded","Echo","Fail","Greet","NoResult"];`)) || bytes.Contains(shim, []byte("__METHODS__")) {
		t.Fatalf("shim should list bound methods: %d %s", resp.StatusCode, shim[:200])
	}
	if bytes.Contains(shim, []byte(tok)) || bytes.Contains(body, []byte(tok)) {
		t.Fatal("the public page must not carry the token")
	}
	resp, _ = http.Get(srv.URL + "/assets/app-1.js")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
		t.Fatalf("asset: %d %s", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
}

func TestTokenFileCreatedWith0600(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(TokenEnv, "")
	a, err := LoadToken(dir, "")
	if err != nil || len(a.Value) < MinTokenLen || a.File != filepath.Join(dir, DefaultTokenFile) {
		t.Fatalf("token %+v %v", a, err)
	}
	fi, _ := os.Stat(filepath.Join(dir, DefaultTokenFile))
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode().Perm())
	}
	b, _ := LoadToken(dir, "")
	if a != b {
		t.Fatal("token must be stable across restarts")
	}
	env := strings.Repeat("e", MinTokenLen)
	t.Setenv(TokenEnv, env)
	c, _ := LoadToken(dir, "")
	if c.Value != env || c.File != "" {
		t.Fatalf("env must override the default file and cannot be rotated: %+v", c)
	}
}
