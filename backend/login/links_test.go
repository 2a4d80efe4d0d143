package login_test

import (
	"bytes"
	"image/png"
	"net/url"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"wecom-bridge/backend/login"
	"wecom-bridge/backend/usererr"
)

func TestLinkBuilders(t *testing.T) {
	e := newEnv(t)
	to := "https://oa.example.com:8443/sso/cb?next=/a b&x=1"
	enc := url.QueryEscape(to)
	cases := []struct {
		req  login.LinkRequest
		want string
	}{
		{login.LinkRequest{Kind: login.KindOAuth, AgentID: 1000002, To: to, State: "s1"},
			e.simURL + "/connect/oauth2/authorize?appid=" + e.org.CorpID + "&redirect_uri=" + enc + "&response_type=code&scope=snsapi_base&state=s1&agentid=1000002#wechat_redirect"},
		{login.LinkRequest{Kind: login.KindOAuth, AgentID: 1000003, Scope: "snsapi_privateinfo", To: to},
			e.simURL + "/connect/oauth2/authorize?appid=" + e.org.CorpID + "&redirect_uri=" + enc + "&response_type=code&scope=snsapi_privateinfo&state=&agentid=1000003#wechat_redirect"},
		{login.LinkRequest{Kind: login.KindQR, AgentID: 1000002, To: to, State: "abc"},
			e.simURL + "/wwlogin/sso/login?login_type=CorpApp&appid=" + e.org.CorpID + "&agentid=1000002&redirect_uri=" + enc + "&state=abc"},
		{login.LinkRequest{Kind: login.KindQROld, AgentID: 1000002, To: to, State: "abc"},
			e.simURL + "/wwopen/sso/qrConnect?appid=" + e.org.CorpID + "&agentid=1000002&redirect_uri=" + enc + "&state=abc"},
	}
	for _, c := range cases {
		c.req.CorpID = e.corp.ID
		l, err := e.svc.BuildLink(e.ctx, c.req)
		if err != nil || l.URL != c.want {
			t.Errorf("%s:\n got %s %v\nwant %s", c.req.Kind, l.URL, err, c.want)
		}
		if len(l.Warnings) != 1 || l.Warnings[0].Code != "login_no_external_base" {
			t.Errorf("%s warnings %+v", c.req.Kind, l.Warnings)
		}
	}
	bad := []struct {
		req  login.LinkRequest
		code string
	}{
		{login.LinkRequest{Kind: login.KindOAuth, AgentID: 999, To: to}, "login_unknown_app"},
		{login.LinkRequest{Kind: login.KindOAuth, AgentID: 1000002, To: "ftp://x/"}, "login_bad_target"},
		{login.LinkRequest{Kind: login.KindOAuth, AgentID: 1000002, To: "https://x/" + strings.Repeat("a", 2001)}, "login_target_too_long"},
		{login.LinkRequest{Kind: login.KindOAuth, AgentID: 1000002, To: to, Scope: "snsapi_userinfo"}, "login_bad_scope"},
		{login.LinkRequest{Kind: login.KindOAuth, AgentID: 1000002, To: to, State: "a b"}, "login_bad_state"},
		{login.LinkRequest{Kind: "magic", AgentID: 1000002, To: to}, "login_bad_kind"},
		{login.LinkRequest{Kind: login.KindFree, AgentID: 1000002, To: to}, "login_no_issuer"},
	}
	for _, b := range bad {
		b.req.CorpID = e.corp.ID
		if _, err := e.svc.BuildLink(e.ctx, b.req); !usererr.Is(err, b.code) {
			t.Errorf("%+v: %v, want %s", b.req, err, b.code)
		}
	}
	// With the 对外域名 set, a redirect elsewhere is flagged (50001 ahead).
	if _, err := e.corps.SetExternalBaseURL(e.ctx, "https://sso.example.com"); err != nil {
		t.Fatal(err)
	}
	l, err := e.svc.BuildLink(e.ctx, login.LinkRequest{CorpID: e.corp.ID, Kind: login.KindQR, AgentID: 1000002, To: to})
	if err != nil || len(l.Warnings) != 1 || l.Warnings[0].Code != "login_redirect_not_trusted" {
		t.Fatalf("%+v %v", l, err)
	}
}

func TestFreeLinkIsSignedAndVerified(t *testing.T) {
	e := newEnv(t)
	e.svc.Served = func() string { return "http://127.0.0.1:8750" }
	to := "https://oa.example.com/home?tab=1"
	l, err := e.svc.BuildLink(e.ctx, login.LinkRequest{CorpID: e.corp.ID, Kind: login.KindFree, AgentID: 1000002, To: to})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(l.URL)
	q := u.Query()
	if u.Host != "127.0.0.1:8750" || u.Path != login.FreePath || q.Get("to") != to || q.Get("c") != e.corp.Key {
		t.Fatalf("free link %s", l.URL)
	}
	if !e.svc.VerifyFree(e.ctx, q.Get("c"), 1000002, to, q.Get("sig")) {
		t.Fatal("own link refused")
	}
	if e.svc.VerifyFree(e.ctx, q.Get("c"), 1000002, "https://evil.example/", q.Get("sig")) ||
		e.svc.VerifyFree(e.ctx, q.Get("c"), 1000003, to, q.Get("sig")) {
		t.Fatal("a changed link was accepted")
	}
	// The key survives a restart (a new service on the same store).
	again := login.New(e.st, e.corps)
	if !again.VerifyFree(e.ctx, q.Get("c"), 1000002, to, q.Get("sig")) {
		t.Fatal("link refused after restart")
	}
}

func decodeQR(t *testing.T, pngBytes []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		t.Fatal(err)
	}
	return res.GetText()
}

func TestQRCodesDecodeToTheExactLink(t *testing.T) {
	e := newEnv(t)
	l, err := e.svc.BuildLink(e.ctx, login.LinkRequest{CorpID: e.corp.ID, Kind: login.KindOAuth, AgentID: 1000002,
		To: "https://oa.example.com/sso?next=/首页&x=1"})
	if err != nil {
		t.Fatal(err)
	}
	for size, px := range login.QRSizes {
		b, err := login.QRPNG(l.URL, size)
		if err != nil {
			t.Fatal(err)
		}
		img, _ := png.Decode(bytes.NewReader(b))
		if w := img.Bounds().Dx(); w > px || w < px/2 {
			t.Errorf("size %s: %d px, want about %d", size, w, px)
		}
		if got := decodeQR(t, b); got != l.URL {
			t.Errorf("size %s decodes to %q, want %q", size, got, l.URL)
		}
	}
	if _, err := login.QRPNG(l.URL, "xl"); !usererr.Is(err, "login_bad_qr_size") {
		t.Error(err)
	}
	if _, err := login.QRPNG(strings.Repeat("x", 3000), "m"); !usererr.Is(err, "login_qr_too_long") {
		t.Error(err)
	}
}
