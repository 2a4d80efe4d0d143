package services

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"wecom-bridge/backend/autoreply"
	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/push"
	"wecom-bridge/backend/wecom/wecomsim"
)

// appCallbackEnv is the demo corp with its first app's callback keys saved,
// the production route table on a real HTTP server and the simulator sending
// that app's callbacks to it.
func appCallbackEnv(t *testing.T) (*Services, *corp.Corp, corp.App, *wecomsim.Sim) {
	t.Helper()
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	app := c.Apps[0]
	keys := corp.GenerateCallbackKeys()
	res, err := s.Corps.SaveApp(ctx, corp.AppInput{ID: app.ID, CorpRef: c.ID, Name: app.Name, AgentID: strconv.FormatInt(app.AgentID, 10),
		CallbackToken: keys.Token, CallbackAESKey: keys.EncodingAESKey, HomeURL: app.HomeURL})
	if err != nil || !res.OK {
		t.Fatalf("save app callback keys: %v %+v", err, res.Errors)
	}
	if err := s.StartBackground(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.IntegrationRoutes().Mux())
	t.Cleanup(srv.Close)
	sim := s.Corps.DemoSim()
	if err := sim.SetCallback(wecomsim.CallbackTarget{AgentID: int(app.AgentID), URL: srv.URL + "/callback/app/" + c.Key + "/" + strconv.FormatInt(app.AgentID, 10),
		Token: keys.Token, EncodingAESKey: keys.EncodingAESKey}); err != nil {
		t.Fatal(err)
	}
	return s, c, app, sim
}

// memberOf is an active member the app can message.
func memberOf(t *testing.T, sim *wecomsim.Sim) string {
	for _, u := range sim.Org().Users {
		if u.Status == 1 {
			return u.UserID
		}
	}
	t.Fatal("no active member")
	return ""
}

func effectCodes(ev callback.Event) string {
	var codes []string
	for _, e := range ev.Effects {
		codes = append(codes, e.Code)
	}
	return strings.Join(codes, ",")
}

// A member's text reaches the receiver, the matching rule's reply goes back
// as an encrypted passive reply (the simulator decrypts it into its message
// log) and the event says which rule replied.
func TestAutoReplyThroughTheReceiver(t *testing.T) {
	s, c, app, sim := appCallbackEnv(t)
	ctx := context.Background()
	if _, err := s.AutoReply.Save(ctx, autoreply.RuleInput{AppRef: app.ID, Name: "报销", Match: autoreply.MatchContains,
		Keyword: "报销", Reply: "报销请走 OA：\n<a href=\"https://oa.example.com\">OA</a>", Priority: 5, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	user := memberOf(t, sim)
	// Switch off: logged, not answered.
	d, err := sim.SendAppMessage(ctx, int(app.AgentID), user, "我要报销", false)
	if err != nil || d.Reply != "" || d.Status != 200 {
		t.Fatalf("switch off: %+v %v", d, err)
	}
	if err := s.AutoReply.SetSwitch(ctx, app.ID, true); err != nil {
		t.Fatal(err)
	}
	d, err = sim.SendAppMessage(ctx, int(app.AgentID), user, "我要报销", false)
	if err != nil || d.ReplyErr != "" || !strings.Contains(d.Reply, "报销请走 OA") {
		t.Fatalf("delivery %+v %v", d, err)
	}
	var replied bool
	for _, m := range sim.Messages() {
		replied = replied || (m.Via == "passive_reply" && m.Delivered[0] == user && strings.HasPrefix(m.Text, "报销请走 OA：\n"))
	}
	if !replied {
		t.Fatalf("no passive reply in the simulator's message log: %+v", sim.Messages())
	}
	agent := app.AgentID
	defer func() {
		if t.Failed() {
			evs, err := s.Callbacks.List(ctx, callback.Filter{CorpRef: c.ID})
			for _, e := range evs {
				t.Logf("event %+v %v", e, err)
			}
		}
	}()
	eventually(t, "both events processed", func() bool {
		evs, err := s.Callbacks.List(ctx, callback.Filter{CorpRef: c.ID, AgentID: &agent, Type: "text"})
		return err == nil && len(evs) == 2 && evs[0].State == "processed" && evs[1].State == "processed" &&
			effectCodes(evs[0]) == "cbapp_replied" && effectCodes(evs[1]) == "cbapp_no_rule"
	})
}

// A click on a card button finds its push-log row, updates the card in the
// simulator and reaches the rule's webhook, signed.
func TestCardClickThroughTheReceiver(t *testing.T) {
	s, c, app, sim := appCallbackEnv(t)
	ctx := context.Background()
	var mu sync.Mutex
	var got []push.WebhookPayload
	var secret string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		if !push.VerifySignature(secret, body, r.Header.Get(push.SignatureHeader)) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var p push.WebhookPayload
		json.Unmarshal(body, &p)
		got = append(got, p)
	}))
	t.Cleanup(hook.Close)
	rule, err := s.Push.CreateRule(ctx, push.Rule{Name: "审批", Source: "oa", Enabled: true,
		Targets: []push.Target{{CorpID: c.ID, AgentID: app.AgentID, MsgType: push.TypeTemplateCard}}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.Push.SetRuleWebhook(ctx, rule.ID, hook.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	secret = w.Secret
	mu.Unlock()
	user := memberOf(t, sim)
	acc, err := s.Push.Submit(ctx, push.Input{Source: "oa", Title: "请假审批", Content: "张三 2 天", MsgType: push.TypeTemplateCard,
		To: push.To{UserIDs: []string{user}}, Buttons: []push.Button{{Key: "approve", Text: "同意"}, {Key: "reject", Text: "驳回"}}})
	if err != nil {
		t.Fatal(err)
	}
	var sent wecomsim.SentMessage
	eventually(t, "the card sent", func() bool {
		for _, m := range sim.Messages() {
			if m.MsgType == "template_card" && m.TaskID != "" {
				sent = m
				return true
			}
		}
		return false
	})
	if _, err := sim.ClickCard(ctx, sent.MsgID, user, "approve"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "card updated and webhook delivered", func() bool {
		m, _ := sim.Message(sent.MsgID)
		mu.Lock()
		defer mu.Unlock()
		return len(m.Updates) == 1 && strings.Contains(string(m.Updates[0].Body), "已同意") && len(got) == 1
	})
	if p := got[0]; p.Key != "approve" || p.UserID != user || p.MessageID != acc.ID || p.Source != "oa" {
		t.Fatalf("webhook payload %+v", p)
	}
	agent := app.AgentID
	// The event's effects are recorded once its processing ends, just after the webhook answered.
	var evs []callback.Event
	eventually(t, "the event processed", func() bool {
		evs, _ = s.Callbacks.List(ctx, callback.Filter{CorpRef: c.ID, AgentID: &agent, Type: "template_card_event"})
		return len(evs) == 1 && evs[0].ProcessedAt != nil
	})
	if !strings.HasPrefix(effectCodes(evs[0]), "cbapp_click,cbapp_card_updated") {
		t.Fatalf("events %+v", evs)
	}
}
