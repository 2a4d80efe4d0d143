package oidc_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/login"
	"wecom-bridge/backend/oidc"
	"wecom-bridge/backend/oidc/oidctest"
	"wecom-bridge/backend/services"
	"wecom-bridge/backend/wecom/wecomsim"
)

// env: the real services (SQLite, corp, directory, review) with the
// integration routes served over HTTP as serve mode does, a simulator, and
// a relying party using coreos/go-oidc.
type env struct {
	t        *testing.T
	ctx      context.Context
	svc      *services.Services
	sim      *wecomsim.Sim
	simURL   string
	bridge   string
	corpID   int64
	rp       *httptest.Server
	client   oidc.NewClient
	members  map[string]string // account → userid
	simLogin string            // userid the simulated member scanning the QR code is
	dataDir  string
	server   *httptest.Server // serves bridge
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	dataDir := t.TempDir()
	svc, err := services.Open(ctx, dataDir, services.ModeServe, nil)
	if err != nil {
		t.Fatal(err)
	}
	org := wecomsim.DemoOrg()
	sim := wecomsim.New(org)
	simSrv := httptest.NewServer(sim.Handler())
	t.Cleanup(simSrv.Close)
	bridge := httptest.NewServer(svc.IntegrationRoutes().Mux())
	svc.ServeAddr = strings.TrimPrefix(bridge.URL, "http://")
	e := &env{t: t, ctx: ctx, svc: svc, sim: sim, simURL: simSrv.URL, bridge: bridge.URL, members: map[string]string{},
		dataDir: dataDir, server: bridge}
	t.Cleanup(func() { e.server.Close(); e.svc.Close() })

	res, err := svc.Corps.SaveCorp(ctx, corp.CorpInput{Name: "星河科技", CorpID: org.CorpID, APIBaseURL: simSrv.URL,
		ContactSecret: org.ContactSecret, ContactPermission: corp.PermissionWrite})
	if err != nil || !res.OK {
		t.Fatalf("SaveCorp: %v %+v", err, res.Errors)
	}
	e.corpID = res.ID
	for _, a := range org.Apps {
		if r, err := svc.Corps.SaveApp(ctx, corp.AppInput{CorpRef: res.ID, Name: a.Name, AgentID: strconv.Itoa(a.AgentID), Secret: a.Secret}); err != nil || !r.OK {
			t.Fatalf("SaveApp: %v %+v", err, r.Errors)
		}
	}
	// Three active members: alice and bob get accounts bound by hand, carol none.
	var picked []wecomsim.User
	for _, u := range org.Users {
		if u.Status == 1 && len(picked) < 3 {
			picked = append(picked, u)
		}
	}
	for i, acct := range []string{"alice", "bob"} {
		if _, err := svc.Directory.AddAccount(ctx, directory.AccountInput{Account: acct, Name: picked[i].Name,
			Email: acct + "@example.com", Mobile: "1380000000" + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
		e.members[acct] = picked[i].UserID
	}
	e.members["carol"] = picked[2].UserID
	if _, err := svc.Pull(ctx, e.corpID, 0, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Review.Rematch(ctx, e.corpID, mustPolicy(t, svc, e.corpID), "test"); err != nil {
		t.Fatal(err)
	}
	for _, acct := range []string{"alice", "bob"} {
		if err := svc.Review.BindManual(ctx, e.corpID, acct, e.members[acct], "test", true); err != nil {
			t.Fatal(err)
		}
	}

	rp := &oidctest.RP{Issuer: bridge.URL}
	e.rp = httptest.NewServer(rp)
	t.Cleanup(e.rp.Close)
	rp.BaseURL = e.rp.URL
	e.client, err = svc.OIDC.AddClient(ctx, oidc.ClientInput{Name: "Grafana", CorpID: e.corpID, AgentID: 1000002,
		RedirectURIs: []string{e.rp.URL + "/callback"}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	rp.ClientID, rp.Secret = e.client.ClientID, e.client.Secret
	return e
}

func mustPolicy(t *testing.T, svc *services.Services, corpID int64) binding.Policy {
	t.Helper()
	pol, err := svc.Review.GetPolicy(context.Background(), corpID)
	if err != nil {
		t.Fatal(err)
	}
	return pol
}

// browser follows redirects with cookies, and plays the member on the
// simulator's login page: it adds sim_userid to the QR login page.
func (e *env) browser(userid string) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), e.simURL) && req.URL.Query().Get("sim_userid") == "" {
			q := req.URL.Query()
			q.Set("sim_userid", userid)
			req.URL.RawQuery = q.Encode()
		}
		return nil
	}}
}

