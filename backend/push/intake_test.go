package push

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// TestIntakeToRuleToDeliveryToLog: a POST is answered 202 once committed,
// the worker matches the rule, renders a textcard and sends it; the sim
// records it and the log row, the GET status and the message agree.
func TestIntakeToRuleToDeliveryToLog(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeTextCard, func(t *Target) { t.Title = "[{{source}}] {{title}}" })
	api := e.intake()
	to := e.activeUserIDs(3)
	var acc Accepted
	resp := api.do("POST", "/api/v1/messages", Input{Source: "oa", Title: "报销单已审批", Content: "差旅报销已通过",
		URL: "https://oa.example.com/1", BtnTxt: "查看", To: To{Accounts: []string{"acc-" + to[0]}, UserIDs: to[1:]}}, &acc)
	if resp.StatusCode != http.StatusAccepted || acc.ID == 0 || acc.Status != "queued" {
		t.Fatalf("POST = %d %+v, want 202 with an id, queued", resp.StatusCode, acc)
	}
	if loc := resp.Header.Get("Location"); loc != "/api/v1/messages/"+strconv.FormatInt(acc.ID, 10) {
		t.Errorf("Location = %q", loc)
	}
	e.start()
	m := e.waitDone(acc.ID)
	if m.Status != StatusSent || len(m.Deliveries) != 1 {
		t.Fatalf("message = %+v, want sent with one delivery", m)
	}
	d := m.Deliveries[0]
	if d.Title != "[oa] 报销单已审批" || d.Recipients != 3 || len(d.MsgIDs) != 1 || d.Rule != "rule oa" || !d.RecallAllowed {
		t.Errorf("log row = %+v", d)
	}
	sent, ok := e.sim.Message(d.MsgIDs[0])
	if !ok || sent.MsgType != wecom.MsgTextCard || sent.AgentID != wecomsim.AgentAll || len(sent.Delivered) != 3 {
		t.Fatalf("sim recorded %+v", sent)
	}
	if !strings.Contains(string(sent.Body), `"btntxt":"查看"`) || !strings.Contains(string(sent.Body), `"enable_duplicate_check":1`) {
		t.Errorf("body = %s", sent.Body)
	}

	var got MessageStatus
	resp = api.do("GET", "/api/v1/messages/"+strconv.FormatInt(acc.ID, 10), nil, &got)
	if resp.StatusCode != http.StatusOK || got.Status != StatusSent || len(got.Deliveries) != 1 || got.Deliveries[0].MsgIDs[0] != d.MsgIDs[0] {
		t.Errorf("GET = %d %+v", resp.StatusCode, got)
	}
	page, err := e.svc.ListLogs(e.ctx, Query{})
	if err != nil || page.Total != 1 || page.Rows[0].ID != d.ID {
		t.Errorf("ListLogs = %+v, %v", page, err)
	}
	// Another key does not see the message.
	_, other, _ := e.svc.CreateAPIKey(e.ctx, e.corpID, "other", KeyPermissions{})
	api2 := &intake{t: t, url: api.url, key: other}
	if resp := api2.do("GET", "/api/v1/messages/"+strconv.FormatInt(acc.ID, 10), nil, nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET with another key = %d, want 404", resp.StatusCode)
	}
}

// TestIntakeIdempotencyKey: the same key (per API key) gives the first id;
// another API key with the same idempotency key gets its own message.
func TestIntakeIdempotencyKey(t *testing.T) {
	e := newEnv(t, envConfig{})
	api := e.intake()
	in := Input{Source: "oa", Title: "t", URL: "https://x.example/1", To: To{UserIDs: []string{"u1"}}, IdempotencyKey: "order-42"}
	var a, b Accepted
	api.do("POST", "/api/v1/messages", in, &a)
	resp := api.do("POST", "/api/v1/messages", in, &b)
	if resp.StatusCode != http.StatusAccepted || a.ID == 0 || b != a || resp.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("replay = %d %+v (first %+v), want 202 with the same body", resp.StatusCode, b, a)
	}
	// The header form works as well.
	in.IdempotencyKey = ""
	var c, d Accepted
	api.do("POST", "/api/v1/messages", in, &c)
	if c.ID == a.ID {
		t.Fatal("a message without a key was merged with a keyed one")
	}
	_, other, _ := e.svc.CreateAPIKey(e.ctx, e.corpID, "other", KeyPermissions{})
	in.IdempotencyKey = "order-42"
	(&intake{t: t, url: api.url, key: other}).do("POST", "/api/v1/messages", in, &d)
	if d.ID == a.ID || d.ID == 0 {
		t.Errorf("another API key's order-42 = %d, want a new message", d.ID)
	}
	var n int
	e.st.DB.Get(&n, `SELECT COUNT(*) FROM push_messages`)
	if n != 3 {
		t.Errorf("%d messages stored, want 3", n)
	}
}

