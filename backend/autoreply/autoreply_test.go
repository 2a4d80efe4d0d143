package autoreply

import (
	"context"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom/wxcrypt"
)

// env is the service over a real SQLite file with one corp and two apps.
type env struct {
	ctx        context.Context
	svc        *Service
	corp       int64
	app, other int64
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	res, err := st.DB.Exec(`INSERT INTO corps(corp_key, name, corp_id) VALUES('k1', '星河科技', 'ww0123456789abcdef')`)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{ctx: ctx, svc: New(st)}
	e.corp, _ = res.LastInsertId()
	for i, agent := range []int64{1000002, 1000003} {
		res, err := st.DB.Exec(`INSERT INTO apps(corp_ref, name, agent_id) VALUES(?, ?, ?)`, e.corp, "app", agent)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		if i == 0 {
			e.app = id
		} else {
			e.other = id
		}
	}
	return e
}

func (e *env) save(t *testing.T, in RuleInput) Rule {
	t.Helper()
	if in.AppRef == 0 {
		in.AppRef = e.app
	}
	r, err := e.svc.Save(e.ctx, in)
	if err != nil {
		t.Fatalf("save %+v: %v", in, err)
	}
	return r
}

func code(err error) string {
	var ue *usererr.Error
	if errors.As(err, &ue) {
		return ue.Code
	}
	return ""
}

func TestMatchKinds(t *testing.T) {
	cases := []struct {
		match, keyword, text string
		want                 bool
	}{
		{MatchContains, "报销", "我想问一下报销流程", true},
		{MatchContains, "报销", "请假", false},
		{MatchPrefix, "帮助", "帮助 VPN", true},
		{MatchPrefix, "帮助", "我需要帮助", false},
		{MatchSuffix, "吗", "今天开会吗", true},
		{MatchSuffix, "吗", "吗今天开会", false},
		{MatchExact, "VPN", "  vpn ", true}, // trimmed, case-insensitive
		{MatchExact, "VPN", "VPN 账号", false},
		{MatchHosted, "", "随便什么", true},
		{MatchContains, "", "anything", false}, // an empty keyword never matches
	}
	for _, c := range cases {
		r := Rule{Action: ActionText, Match: c.match, Keyword: c.keyword, Enabled: true}
		if got := Matches(r, c.text); got != c.want {
			t.Errorf("%s %q on %q = %v, want %v", c.match, c.keyword, c.text, got, c.want)
		}
	}
}

func TestPickOrderPriorityThenID(t *testing.T) {
	e := newEnv(t)
	hosted := e.save(t, RuleInput{Name: "兜底", Match: MatchHosted, Reply: "已收到", Priority: 100, Enabled: true})
	first := e.save(t, RuleInput{Name: "报销A", Match: MatchContains, Keyword: "报销", Reply: "A", Priority: 10, Enabled: true})
	e.save(t, RuleInput{Name: "报销B", Match: MatchContains, Keyword: "报销", Reply: "B", Priority: 10, Enabled: true})
	e.save(t, RuleInput{Name: "高优先但关闭", Match: MatchContains, Keyword: "报销", Reply: "off", Priority: 1, Enabled: false})
	e.save(t, RuleInput{Name: "图片", Action: ActionImage, Reply: "图片已收到", Priority: 1, Enabled: true})
	if err := e.svc.SetSwitch(e.ctx, e.app, true); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		action, text, reply string
		rule                int64
	}{
		{ActionText, "报销怎么走", "A", first.ID}, // same priority: the older rule
		{ActionText, "hello", "已收到", hosted.ID},
		{ActionImage, "", "图片已收到", 0},
	}
	for _, c := range cases {
		r, ok, err := e.svc.Answer(e.ctx, e.app, c.action, c.text)
		if err != nil || !ok || r.Reply != c.reply || (c.rule != 0 && r.ID != c.rule) {
			t.Errorf("Answer(%s %q) = %+v %v %v, want reply %q", c.action, c.text, r, ok, err, c.reply)
		}
	}
	// Another app's rules do not answer this app's members.
	if _, ok, _ := e.svc.Answer(e.ctx, e.other, ActionText, "报销"); ok {
		t.Error("the other app (switch off, no rules) answered")
	}
	// Events and unknown message types are never answered.
	if _, ok, _ := e.svc.Answer(e.ctx, e.app, "voice", ""); ok {
		t.Error("a voice message was answered")
	}
}

