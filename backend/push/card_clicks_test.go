package push

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/wecom/wecomsim"
)

// hookReceiver is the source system's webhook endpoint: it verifies each
// request's signature with the secret and answers the statuses in order
// (200 after the list runs out).
type hookReceiver struct {
	mu       sync.Mutex
	secret   string
	statuses []int
	bodies   [][]byte
	bad      int
}

func (h *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	if !VerifySignature(h.secret, body, r.Header.Get(SignatureHeader)) {
		h.bad++
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	h.bodies = append(h.bodies, body)
	status := http.StatusOK
	if len(h.statuses) > 0 {
		status, h.statuses = h.statuses[0], h.statuses[1:]
	}
	w.WriteHeader(status)
}

func (h *hookReceiver) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.bodies)
}

// cardEnv sends a card with two buttons to one member through a rule whose
// webhook points at a test receiver, and returns the sent message.
func cardEnv(t *testing.T, statuses ...int) (*env, *hookReceiver, wecomsim.SentMessage, string) {
	vault, err := secrets.NewWithKey(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, envConfig{users: 20, opts: []Option{WithVault(vault), WithWebhookRetry(time.Minute, 4*time.Minute, 4)}})
	rule := e.rule("oa", TypeTemplateCard, nil)
	recv := &hookReceiver{statuses: statuses}
	srv := httptest.NewServer(recv)
	t.Cleanup(srv.Close)
	w, err := e.svc.SetRuleWebhook(e.ctx, rule.ID, srv.URL+"/hook", false)
	if err != nil || !strings.HasPrefix(w.Secret, "whsec_") || !w.HasSecret {
		t.Fatalf("webhook %+v %v", w, err)
	}
	recv.secret = w.Secret
	if list, _ := e.svc.ListRuleWebhooks(e.ctx); len(list) != 1 || list[0].Secret != "" || list[0].SecretMask == "" {
		t.Fatalf("the secret is shown again: %+v", list)
	}
	user := e.activeUserIDs(1)[0]
	id := e.submit(Input{Source: "oa", Title: "请假审批", Content: "张三 请假 2 天", MsgType: TypeTemplateCard,
		To: To{UserIDs: []string{user}}, Buttons: []Button{{Key: "approve", Text: "同意"}, {Key: "reject", Text: "驳回", Style: 2}}})
	e.start()
	if m := e.waitDone(id); m.Status != StatusSent {
		t.Fatalf("card not sent: %+v", m)
	}
	msgs := e.sim.Messages()
	if len(msgs) != 1 || msgs[0].TaskID == "" || msgs[0].ResponseCode == "" {
		t.Fatalf("sim got %+v", msgs)
	}
	return e, recv, msgs[0], user
}

func TestCardClickMatchesTaskIDUpdatesOnceAndSignsWebhook(t *testing.T) {
	e, recv, sent, user := cardEnv(t)
	delivery, ok := ParseTaskID(sent.TaskID)
	if !ok {
		t.Fatalf("task id %q is not the bridge's", sent.TaskID)
	}
	click := Click{EventRef: "ev-1", CorpRef: e.corpID, AgentID: int64(sent.AgentID), UserID: user, TaskID: sent.TaskID,
		Key: "approve", ResponseCode: sent.ResponseCode, At: e.clock.Now()}

	// Another corp's (or app's) event with the same task id matches nothing.
	other := click
	other.AgentID = 999
	if o, err := e.svc.RecordClick(e.ctx, other); err != nil || o.Matched {
		t.Fatalf("another app's click matched: %+v %v", o, err)
	}
	if o, _ := e.svc.RecordClick(e.ctx, Click{EventRef: "x", CorpRef: e.corpID, AgentID: click.AgentID, TaskID: "their-task"}); o.Matched {
		t.Fatal("a foreign task id matched")
	}

	o, err := e.svc.RecordClick(e.ctx, click)
	if err != nil || !o.Matched || o.DeliveryID != delivery || o.CardState != "updated" || o.ButtonText != "同意" || o.Webhook != "pending" {
		t.Fatalf("click outcome %+v %v", o, err)
	}
	m, _ := e.sim.Message(sent.MsgID)
	if len(m.Updates) != 1 || !strings.Contains(string(m.Updates[0].Body), "已同意") {
		t.Fatalf("card updates %+v", m.Updates)
	}
	// A replay of the same event does not spend the response code again.
	o, err = e.svc.RecordClick(e.ctx, click)
	if err != nil || !o.AlreadyDone || o.ClickID == 0 {
		t.Fatalf("replayed click %+v %v", o, err)
	}
	if m, _ := e.sim.Message(sent.MsgID); len(m.Updates) != 1 || e.calls("message/update_template_card") != 1 {
		t.Fatalf("the response code was used again: %d updates", len(m.Updates))
	}

	waitFor(t, "webhook delivered", func() bool { return recv.count() == 1 })
	var p WebhookPayload
	json.Unmarshal(recv.bodies[0], &p)
	if p.Type != "card_click" || p.DeliveryID != delivery || p.UserID != user || p.Key != "approve" || p.ButtonText != "同意" || p.Source != "oa" || p.Attempt != 1 {
		t.Fatalf("payload %+v", p)
	}
	waitFor(t, "click row delivered", func() bool {
		l, _ := e.svc.ListCardClicks(e.ctx, e.corpID, 10)
		return len(l) == 1 && l[0].WebhookState == "delivered" && l[0].WebhookStatus == 200
	})
	var code string
	e.st.DB.Get(&code, `SELECT response_code FROM push_card_clicks`)
	if code != "" {
		t.Fatal("a spent response code is kept")
	}
}

