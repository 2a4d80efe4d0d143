package wecomsim

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func noRedirect() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (e *testEnv) getPage(path string, v url.Values) (*http.Response, string) {
	e.t.Helper()
	resp, err := noRedirect().Get(e.url + path + "?" + v.Encode())
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestLoginPagesPickerAndSimUserid(t *testing.T) {
	e := newEnv(t)
	u := e.userIn(3)
	base := url.Values{"login_type": {"CorpApp"}, "appid": {e.org.CorpID}, "agentid": {"1000002"},
		"redirect_uri": {"https://bridge.example:8443/oidc/wecom?x=1"}, "state": {"s1"}}
	resp, body := e.getPage("/wwlogin/sso/login", base)
	if resp.StatusCode != 200 || !strings.Contains(body, `data-userid="`+u.UserID+`"`) {
		t.Fatalf("picker %d: %.300s", resp.StatusCode, body)
	}
	v := url.Values{}
	for k, x := range base {
		v[k] = x
	}
	v.Set("sim_userid", u.UserID)
	resp, _ = e.getPage("/wwlogin/sso/login", v)
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || loc.Host != "bridge.example:8443" || loc.Query().Get("state") != "s1" || loc.Query().Get("x") != "1" {
		t.Fatalf("redirect %d %s", resp.StatusCode, loc)
	}
	a := e.api("auth/getuserinfo", e.appToken(AgentAll), q("code", loc.Query().Get("code")), nil)
	if a.str("userid") != u.UserID {
		t.Fatalf("getuserinfo %v", a)
	}
	wantCode(t, e.api("auth/getuserinfo", e.appToken(AgentAll), q("code", loc.Query().Get("code")), nil), 40029)
}

func TestLoginPagesRefuse(t *testing.T) {
	e := newEnv(t)
	if err := e.sim.SetRedirectDomain(AgentAll, "bridge.example:8443"); err != nil {
		t.Fatal(err)
	}
	ok := url.Values{"appid": {e.org.CorpID}, "agentid": {"1000002"}, "redirect_uri": {"https://bridge.example:8443/cb"}, "state": {"s"}}
	with := func(k, v string) url.Values {
		c := url.Values{}
		for a, b := range ok {
			c[a] = b
		}
		if v == "" {
			c.Del(k)
		} else {
			c.Set(k, v)
		}
		return c
	}
	cases := []struct {
		path string
		v    url.Values
		code string
	}{
		{"/wwopen/sso/qrConnect", with("redirect_uri", "https://bridge.example/cb"), "errcode=50001"}, // port differs
		{"/wwopen/sso/qrConnect", with("redirect_uri", "https://evil.example:8443/cb"), "errcode=50001"},
		{"/wwopen/sso/qrConnect", with("agentid", ""), "errcode=40056"},
		{"/wwopen/sso/qrConnect", with("appid", "wwother"), "errcode=40013"},
		{"/connect/oauth2/authorize", with("scope", "snsapi_userinfo"), "errcode=40058"},
		{"/wwlogin/sso/login", with("login_type", "ServiceApp"), "errcode=40058"},
	}
	for _, c := range cases {
		resp, body := e.getPage(c.path, c.v)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, c.code) {
			t.Errorf("%s %v: %d %s", c.path, c.v, resp.StatusCode, body)
		}
	}
	priv := with("scope", "snsapi_privateinfo")
	priv.Del("agentid")
	if resp, body := e.getPage("/connect/oauth2/authorize", priv); !strings.Contains(body, "errcode=40056") {
		t.Errorf("privateinfo without agentid: %d %s", resp.StatusCode, body)
	}
	good := with("scope", "snsapi_base")
	if resp, _ := e.getPage("/connect/oauth2/authorize", good); resp.StatusCode != 200 {
		t.Errorf("trusted domain refused: %d", resp.StatusCode)
	}
	// A member outside the app, or one who has not activated WeCom, cannot log in.
	for _, u := range e.org.Users {
		if u.Status == 4 {
			resp, body := e.getPage("/wwopen/sso/qrConnect", with("sim_userid", u.UserID))
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "errcode=60011") {
				t.Errorf("inactive member logged in: %d %s", resp.StatusCode, body)
			}
			break
		}
	}
}

func TestJoinQRCodeAndInvite(t *testing.T) {
	e := newEnv(t)
	ct := e.contactToken()
	a := e.api("corp/get_join_qrcode", ct, q("size_type", "3"), nil)
	if a.code() != 0 || !strings.Contains(a.str("join_qrcode"), "qr_size=3") {
		t.Fatalf("join qrcode %v", a)
	}
	wantCode(t, e.api("corp/get_join_qrcode", ct, q("size_type", "5"), nil), 40058)
	wantCode(t, e.api("corp/get_join_qrcode", e.appToken(AgentAll), q("size_type", "1"), nil), 48002)

	var pending, active string
	for _, u := range e.org.Users {
		if u.Status == 4 && pending == "" {
			pending = u.UserID
		}
		if u.Status == 1 && active == "" {
			active = u.UserID
		}
	}
	if pending == "" {
		t.Skip("demo org has no member awaiting activation")
	}
	r := e.api("batch/invite", ct, nil, map[string]any{"user": []string{pending, active, "nobody"}, "tag": []int{99999}})
	if r.code() != 0 || len(r.list("invaliduser")) != 2 || len(r.list("invalidtag")) != 1 {
		t.Fatalf("invite %v", r)
	}
	if got := e.sim.Invited(); len(got) != 1 || got[0] != pending {
		t.Fatalf("invited %v", got)
	}
	wantCode(t, e.api("batch/invite", ct, nil, map[string]any{"user": []string{"nobody"}}), 81013)
	wantCode(t, e.api("batch/invite", ct, nil, map[string]any{}), 81013)
}
