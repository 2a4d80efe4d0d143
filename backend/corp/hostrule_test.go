package corp

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"wecom-bridge/backend/configaudit"
)

// recorder is a stranger's server: it answers nothing useful and keeps
// every request line and body it got.
type recorder struct {
	mu   sync.Mutex
	seen []string
}

func (r *recorder) start(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.seen = append(r.seen, req.URL.String()+" "+string(body))
		r.mu.Unlock()
		w.Write([]byte(`{"errcode":40001,"errmsg":"invalid credential"}`))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func (r *recorder) all() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.seen, "\n")
}

func (e *testEnv) tokenRows(corpID string) int {
	var n int
	if err := e.st.DB.GetContext(e.ctx, &n, `SELECT COUNT(*) FROM wecom_tokens WHERE key LIKE ? || ':%'`, corpID); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// TestNewAPIHostClearsSecretsAndTokens (finding 5): pointing a configured
// corp at another API host clears its stored secrets and access tokens and
// says so; a check against the new host then carries no secret to it.
func TestNewAPIHostClearsSecretsAndTokens(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, simURL := startSim(t, org, nil)
	c := e.addSimCorp(org, simURL)
	keys := GenerateCallbackKeys()
	e.saveCorp(CorpInput{ID: c.ID, Name: c.Name, CorpID: c.CorpID, APIBaseURL: simURL, CallbackToken: keys.Token, CallbackAESKey: keys.EncodingAESKey})
	if res := e.check(c.ID); !res.Passed {
		t.Fatalf("check against the simulator failed: %+v", res)
	}
	if e.tokenRows(org.CorpID) == 0 {
		t.Fatal("the check stored no access token; the test would prove nothing")
	}

	var stranger recorder
	res := e.saveCorp(CorpInput{ID: c.ID, Name: c.Name, CorpID: c.CorpID, APIBaseURL: stranger.start(t), ContactPermission: PermissionRead})
	if !res.OK || res.HostChange == nil {
		t.Fatalf("save = %+v, want OK with a host change notice", res)
	}
	hc := res.HostChange
	for _, want := range []string{FieldContactSecret, "app:1000002"} {
		if !strings.Contains(strings.Join(hc.Cleared, ","), want) {
			t.Errorf("cleared = %v, want %s among them", hc.Cleared, want)
		}
	}
	if !strings.Contains(hc.Message.ZH, "API 地址换了主机") || !strings.Contains(hc.Message.EN, "The API base URL now points to another host") {
		t.Errorf("notice = %q / %q", hc.Message, hc.Message.EN)
	}
	got := res.Corp
	if got.ContactSecret.HasSecret || got.Apps[0].Secret.HasSecret {
		t.Errorf("secrets still stored: contact %+v app %+v", got.ContactSecret, got.Apps[0].Secret)
	}
	if !got.CallbackToken.HasSecret || !got.CallbackAESKey.HasSecret {
		t.Error("the callback keys never leave the app and must be kept")
	}
	if n := e.tokenRows(org.CorpID); n != 0 {
		t.Errorf("%d access tokens of the corp left in wecom_tokens", n)
	}
	e.check(c.ID)
	seen := stranger.all()
	for _, s := range []string{org.ContactSecret, org.Apps[0].Secret, org.Apps[1].Secret} {
		if strings.Contains(seen, s) {
			t.Fatalf("a stored secret reached the new host:\n%s", seen)
		}
	}

	// Entered again, they are kept, and saving the same host again clears nothing.
	res = e.saveCorp(CorpInput{ID: c.ID, Name: c.Name, CorpID: c.CorpID, APIBaseURL: simURL, ContactSecret: org.ContactSecret})
	// (The apps' secrets were cleared already, so nothing is left to clear.)
	if !res.OK || !res.Corp.ContactSecret.HasSecret || res.HostChange != nil {
		t.Fatalf("moving back with the secret entered = %+v %+v", res, res.HostChange)
	}
	if r, err := e.svc.SaveApp(e.ctx, AppInput{ID: c.Apps[0].ID, CorpRef: c.ID, Name: c.Apps[0].Name, AgentID: "1000002",
		Secret: org.Apps[0].Secret}); err != nil || !r.OK {
		t.Fatalf("SaveApp: %v %+v", err, r.Errors)
	}
	res = e.saveCorp(CorpInput{ID: c.ID, Name: "改个名", CorpID: c.CorpID, APIBaseURL: simURL + "/cgi-bin/"})
	if res.HostChange != nil || !res.Corp.ContactSecret.HasSecret || !res.Corp.Apps[0].Secret.HasSecret {
		t.Errorf("same host (written differently) cleared secrets: %+v", res.HostChange)
	}
}

// TestNewProxyHostClearsSecrets: a proxy on another host clears them; the
// same proxy with another password, or no proxy any more, does not.
func TestNewProxyHostClearsSecrets(t *testing.T) {
	e := newEnv(t)
	base := CorpInput{Name: "a", CorpID: goodCorpID, ContactSecret: secretA, ProxyURL: "http://ops:one@proxy.corp:3128"}
	res := e.saveCorp(base)
	id := res.ID
	e.addApp(id, "OA", "1000002", secretC)
	keep := func(proxy string) SaveResult {
		r := e.saveCorp(CorpInput{ID: id, Name: "a", CorpID: goodCorpID, ProxyURL: proxy})
		if !r.OK {
			t.Fatalf("save with proxy %q: %+v", proxy, r.Errors)
		}
		return r
	}
	if r := keep("http://ops:two@PROXY.corp:3128"); r.HostChange != nil || !r.Corp.ContactSecret.HasSecret {
		t.Fatalf("a new proxy password cleared the secrets: %+v", r.HostChange)
	}
	if r := keep(""); r.HostChange != nil || !r.Corp.Apps[0].Secret.HasSecret {
		t.Fatalf("removing the proxy cleared the secrets: %+v", r.HostChange)
	}
	r := keep("http://evil.example:8080")
	if r.HostChange == nil || r.Corp.ContactSecret.HasSecret || r.Corp.Apps[0].Secret.HasSecret {
		t.Fatalf("a proxy on another host kept the secrets: %+v", r)
	}
	if !strings.Contains(r.HostChange.Message.ZH, "代理换了主机") || !strings.Contains(r.HostChange.Message.EN, "The proxy now points") {
		t.Errorf("notice = %+v", r.HostChange)
	}
}

// TestWritePermissionNeedsTheSecretAgainOnANewHost: read-write needs the
// contact secret; after a host change the stored one does not count, and
// the error says why. Nothing is saved.
func TestWritePermissionNeedsTheSecretAgainOnANewHost(t *testing.T) {
	e := newEnv(t)
	res := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID, ContactSecret: secretA, ContactPermission: PermissionWrite})
	r := e.saveCorp(CorpInput{ID: res.ID, Name: "a", CorpID: goodCorpID, APIBaseURL: "https://wecom-proxy.example.com"})
	if r.OK || len(r.Errors) != 1 || r.Errors[0].Field != FieldContactSecret ||
		!strings.Contains(r.Errors[0].Message.ZH, "换了主机") || !strings.Contains(r.Errors[0].Message.EN, "another host") {
		t.Fatalf("save = %+v, want the contact secret asked for again, saying why", r)
	}
	c, _ := e.svc.Get(e.ctx, res.ID)
	if c.APIBaseURL != DefaultAPIBaseURL || !c.ContactSecret.HasSecret {
		t.Fatalf("a refused save changed the corp: %+v", c)
	}
}