func get(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestConfirmedMemberSignsInWithTheRightClaims(t *testing.T) {
	e := newEnv(t)
	code, body := get(t, e.browser(e.members["alice"]), e.rp.URL+"/login")
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	var got oidctest.Claims
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	ui := got.UserInfo
	sub, _ := ui["sub"].(string)
	if sub == "" || sub == e.members["alice"] || sub == "alice" || got.IDToken["sub"] != sub {
		t.Fatalf("sub %q", sub)
	}
	want := map[string]any{"preferred_username": "alice", "email": "alice@example.com", "phone_number": "13800000000",
		"wecom_userid": e.members["alice"], "wecom_corpid": e.sim.CorpID()}
	for k, v := range want {
		if ui[k] != v || got.IDToken[k] != v {
			t.Errorf("%s: userinfo %v, id token %v, want %v", k, ui[k], got.IDToken[k], v)
		}
	}
	if got.IDToken["iss"] != e.bridge {
		t.Errorf("iss %v, want %s", got.IDToken["iss"], e.bridge)
	}
	// Signing in again gives the same subject.
	_, body2 := get(t, e.browser(e.members["alice"]), e.rp.URL+"/login")
	if !strings.Contains(body2, `"sub":"`+sub+`"`) {
		t.Fatalf("subject changed: %s", body2)
	}
	p, _ := e.svc.Login.SignIns(e.ctx, 0, 10)
	if p.Total != 2 || p.Rows[0].Result != login.ResultOK || p.Rows[0].Account != "alice" || p.Rows[0].Via != e.client.ClientID {
		t.Fatalf("sign-in log %+v", p)
	}
}

func TestRefusals(t *testing.T) {
	e := newEnv(t)
	code, body := get(t, e.browser(e.members["carol"]), e.rp.URL+"/login")
	if code != 403 || !strings.Contains(body, `data-result="unbound"`) || !strings.Contains(body, "IT 管理员") {
		t.Fatalf("unbound: %d %s", code, body)
	}
	// A resigned account is refused although its binding is confirmed.
	id, _ := e.svc.Directory.AccountID(e.ctx, "bob")
	if _, err := e.svc.Directory.ResignAccount(e.ctx, id); err != nil {
		t.Fatal(err)
	}
	code, body = get(t, e.browser(e.members["bob"]), e.rp.URL+"/login")
	if code != 403 || !strings.Contains(body, `data-result="resigned"`) {
		t.Fatalf("resigned: %d %s", code, body)
	}
	// An unconfirmed binding (unbound again) refuses alice too.
	p, _ := e.svc.Login.SignIns(e.ctx, 0, 10)
	if p.Total != 2 || p.Rows[0].Result != login.ResultResigned || p.Rows[1].Result != login.ResultUnbound {
		t.Fatalf("log %+v", p.Rows)
	}
}

func TestStateIsBoundToTheBrowser(t *testing.T) {
	e := newEnv(t)
	// The victim's browser starts a sign-in and stops on the way to WeCom.
	victim := e.browser(e.members["alice"])
	victim.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), e.simURL) {
			return http.ErrUseLastResponse
		}
		return nil
	}
	resp, err := victim.Get(e.rp.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	wecomURL, _ := url.Parse(resp.Header.Get("Location"))
	state := wecomURL.Query().Get("state")
	if state == "" || !strings.Contains(wecomURL.Path, "/wwlogin/sso/login") {
		t.Fatalf("not sent to the web login: %s", wecomURL)
	}
	// Another browser (no cookie) brings a code with that state: refused.
	code := e.sim.IssueOAuthCode(1000002, e.members["alice"], "snsapi_base")
	st, body := get(t, e.browser(""), e.bridge+oidc.PathReturn+"?code="+code+"&state="+state)
	if st != 403 || !strings.Contains(body, `data-result="state"`) {
		t.Fatalf("foreign browser: %d %s", st, body)
	}
	// Inside the WeCom client the login is silent OAuth2.
	wx := e.browser("")
	wx.CheckRedirect = victim.CheckRedirect
	req, _ := http.NewRequest("GET", e.rp.URL+"/login", nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 wxwork/4.1.0 MicroMessenger/7.0.1")
	resp, err = wx.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); !strings.Contains(loc, "/connect/oauth2/authorize?") || !strings.Contains(loc, "scope=snsapi_base") {
		t.Fatalf("in WeCom: %s", loc)
	}
}

