package push

import (
	"strings"
	"testing"
	"unicode/utf8"

	"wecom-bridge/backend/wecom/wecomsim"
)

func TestTruncateOnUTF8Boundary(t *testing.T) {
	s := strings.Repeat("审", 50) // 150 bytes
	got, cut := truncate(s, limitCardTitle)
	if !cut || len(got) > 128 || !utf8.ValidString(got) || !strings.HasSuffix(got, "…") {
		t.Errorf("truncate = %q (%d bytes), cut %v", got, len(got), cut)
	}
	if got != strings.Repeat("审", 41)+"…" { // 41*3 + 3 = 126 bytes: a 42nd 审 would not fit
		t.Errorf("truncate kept %d characters", utf8.RuneCountInString(got))
	}
	if got, cut := truncate("查看详情页", limitBtnTxt); !cut || got != "查看详…" {
		t.Errorf("btntxt = %q", got)
	}
	if got, cut := truncate("详情", limitBtnTxt); cut || got != "详情" {
		t.Errorf("short btntxt = %q, %v", got, cut)
	}
}

// TestRenderTruncatesAndFlags: a template that pushes a field over its
// limit is cut with "…" and the field is listed; the delivery is flagged in
// the log and WeCom accepts the message.
func TestRenderTruncatesAndFlags(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeTextCard, func(t *Target) {
		t.Title = "【{{source}}】{{title}}{{title}}"
		t.Content = "{{content}}"
		t.Button = "{{btntxt}}详情页"
	})
	to := e.activeUserIDs(1)
	id := e.submit(Input{Source: "oa", Title: strings.Repeat("长", 40), Content: strings.Repeat("内容", 300),
		URL: "https://x.example/1", BtnTxt: "打开", To: To{UserIDs: to}})
	e.start()
	m := e.waitDone(id)
	d := m.Deliveries[0]
	if m.Status != StatusSent || !d.Truncated || strings.Join(d.TruncatedFields, ",") != "title,content,btntxt" {
		t.Fatalf("delivery = %+v, want sent and flagged title,content,btntxt", d)
	}
	if len(d.Title) > 128 || !strings.HasSuffix(d.Title, "…") {
		t.Errorf("title %q (%d bytes)", d.Title, len(d.Title))
	}
	sent, _ := e.sim.Message(d.MsgIDs[0])
	if !strings.Contains(string(sent.Body), `"btntxt":"打开详…"`) {
		t.Errorf("sent %s", sent.Body)
	}
	page, _ := e.svc.ListLogs(e.ctx, Query{})
	if !page.Rows[0].Truncated {
		t.Error("log row not flagged")
	}
}

func TestRenderTypes(t *testing.T) {
	in := Input{Source: "oa", Title: "周报", Content: "本周完成 3 项", URL: "https://x.example/w", ImageURL: "https://x.example/p.png",
		BtnTxt: "查看", MsgType: TypeTextCard, Data: map[string]string{"owner": "张三"}}
	cases := []struct {
		target Target
		check  func(r rendered) bool
	}{
		{Target{AgentID: 1, MsgType: TypeText}, func(r rendered) bool { return r.msg.Text.Content == "周报\n本周完成 3 项" }},
		{Target{AgentID: 1, MsgType: TypeMarkdown, Content: "**{{title}}** by {{owner}}"}, func(r rendered) bool { return r.msg.Markdown.Content == "**周报** by 张三" }},
		{Target{AgentID: 1, MsgType: TypeNews}, func(r rendered) bool {
			a := r.msg.News.Articles
			return len(a) == 1 && a[0].PicURL == in.ImageURL && a[0].URL == in.URL
		}},
		{Target{AgentID: 1, MsgType: TypeTemplateCard}, func(r rendered) bool {
			c := r.msg.TemplateCard
			return c.CardType == "text_notice" && c.MainTitle.Title == "周报" && c.CardAction.URL == in.URL && c.JumpList[0].Title == "查看"
		}},
		{Target{AgentID: 1, MsgType: TypeAuto}, func(r rendered) bool { return r.msg.TextCard != nil && r.msg.TextCard.BtnTxt == "查看" }},
		{Target{AgentID: 1, MsgType: TypeTextCard, Content: "{{missing}}"}, func(r rendered) bool { return r.msg.TextCard.Description == "来自 oa" }},
	}
	for i, c := range cases {
		r, err := render(c.target, in)
		if err != nil || !c.check(r) || r.msg.MsgType != resolveType(c.target, in) || r.msg.AgentID != 1 {
			t.Errorf("case %d (%s): %+v, %v", i, c.target.MsgType, r.msg, err)
		}
	}
	if _, err := render(Target{AgentID: 1, MsgType: TypeTextCard}, Input{Source: "oa", Title: "t"}); err == nil || !strings.Contains(err.Error(), "url") {
		t.Errorf("textcard without url: %v, want an error naming url", err)
	}
}

