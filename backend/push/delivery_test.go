package push

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom"
)

// TestDelivery2500RecipientsInThreeCalls: 2,500 users go out in exactly
// three message/send calls of ≤1000, each journalled with its msgid.
func TestDelivery2500RecipientsInThreeCalls(t *testing.T) {
	e := newEnv(t, envConfig{users: 2800})
	e.rule("hr", TypeText, nil)
	users := e.activeUserIDs(2500)
	accounts := make([]string, 0, 1500)
	for _, u := range users[:1500] {
		accounts = append(accounts, "acc-"+u)
	}
	id := e.submit(Input{Source: "hr", Title: "全员通知", Content: "明天放假", MsgType: TypeText,
		To: To{Accounts: accounts, UserIDs: users[1500:]}})
	e.start()
	m := e.waitDone(id)
	if n := e.calls("message/send"); n != 3 {
		t.Errorf("simulator saw %d message/send calls, want 3", n)
	}
	d := m.Deliveries[0]
	if m.Status != StatusSent || len(d.MsgIDs) != 3 || d.Recipients != 2500 {
		t.Fatalf("delivery = %+v", d)
	}
	delivered := 0
	for _, sm := range e.sim.Messages() {
		if n := len(wecom.SplitIDs(sm.ToUser)); n > 1000 {
			t.Errorf("a call carried %d users", n)
		}
		delivered += len(sm.Delivered)
	}
	if delivered != 2500 {
		t.Errorf("%d users got the message, want 2500", delivered)
	}
	var chunks []chunkRow
	e.st.DB.Select(&chunks, `SELECT `+chunkColumns+` FROM push_chunks WHERE delivery_id = ? ORDER BY seq`, d.ID)
	if len(chunks) != 3 || chunks[2].State != "sent" || chunks[2].MsgID == "" || len(wecom.SplitIDs(chunks[2].ToUser)) != 500 {
		t.Errorf("chunks = %+v", chunks)
	}
}

// TestDeliveryRecordsUnboundAndInvalid: an unbound account is recorded as
// 未绑定 on the delivery and an unknown userid comes back as invalid with
// errcode 0; both make the delivery partial, and the recipients list says which.
func TestDeliveryRecordsUnboundAndInvalid(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeTextCard, nil)
	to := e.activeUserIDs(2)
	id := e.submit(Input{Source: "oa", Title: "审批", URL: "https://x.example/1",
		To: To{Accounts: []string{"acc-" + to[0], "nobody"}, UserIDs: []string{to[1], "Ghost.User"}, Departments: []string{"不存在的部门"}}})
	e.start()
	m := e.waitDone(id)
	d := m.Deliveries[0]
	if m.Status != StatusPartial || d.Status != StatusPartial {
		t.Fatalf("status = %s / %s, want partial", m.Status, d.Status)
	}
	if d.UnboundCount != 2 || !contains(d.Unbound, "nobody") || !contains(d.Unbound, "不存在的部门") {
		t.Errorf("unbound = %d %v", d.UnboundCount, d.Unbound)
	}
	if d.InvalidCount != 1 || !contains(d.InvalidUsers, "ghost.user") || d.ErrCode != 0 {
		t.Errorf("invalid = %d %v errcode %d", d.InvalidCount, d.InvalidUsers, d.ErrCode)
	}
	detail, err := e.svc.GetLog(e.ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]string{}
	for _, r := range detail.RecipientList {
		states[r.Name] = r.State
	}
	want := map[string]string{"acc-" + to[0]: "ok", "nobody": "unbound", to[1]: "ok", "Ghost.User": "invalid", "不存在的部门": "unknown"}
	for k, v := range want {
		if states[k] != v {
			t.Errorf("recipient %s = %q, want %q (all: %v)", k, states[k], v, states)
		}
	}
	if len(detail.Body) == 0 || !strings.Contains(string(detail.Body), "textcard") {
		t.Errorf("detail body = %s", detail.Body)
	}
}

// TestDeliveryNoRuleAndAllUnbound: a source no rule takes is logged as
// no_rule; recipients that all fail to resolve fail the delivery with the
// reason, without a call.
func TestDeliveryNoRuleAndAllUnbound(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeText, nil)
	noRule := e.submit(Input{Source: "crm", Title: "线索", To: To{Accounts: []string{"a1"}}})
	unbound := e.submit(Input{Source: "oa", Title: "t", To: To{Accounts: []string{"a1", "a2"}}})
	e.start()
	if m := e.waitDone(noRule); m.Status != StatusNoRule || len(m.Deliveries) != 1 || m.Deliveries[0].Error == nil || m.Deliveries[0].Fix == nil {
		t.Errorf("no rule: %+v", m)
	}
	m := e.waitDone(unbound)
	if m.Status != StatusFailed || !strings.Contains(m.Deliveries[0].Error.EN, "No recipient") || m.Deliveries[0].UnboundCount != 2 {
		t.Errorf("all unbound: %+v", m.Deliveries[0])
	}
	if n := e.calls("message/send"); n != 0 {
		t.Errorf("%d sends, want none", n)
	}
	page, _ := e.svc.ListLogs(e.ctx, Query{Status: StatusNoRule})
	if page.Total != 1 || page.Rows[0].Source != "crm" {
		t.Errorf("no_rule rows = %+v", page)
	}
}

