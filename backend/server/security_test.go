package server

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Regression tests for issue 12, findings 1, 7 and 10 (serve mode).

type reqOpt func(*http.Request)

func withBearer(t string) reqOpt {
	return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+t) }
}
func withHeader(k, v string) reqOpt {
	return func(r *http.Request) { r.Header.Set(k, v) }
}
func withHost(h string) reqOpt { return func(r *http.Request) { r.Host = h } }

func do(t *testing.T, method, url, body string, opts ...reqOpt) (*http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	for _, o := range opts {
		o(req)
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no redirects, no cookie jar
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp, out
}

func errCode(out map[string]any) string {
	e, _ := out["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

var jsonCT = withHeader("Content-Type", "application/json")

// Finding 1: the old cookie (and ?token=) no longer authorize anything.
func TestCookieOrQueryTokenAloneRefused(t *testing.T) {
	srv, app := newTestServer(t)
	resp, out := do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, jsonCT,
		withHeader("Cookie", "wecom_bridge_token="+tok))
	if resp.StatusCode != 401 || errCode(out) != "unauthorized" || app.calls != 0 {
		t.Fatalf("cookie: %d %v calls=%d", resp.StatusCode, out, app.calls)
	}
	if e := out["error"].(map[string]any); !strings.Contains(e["zh"].(string), "令牌") || !strings.Contains(e["en"].(string), "Bearer") {
		t.Fatalf("the refusal is the admin's message in both languages: %v", e)
	}
	resp, _ = do(t, "POST", srv.URL+"/api/rpc/Greet?token="+tok, `["a",1]`, jsonCT)
	if resp.StatusCode != 401 || app.calls != 0 {
		t.Fatalf("?token=: %d", resp.StatusCode)
	}
	resp, _ = do(t, "GET", srv.URL+"/api/events?token="+tok, "", withHeader("Cookie", "wecom_bridge_token="+tok))
	if resp.StatusCode != 401 {
		t.Fatalf("events by cookie: %d", resp.StatusCode)
	}
	resp, _ = do(t, "GET", srv.URL+"/?token="+tok, "")
	if len(resp.Header.Values("Set-Cookie")) != 0 || resp.StatusCode != 200 {
		t.Fatalf("the page must neither redirect nor set a cookie: %d %v", resp.StatusCode, resp.Header)
	}
}

// Finding 1: a form or text/plain fetch (no preflight) cannot run an RPC.
func TestRPCAcceptsOnlyJSON(t *testing.T) {
	srv, app := newTestServer(t)
	for _, ct := range []string{"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""} {
		resp, out := do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, withBearer(tok), withHeader("Content-Type", ct))
		if resp.StatusCode != 415 || errCode(out) != "unsupported_media_type" {
			t.Errorf("Content-Type %q: %d %v", ct, resp.StatusCode, out)
		}
	}
	resp, _ := do(t, "POST", srv.URL+"/api/auth/rotate", `{}`, withBearer(tok), withHeader("Content-Type", "text/plain"))
	if resp.StatusCode != 415 {
		t.Errorf("rotate as text/plain: %d", resp.StatusCode)
	}
	if app.calls != 0 {
		t.Fatalf("a non-JSON body ran the method %d times", app.calls)
	}
	resp, _ = do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, withBearer(tok), withHeader("Content-Type", "application/json; charset=utf-8"))
	if resp.StatusCode != 200 {
		t.Fatalf("JSON with a charset: %d", resp.StatusCode)
	}
}

