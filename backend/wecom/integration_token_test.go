package wecom_test

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// testSeal is this "machine's" key for stored tokens.
var testSeal = mustVault(1)

func mustVault(b byte) *secrets.Vault {
	v, err := secrets.NewWithKey(bytes.Repeat([]byte{b}, 32))
	if err != nil {
		panic(err)
	}
	return v
}

// openTokenStore opens the SQLite store in dir; the caller closes it.
func openTokenStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestIntegrationTokenSurvivesRestart: a token saved to the SQLite file by one
// client is reused by the next client on the same file after a "restart"
// (store closed and opened again); gettoken runs once in all.
func TestIntegrationTokenSurvivesRestart(t *testing.T) {
	env := newSimEnv(t)
	ctx := t.Context()
	dir := t.TempDir()
	cred := env.app(wecomsim.AgentAll)

	st := openTokenStore(t, dir)
	a := env.client(wecom.WithTokenStore(st.Tokens(testSeal)))
	if _, err := a.GetDepartment(ctx, cred, 1); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st = openTokenStore(t, dir)
	defer st.Close()
	b := env.client(wecom.WithTokenStore(st.Tokens(testSeal)))
	if _, err := b.GetDepartment(ctx, cred, 1); err != nil {
		t.Fatal(err)
	}

	if n := env.calls("gettoken"); n != 1 {
		t.Errorf("simulator saw %d gettoken calls, want 1 (token reused after restart)", n)
	}
	if n := env.calls("department/get"); n != 2 {
		t.Errorf("simulator saw %d department/get calls, want 2", n)
	}
	if toks := env.wire.tokens(); len(toks) != 1 {
		t.Errorf("%d distinct tokens on the wire, want the same one twice", len(toks))
	}
}

// TestIntegrationRefreshOnExpiredToken: past the simulator's TTL the token is
// answered 42001; the client fetches one new token and retries the call once.
// The new token replaces the old one in the SQLite file, so a restart reuses it.
func TestIntegrationRefreshOnExpiredToken(t *testing.T) {
	env := newSimEnv(t) // the client keeps wall time: it cannot see the sim's jump coming
	ctx := t.Context()
	cred := env.app(wecomsim.AgentAll)
	st := openTokenStore(t, t.TempDir())
	defer st.Close()
	c := env.client(wecom.WithTokenStore(st.Tokens(testSeal)))

	if _, err := c.GetDepartment(ctx, cred, 1); err != nil {
		t.Fatal(err)
	}
	env.sim.Clock().Advance(7200*time.Second + time.Minute)

	if _, err := c.GetDepartment(ctx, cred, 1); err != nil {
		t.Fatalf("call after expiry: %v", err)
	}
	if n := env.calls("gettoken"); n != 2 {
		t.Errorf("gettoken calls = %d, want 2 (one refresh)", n)
	}
	if n := env.calls("department/get"); n != 3 {
		t.Errorf("department/get calls = %d, want 3 (ok, 42001, retried ok)", n)
	}
	if n := env.errcodes(wecom.CodeTokenExpired); n != 1 {
		t.Errorf("42001 answers = %d, want 1", n)
	}
	if n := logLines(env.logs.String(), "token rejected", "errcode=42001"); n != 1 {
		t.Errorf("%d 'token rejected' log lines for 42001, want 1", n)
	}

	restarted := env.client(wecom.WithTokenStore(st.Tokens(testSeal)))
	if _, err := restarted.GetDepartment(ctx, cred, 1); err != nil {
		t.Fatal(err)
	}
	if n := env.calls("gettoken"); n != 2 {
		t.Errorf("after restart gettoken calls = %d, want still 2 (refreshed token was stored)", n)
	}
}

// TestIntegrationRefreshOnRevokedToken: after RevokeTokens the token is
// answered 40014; one refresh and one retry, as for 42001.
func TestIntegrationRefreshOnRevokedToken(t *testing.T) {
	env := newSimEnv(t)
	ctx := t.Context()
	cred := env.app(wecomsim.AgentAll)
	c := env.client()

	if _, err := c.GetDepartment(ctx, cred, 1); err != nil {
		t.Fatal(err)
	}
	env.sim.RevokeTokens()
	if _, err := c.GetDepartment(ctx, cred, 1); err != nil {
		t.Fatalf("call after revoke: %v", err)
	}
	if n := env.calls("gettoken"); n != 2 {
		t.Errorf("gettoken calls = %d, want 2", n)
	}
	if n := env.calls("department/get"); n != 3 {
		t.Errorf("department/get calls = %d, want 3 (ok, 40014, retried ok)", n)
	}
	if n := env.errcodes(wecom.CodeInvalidToken); n != 1 {
		t.Errorf("40014 answers = %d, want 1", n)
	}
	if toks := env.wire.tokens(); len(toks) != 2 {
		t.Errorf("%d distinct tokens on the wire, want 2 (old, refreshed)", len(toks))
	}
}

// TestIntegrationStoredTokenIsSealed: the token in bridge.db is encrypted
// with the secrets' key. The file never holds it in clear, and the same
// database opened with another key (copied without secret.key) yields no
// token: the client asks WeCom again, which needs the secret.
func TestIntegrationStoredTokenIsSealed(t *testing.T) {
	env := newSimEnv(t)
	ctx := t.Context()
	dir := t.TempDir()
	cred := env.app(wecomsim.AgentAll)
	st := openTokenStore(t, dir)
	if _, err := env.client(wecom.WithTokenStore(st.Tokens(testSeal))).GetDepartment(ctx, cred, 1); err != nil {
		t.Fatal(err)
	}
	toks := env.wire.tokens()
	if len(toks) != 1 {
		t.Fatalf("want one token on the wire, got %d", len(toks))
	}
	key := wecom.TokenKey(env.sim.Org().CorpID, cred.Secret)
	if tok, _, _ := st.Tokens(testSeal).LoadToken(ctx, key); tok != toks[0] {
		t.Fatal("this machine's key must open its stored token")
	}
	if tok, _, err := st.Tokens(mustVault(2)).LoadToken(ctx, key); err != nil || tok != "" {
		t.Fatalf("another key must yield no token, got %d characters, %v", len(tok), err)
	}
	st.Close()
	for _, name := range []string{store.FileName, store.FileName + "-wal"} {
		b, _ := os.ReadFile(dir + "/" + name)
		if bytes.Contains(b, []byte(toks[0])) {
			t.Fatalf("%s holds the access token in clear", name)
		}
	}

	copied := openTokenStore(t, dir) // same file, another machine's key
	defer copied.Close()
	if _, err := env.client(wecom.WithTokenStore(copied.Tokens(mustVault(2)))).GetDepartment(ctx, cred, 1); err != nil {
		t.Fatal(err)
	}
	if n := env.calls("gettoken"); n != 2 {
		t.Errorf("gettoken calls = %d, want 2: the copied token must not be used", n)
	}
}
