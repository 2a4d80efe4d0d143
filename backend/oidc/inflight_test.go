package oidc_test

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/oidc"
	"wecom-bridge/backend/services"
)

// Sign-ins in flight are kept in SQLite: a code issued before the app
// restarts (the store closed and opened again, a new provider with a new
// process key) is redeemed after it, once.
func TestCodeIssuedBeforeARestartIsRedeemedAfterIt(t *testing.T) {
	e := newEnv(t)
	code, verifier := e.authorize(t)
	e.restart(t)
	if st, body := e.redeem(t, code, verifier); st != 200 || !strings.Contains(body, `"id_token"`) || !strings.Contains(body, `"access_token"`) {
		t.Fatalf("redeeming after the restart: %d %s", st, body)
	}
	if st, body := e.redeem(t, code, verifier); st != 400 || !strings.Contains(body, "invalid_grant") {
		t.Fatalf("redeeming twice: %d %s", st, body)
	}
	// The WeCom step in flight survives too: a browser sent to WeCom before
	// the restart comes back after it and signs in.
	b := e.browser(e.members["bob"])
	next := b.CheckRedirect
	b.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), e.simURL) {
			return http.ErrUseLastResponse
		}
		return next(req, via)
	}
	resp, err := b.Get(e.authorizeURL(challengeOf("v-" + strings.Repeat("b", 50))))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	toWeCom, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || !strings.HasPrefix(toWeCom.String(), e.simURL) {
		t.Fatalf("not sent to WeCom: %q %v", resp.Header.Get("Location"), err)
	}
	e.restart(t)
	b.CheckRedirect = e.stopAtClient(next)
	q := toWeCom.Query()
	q.Set("sim_userid", e.members["bob"])
	toWeCom.RawQuery = q.Encode()
	if code := e.codeFrom(t, b, toWeCom.String()); code == "" {
		t.Fatal("no code after WeCom's return across the restart")
	}
}

// Of two token requests racing with one code, one gets the tokens.
func TestCodeIsRedeemedOnceWhenTwoRedemptionsRace(t *testing.T) {
	e := newEnv(t)
	for round := range 5 {
		code, verifier := e.authorize(t)
		var wg sync.WaitGroup
		status := make([]int, 2)
		for i := range status {
			wg.Add(1)
			go func() {
				defer wg.Done()
				status[i], _ = e.redeem(t, code, verifier)
			}()
		}
		wg.Wait()
		if ok := (status[0] == 200) != (status[1] == 200); !ok || status[0]+status[1] != 600 {
			t.Fatalf("round %d: statuses %v, want one 200 and one 400", round, status)
		}
	}
}

// A code past its 10 minutes is refused, with an error saying it expired
// (the token endpoint answers invalid_grant), and is gone afterwards.
func TestExpiredCodeIsRefused(t *testing.T) {
	e := newEnv(t)
	code, verifier := e.authorize(t)
	later := time.Now().Add(11 * time.Minute)
	oidc.SetClock(e.svc.OIDC, func() time.Time { return later })
	if st, body := e.redeem(t, code, verifier); st != 400 || !strings.Contains(body, "invalid_grant") {
		t.Fatalf("expired code: %d %s", st, body)
	}
	code2, _ := e.authorize(t) // issued at the later time
	oidc.SetClock(e.svc.OIDC, func() time.Time { return later.Add(10*time.Minute + time.Second) })
	if err := oidc.RedeemCode(e.ctx, e.svc.OIDC, code2); !errors.Is(err, oidc.ErrCodeExpired) || strings.Contains(err.Error(), code2) {
		t.Fatalf("expired code: %v, want ErrCodeExpired not naming the code", err)
	}
	if err := oidc.RedeemCode(e.ctx, e.svc.OIDC, code2); !errors.Is(err, oidc.ErrCodeUnknown) {
		t.Fatalf("an expired code once refused: %v, want ErrCodeUnknown (purged)", err)
	}
	var n int
	if err := e.svc.Store.DB.Get(&n, `SELECT COUNT(*) FROM oidc_auth_requests WHERE code_hash IS NOT NULL`); err != nil || n != 0 {
		t.Fatalf("%d codes left, %v", n, err)
	}
	// Stored hashed: no row holds a code.
	var raw string
	if err := e.svc.Store.DB.Get(&raw, `SELECT COALESCE(group_concat(id || request || COALESCE(code_hash, '')), '') FROM oidc_auth_requests`); err != nil ||
		strings.Contains(raw, code) || strings.Contains(raw, code2) {
		t.Fatalf("a code is stored in clear: %v", err)
	}
}