// Finding 1: a page on another port (or anywhere else) is refused even with the token.
func TestWrongOriginRefused(t *testing.T) {
	srv, app := newTestServer(t)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	other := "http://127.0.0.1:1" + port
	cases := []reqOpt{
		withHeader("Origin", other),
		withHeader("Origin", "http://localhost:"+port+"0"),
		withHeader("Origin", "null"),
		withHeader("Origin", "https://evil.example"),
		withHeader("Sec-Fetch-Site", "same-site"),
		withHeader("Sec-Fetch-Site", "cross-site"),
	}
	for i, o := range cases {
		resp, out := do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, withBearer(tok), jsonCT, o)
		if resp.StatusCode != 403 || (errCode(out) != "bad_origin" && errCode(out) != "cross_site") {
			t.Errorf("case %d: %d %v", i, resp.StatusCode, out)
		}
	}
	resp, _ := do(t, "GET", srv.URL+"/api/events", "", withBearer(tok), withHeader("Origin", other))
	if resp.StatusCode != 403 {
		t.Errorf("events from another origin: %d", resp.StatusCode)
	}
	if app.calls != 0 {
		t.Fatalf("a foreign origin ran the method %d times", app.calls)
	}
	resp, _ = do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, withBearer(tok), jsonCT,
		withHeader("Origin", srv.URL), withHeader("Sec-Fetch-Site", "same-origin"))
	if resp.StatusCode != 200 {
		t.Fatalf("own origin: %d", resp.StatusCode)
	}
}

// Finding 10: DNS rebinding; Host must name this server.
func TestWrongHostRefused(t *testing.T) {
	srv, app, _ := newTestServerWith(t, func(c *Config) { c.AllowedHosts = []string{"bridge.example.com"} })
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	for _, h := range []string{"evil.example:" + port, "127.0.0.1:1" + port, "rebind.attacker.test"} {
		resp, out := do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, withBearer(tok), jsonCT, withHost(h))
		if resp.StatusCode != 403 || errCode(out) != "bad_host" || !strings.Contains(out["error"].(map[string]any)["en"].(string), h) {
			t.Errorf("Host %q: %d %v", h, resp.StatusCode, out)
		}
		resp, _ = do(t, "GET", srv.URL+"/", "", withHost(h))
		if resp.StatusCode != 403 {
			t.Errorf("page with Host %q: %d", h, resp.StatusCode)
		}
	}
	if app.calls != 0 {
		t.Fatalf("a foreign Host ran the method %d times", app.calls)
	}
	for _, h := range []string{"localhost:" + port, "127.0.0.1:" + port, "LOCALHOST:" + port, "bridge.example.com", "bridge.example.com:443"} {
		resp, _ := do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, withBearer(tok), jsonCT, withHost(h))
		if resp.StatusCode != 200 {
			t.Errorf("Host %q must be accepted: %d", h, resp.StatusCode)
		}
	}
}

func TestHostCheckByListenAddress(t *testing.T) {
	cases := []struct {
		addrs []string
		host  string
		ok    bool
	}{
		{[]string{"127.0.0.1:8750"}, "127.0.0.1:8750", true},
		{[]string{"127.0.0.1:8750"}, "localhost:8750", true},
		{[]string{"127.0.0.1:8750"}, "[::1]:8750", true},
		{[]string{"127.0.0.1:8750"}, "localhost:8751", false},
		{[]string{"127.0.0.1:8750"}, "192.168.1.5:8750", false},
		{[]string{"127.0.0.1:8750"}, "attacker.test:8750", false},
		{[]string{"0.0.0.0:8750", "[::]:8750"}, "192.168.1.5:8750", true},
		{[]string{"0.0.0.0:8750"}, "attacker.test:8750", false},
		{[]string{"bridge.lan:8750", "192.168.1.5:8750"}, "bridge.lan:8750", true},
		{[]string{"bridge.lan:8750", "192.168.1.5:8750"}, "192.168.1.5:8750", true},
		{[]string{"bridge.lan:8750", "192.168.1.5:8750"}, "other.lan:8750", false},
		{[]string{"127.0.0.1:80"}, "localhost", true},
		{nil, "localhost:1234", true},
		{nil, "attacker.test:1234", false},
	}
	for _, c := range cases {
		if got := newHostCheck(c.addrs, nil).ok(c.host); got != c.ok {
			t.Errorf("listen %v, Host %q: %v, want %v", c.addrs, c.host, got, c.ok)
		}
	}
}

