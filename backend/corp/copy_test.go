package corp

import (
	"net/url"
	"strings"
	"testing"
)

func copyValue(t *testing.T, p *CopyPanel, key string) CopyValue {
	t.Helper()
	for _, v := range p.Values {
		if v.Key == key {
			return v
		}
	}
	t.Fatalf("no copy value %q", key)
	return CopyValue{}
}

func TestCopyPanel(t *testing.T) {
	e := newEnv(t)
	c := e.saveCorp(CorpInput{Name: "星河", CorpID: goodCorpID})
	e.svc.SaveApp(e.ctx, AppInput{CorpRef: c.ID, Name: "OA", AgentID: "1000002", Secret: secretC, HomeURL: "https://oa.example.com/portal?from=wecom"})
	e.addApp(c.ID, "HR", "1000005", secretA)
	key := c.Corp.Key

	p, err := e.svc.CopyValues(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.ExternalBaseSet || p.Warning == nil || !strings.Contains(p.Warning.ZH, "对外域名") || p.Warning.EN == "" {
		t.Fatalf("unset external base must be explained: %+v", p)
	}
	if v := copyValue(t, p, "contact_callback_url"); v.Value != externalPlaceholder+"/callback/contact/"+key {
		t.Fatalf("placeholder URL: %q", v.Value)
	}
	for _, v := range p.Values {
		if v.Key == "trusted_domain" {
			t.Fatal("no trusted domain without an external base URL")
		}
	}

	if res, _ := e.svc.SetExternalBaseURL(e.ctx, "bridge.example.com"); res.OK || fieldErr(res.Errors, FieldExternalBaseURL) == nil {
		t.Fatalf("URL without scheme accepted: %+v", res)
	}
	res, err := e.svc.SetExternalBaseURL(e.ctx, " https://bridge.example.com:8443/ \n")
	if err != nil || !res.OK || len(res.Trimmed) != 1 {
		t.Fatalf("set external base: %+v %v", res, err)
	}
	if got, _ := e.svc.ExternalBaseURL(e.ctx); got != "https://bridge.example.com:8443" {
		t.Fatalf("stored %q", got)
	}
	p, _ = e.svc.CopyValues(e.ctx, c.ID)
	base := "https://bridge.example.com:8443"
	checks := map[string]string{
		"contact_callback_url":     base + "/callback/contact/" + key,
		"app_callback_url:1000002": base + "/callback/app/" + key + "/1000002",
		"app_callback_url:1000005": base + "/callback/app/" + key + "/1000005",
		"trusted_domain":           "bridge.example.com:8443",
		"app_home_url:1000002":     "https://oa.example.com/portal?from=wecom",
		"app_home_url:1000005":     base + "/",
		"corp_id":                  goodCorpID,
	}
	for k, want := range checks {
		if v := copyValue(t, p, k); v.Value != want || v.Where.EN == "" || v.Label.ZH == "" {
			t.Errorf("%s = %+v, want value %q with label and where", k, v, want)
		}
	}
	if p.Warning != nil {
		t.Fatalf("warning with a base set: %q", p.Warning)
	}
	oauth := copyValue(t, p, "app_oauth_home_url:1000002").Value
	wantPrefix := "https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + goodCorpID +
		"&redirect_uri=" + url.QueryEscape("https://oa.example.com/portal?from=wecom") +
		"&response_type=code&scope=snsapi_base&state=STATE&agentid=1000002#wechat_redirect"
	if oauth != wantPrefix {
		t.Fatalf("OAuth home URL\n got %s\nwant %s", oauth, wantPrefix)
	}
	if !strings.Contains(copyValue(t, p, "app_oauth_home_url:1000002").Where.ZH, "50001") {
		t.Fatal("the OAuth entry should explain the URL-encoding (50001)")
	}
}

func TestOAuthHomeFallbackWithPlaceholder(t *testing.T) {
	got := oauthHome(goodCorpID, 1000002, externalPlaceholder+"/")
	if !strings.Contains(got, "redirect_uri="+url.QueryEscape(externalPlaceholder+"/")) || !strings.HasSuffix(got, "#wechat_redirect") {
		t.Fatalf("placeholder OAuth URL: %s", got)
	}
}