func TestSwitchOffAnswersNothingButTryShowsTheRule(t *testing.T) {
	e := newEnv(t)
	e.save(t, RuleInput{Name: "帮助", Match: MatchExact, Keyword: "帮助", Reply: "请访问 <a href=\"https://it.example.com\">IT 门户</a>\n或拨打 8000", Priority: 5, Enabled: true})
	if _, ok, err := e.svc.Answer(e.ctx, e.app, ActionText, "帮助"); ok || err != nil {
		t.Fatalf("switch off (default) but answered: %v %v", ok, err)
	}
	res, err := e.svc.Try(e.ctx, e.app, ActionText, "帮助")
	if err != nil || !res.Hit || !res.SwitchOff || !strings.Contains(res.Reply, "\n") || res.Checked != 1 {
		t.Fatalf("Try = %+v %v", res, err)
	}
	if err := e.svc.SetSwitch(e.ctx, e.app, true); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := e.svc.Answer(e.ctx, e.app, ActionText, "帮助"); !ok {
		t.Fatal("switch on but not answered")
	}
	res, _ = e.svc.Try(e.ctx, e.app, ActionText, "别的")
	if res.Hit || res.SwitchOff {
		t.Fatalf("Try on a miss = %+v", res)
	}
}

func TestValidateLimits(t *testing.T) {
	e := newEnv(t)
	ok := RuleInput{Name: "r", Match: MatchContains, Keyword: "k", Reply: "r", Priority: 1, Enabled: true}
	cases := []struct {
		name string
		edit func(*RuleInput)
		code string
	}{
		{"keyword 51", func(in *RuleInput) { in.Keyword = strings.Repeat("关", 51) }, "autoreply_keyword_long"},
		{"keyword missing", func(in *RuleInput) { in.Keyword = " " }, "autoreply_keyword_missing"},
		{"keyword newline", func(in *RuleInput) { in.Keyword = "a\nb" }, "autoreply_keyword_control"},
		{"reply 1501", func(in *RuleInput) { in.Reply = strings.Repeat("回", 1501) }, "autoreply_reply_long"},
		{"reply empty", func(in *RuleInput) { in.Reply = "\n \n" }, "autoreply_reply_missing"},
		{"reply control", func(in *RuleInput) { in.Reply = "a\x00b" }, "autoreply_reply_control"},
		{"priority 0", func(in *RuleInput) { in.Priority = 0 }, "autoreply_priority"},
		{"priority 101", func(in *RuleInput) { in.Priority = 101 }, "autoreply_priority"},
		{"match", func(in *RuleInput) { in.Match = "regex" }, "autoreply_match"},
		{"action", func(in *RuleInput) { in.Action = "voice" }, "autoreply_action"},
		{"name", func(in *RuleInput) { in.Name = strings.Repeat("n", 65) }, "autoreply_name"},
		{"app", func(in *RuleInput) { in.AppRef = 999 }, "autoreply_app_not_found"},
	}
	for _, c := range cases {
		in := ok
		in.AppRef = e.app
		c.edit(&in)
		if _, err := e.svc.Save(e.ctx, in); code(err) != c.code {
			t.Errorf("%s: err %v, want %s", c.name, err, c.code)
		}
	}
	// The limits themselves are accepted: keyword 50, reply 1,500, priority 1 and 100.
	in := ok
	in.AppRef, in.Keyword, in.Reply, in.Priority = e.app, strings.Repeat("关", 50), strings.Repeat("回", 1500), 100
	if _, err := e.svc.Save(e.ctx, in); err != nil {
		t.Fatalf("at the limits: %v", err)
	}
	// Hosted and image rules keep no keyword; CRLF becomes LF.
	r := e.save(t, RuleInput{Name: "h", Match: MatchHosted, Keyword: "ignored", Reply: "a\r\nb", Priority: 3})
	if r.Keyword != "" || r.Reply != "a\nb" {
		t.Fatalf("hosted rule saved as %+v", r)
	}
	img := e.save(t, RuleInput{Name: "i", Action: ActionImage, Match: MatchExact, Keyword: "x", Reply: "pic", Priority: 3})
	if img.Match != MatchHosted || img.Keyword != "" {
		t.Fatalf("image rule saved as %+v", img)
	}
}

