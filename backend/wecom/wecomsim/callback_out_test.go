package wecomsim

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"wecom-bridge/backend/wecom/wxcrypt"
)

const cbToken, cbKey = "QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"

type received struct {
	ToUserName, FromUserName, MsgType, Content, Event, EventKey, TaskId, CardType, ResponseCode string
	AgentID                                                                                     int
}

// receiver decrypts each callback with the official algorithm and answers
// with answer(msg) (nil: empty 200). hold delays the first n answers.
func receiver(t *testing.T, corpID string, hold time.Duration, holdN int32, answer func(received) []byte) (*httptest.Server, *atomic.Int32, chan received) {
	t.Helper()
	crypt, _ := wxcrypt.New(cbToken, cbKey, corpID)
	var calls atomic.Int32
	got := make(chan received, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		body, _ := io.ReadAll(r.Body)
		q := r.URL.Query()
		plain, err := crypt.Decrypt(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), body)
		if err != nil {
			t.Errorf("receiver cannot decrypt: %v", err)
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		if n <= holdN {
			time.Sleep(hold)
			return
		}
		var m received
		xml.Unmarshal(plain, &m)
		got <- m
		if reply := answer(m); reply != nil {
			env, _ := crypt.Encrypt(reply, strconv.FormatInt(time.Now().Unix(), 10), "")
			w.Write(env)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &calls, got
}

func TestAppMessageCallbackAndPassiveReply(t *testing.T) {
	e := newEnv(t)
	u := e.activeUsers(1)[0]
	srv, _, got := receiver(t, e.org.CorpID, 0, 0, func(m received) []byte {
		return []byte("<xml><ToUserName><![CDATA[" + m.FromUserName + "]]></ToUserName><FromUserName><![CDATA[" + m.ToUserName +
			"]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[回复：" + m.Content + "]]></Content></xml>")
	})
	a := e.do(http.MethodPost, "/sim/callbacks", nil, map[string]any{"agentid": AgentAll, "url": srv.URL + "/callback/app/k/1", "token": cbToken, "encoding_aes_key": cbKey})
	if a["error"] != nil {
		t.Fatal(a)
	}
	d := e.do(http.MethodPost, "/sim/app-message", nil, map[string]any{"agentid": AgentAll, "userid": u, "text": "报销"})
	if d["error"] != nil || d["attempts"].(float64) != 1 {
		t.Fatalf("delivery %v", d)
	}
	m := <-got
	if m.MsgType != "text" || m.Content != "报销" || m.FromUserName != u || m.ToUserName != e.org.CorpID || m.AgentID != AgentAll {
		t.Fatalf("receiver got %+v", m)
	}
	log := e.do(http.MethodGet, "/sim/messages", q("userid", u), nil).list("messages")
	if len(log) != 1 {
		t.Fatalf("message log %v", log)
	}
	rec := log[0].(map[string]any)
	if rec["via"] != "passive_reply" || rec["text"] != "回复：报销" || rec["agentid"].(float64) != AgentAll {
		t.Fatalf("passive reply recorded as %v", rec)
	}
	// Unknown members and apps are refused.
	if a := e.do(http.MethodPost, "/sim/app-message", nil, map[string]any{"agentid": AgentAll, "userid": "nobody", "text": "x"}); a["error"] == nil {
		t.Fatal("a message from a non-member was sent")
	}
}

// A receiver held past the timeout gets the request again (WeCom retries up
// to three times on timeouts), and the delivery counts the attempts.
func TestCallbackRetriesSlowReceiver(t *testing.T) {
	e := newEnv(t)
	u := e.activeUsers(1)[0]
	srv, calls, got := receiver(t, e.org.CorpID, 300*time.Millisecond, 2, func(received) []byte { return nil })
	if err := e.sim.SetCallback(CallbackTarget{AgentID: AgentAll, URL: srv.URL, Token: cbToken, EncodingAESKey: cbKey}); err != nil {
		t.Fatal(err)
	}
	e.sim.SetCallbackTimeout(100 * time.Millisecond)
	d, err := e.sim.SendAppMessage(t.Context(), AgentAll, u, "hi", false)
	if err != nil || d.Attempts != 3 || d.Error != "" || d.Status != 200 {
		t.Fatalf("delivery %+v %v", d, err)
	}
	<-got
	if calls.Load() != 3 {
		t.Fatalf("receiver saw %d requests, want 3", calls.Load())
	}
	// A receiver that never answers in time: 1 + 3 attempts, then given up.
	srv2, calls2, _ := receiver(t, e.org.CorpID, 300*time.Millisecond, 100, func(received) []byte { return nil })
	e.sim.SetCallback(CallbackTarget{AgentID: AgentAll, URL: srv2.URL, Token: cbToken, EncodingAESKey: cbKey})
	d, _ = e.sim.SendAppMessage(t.Context(), AgentAll, u, "hi", false)
	if d.Attempts != 1+CallbackRetries || d.Error == "" || calls2.Load() != 1+CallbackRetries {
		t.Fatalf("delivery %+v after %d calls", d, calls2.Load())
	}
}

func TestCardClickSendsEventWithFreshResponseCode(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	u := e.activeUsers(1)[0]
	srv, _, got := receiver(t, e.org.CorpID, 0, 0, func(received) []byte { return nil })
	e.sim.SetCallback(CallbackTarget{AgentID: AgentAll, URL: srv.URL, Token: cbToken, EncodingAESKey: cbKey})
	card := map[string]any{"card_type": "button_interaction", "task_id": "wb-1",
		"main_title":  map[string]string{"title": "请假审批"},
		"button_list": []any{map[string]any{"text": "同意", "key": "approve"}, map[string]any{"text": "驳回", "key": "reject", "style": 2}}}
	a := e.api("message/send", tok, nil, map[string]any{"touser": u, "msgtype": "template_card", "agentid": AgentAll, "template_card": card})
	wantCode(t, a, 0)
	if _, err := e.sim.ClickCard(t.Context(), a.str("msgid"), u, "nope"); err == nil {
		t.Fatal("a click on a missing key was sent")
	}
	if _, err := e.sim.ClickCard(t.Context(), a.str("msgid"), "someone-else", "approve"); err == nil {
		t.Fatal("a click by a member who did not get the card was sent")
	}
	if _, err := e.sim.ClickCard(t.Context(), a.str("msgid"), u, "approve"); err != nil {
		t.Fatal(err)
	}
	ev := <-got
	if ev.Event != "template_card_event" || ev.EventKey != "approve" || ev.TaskId != "wb-1" || ev.CardType != "button_interaction" || ev.ResponseCode == "" {
		t.Fatalf("event %+v", ev)
	}
	upd := map[string]any{"userids": []string{u}, "agentid": AgentAll, "response_code": ev.ResponseCode, "button": map[string]string{"replace_name": "已同意"}}
	wantCode(t, e.api("message/update_template_card", tok, nil, upd), 0)
	wantCode(t, e.api("message/update_template_card", tok, nil, upd), 40058)
}
