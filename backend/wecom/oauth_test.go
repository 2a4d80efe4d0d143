package wecom

import (
	"net/url"
	"strings"
	"testing"
)

func TestAuthorizeURL(t *testing.T) {
	got, err := AuthorizeURL(AuthorizeParams{CorpID: "ww123", AgentID: 1000002,
		RedirectURI: "https://sso.example.com/cb?next=/a b&x=1", Scope: ScopePrivateInfo, State: "abc123"})
	must(t, err)
	want := "https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww123" +
		"&redirect_uri=https%3A%2F%2Fsso.example.com%2Fcb%3Fnext%3D%2Fa+b%26x%3D1" +
		"&response_type=code&scope=snsapi_privateinfo&state=abc123&agentid=1000002#wechat_redirect"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	base, err := AuthorizeURL(AuthorizeParams{CorpID: "ww123", RedirectURI: "https://a.example.com/", State: "s"})
	must(t, err)
	if !strings.Contains(base, "scope=snsapi_base") || strings.Contains(base, "agentid") || !strings.HasSuffix(base, "#wechat_redirect") {
		t.Errorf("base link %s", base)
	}
	// The redirect_uri survives a round trip through the query.
	u, _ := url.Parse(strings.TrimSuffix(got, "#wechat_redirect"))
	if u.Query().Get("redirect_uri") != "https://sso.example.com/cb?next=/a b&x=1" {
		t.Errorf("redirect_uri decoded to %q", u.Query().Get("redirect_uri"))
	}
}

func TestAuthorizeURLRejects(t *testing.T) {
	bad := []AuthorizeParams{
		{CorpID: "ww", RedirectURI: "https://a.example.com/", Scope: ScopePrivateInfo}, // no agentid
		{CorpID: "ww", RedirectURI: "https://a.example.com/", Scope: "snsapi_userinfo"},
		{CorpID: "ww", RedirectURI: "/relative"},
		{CorpID: "ww", RedirectURI: "https://a.example.com/", State: "has space"},
		{CorpID: "ww", RedirectURI: "https://a.example.com/", State: strings.Repeat("a", 129)},
		{RedirectURI: "https://a.example.com/"},
	}
	for i, p := range bad {
		if _, err := AuthorizeURL(p); err == nil {
			t.Errorf("case %d accepted", i)
		}
	}
}

func TestSSOLoginURL(t *testing.T) {
	got, err := SSOLoginURL(LoginParams{CorpID: "ww123", AgentID: 1000002, RedirectURI: "https://sso.example.com:8443/cb", State: "xyz", Lang: "zh"})
	must(t, err)
	want := "https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=ww123&agentid=1000002" +
		"&redirect_uri=https%3A%2F%2Fsso.example.com%3A8443%2Fcb&state=xyz&lang=zh"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	svc, err := SSOLoginURL(LoginParams{CorpID: "suite1", LoginType: "ServiceApp", RedirectURI: "https://a.example.com/", State: "s"})
	must(t, err)
	if strings.Contains(svc, "agentid") || !strings.Contains(svc, "login_type=ServiceApp&appid=suite1") {
		t.Errorf("service app link %s", svc)
	}
	if _, err := SSOLoginURL(LoginParams{CorpID: "ww", RedirectURI: "https://a.example.com/"}); err == nil {
		t.Error("CorpApp without agentid accepted")
	}
}

func TestQRConnectURL(t *testing.T) {
	got, err := QRConnectURL(LoginParams{CorpID: "ww123", AgentID: 1000002, RedirectURI: "http://intranet.example.com/login", State: "s1"})
	must(t, err)
	want := "https://open.work.weixin.qq.com/wwopen/sso/qrConnect?appid=ww123&agentid=1000002" +
		"&redirect_uri=http%3A%2F%2Fintranet.example.com%2Flogin&state=s1"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestJSAPISignatureVector(t *testing.T) {
	got := JSAPISignature("sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
		"Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value#section")
	if got != "0f9de62fce790f9a083d5c99e95740ceb90c27ed" {
		t.Errorf("signature %s", got)
	}
}

func TestIDHelpers(t *testing.T) {
	if got := SplitIDs(" a|b||c "); strings.Join(got, ",") != "a,b,c" {
		t.Errorf("SplitIDs = %v", got)
	}
	if SplitIDs("") != nil {
		t.Error("SplitIDs(\"\") should be nil")
	}
	if JoinIDs([]int64{2, 4294967296}) != "2|4294967296" || JoinIDs([]string{"a"}) != "a" {
		t.Error("JoinIDs")
	}
	var l IDList
	must(t, l.UnmarshalJSON([]byte(`"a|b"`)))
	var m IDList
	must(t, m.UnmarshalJSON([]byte(`["a","b"]`)))
	if strings.Join(l, ",") != "a,b" || strings.Join(m, ",") != "a,b" {
		t.Errorf("IDList %v %v", l, m)
	}
}

func TestLoginLinksOnAnotherOrigin(t *testing.T) {
	u, err := SSOLoginURL(LoginParams{CorpID: "ww1", AgentID: 2, RedirectURI: "https://a.example/cb", State: "s", Origin: "http://127.0.0.1:9/"})
	if err != nil || u != "http://127.0.0.1:9/wwlogin/sso/login?login_type=CorpApp&appid=ww1&agentid=2&redirect_uri=https%3A%2F%2Fa.example%2Fcb&state=s" {
		t.Fatalf("%s %v", u, err)
	}
	u, _ = AuthorizeURL(AuthorizeParams{CorpID: "ww1", AgentID: 2, RedirectURI: "https://a.example/cb", Origin: "http://sim:1"})
	if !strings.HasPrefix(u, "http://sim:1/connect/oauth2/authorize?appid=ww1&") {
		t.Fatal(u)
	}
	u, _ = QRConnectURL(LoginParams{CorpID: "ww1", AgentID: 2, RedirectURI: "https://a.example/cb", Origin: "http://sim:1"})
	if !strings.HasPrefix(u, "http://sim:1/wwopen/sso/qrConnect?appid=ww1&agentid=2&") {
		t.Fatal(u)
	}
}
