package wecomsim

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func textTo(to string, content string) map[string]any {
	return map[string]any{"touser": to, "msgtype": "text", "agentid": AgentAll, "text": map[string]string{"content": content}}
}

func TestSendRecordsDeliveriesAndInvalidUsers(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	ids := e.activeUsers(2)
	a := e.api("message/send", tok, nil, textTo(ids[0]+"|"+strings.ToUpper(ids[1])+"|Ghost1|ghost2", "你好"))
	wantCode(t, a, 0)
	if a.str("invaliduser") != "ghost1|ghost2" {
		t.Fatalf("invaliduser = %q", a.str("invaliduser"))
	}
	msgid := a.str("msgid")
	m, ok := e.sim.Message(msgid)
	if !ok || len(m.Delivered) != 2 || m.Text != "你好" || m.MsgType != "text" {
		t.Fatalf("recorded %+v", m)
	}
	wantCode(t, e.api("message/send", tok, nil, textTo("ghost1|ghost2", "x")), 81013)
	wantCode(t, e.api("message/send", tok, nil, map[string]any{"msgtype": "text", "agentid": AgentAll, "text": map[string]string{"content": "x"}}), 82001)
	wantCode(t, e.api("message/send", tok, nil, textTo(ids[0], "")), 44004)
	wrongAgent := textTo(ids[0], "x")
	wrongAgent["agentid"] = AgentRestricted
	wantCode(t, e.api("message/send", tok, nil, wrongAgent), 301002)
	wantCode(t, e.api("message/send", tok, nil, map[string]any{"touser": ids[0], "msgtype": "voice", "agentid": AgentAll}), 40008)
}

// TestSendReportsUnlicensedUsers: a member in scope without a 基础接口许可
// is answered in unlicenseduser (lower case) with errcode 0 and not delivered.
func TestSendReportsUnlicensedUsers(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	ids := e.activeUsers(2)
	e.sim.SetUnlicensed(strings.ToUpper(ids[1]))
	a := e.api("message/send", tok, nil, textTo(ids[0]+"|"+ids[1]+"|ghost", "你好"))
	wantCode(t, a, 0)
	if a.str("unlicenseduser") != strings.ToLower(ids[1]) || a.str("invaliduser") != "ghost" {
		t.Fatalf("unlicenseduser = %q, invaliduser = %q", a.str("unlicenseduser"), a.str("invaliduser"))
	}
	m, _ := e.sim.Message(a.str("msgid"))
	if len(m.Delivered) != 1 || !strings.EqualFold(m.Delivered[0], ids[0]) {
		t.Fatalf("delivered to %v, want only %s", m.Delivered, ids[0])
	}
	e.sim.SetUnlicensed()
	if b := e.api("message/send", tok, nil, textTo(ids[1], "再来")); b.str("unlicenseduser") != "" {
		t.Fatalf("after licensing, unlicenseduser = %q", b.str("unlicenseduser"))
	}
}

func TestSendToPartyAndAll(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	a := e.api("message/send", tok, nil, map[string]any{"toparty": "3|77777", "msgtype": "markdown", "agentid": AgentAll,
		"markdown": map[string]string{"content": "**同步完成**"}})
	wantCode(t, a, 0)
	if a.str("invalidparty") != "77777" {
		t.Fatalf("invalidparty = %q", a.str("invalidparty"))
	}
	all := e.api("message/send", tok, nil, textTo("@all", "全员通知"))
	wantCode(t, all, 0)
	m, _ := e.sim.Message(all.str("msgid"))
	active := 0
	for _, u := range e.org.Users {
		if u.Enable == 1 && u.Status != 2 {
			active++
		}
	}
	if len(m.Delivered) != active {
		t.Fatalf("@all delivered %d, want %d", len(m.Delivered), active)
	}
}