func TestFreeLinkOpensItsTargetSignedIn(t *testing.T) {
	e := newEnv(t)
	l, err := e.svc.Login.BuildLink(e.ctx, login.LinkRequest{CorpID: e.corpID, AgentID: 1000002, Kind: login.KindFree, To: e.rp.URL + "/me"})
	if err != nil {
		t.Fatal(err)
	}
	code, body := get(t, e.browser(e.members["alice"]), l.URL)
	if code != 200 || !strings.Contains(body, `"preferred_username":"alice"`) {
		t.Fatalf("%d %s", code, body)
	}
	bad := strings.Replace(l.URL, "%2Fme", "%2Fevil", 1)
	// Refused in the browser's language (Chinese without Accept-Language), not "English / 中文".
	if code, body := get(t, e.browser(e.members["alice"]), bad); code != 400 || !strings.Contains(body, "链接无效") || strings.Contains(body, "was changed") {
		t.Fatalf("changed link: %d %s", code, body)
	}
}

func TestDiscoveryKeysAndRotation(t *testing.T) {
	e := newEnv(t)
	c := &http.Client{}
	_, body := get(t, c, e.bridge+"/.well-known/openid-configuration")
	var d map[string]any
	_ = json.Unmarshal([]byte(body), &d)
	if d["issuer"] != e.bridge || d["authorization_endpoint"] != e.bridge+oidc.PathAuthorize || d["jwks_uri"] != e.bridge+oidc.PathKeys ||
		d["end_session_endpoint"] != e.bridge+oidc.PathEndSession || !strings.Contains(body, `"S256"`) {
		t.Fatalf("discovery %s", body)
	}
	kids := func() []string {
		_, body := get(t, c, e.bridge+oidc.PathKeys)
		var ks struct {
			Keys []struct{ Kid string } `json:"keys"`
		}
		_ = json.Unmarshal([]byte(body), &ks)
		var out []string
		for _, k := range ks.Keys {
			out = append(out, k.Kid)
		}
		return out
	}
	first := kids()
	if len(first) != 1 {
		t.Fatalf("keys %v", first)
	}
	k, err := e.svc.OIDC.RotateKey(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	after := kids()
	if len(after) != 2 || after[0] != k.KID || after[1] != first[0] {
		t.Fatalf("after rotation %v (new %s)", after, k.KID)
	}
	// The 对外域名 becomes the issuer.
	if _, err := e.svc.Corps.SetExternalBaseURL(e.ctx, "https://sso.example.com"); err != nil {
		t.Fatal(err)
	}
	_, body = get(t, c, e.bridge+"/.well-known/openid-configuration")
	if !strings.Contains(body, `"issuer":"https://sso.example.com"`) {
		t.Fatalf("issuer: %s", body)
	}
}

func TestClientRegistration(t *testing.T) {
	e := newEnv(t)
	for _, in := range []oidc.ClientInput{
		{Name: "", CorpID: e.corpID, AgentID: 1000002, RedirectURIs: []string{"https://a/cb"}},
		{Name: "x", CorpID: e.corpID, AgentID: 1000002, RedirectURIs: []string{"https://a/cb#frag"}},
		{Name: "x", CorpID: e.corpID, AgentID: 1000002, RedirectURIs: []string{"javascript:alert(1)"}},
		{Name: "x", CorpID: e.corpID, AgentID: 1000002},
		{Name: "x", CorpID: e.corpID, AgentID: 42, RedirectURIs: []string{"https://a/cb"}},
	} {
		if _, err := e.svc.OIDC.AddClient(e.ctx, in, "t"); err == nil {
			t.Errorf("accepted %+v", in)
		}
	}
	list, _ := e.svc.OIDC.Clients(e.ctx)
	if len(list) != 1 || list[0].ClientID != e.client.ClientID {
		t.Fatalf("%+v", list)
	}
	b, _ := json.Marshal(list)
	if strings.Contains(string(b), e.client.Secret) {
		t.Fatal("the list shows the secret")
	}
	// A redirect URI that is not registered exactly is refused by the provider.
	u := e.bridge + oidc.PathAuthorize + "?" + url.Values{"client_id": {e.client.ClientID}, "response_type": {"code"},
		"scope": {"openid"}, "redirect_uri": {e.rp.URL + "/callback/"}, "state": {"x"}}.Encode()
	if code, body := get(t, &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, u); code == 302 {
		t.Fatalf("unregistered redirect accepted: %d %s", code, body)
	}
	if err := e.svc.OIDC.RemoveClient(e.ctx, e.client.ClientID); err != nil {
		t.Fatal(err)
	}
	if code, _ := get(t, e.browser(e.members["alice"]), e.rp.URL+"/login"); code == 200 {
		t.Fatal("a removed client still signs in")
	}
}
