package callback

import (
	"net/url"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom/wxcrypt"
)

func query(sig, ts, nonce string) string {
	return "?msg_signature=" + sig + "&timestamp=" + ts + "&nonce=" + nonce
}

// TestOfficialVectorsThroughTheHTTPReceiver: WeCom's URL check answers the
// exact plaintext (no quotes, no newline), with echostr percent-encoded as
// WeCom sends it and with a literal "+" left in; the sample POST is accepted,
// persisted and handed to the app handler once.
func TestOfficialVectorsThroughTheHTTPReceiver(t *testing.T) {
	e := newEnv(t)
	for _, v := range loadVectors(t) {
		agent := map[string]string{"A": "218", "B": "1000002"}[v.Name]
		c := e.addCorp(v, agent)
		for _, path := range []string{"/callback/contact/" + c.Key, "/callback/app/" + c.Key + "/" + agent} {
			escaped := url.QueryEscape(v.Verify.Echostr)
			raw := strings.ReplaceAll(url.QueryEscape(v.Verify.Echostr), "%2B", "+") // "+" as a literal, as some proxies pass it
			for _, echo := range []string{escaped, raw} {
				code, body := e.do("GET", path+query(v.Verify.Sig, v.Verify.TS, v.Verify.Nonce)+"&echostr="+echo, "")
				if code != 200 || body != v.Verify.Expected {
					t.Errorf("set %s GET %s = %d %q, want 200 %q", v.Name, path, code, body, v.Verify.Expected)
				}
			}
		}
		path := "/callback/app/" + c.Key + "/" + agent
		code, body := e.do("POST", path+query(v.Post.Sig, v.Post.TS, v.Post.Nonce), v.Post.Body)
		if code != 200 || body != "" {
			t.Fatalf("set %s POST = %d %q", v.Name, code, body)
		}
		evs, err := e.svc.List(e.ctx, Filter{CorpRef: c.ID})
		if err != nil || len(evs) != 1 {
			t.Fatalf("set %s: %d events, %v", v.Name, len(evs), err)
		}
		ev := e.waitState(evs[0].ID)
		if ev.State != StateProcessed || ev.Payload != v.Post.Expected || ev.Type != "text" || ev.Kind != KindApp {
			t.Errorf("set %s event = %+v", v.Name, ev)
		}
		st, _ := e.svc.Endpoints(e.ctx, c.ID, []int64{ev.AgentID})
		if len(st) != 2 || st[0].VerifiedAt == nil || st[1].VerifiedAt == nil || st[1].LastEventAt == nil || st[0].LastEventAt != nil {
			t.Errorf("set %s endpoint status = %+v", v.Name, st)
		}
	}
	if n := e.app.count(); n != 2 {
		t.Errorf("app handler ran %d times, want 2", n)
	}
}

// TestRefusedRequestsAreCountedAndNeverProcessed: a bad signature, another
// corp's message, an undecryptable body, a body over 1 MiB and an unknown URL
// are answered 4xx, counted by reason and logged, and nothing is persisted.
func TestRefusedRequestsAreCountedAndNeverProcessed(t *testing.T) {
	e := newEnv(t)
	vs := loadVectors(t)
	a, b := vs[0], vs[1]
	ca := e.addCorp(a, "218")
	path := "/callback/app/" + ca.Key + "/218"
	// B's message encrypted with A's keys but for B's corp ID: signature fine, receiveid wrong.
	other, _ := wxcrypt.New(a.Token, a.EncodingAESKey, b.ReceiveID)
	env, _ := other.Encrypt([]byte("<xml><ToUserName>x</ToUserName><MsgType>text</MsgType><MsgId>9</MsgId></xml>"), "1", "2")
	var wrapped struct {
		Encrypt, MsgSignature string
	}
	decodeEnvelope(t, env, &wrapped)
	cases := []struct {
		name, method, path, body string
		code                     int
		reason                   string
	}{
		{"bad signature", "POST", path + query(strings.Repeat("0", 40), a.Post.TS, a.Post.Nonce), a.Post.Body, 403, reasonBadSignature},
		{"bad signature GET", "GET", path + query(strings.Repeat("0", 40), a.Verify.TS, a.Verify.Nonce) + "&echostr=" + url.QueryEscape(a.Verify.Echostr), "", 403, reasonBadSignature},
		{"wrong corp", "POST", path + query(wrapped.MsgSignature, "1", "2"), "<xml><Encrypt><![CDATA[" + wrapped.Encrypt + "]]></Encrypt></xml>", 403, reasonWrongCorp},
		{"not xml", "POST", path + query(a.Post.Sig, a.Post.TS, a.Post.Nonce), "garbage", 400, reasonUndecryptable},
		{"too large", "POST", path + query(a.Post.Sig, a.Post.TS, a.Post.Nonce), strings.Repeat("x", MaxBodyBytes+1), 413, reasonTooLarge},
		{"unknown corp", "POST", "/callback/contact/nosuchkey" + query(a.Post.Sig, a.Post.TS, a.Post.Nonce), a.Post.Body, 404, reasonUnknownEndpoint},
		{"unknown agent", "POST", "/callback/app/" + ca.Key + "/999" + query(a.Post.Sig, a.Post.TS, a.Post.Nonce), a.Post.Body, 404, reasonUnknownEndpoint},
	}
	for _, c := range cases {
		code, _ := e.do(c.method, c.path, c.body)
		if code != c.code {
			t.Errorf("%s: %d, want %d", c.name, code, c.code)
		}
		if !strings.Contains(e.logs.String(), c.reason) {
			t.Errorf("%s: reason %s not logged", c.name, c.reason)
		}
	}
	evs, _ := e.svc.List(e.ctx, Filter{})
	if len(evs) != 0 || e.app.count() != 0 {
		t.Fatalf("refused requests were persisted or processed: %d events, %d processed", len(evs), e.app.count())
	}
	rej, err := e.svc.Rejections(e.ctx, ca.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range rej {
		got[r.Reason] += r.Count
	}
	want := map[string]int{reasonBadSignature: 2, reasonWrongCorp: 1, reasonUndecryptable: 1, reasonTooLarge: 1, reasonUnknownEndpoint: 2}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("refusals %s = %d, want %d (all %v)", k, got[k], n, got)
		}
	}
	if strings.Contains(e.logs.String(), a.Token) || strings.Contains(e.logs.String(), a.EncodingAESKey) {
		t.Error("a callback secret reached the log")
	}
}
