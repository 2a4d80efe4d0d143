package wecom

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestTokenKey(t *testing.T) {
	sum := sha256.Sum256([]byte(testSecret))
	want := testCorpID + ":" + hex.EncodeToString(sum[:])[:16]
	if got := TokenKey(testCorpID, testSecret); got != want || strings.Contains(got, testSecret) {
		t.Errorf("TokenKey = %q, want %q", got, want)
	}
	if TokenKey(testCorpID, "other") == TokenKey(testCorpID, testSecret) {
		t.Error("different secrets share a key")
	}
}

func TestTokenIsCachedAndShared(t *testing.T) {
	f := newFake(t)
	c, _, _ := newTestClient(t, f)
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.ListTags(context.Background(), testCred)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	if n := f.count("gettoken"); n != 1 {
		t.Errorf("50 concurrent calls fetched %d tokens, want 1 (single flight)", n)
	}
	if n := f.count("tag/list"); n != 50 {
		t.Errorf("tag/list calls = %d", n)
	}
}

func TestTokenPerSecret(t *testing.T) {
	f := newFake(t)
	f.on("gettoken", func(w http.ResponseWriter, r *http.Request) {
		tok := "T-" + r.URL.Query().Get("corpsecret")[:7]
		f.issue(tok)
		writeJSON(w, `{"errcode":0,"errmsg":"ok","access_token":"`+tok+`","expires_in":7200}`)
	})
	var seen []string
	f.on("tag/list", func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.URL.Query().Get("access_token")) // calls are sequential
		writeJSON(w, `{"errcode":0,"errmsg":"ok","taglist":[]}`)
	})
	c, _, _ := newTestClient(t, f)
	a := Credential{Name: "app", AgentID: 1, Secret: "secretA-123456"}
	b := Credential{Name: "通讯录同步", Secret: "secretB-123456"}
	for range 2 {
		_, err := c.ListTags(context.Background(), a)
		must(t, err)
		_, err = c.ListTags(context.Background(), b)
		must(t, err)
	}
	if got := strings.Join(seen, ","); got != "T-secretA,T-secretB,T-secretA,T-secretB" {
		t.Errorf("tokens used: %s", got)
	}
	if f.count("gettoken") != 2 {
		t.Errorf("gettoken calls = %d, want one per secret", f.count("gettoken"))
	}
}

func TestRestartReusesStoredToken(t *testing.T) {
	f := newFake(t)
	store := NewMemoryTokenStore()
	c1, _, _ := newTestClient(t, f, WithTokenStore(store))
	_, err := c1.ListTags(context.Background(), testCred)
	must(t, err)

	tok, exp, _ := store.LoadToken(context.Background(), TokenKey(testCorpID, testSecret))
	if tok != f.tokens()[0] || exp.IsZero() {
		t.Fatalf("store holds %q until %v", tok, exp)
	}
	c2, _, _ := newTestClient(t, f, WithTokenStore(store)) // a restart
	_, err = c2.ListTags(context.Background(), testCred)
	must(t, err)
	if n := f.count("gettoken"); n != 1 {
		t.Errorf("restart called gettoken again: %d calls", n)
	}
}

func TestTokenRefreshedBeforeExpiry(t *testing.T) {
	f := newFake(t)
	c, clk, _ := newTestClient(t, f)
	ctx := context.Background()
	_, err := c.ListTags(ctx, testCred)
	must(t, err)
	clk.Advance(7200*time.Second - refreshMargin - time.Second)
	_, err = c.ListTags(ctx, testCred)
	must(t, err)
	if n := f.count("gettoken"); n != 1 {
		t.Fatalf("refreshed too early: %d gettoken calls", n)
	}
	clk.Advance(2 * time.Second) // now inside the last five minutes
	_, err = c.ListTags(ctx, testCred)
	must(t, err)
	if n := f.count("gettoken"); n != 2 {
		t.Errorf("not refreshed inside the margin: %d gettoken calls", n)
	}
}

func TestTokenErrorsRefreshAndRetryOnce(t *testing.T) {
	for _, code := range []string{"40001", "40014", "42001"} {
		t.Run(code, func(t *testing.T) {
			f := newFake(t)
			store := NewMemoryTokenStore()
			c, _, _ := newTestClient(t, f, WithTokenStore(store))
			ctx := context.Background()
			_, err := c.ListTags(ctx, testCred)
			must(t, err)
			old := f.tokens()[0]
			// WeCom drops the token early: the next call is refused once.
			f.sequence("tag/list", `{"errcode":`+code+`,"errmsg":"token refused"}`, `{"errcode":0,"errmsg":"ok","taglist":[]}`)
			_, err = c.ListTags(ctx, testCred)
			must(t, err)
			if f.count("gettoken") != 2 || f.count("tag/list") != 3 {
				t.Errorf("gettoken %d, tag/list %d; want 2 and 3", f.count("gettoken"), f.count("tag/list"))
			}
			if tok, _, _ := store.LoadToken(ctx, TokenKey(testCorpID, testSecret)); tok == old || tok == "" {
				t.Errorf("store still has the refused token (or none): %q", tok)
			}
		})
	}
}

func TestRevokedTokenIsReplaced(t *testing.T) {
	f := newFake(t)
	c, _, _ := newTestClient(t, f)
	_, err := c.ListTags(context.Background(), testCred)
	must(t, err)
	f.revokeAll() // the fake now answers 40014 to the old token
	_, err = c.ListTags(context.Background(), testCred)
	must(t, err)
	if f.count("gettoken") != 2 {
		t.Errorf("gettoken calls = %d, want 2", f.count("gettoken"))
	}
}

func TestTokenErrorRetriedOnlyOnce(t *testing.T) {
	f := newFake(t)
	f.reply("tag/list", `{"errcode":42001,"errmsg":"access_token expired"}`)
	c, _, _ := newTestClient(t, f)
	_, err := c.ListTags(context.Background(), testCred)
	if ErrCode(err) != 42001 {
		t.Fatalf("err = %v", err)
	}
	if f.count("tag/list") != 2 || f.count("gettoken") != 2 {
		t.Errorf("tag/list %d, gettoken %d; want 2 and 2", f.count("tag/list"), f.count("gettoken"))
	}
}

func TestBadSecretIsNotRetried(t *testing.T) {
	f := newFake(t)
	c, _, _ := newTestClient(t, f)
	_, err := c.ListTags(context.Background(), Credential{Name: "x", Secret: "wrong-secret-value"})
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Code != 40001 || apiErr.API != "gettoken" || !IsConfigError(apiErr.Code) {
		t.Fatalf("err = %v", err)
	}
	if f.count("gettoken") != 1 || f.count("tag/list") != 0 {
		t.Errorf("gettoken %d, tag/list %d", f.count("gettoken"), f.count("tag/list"))
	}
}

func TestShortLivedTokenIsNotRefetchedEveryCall(t *testing.T) {
	f := newFake(t)
	f.expiresIn = 60 // a simulator might hand out short tokens
	c, _, _ := newTestClient(t, f)
	for range 5 {
		_, err := c.ListTags(context.Background(), testCred)
		must(t, err)
	}
	if n := f.count("gettoken"); n != 1 {
		t.Errorf("gettoken calls = %d, want 1", n)
	}
}