// Finding 1: no framing, on every kind of response.
func TestFrameHeadersOnEveryResponse(t *testing.T) {
	srv, _, _ := newTestServerWith(t, func(c *Config) {
		c.Integrations = map[string]http.Handler{"/api/v1/": http.NotFoundHandler()}
	})
	paths := []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/assets/app-1.js"}, {"GET", "/api/shim.js"}, {"GET", "/api/health"},
		{"POST", "/api/rpc/Greet"}, {"GET", "/api/events"}, {"GET", "/api/nothing"}, {"POST", "/api/v1/messages"},
	}
	for _, p := range paths {
		resp, _ := do(t, p.method, srv.URL+p.path, "")
		if resp.Header.Get("X-Frame-Options") != "DENY" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s %s: X-Frame-Options %q CSP %q", p.method, p.path, resp.Header.Get("X-Frame-Options"), resp.Header.Get("Content-Security-Policy"))
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: no nosniff", p.method, p.path)
		}
	}
	resp, _ := do(t, "GET", srv.URL+"/", "", withHost("evil.test"))
	if resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Error("refused responses need the headers too")
	}
}

// Finding 10: short tokens are refused from every source; --token-file works.
func TestTokenMinimumLengthAndTokenFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(TokenEnv, "x")
	if _, err := LoadToken(dir, ""); err == nil || !strings.Contains(err.Error(), "at least 32") {
		t.Fatalf("a 1-character env token: %v", err)
	}
	t.Setenv(TokenEnv, strings.Repeat("a", MinTokenLen-1))
	if _, err := LoadToken(dir, ""); err == nil {
		t.Fatal("31 characters must be refused")
	}
	t.Setenv(TokenEnv, strings.Repeat("a", 20)+" "+strings.Repeat("b", 20))
	if _, err := LoadToken(dir, ""); err == nil || !strings.Contains(err.Error(), "spaces") {
		t.Fatalf("a token with a space: %v", err)
	}
	t.Setenv(TokenEnv, "")
	short := filepath.Join(dir, "short.token")
	os.WriteFile(short, []byte("abc\n"), 0o600)
	if _, err := LoadToken(dir, short); err == nil || !strings.Contains(err.Error(), short) {
		t.Fatalf("a short token file: %v", err)
	}
	os.WriteFile(filepath.Join(dir, DefaultTokenFile), []byte("tooshort"), 0o600)
	if _, err := LoadToken(dir, ""); err == nil {
		t.Fatal("a short serve.token must be refused")
	}
	good := filepath.Join(dir, "good.token")
	want := strings.Repeat("k", 40)
	os.WriteFile(good, []byte(want+"\n"), 0o600)
	t.Setenv(TokenEnv, strings.Repeat("e", 40))
	got, err := LoadToken(dir, good)
	if err != nil || got.Value != want || got.File != good {
		t.Fatalf("--token-file wins over the environment: %+v %v", got, err)
	}
	created := filepath.Join(dir, "new.token")
	got, err = LoadToken(dir, created)
	b, _ := os.ReadFile(created)
	if err != nil || len(got.Value) < MinTokenLen || strings.TrimSpace(string(b)) != got.Value {
		t.Fatalf("a missing --token-file gets a new token: %+v %v", got, err)
	}
}

// Finding 10: wrong tokens are throttled per client; a missing token is not counted.
func TestWrongTokensThrottledPerClient(t *testing.T) {
	srv, app, s := newTestServerWith(t, nil)
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	s.throttle.now = func() time.Time { return now }
	call := func(remote, token string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", srv.URL+"/api/rpc/Greet", strings.NewReader(`["a",1]`))
		r.RemoteAddr = remote
		r.Header.Set("Content-Type", "application/json")
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w
	}
	for i := 0; i < 50; i++ {
		if w := call("127.0.0.1:5000", ""); w.Code != 401 {
			t.Fatalf("no token: %d", w.Code)
		}
	}
	for i := 0; i < ThrottleBurst; i++ {
		if w := call("127.0.0.1:5000", "wrong-guess"); w.Code != 401 {
			t.Fatalf("wrong token %d: %d", i+1, w.Code)
		}
	}
	w := call("127.0.0.1:5001", tok)
	if w.Code != 429 || w.Header().Get("Retry-After") == "" {
		t.Fatalf("after %d wrong tokens even the right one waits: %d %q", ThrottleBurst, w.Code, w.Header().Get("Retry-After"))
	}
	if app.calls != 0 {
		t.Fatal("a throttled client ran a method")
	}
	if w := call("10.0.0.7:6000", tok); w.Code != 200 {
		t.Fatalf("another client is not throttled: %d", w.Code)
	}
	now = now.Add(ThrottleDrain)
	if w := call("127.0.0.1:5002", tok); w.Code != 200 {
		t.Fatalf("after draining the client may try again: %d", w.Code)
	}
}