// TestIntakeBadRequests: each bad input is a 400 naming the field.
func TestIntakeBadRequests(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeTextCard, nil)
	api := e.intake()
	ok := `"source":"oa","title":"审批","url":"https://x.example/1","to":{"userids":["u1"]}`
	cases := []struct {
		name, body, code, field string
		strict                  bool
	}{
		{"no recipients", `{"source":"oa","title":"t","to":{}}`, "no_recipients", "to", false},
		{"empty recipients", `{"source":"oa","title":"t","to":{"accounts":[" "],"userids":[]}}`, "no_recipients", "to", false},
		{"unknown source in strict mode", `{"source":"crm","title":"t","to":{"userids":["u1"]}}`, "unknown_source", "source", true},
		{"title over textcard limit", `{"source":"oa","title":"` + strings.Repeat("审", 43) + `","to":{"userids":["u1"]}}`, "title_too_long", "title", false},
		{"title over template_card limit", `{"source":"oa","msgtype":"template_card","title":"` + strings.Repeat("审", 37) + `","to":{"userids":["u1"]}}`, "title_too_long", "title", false},
		{"btntxt over 4 characters", `{` + ok + `,"btntxt":"查看详情页"}`, "btntxt_too_long", "btntxt", false},
		{"bad msgtype", `{` + ok + `,"msgtype":"voice"}`, "invalid_msgtype", "msgtype", false},
		{"invalid JSON", `{"source":"oa",`, "invalid_json", "body", false},
		{"empty body", ``, "invalid_json", "body", false},
		{"wrong type", `{"source":"oa","title":"t","to":{"userids":"u1"}}`, "invalid_type", "to.userids", false},
		{"unknown field", `{` + ok + `,"touser":"u1"}`, "unknown_field", "touser", false},
		{"bad url", `{"source":"oa","title":"t","url":"javascript:alert(1)","to":{"userids":["u1"]}}`, "invalid_url", "url", false},
		{"bad userid", `{"source":"oa","title":"t","to":{"userids":["a|b"]}}`, "invalid_userid", "to.userids[0]", false},
		{"bad data key", `{` + ok + `,"data":{"title":"x"}}`, "invalid_data_key", "data.title", false},
		{"missing title", `{"source":"oa","to":{"userids":["u1"]}}`, "missing_title", "title", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set, _ := e.svc.Settings(e.ctx)
			set.StrictSources = c.strict
			if err := e.svc.SaveSettings(e.ctx, set); err != nil {
				t.Fatal(err)
			}
			var ae apiError
			resp := api.do("POST", "/api/v1/messages", c.body, &ae)
			if resp.StatusCode != http.StatusBadRequest || ae.Error.Code != c.code || ae.Error.Field != c.field || ae.Error.Message == "" {
				t.Errorf("%s: got %d %+v, want 400 %s on %s", c.name, resp.StatusCode, ae.Error, c.code, c.field)
			}
		})
	}
	// In strict mode a known source passes.
	var acc Accepted
	if resp := api.do("POST", "/api/v1/messages", `{`+ok+`}`, &acc); resp.StatusCode != http.StatusAccepted {
		t.Errorf("known source in strict mode = %d", resp.StatusCode)
	}
	// Over 1 MiB: 413 naming the body.
	big := `{"source":"oa","title":"t","to":{"userids":["u1"]},"content":"` + strings.Repeat("x", MaxBodyBytes) + `"}`
	var ae apiError
	if resp := api.do("POST", "/api/v1/messages", big, &ae); resp.StatusCode != http.StatusRequestEntityTooLarge || ae.Error.Field != "body" {
		t.Errorf("1 MiB body = %d %+v, want 413 on body", resp.StatusCode, ae.Error)
	}
	var n int
	e.st.DB.Get(&n, `SELECT COUNT(*) FROM push_messages`)
	if n != 1 {
		t.Errorf("%d messages stored, want only the valid one", n)
	}
	if resp := api.do("GET", "/api/v1/messages/abc", nil, &ae); resp.StatusCode != http.StatusBadRequest || ae.Error.Field != "id" {
		t.Errorf("GET bad id = %d %+v", resp.StatusCode, ae.Error)
	}
	if resp := api.do("DELETE", "/api/v1/messages", nil, nil); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE = %d, want 405", resp.StatusCode)
	}
}
