package push

import (
	"context"
	"encoding/json"
	"fmt"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/wecom"
)

// Preview is one target's rendered message, for the UI's live card preview.
type Preview struct {
	Target    int            `json:"target"` // index in rule.Targets
	MsgType   string         `json:"msgtype"`
	Title     string         `json:"title"`
	Message   *wecom.Message `json:"message,omitempty"` // message/send body without recipients
	Truncated []string       `json:"truncated"`
	Error     string         `json:"error,omitempty"`
}

// SampleInput is the message PreviewRule uses for fields the sample leaves empty.
func SampleInput(source string) Input {
	if source == "" || source == AllSources {
		source = "oa"
	}
	return Input{Source: source, Title: "【示例】报销单已审批通过", Content: "张三提交的差旅报销 ¥1,280.00 已通过审批，请查收。",
		URL: "https://example.com/approval/1024", BtnTxt: "详情", MsgType: TypeTextCard}
}

// PreviewRule renders each of rule's targets with sample, as the worker
// would; empty sample fields are filled from SampleInput. The rule need not
// be saved: the editor previews while the admin types.
func (s *Service) PreviewRule(rule Rule, sample Input) []Preview {
	def := SampleInput(rule.Source)
	fill := func(v *string, d string) {
		if *v == "" {
			*v = d
		}
	}
	fill(&sample.Source, def.Source)
	fill(&sample.Title, def.Title)
	fill(&sample.Content, def.Content)
	fill(&sample.URL, def.URL)
	fill(&sample.BtnTxt, def.BtnTxt)
	fill(&sample.MsgType, def.MsgType)
	rule.normalize()
	out := make([]Preview, len(rule.Targets))
	for i, t := range rule.Targets {
		p := Preview{Target: i, MsgType: resolveType(t, sample)}
		for _, tpl := range []string{t.Title, t.Content, t.URL, t.Button, t.Image} {
			if _, err := parseTemplate(tpl); err != nil {
				p.Error = err.Error()
			}
		}
		if p.Error == "" {
			r, err := render(t, sample)
			if err != nil {
				p.Error = err.Error()
			} else {
				p.Title, p.Truncated = r.title, r.truncated
				p.Message = &r.msg
			}
		}
		out[i] = p
	}
	return out
}

// SendTest sends a sample through each target of rule ruleID (enabled or
// not) to the admin's own bound account in the target's corp, and returns
// the resulting log rows. The sample's title carries the time, so WeCom's
// duplicate check never swallows a second test.
func (s *Service) SendTest(ctx context.Context, ruleID int64) ([]LogRow, error) {
	rule, err := s.GetRule(ctx, ruleID)
	if err != nil {
		return nil, err
	}
	in := SampleInput(rule.Source)
	in.Title = fmt.Sprintf("【测试】%s %s", rule.Name, s.now().In(s.location()).Format("15:04:05"))
	in.Content = usererr.Msg("push_test_content", nil).ZH // WeCom members read Chinese; the title says 【测试】 too
	if rule.Source == AllSources {
		in.Source = "test"
	} else {
		in.Source = rule.Source
	}
	id, err := s.queueTest(ctx, in, ruleID)
	if err != nil {
		return nil, err
	}
	func() {
		defer s.inflight.remove(id)
		s.process(ctx, id)
	}()
	m, err := s.Message(ctx, id)
	return m.Deliveries, err
}

// queueTest commits the test message already claimed as in flight, so the
// worker never takes it as well; the caller removes the claim.
func (s *Service) queueTest(ctx context.Context, in Input, ruleID int64) (int64, error) {
	payload, _ := json.Marshal(in)
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return 0, err
	}
	defer done()
	res, err := tx.ExecContext(ctx, `INSERT INTO push_messages(source, payload, state, test_rule_id, created_at) VALUES(?,?,?,?,?)`,
		in.Source, string(payload), stateQueued, ruleID, ms(s.now()))
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	s.inflight.add(id)
	if err := tx.Commit(); err != nil {
		s.inflight.remove(id)
		return 0, err
	}
	return id, nil
}