// The webhook is retried with doubling backoff until 2xx, and given up after
// the last attempt; the click row carries the state.
func TestWebhookRetryBackoff(t *testing.T) {
	e, recv, sent, user := cardEnv(t, 500, 503, 200)
	e.stop() // drive the webhook by hand with the clock
	if _, err := e.svc.RecordClick(e.ctx, Click{EventRef: "ev", CorpRef: e.corpID, AgentID: int64(sent.AgentID), UserID: user,
		TaskID: sent.TaskID, Key: "reject", ResponseCode: sent.ResponseCode, At: e.clock.Now()}); err != nil {
		t.Fatal(err)
	}
	state := func() CardClick {
		l, _ := e.svc.ListCardClicks(e.ctx, e.corpID, 1)
		return l[0]
	}
	if n := e.svc.DeliverWebhooks(e.ctx); n != 1 || state().WebhookState != "pending" || state().WebhookStatus != 500 {
		t.Fatalf("first attempt: %d %+v", n, state())
	}
	if n := e.svc.DeliverWebhooks(e.ctx); n != 0 {
		t.Fatal("retried before the backoff")
	}
	e.clock.Advance(time.Minute) // first delay: 1 min
	e.svc.DeliverWebhooks(e.ctx)
	c := state()
	if c.WebhookAttempts != 2 || c.WebhookNextAt.Sub(e.clock.Now()) != 2*time.Minute { // doubled
		t.Fatalf("second attempt: %+v", c)
	}
	e.clock.Advance(2 * time.Minute)
	e.svc.DeliverWebhooks(e.ctx)
	if c := state(); c.WebhookState != "delivered" || c.WebhookAttempts != 3 || recv.count() != 3 || recv.bad != 0 {
		t.Fatalf("third attempt: %+v, %d bodies", c, recv.count())
	}

	// A receiver that never accepts: failed after the 4th attempt.
	recv.mu.Lock()
	recv.statuses = []int{500, 500, 500, 500, 500}
	recv.mu.Unlock()
	e.svc.RecordClick(e.ctx, Click{EventRef: "ev2", CorpRef: e.corpID, AgentID: int64(sent.AgentID), UserID: user,
		TaskID: sent.TaskID, Key: "approve", At: e.clock.Now()})
	for range 4 {
		e.svc.DeliverWebhooks(e.ctx)
		e.clock.Advance(4 * time.Minute)
	}
	if c := state(); c.WebhookState != "failed" || c.WebhookAttempts != 4 || c.CardState != "failed" {
		t.Fatalf("never accepted: %+v", c)
	}
}

func TestSignatureIsHMACSHA256OfTheBody(t *testing.T) {
	// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
	got := Sign("Jefe", []byte("what do ya want for nothing?"))
	if got != "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" {
		t.Fatalf("Sign = %s", got)
	}
	if !VerifySignature("Jefe", []byte("what do ya want for nothing?"), got) || VerifySignature("Jefe", []byte("what do ya want for nothing!"), got) {
		t.Fatal("VerifySignature accepts a changed body or refuses the right one")
	}
}

func TestButtonsValidated(t *testing.T) {
	bad := []struct {
		bs   []Button
		code string
	}{
		{[]Button{{Key: "a", Text: "1"}, {Key: "b", Text: "2"}, {Key: "c", Text: "3"}, {Key: "d", Text: "4"}, {Key: "e", Text: "5"}, {Key: "f", Text: "6"}, {Key: "g", Text: "7"}}, "too_many_buttons"},
		{[]Button{{Key: "a b", Text: "同意"}}, "invalid_button_key"},
		{[]Button{{Key: "a", Text: "同意"}, {Key: "a", Text: "驳回"}}, "duplicate_button_key"},
		{[]Button{{Key: "a", Text: "一二三四五六七八九十一"}}, "invalid_button_text"},
		{[]Button{{Key: "a", Text: "x", Style: 5}}, "invalid_button_style"},
	}
	for _, b := range bad {
		if err := validateButtons(b.bs); err == nil || err.Code != b.code {
			t.Errorf("%+v: %v, want %s", b.bs, err, b.code)
		}
	}
	if id, ok := ParseTaskID(TaskID(42, 3)); !ok || id != 42 {
		t.Fatal("task id round trip")
	}
	for _, s := range []string{"wb-", "wb-x-1", "wb-1", "other-1-2", "wb--1-0"} {
		if _, ok := ParseTaskID(s); ok {
			t.Errorf("%q parsed", s)
		}
	}
}