// TestConfigChangesAuditedWithoutValues: base URL, proxy, secrets set,
// cleared and dropped are in the audit, and no value is.
func TestConfigChangesAuditedWithoutValues(t *testing.T) {
	e := newEnv(t)
	res := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID, ContactSecret: secretA, CustomerSecret: secretB})
	app := e.addApp(res.ID, "OA", "1000002", secretC)
	e.saveCorp(CorpInput{ID: res.ID, Name: "a", CorpID: goodCorpID, Clear: []string{FieldCustomerSecret}})
	e.saveCorp(CorpInput{ID: res.ID, Name: "a", CorpID: goodCorpID, APIBaseURL: "https://wecom-proxy.example.com:8443",
		ProxyURL: "http://ops:pw@proxy.corp:3128"})
	entries, err := configaudit.List(e.ctx, e.st.DB, "corp:", 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	all := ""
	for _, en := range entries {
		got = append(got, en.Action+" "+en.Field)
		all += en.Subject + en.Action + en.Field + en.Note + "\n"
	}
	joined := strings.Join(got, "; ")
	for _, want := range []string{"secret_set contactSecret", "secret_set customerSecret", "secret_set secret",
		"secret_cleared customerSecret", "field_changed apiBaseUrl", "field_changed proxyUrl", "host_changed ",
		"secrets_dropped contactSecret", "secrets_dropped app:1000002"} {
		if !strings.Contains(joined, want) {
			t.Errorf("audit lacks %q: %s", want, joined)
		}
	}
	for _, v := range []string{secretA, secretB, secretC, "wecom-proxy.example.com", "8443", "proxy.corp", "pw"} {
		if strings.Contains(all, v) {
			t.Errorf("audit carries the value %q:\n%s", v, all)
		}
	}
	if entries[0].Actor == "" || !strings.HasPrefix(entries[len(entries)-1].Subject, "corp:") {
		t.Errorf("entries without actor or subject: %+v", entries[0])
	}
	_ = app
}

// TestCLIAddSaysWhySecretsWereCleared: `corp add` on a configured corp with
// another --api-base says the secrets were cleared and why.
func TestCLIAddSaysWhySecretsWereCleared(t *testing.T) {
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	e := newEnv(t)
	e.saveCorp(CorpInput{Name: "星河", CorpID: goodCorpID, ContactSecret: secretA})
	out, err := e.cli("", "corp", "add", "--corp-id", goodCorpID, "--api-base", "https://wecom-proxy.example.com")
	if err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	for _, want := range []string{"已更新", "API 地址换了主机", "请重新填写通讯录同步"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, secretA) {
		t.Fatal("the output shows a secret")
	}
}
