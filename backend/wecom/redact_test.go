package wecom

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// TestSecretsAndTokensNeverLeak drives refreshes, retries, broken connections
// and errors, then searches every log line and error text for the secret and
// for each token the server handed out.
func TestSecretsAndTokensNeverLeak(t *testing.T) {
	ctx := context.Background()
	f := newFake(t)
	c, _, logs := newTestClient(t, f)
	var errs []error
	note := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}

	_, err := c.ListTags(ctx, testCred)
	note(err)
	f.revokeAll() // → 40014, refresh, retry
	_, err = c.ListTags(ctx, testCred)
	note(err)
	f.sequence("tag/get", `{"errcode":-1,"errmsg":"system busy"}`, `{"errcode":0,"errmsg":"ok","tagname":"x"}`)
	_, err = c.GetTag(ctx, testCred, 1)
	note(err)
	f.replyFile("user/get", "error_60020.json")
	_, err = c.GetUser(ctx, testCred, "zhangsan")
	note(err)
	// Connections that break carry the full URL (with access_token) in net/http's error.
	f.on("user/list", func(w http.ResponseWriter, _ *http.Request) { breakConnection(t, w, true) })
	_, err = c.ListUsers(ctx, testCred, 1)
	note(err)
	// A broken gettoken carries corpsecret in its URL.
	var gt atomic.Int32
	f.on("gettoken", func(w http.ResponseWriter, _ *http.Request) { gt.Add(1); breakConnection(t, w, false) })
	_, err = c.ListTags(ctx, Credential{Name: "other", Secret: "another-Secret-value-999"})
	note(err)
	_, err = c.ListTags(ctx, Credential{Name: "bad", Secret: testSecret + "-wrong"})
	note(err)

	if len(errs) < 3 || gt.Load() == 0 {
		t.Fatalf("scenario did not produce the expected failures: %v", errs)
	}
	secrets := append([]string{testSecret, "another-Secret-value-999"}, f.tokens()...)
	out := logs.String()
	if !strings.Contains(out, "access_token=[REDACTED]") {
		t.Error("expected redacted request URLs in the debug log")
	}
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("log contains %q", s)
		}
		for _, err := range errs {
			if strings.Contains(err.Error(), s) {
				t.Errorf("error %q contains %q", err, s)
			}
		}
	}
}

func TestCredentialNeverPrintsItsSecret(t *testing.T) {
	var buf logBuffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "cred", testCred)
	for _, s := range []string{fmt.Sprint(testCred), fmt.Sprintf("%+v", testCred), fmt.Sprintf("%#v", testCred), buf.String()} {
		if strings.Contains(s, testSecret) {
			t.Errorf("%q shows the secret", s)
		}
	}
}