func TestThrottleTracksBoundedClients(t *testing.T) {
	th := newThrottle()
	for i := 0; i < maxClients*2; i++ {
		th.fail(net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)).String())
	}
	if len(th.clients) > maxClients {
		t.Fatalf("tracks %d clients, cap %d", len(th.clients), maxClients)
	}
}

// SSE: a single-use, short-lived ticket obtained with the bearer token.
func TestEventStreamTicket(t *testing.T) {
	srv, _, s := newTestServerWith(t, nil)
	resp, _ := do(t, "GET", srv.URL+"/api/events", "")
	if resp.StatusCode != 401 {
		t.Fatalf("events without anything: %d", resp.StatusCode)
	}
	resp, _ = do(t, "POST", srv.URL+"/api/auth/ticket", "")
	if resp.StatusCode != 401 {
		t.Fatalf("a ticket without the token: %d", resp.StatusCode)
	}
	ticket := func() string {
		resp, out := do(t, "POST", srv.URL+"/api/auth/ticket", "", withBearer(tok))
		tk, _ := out["ticket"].(string)
		if resp.StatusCode != 200 || len(tk) < 32 || resp.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("ticket: %d %v", resp.StatusCode, out)
		}
		return tk
	}
	tk := ticket()
	req, _ := http.NewRequest("GET", srv.URL+"/api/events?ticket="+tk, nil)
	stream, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stream.Body).ReadString('\n')
	stream.Body.Close()
	if stream.StatusCode != 200 || !strings.HasPrefix(stream.Header.Get("Content-Type"), "text/event-stream") || line != ": connected\n" {
		t.Fatalf("stream by ticket: %d %q", stream.StatusCode, line)
	}
	if resp, _ := do(t, "GET", srv.URL+"/api/events?ticket="+tk, ""); resp.StatusCode != 401 {
		t.Fatalf("a ticket is used once: %d", resp.StatusCode)
	}
	if resp, _ := do(t, "POST", srv.URL+"/api/rpc/Greet?ticket="+ticket(), `["a",1]`, jsonCT); resp.StatusCode != 401 {
		t.Fatalf("a ticket does not authorize an RPC: %d", resp.StatusCode)
	}
	now := time.Now()
	s.sess.now = func() time.Time { return now }
	old := ticket()
	now = now.Add(TicketTTL)
	if resp, _ := do(t, "GET", srv.URL+"/api/events?ticket="+old, ""); resp.StatusCode != 401 {
		t.Fatalf("an expired ticket: %d", resp.StatusCode)
	}
}