// TestRuleValidationOnSave: each bad rule is refused naming the field.
func TestRuleValidationOnSave(t *testing.T) {
	e := newEnv(t, envConfig{})
	good := func() Rule {
		return Rule{Name: "r", Source: "oa", Enabled: true, Targets: []Target{{CorpID: e.corpID, AgentID: wecomsim.AgentAll, MsgType: TypeTextCard}}}
	}
	cases := []struct {
		field  string
		mutate func(*Rule)
	}{
		{"source", func(r *Rule) { r.Source = " " }},
		{"targets", func(r *Rule) { r.Targets = nil }},
		{"targets[0].msgtype", func(r *Rule) { r.Targets[0].MsgType = "voice" }},
		{"targets[0].agent_id", func(r *Rule) { r.Targets[0].AgentID = 0 }},
		{"targets[0].agent_id", func(r *Rule) { r.Targets[0].AgentID = 999 }},
		{"targets[0].corp_id", func(r *Rule) { r.Targets[0].CorpID = 77 }},
		{"targets[0].title", func(r *Rule) { r.Targets[0].Title = "{{title" }},
		{"targets[0].title", func(r *Rule) { r.Targets[0].Title = "{{ti-tle}}" }},
		{"targets[0].title", func(r *Rule) { r.Targets[0].Title = strings.Repeat("固定", 30) + "{{title}}" }},
		{"targets[0].button", func(r *Rule) { r.Targets[0].Button = "点击查看详情" }},
		{"targets[0].url", func(r *Rule) { r.Targets[0].URL = "ftp://x/{{url}}" }},
	}
	for _, c := range cases {
		r := good()
		c.mutate(&r)
		_, err := e.svc.CreateRule(e.ctx, r)
		ve, ok := err.(*ValidationError)
		if !ok || ve.Field != c.field {
			t.Errorf("%s: err = %v, want a validation error on %s", c.field, err, c.field)
		}
	}
	saved, err := e.svc.CreateRule(e.ctx, good())
	if err != nil || saved.ID == 0 || len(saved.Targets) != 1 {
		t.Fatalf("good rule: %+v, %v", saved, err)
	}
	saved.Source = "全部"
	saved.Targets = append(saved.Targets, Target{CorpID: e.corpID, AgentID: wecomsim.AgentScoped, MsgType: TypeMarkdown})
	upd, err := e.svc.UpdateRule(e.ctx, saved)
	if err != nil || upd.Source != AllSources || len(upd.Targets) != 2 {
		t.Fatalf("update = %+v, %v", upd, err)
	}
	if err := e.svc.SetRuleEnabled(e.ctx, upd.ID, false); err != nil {
		t.Fatal(err)
	}
	if rules, _ := e.svc.ListRules(e.ctx); len(rules) != 1 || rules[0].Enabled {
		t.Errorf("rules = %+v", rules)
	}
	if err := e.svc.DeleteRule(e.ctx, upd.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	e.st.DB.Get(&n, `SELECT COUNT(*) FROM push_targets`)
	if n != 0 {
		t.Errorf("%d targets left after delete", n)
	}
}

func TestPreviewRule(t *testing.T) {
	e := newEnv(t, envConfig{})
	rule := Rule{Source: "日报", Targets: []Target{
		{MsgType: TypeTextCard, Title: "{{source}}：{{title}}"},
		{MsgType: TypeTemplateCard, Title: strings.Repeat("长", 34) + "{{title}}"},
		{MsgType: TypeTextCard, URL: "{{nothing}}"},
	}}
	p := e.svc.PreviewRule(rule, Input{Title: "今日工作"})
	if len(p) != 3 || p[0].Title != "日报：今日工作" || p[0].Message.TextCard.URL == "" || p[0].Error != "" {
		t.Fatalf("preview[0] = %+v", p[0])
	}
	if len(p[1].Truncated) != 1 || p[1].Truncated[0] != "title" || utf8.RuneCountInString(p[1].Title) != 36 {
		t.Errorf("preview[1] = %+v, want the title cut to 36 characters", p[1])
	}
	if p[2].Error == "" || p[2].Message != nil {
		t.Errorf("preview[2] = %+v, want an error (no url)", p[2])
	}
}