// An authorization request's parameters are bounded, the refusal naming
// the parameter.
func TestAuthorizationRequestIsBounded(t *testing.T) {
	e := newEnv(t)
	u, _ := url.Parse(e.authorizeURL(challengeOf("v-" + strings.Repeat("c", 50))))
	q := u.Query()
	q.Set("state", strings.Repeat("s", 2049))
	u.RawQuery = q.Encode()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(u.String())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if !strings.Contains(loc, "error=invalid_request") || !strings.Contains(loc, "state+is+too+long") {
		t.Fatalf("a 2049-byte state: %d %s", resp.StatusCode, loc)
	}
	// At most 20000 requests in flight: a full table refuses; once some
	// expire they are purged and there is room again.
	if _, err := e.svc.Store.DB.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
		INSERT INTO oidc_auth_requests(id, client_id, request, expires_at) SELECT 'filler' || i, 'x', '{}', ? FROM n`,
		time.Now().Add(time.Hour).UnixMilli()); err != nil {
		t.Fatal(err)
	}
	ok := e.authorizeURL(challengeOf("v-" + strings.Repeat("c", 50)))
	if resp, err = c.Get(ok); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); !strings.Contains(loc, "error=server_error") {
		t.Fatalf("a full table: %d %s", resp.StatusCode, loc)
	}
	if _, err := e.svc.Store.DB.Exec(`UPDATE oidc_auth_requests SET expires_at = 1 WHERE id LIKE 'filler1%'`); err != nil {
		t.Fatal(err)
	}
	if resp, err = c.Get(ok); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); !strings.Contains(loc, oidc.PathLogin) {
		t.Fatalf("after some expired: %d %s, want the login step", resp.StatusCode, loc)
	}
	var n int
	if err := e.svc.Store.DB.Get(&n, `SELECT COUNT(*) FROM oidc_auth_requests WHERE id LIKE 'filler1%'`); err != nil || n != 0 {
		t.Fatalf("%d expired requests left, %v", n, err)
	}
}

// restart closes the app and opens it again on the same data directory
// and address: what survives is what is in SQLite.
func (e *env) restart(t *testing.T) {
	t.Helper()
	addr := e.server.Listener.Addr().String()
	e.server.Close()
	e.svc.Close()
	svc, err := services.Open(e.ctx, e.dataDir, services.ModeServe, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.svc = svc
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	e.server = httptest.NewUnstartedServer(svc.IntegrationRoutes().Mux())
	e.server.Listener.Close()
	e.server.Listener = ln
	e.server.Start()
	svc.ServeAddr = addr
}

func challengeOf(verifier string) string {
	h := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(h[:])
}

func (e *env) authorizeURL(challenge string) string {
	q := url.Values{"client_id": {e.client.ClientID}, "redirect_uri": {e.rp.URL + "/callback"}, "response_type": {"code"},
		"scope": {"openid profile"}, "state": {"st-1"}, "nonce": {"n-1"}, "code_challenge": {challenge}, "code_challenge_method": {"S256"}}
	return e.bridge + oidc.PathAuthorize + "?" + q.Encode()
}

// stopAtClient stops a browser at the client's callback (the code).
func (e *env) stopAtClient(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), e.rp.URL) {
			return http.ErrUseLastResponse
		}
		return next(req, via)
	}
}

// codeFrom follows u in browser b up to the client's callback and returns
// the code it carries.
func (e *env) codeFrom(t *testing.T, b *http.Client, u string) string {
	t.Helper()
	resp, err := b.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	cb, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || !strings.HasPrefix(cb.String(), e.rp.URL+"/callback") {
		t.Fatalf("not sent back to the client: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	return cb.Query().Get("code")
}

// authorize signs alice in for the client (PKCE S256) and returns the code
// the client would receive, with the verifier.
func (e *env) authorize(t *testing.T) (code, verifier string) {
	t.Helper()
	verifier = "v-" + strings.Repeat("a", 50)
	b := e.browser(e.members["alice"])
	b.CheckRedirect = e.stopAtClient(b.CheckRedirect)
	code = e.codeFrom(t, b, e.authorizeURL(challengeOf(verifier)))
	if code == "" {
		t.Fatal("no code")
	}
	return code, verifier
}

// redeem exchanges code at the token endpoint as the client does.
func (e *env) redeem(t *testing.T, code, verifier string) (int, string) {
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {e.rp.URL + "/callback"},
		"code_verifier": {verifier}}
	req, _ := http.NewRequest("POST", e.bridge+oidc.PathToken, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(e.client.ClientID), url.QueryEscape(e.client.Secret))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