func TestListFiltersAndBatchDelete(t *testing.T) {
	e := newEnv(t)
	a := e.save(t, RuleInput{Name: "报销", Match: MatchContains, Keyword: "报销", Reply: "见 OA", Priority: 1, Enabled: true})
	b := e.save(t, RuleInput{Name: "请假", Match: MatchContains, Keyword: "请假", Reply: "见 HR", Priority: 2})
	c := e.save(t, RuleInput{AppRef: e.other, Name: "100%_x", Match: MatchHosted, Reply: "x", Priority: 2, Enabled: true})
	count := func(f Filter) int {
		f.CorpRef = e.corp
		l, err := e.svc.List(e.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return len(l)
	}
	if n := count(Filter{}); n != 3 {
		t.Fatalf("all: %d", n)
	}
	if n := count(Filter{AppRef: e.app}); n != 2 {
		t.Fatalf("app: %d", n)
	}
	if n := count(Filter{State: "enabled"}); n != 2 {
		t.Fatalf("enabled: %d", n)
	}
	if n := count(Filter{Search: "HR"}); n != 1 {
		t.Fatalf("search reply: %d", n)
	}
	if n := count(Filter{Search: "%"}); n != 1 { // a literal %, not a wildcard
		t.Fatalf("search %%: %d", n)
	}
	if _, err := e.svc.Delete(e.ctx, nil); code(err) != "autoreply_delete_none" {
		t.Fatalf("empty delete: %v", err)
	}
	if n, err := e.svc.Delete(e.ctx, []int64{a.ID, c.ID}); err != nil || n != 2 {
		t.Fatalf("delete: %d %v", n, err)
	}
	if l, _ := e.svc.List(e.ctx, Filter{CorpRef: e.corp}); len(l) != 1 || l[0].ID != b.ID {
		t.Fatalf("left: %+v", l)
	}
	if _, err := e.svc.Save(e.ctx, RuleInput{ID: a.ID, AppRef: e.app, Name: "x", Match: MatchHosted, Reply: "y", Priority: 1}); code(err) != "autoreply_rule_not_found" {
		t.Fatalf("update deleted: %v", err)
	}
	sw, err := e.svc.Switches(e.ctx, e.corp)
	if err != nil || len(sw) != 2 || sw[0].Rules != 1 || sw[0].Active != 0 || sw[0].Enabled {
		t.Fatalf("switches: %+v %v", sw, err)
	}
}

// The passive reply decrypts back to the plaintext WeCom expects, with the
// member as ToUserName, and a "]]>" in the reply cannot break the XML.
func TestPassiveReplyDecryptsBack(t *testing.T) {
	const token, key, corpID = "QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7"
	content := "请看 <a href=\"https://it.example.com\">门户</a>\n第二行 ]]> 结束"
	now := time.Unix(1409659813, 0)
	env, err := Seal(token, key, corpID, TextReply("zhangsan", corpID, content, now), now)
	if err != nil {
		t.Fatal(err)
	}
	var envelope struct {
		Encrypt, MsgSignature, TimeStamp, Nonce string
	}
	if err := xml.Unmarshal(env, &envelope); err != nil {
		t.Fatal(err)
	}
	if envelope.TimeStamp != "1409659813" || envelope.Nonce == "" {
		t.Fatalf("envelope %+v", envelope)
	}
	c, _ := wxcrypt.New(token, key, corpID)
	body := []byte("<xml><Encrypt><![CDATA[" + envelope.Encrypt + "]]></Encrypt></xml>")
	plain, err := c.Decrypt(envelope.MsgSignature, envelope.TimeStamp, envelope.Nonce, body)
	if err != nil {
		t.Fatalf("decrypt own reply: %v", err)
	}
	var got struct {
		ToUserName, FromUserName, MsgType, Content string
		CreateTime                                 int64
	}
	if err := xml.Unmarshal(plain, &got); err != nil {
		t.Fatal(err)
	}
	if got.ToUserName != "zhangsan" || got.FromUserName != corpID || got.MsgType != "text" || got.Content != content || got.CreateTime != now.Unix() {
		t.Fatalf("reply decrypted to %+v", got)
	}
	if _, err := c.Decrypt(envelope.MsgSignature+"0", envelope.TimeStamp, envelope.Nonce, body); err == nil {
		t.Fatal("a wrong signature decrypted")
	}
}