// TestDeliveryDepartmentsAndAllSources: departments map to toparty; a rule
// for all sources (*) takes any source, beside the source's own rule.
func TestDeliveryDepartmentsAndAllSources(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("日报", TypeMarkdown, nil)
	e.rule(AllSources, TypeText, nil)
	dept := e.org.Departments[1]
	id := e.submit(Input{Source: "日报", Title: "今日工作", Content: "完成", MsgType: TypeText, To: To{Departments: []string{dept.Name}}})
	e.start()
	m := e.waitDone(id)
	if len(m.Deliveries) != 2 || m.Status != StatusSent {
		t.Fatalf("message = %+v, want two sent deliveries", m)
	}
	for _, sm := range e.sim.Messages() {
		if sm.ToParty != "" && sm.ToParty != strconv.Itoa(dept.ID) {
			t.Errorf("toparty = %q, want %d", sm.ToParty, dept.ID)
		}
	}
	types := []string{m.Deliveries[0].MsgType, m.Deliveries[1].MsgType}
	if !contains(types, TypeMarkdown) || !contains(types, TypeText) {
		t.Errorf("types = %v", types)
	}
}

// TestSendTestGoesToTheAdmin: SendTest delivers a sample through each
// target to the admin's own bound account, synchronously.
func TestSendTestGoesToTheAdmin(t *testing.T) {
	e := newEnv(t, envConfig{})
	r := e.rule("oa", TypeTextCard, func(t *Target) { t.URL = "https://oa.example.com/home" })
	e.svc.SetRuleEnabled(e.ctx, r.ID, false) // a disabled rule can be tested
	rows, err := e.svc.SendTest(e.ctx, r.ID)
	if err != nil || len(rows) != 1 || rows[0].Status != StatusSent {
		t.Fatalf("SendTest = %+v, %v", rows, err)
	}
	sm, _ := e.sim.Message(rows[0].MsgIDs[0])
	if len(sm.Delivered) != 1 || !strings.EqualFold(sm.Delivered[0], e.recips.admin) || !strings.Contains(sm.Text, "测试") {
		t.Errorf("sim recorded %+v", sm)
	}
}

// TestSendTestWithoutAdminBinding: when the admin's account cannot be
// found, the test send fails at once with the reason instead of waiting.
func TestSendTestWithoutAdminBinding(t *testing.T) {
	e := newEnv(t, envConfig{})
	r := e.rule("oa", TypeText, nil)
	e.svc.recipients = adminless{e.recips}
	rows, err := e.svc.SendTest(e.ctx, r.ID)
	if err != nil || len(rows) != 1 || rows[0].Status != StatusFailed || !strings.Contains(rows[0].Error.EN, "admin") {
		t.Fatalf("SendTest = %+v, %v; want one failed row naming the admin", rows, err)
	}
}

type adminless struct{ *fakeRecipients }

func (adminless) AdminUserID(context.Context, int64) (string, error) {
	return "", errors.New("the admin has no confirmed binding in this corp")
}

// TestDeliveryRecordsUnlicensedUsers: WeCom answers errcode 0 with
// unlicenseduser for members in scope without a 基础接口许可 (the simulator
// does not model licences, so the answer is amended on its way back).
func TestDeliveryRecordsUnlicensedUsers(t *testing.T) {
	var unlicensed string
	e := newEnv(t, envConfig{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasSuffix(r.URL.Path, "/message/send") {
				next.ServeHTTP(w, r)
				return
			}
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			var body map[string]any
			json.Unmarshal(rec.Body.Bytes(), &body)
			body["unlicenseduser"] = unlicensed
			json.NewEncoder(w).Encode(body)
		})
	}})
	e.rule("oa", TypeText, nil)
	to := e.activeUserIDs(3)
	unlicensed = strings.ToLower(to[2])
	id := e.submit(Input{Source: "oa", Title: "许可", MsgType: TypeText, To: To{Accounts: []string{"acc-" + to[2]}, UserIDs: to[:2]}})
	e.start()
	d := e.waitDone(id).Deliveries[0]
	if d.Status != StatusPartial || d.ErrCode != 0 || !contains(d.UnlicensedUsers, to[2]) || d.InvalidCount != 1 {
		t.Fatalf("delivery = %+v, want partial with %s unlicensed", d, to[2])
	}
	detail, _ := e.svc.GetLog(e.ctx, d.ID)
	for _, r := range detail.RecipientList {
		if want := map[bool]string{true: "unlicensed", false: "ok"}[r.Name == "acc-"+to[2]]; r.State != want {
			t.Errorf("recipient %s = %s, want %s", r.Name, r.State, want)
		}
	}
}