// Finding 10: rotation signs every browser out and ends their event streams.
func TestRotateTokenSignsEveryoneOut(t *testing.T) {
	var printed string
	srv, app, s := newTestServerWith(t, func(c *Config) { c.OnRotate = func(n string) { printed = n } })
	_, out := do(t, "POST", srv.URL+"/api/auth/ticket", "", withBearer(tok))
	req, _ := http.NewRequest("GET", srv.URL+"/api/events?ticket="+out["ticket"].(string), nil)
	stream, err := http.DefaultTransport.RoundTrip(req)
	if err != nil || stream.StatusCode != 200 {
		t.Fatalf("stream: %v", err)
	}
	defer stream.Body.Close()
	_, out = do(t, "POST", srv.URL+"/api/auth/ticket", "", withBearer(tok))
	unused := out["ticket"].(string)

	resp, out := do(t, "POST", srv.URL+"/api/auth/rotate", `{}`, withBearer(tok), jsonCT)
	if resp.StatusCode != 200 || strings.Contains(toJSON(out), printed) {
		t.Fatalf("rotate: %d %v (the answer must not carry the new token)", resp.StatusCode, out)
	}
	done := make(chan error, 1)
	go func() { _, err := io.Copy(io.Discard, stream.Body); done <- err }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the event stream opened under the old token was not ended")
	}
	if resp, _ := do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, withBearer(tok), jsonCT); resp.StatusCode != 401 {
		t.Fatalf("old token after rotation: %d", resp.StatusCode)
	}
	if resp, _ := do(t, "GET", srv.URL+"/api/events?ticket="+unused, ""); resp.StatusCode != 401 {
		t.Fatalf("old ticket after rotation: %d", resp.StatusCode)
	}
	b, _ := os.ReadFile(s.sess.file)
	fi, _ := os.Stat(s.sess.file)
	if printed == "" || strings.TrimSpace(string(b)) != printed || fi.Mode().Perm() != 0o600 || len(printed) < MinTokenLen {
		t.Fatalf("the new token goes to the file (0600) and to OnRotate: %q %q %v", printed, b, fi.Mode())
	}
	if resp, _ := do(t, "POST", srv.URL+"/api/rpc/Greet", `["a",1]`, withBearer(printed), jsonCT); resp.StatusCode != 200 || app.calls != 1 {
		t.Fatalf("new token: %d", resp.StatusCode)
	}

	envSrv, _, _ := newTestServerWith(t, func(c *Config) { c.Token = Token{Value: tok} })
	resp, out = do(t, "POST", envSrv.URL+"/api/auth/rotate", `{}`, withBearer(tok), jsonCT)
	if resp.StatusCode != 409 || errCode(out) != "token_from_env" {
		t.Fatalf("a token from the environment cannot be rotated here: %d %v", resp.StatusCode, out)
	}
}

func toJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// Downloads and uploads (Authed handlers): bearer, or a ticket for a GET link.
func TestAuthedHandlersTakeBearerOrTicketForGet(t *testing.T) {
	srv, _, _ := newTestServerWith(t, func(c *Config) {
		c.Authed = map[string]http.Handler{"/api/download/": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("file")) })}
	})
	if resp, _ := do(t, "GET", srv.URL+"/api/download/x.csv", "", withHeader("Cookie", "wecom_bridge_token="+tok)); resp.StatusCode != 401 {
		t.Fatalf("download by cookie: %d", resp.StatusCode)
	}
	_, out := do(t, "POST", srv.URL+"/api/auth/ticket", "", withBearer(tok))
	if resp, _ := do(t, "POST", srv.URL+"/api/download/x.csv?ticket="+out["ticket"].(string), ""); resp.StatusCode != 401 {
		t.Fatalf("a ticket is for GET only: %d", resp.StatusCode)
	}
	_, out = do(t, "POST", srv.URL+"/api/auth/ticket", "", withBearer(tok))
	if resp, _ := do(t, "GET", srv.URL+"/api/download/x.csv?ticket="+out["ticket"].(string), ""); resp.StatusCode != 200 {
		t.Fatalf("download by ticket: %d", resp.StatusCode)
	}
}

func TestNonLoopbackAddressWarns(t *testing.T) {
	for _, a := range []string{"0.0.0.0:8750", ":8750", "[::]:8750", "192.168.1.5:8750", "bridge.lan:8750"} {
		if w := NonLoopbackWarning(a); !strings.Contains(w, "TLS") || !strings.Contains(w, "docs/serve-api.md") {
			t.Errorf("%s: %q", a, w)
		}
	}
	for _, a := range []string{"127.0.0.1:8750", "127.0.0.2:1", "[::1]:8750", "localhost:8750"} {
		if w := NonLoopbackWarning(a); w != "" {
			t.Errorf("%s is loopback: %q", a, w)
		}
	}
}