func TestThousandRecipientLimit(t *testing.T) {
	e := newEnvOrg(t, GenerateOrg(GenerateOptions{Seed: 3, Users: 1200, Departments: 30}))
	tok := e.appToken(AgentAll)
	var ids []string
	for _, u := range e.org.Users {
		ids = append(ids, u.UserID)
	}
	wantCode(t, e.api("message/send", tok, nil, textTo(strings.Join(ids[:1001], "|"), "x")), 40032)
	wantCode(t, e.api("message/send", tok, nil, textTo(strings.Join(ids[:1000], "|"), "x")), 0)
	parties := make([]string, 101)
	for i := range parties {
		parties[i] = fmt.Sprint(i + 1)
	}
	wantCode(t, e.api("message/send", tok, nil, map[string]any{"toparty": strings.Join(parties, "|"), "msgtype": "text",
		"agentid": AgentAll, "text": map[string]string{"content": "x"}}), 82002)
}

func TestDuplicateCheck(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	body := textTo(e.activeUsers(1)[0], "只发一次")
	body["enable_duplicate_check"] = 1
	body["duplicate_check_interval"] = 600
	first := e.api("message/send", tok, nil, body)
	second := e.api("message/send", tok, nil, body)
	wantCode(t, second, 0)
	if first.str("msgid") != second.str("msgid") || len(e.sim.Messages()) != 1 {
		t.Fatalf("duplicate sent twice: %s vs %s, %d recorded", first.str("msgid"), second.str("msgid"), len(e.sim.Messages()))
	}
	e.sim.Clock().Advance(601 * time.Second)
	third := e.api("message/send", tok, nil, body)
	if third.str("msgid") == first.str("msgid") || len(e.sim.Messages()) != 2 {
		t.Fatal("a send after the interval must be delivered again")
	}
	delete(body, "enable_duplicate_check")
	e.api("message/send", tok, nil, body)
	e.api("message/send", tok, nil, body)
	if len(e.sim.Messages()) != 4 {
		t.Fatalf("without the check every send is delivered, got %d", len(e.sim.Messages()))
	}
}

func TestPerMemberLimitDropsSilently(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	u := e.activeUsers(1)[0]
	for i := 0; i < 35; i++ {
		wantCode(t, e.api("message/send", tok, nil, textTo(u, fmt.Sprint("第", i, "条"))), 0)
	}
	delivered, dropped := 0, 0
	for _, m := range e.sim.Messages() {
		delivered += len(m.Delivered)
		dropped += len(m.Dropped)
	}
	if delivered != 30 || dropped != 5 {
		t.Fatalf("delivered %d, dropped %d; want 30 and 5", delivered, dropped)
	}
	e.sim.Clock().Advance(time.Minute)
	e.api("message/send", tok, nil, textTo(u, "下一分钟"))
	ms := e.sim.Messages()
	if last := ms[len(ms)-1]; len(last.Delivered) != 1 {
		t.Fatalf("next minute: %+v", last)
	}
	if e.sim.Counters().DroppedDeliveries != 5 {
		t.Fatalf("dropped counter = %d", e.sim.Counters().DroppedDeliveries)
	}
}

func TestRecallWithin24Hours(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	u := e.activeUsers(1)[0]
	early := e.api("message/send", tok, nil, textTo(u, "可撤回")).str("msgid")
	late := e.api("message/send", tok, nil, textTo(u, "太晚了")).str("msgid")
	e.sim.Clock().Advance(23 * time.Hour)
	tok = e.appToken(AgentAll) // the old one expired after 2 hours
	wantCode(t, e.api("message/recall", tok, nil, map[string]string{"msgid": early}), 0)
	if m, _ := e.sim.Message(early); m.RecalledAt == nil {
		t.Fatal("recall not recorded")
	}
	wantCode(t, e.api("message/recall", tok, nil, map[string]string{"msgid": early}), 40058)
	wantCode(t, e.api("message/recall", e.appToken(AgentRestricted), nil, map[string]string{"msgid": late}), 40058)
	e.sim.Clock().Advance(time.Hour + time.Second)
	tok = e.appToken(AgentAll)
	wantCode(t, e.api("message/recall", tok, nil, map[string]string{"msgid": late}), 42052)
	wantCode(t, e.api("message/recall", tok, nil, map[string]string{"msgid": "nope"}), 40058)
}

func TestMessageTypes(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	u := e.activeUsers(1)[0]
	send := func(body map[string]any) answer {
		body["touser"], body["agentid"] = u, AgentAll
		return e.api("message/send", tok, nil, body)
	}
	long := strings.Repeat("长", 1000) // 3000 bytes: WeCom truncates text to 2048
	a := send(map[string]any{"msgtype": "text", "text": map[string]string{"content": long}})
	wantCode(t, a, 0)
	if m, _ := e.sim.Message(a.str("msgid")); len(m.Text) > 2048 || !strings.HasPrefix(long, m.Text) {
		t.Fatalf("text not truncated on a rune boundary: %d bytes", len(m.Text))
	}
	wantCode(t, send(map[string]any{"msgtype": "markdown", "markdown": map[string]string{"content": long}}), 45002)
	wantCode(t, send(map[string]any{"msgtype": "textcard", "textcard": map[string]string{"title": "审批", "description": "请处理", "url": "https://example.com"}}), 0)
	wantCode(t, send(map[string]any{"msgtype": "textcard", "textcard": map[string]string{"title": "审批", "description": "请处理"}}), 41010)
	art := map[string]string{"title": "周报", "url": "https://example.com"}
	wantCode(t, send(map[string]any{"msgtype": "news", "news": map[string]any{"articles": []any{art}}}), 0)
	nine := make([]any, 9)
	for i := range nine {
		nine[i] = art
	}
	wantCode(t, send(map[string]any{"msgtype": "news", "news": map[string]any{"articles": nine}}), 45008)
}

func TestTemplateCardAndUpdate(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	u := e.activeUsers(1)[0]
	card := map[string]any{"card_type": "button_interaction", "task_id": "sync-approve-001",
		"main_title":  map[string]string{"title": "通讯录同步待确认"},
		"button_list": []any{map[string]any{"text": "确认", "key": "confirm"}, map[string]any{"text": "取消", "key": "cancel", "style": 2}}}
	body := map[string]any{"touser": u, "msgtype": "template_card", "agentid": AgentAll, "template_card": card}
	a := e.api("message/send", tok, nil, body)
	wantCode(t, a, 0)
	code := a.str("response_code")
	if code == "" {
		t.Fatal("interactive card answered no response_code")
	}
	wantCode(t, e.api("message/send", tok, nil, body), 40058) // task_id reused

	bad := map[string]any{"card_type": "button_interaction", "main_title": map[string]string{"title": "x"},
		"button_list": []any{map[string]any{"text": "确认", "key": "ok"}}}
	wantCode(t, e.api("message/send", tok, nil, map[string]any{"touser": u, "msgtype": "template_card", "agentid": AgentAll, "template_card": bad}), 42014)
	bad = map[string]any{"card_type": "text_notice", "main_title": map[string]string{"title": "x"}}
	wantCode(t, e.api("message/send", tok, nil, map[string]any{"touser": u, "msgtype": "template_card", "agentid": AgentAll, "template_card": bad}), 42045)

	upd := map[string]any{"userids": []string{u}, "agentid": AgentAll, "response_code": code, "button": map[string]string{"replace_name": "已确认"}}
	wantCode(t, e.api("message/update_template_card", tok, nil, upd), 0)
	wantCode(t, e.api("message/update_template_card", tok, nil, upd), 40058) // single use
	m, _ := e.sim.Message(a.str("msgid"))
	if len(m.Updates) != 1 || m.Updates[0].UserIDs[0] != u {
		t.Fatalf("updates %+v", m.Updates)
	}
}
