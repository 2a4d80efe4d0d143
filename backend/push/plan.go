package push

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/wecom"
)

// WeCom's per-call recipient limits of message/send.
const (
	maxUsersPerCall   = 1000
	maxPartiesPerCall = 100
)

// Recipient states in push_recipients.
const (
	recipOK         = "ok"
	recipUnbound    = "unbound" // an account without a confirmed binding (未绑定)
	recipUnknown    = "unknown" // a department path WeCom does not have
	recipInvalid    = "invalid" // WeCom's invaliduser / invalidparty
	recipUnlicensed = "unlicensed"
	recipNotSent    = "not_sent" // no rule matched
)

// queuedMessage is a push_messages row being worked on.
type queuedMessage struct {
	ID         int64  `db:"id"`
	Source     string `db:"source"`
	Payload    string `db:"payload"`
	State      string `db:"state"`
	Attempts   int    `db:"attempts"`
	NotBefore  int64  `db:"not_before"`
	TestRuleID *int64 `db:"test_rule_id"`
	APIKeyID   int64  `db:"api_key_id"` // 0: from inside the app
	CreatedAt  int64  `db:"created_at"`
	input      Input
}

type recipientRow struct {
	kind, name, userid, state string
}

type chunkPlan struct {
	users, parties []string
}

// deliveryPlan is one message × target, or the single no_rule row.
type deliveryPlan struct {
	ruleID, targetID *int64
	ruleName         string
	corpID, agentID  int64
	msgType, title   string
	body             string // rendered wecom.Message JSON without recipients
	status           string
	errcode          int
	errText, fix     usererr.Message
	truncated        []string
	recipients       []recipientRow
	unbound          []string
	chunks           []chunkPlan
}

// resolution is a message's recipients in one corp.
type resolution struct {
	users   []string
	parties []string
	rows    []recipientRow
	unbound []string // accounts without a binding, unknown departments
}

// plan turns a queued message into its deliveries: the rules for its source
// (or the rule of a test send), one rendered message per target, recipients
// resolved per corp and cut into chunks. A lookup error is returned for a retry.
func (s *Service) plan(ctx context.Context, m *queuedMessage) ([]deliveryPlan, error) {
	var rules []Rule
	if m.TestRuleID != nil {
		r, err := s.GetRule(ctx, *m.TestRuleID)
		if err != nil {
			return nil, err
		}
		rules = []Rule{r}
	} else {
		var err error
		if rules, err = s.rulesFor(ctx, m.Source); err != nil {
			return nil, err
		}
	}
	key, err := s.messageKeyCorp(ctx, m)
	if err != nil {
		return nil, err
	}
	var out []deliveryPlan
	resolved := map[int64]*resolution{}
	for _, rule := range rules {
		for _, t := range rule.Targets {
			if p, refused, err := key.refuses(ctx, s, rule, t, m.input); err != nil || refused {
				if err != nil {
					return nil, err
				}
				out = append(out, p)
				continue
			}
			res := resolved[t.CorpID]
			if res == nil {
				var err error
				if res, err = s.resolve(ctx, t.CorpID, m); err != nil {
					return nil, err
				}
				resolved[t.CorpID] = res
			}
			out = append(out, s.planTarget(rule, t, m.input, res))
		}
	}
	if len(out) == 0 {
		out = append(out, noRulePlan(m.input))
	}
	return out, nil
}

func noRulePlan(in Input) deliveryPlan {
	p := deliveryPlan{status: StatusNoRule, msgType: in.MsgType, title: in.Title,
		errText: usererr.Msg("push_no_rule", usererr.Args{"source": in.Source}),
		fix:     usererr.Msg("push_fix_add_rule", nil)}
	for _, a := range in.To.Accounts {
		p.recipients = append(p.recipients, recipientRow{"account", a, "", recipNotSent})
	}
	for _, u := range in.To.UserIDs {
		p.recipients = append(p.recipients, recipientRow{"userid", u, u, recipNotSent})
	}
	for _, d := range in.To.Departments {
		p.recipients = append(p.recipients, recipientRow{"department", d, "", recipNotSent})
	}
	return p
}

// resolve maps the message's names to WeCom ids of corpID. A test send goes
// to the admin's own bound account only.
func (s *Service) resolve(ctx context.Context, corpID int64, m *queuedMessage) (*resolution, error) {
	res := &resolution{}
	seen := map[string]bool{}
	addUser := func(uid string) {
		if k := strings.ToLower(uid); !seen[k] {
			seen[k] = true
			res.users = append(res.users, uid)
		}
	}
	if m.TestRuleID != nil {
		uid, err := s.recipients.AdminUserID(ctx, corpID)
		if err != nil {
			return nil, fmt.Errorf("find the admin's bound account in corp %d: %w", corpID, err)
		}
		if uid == "" {
			res.unbound = append(res.unbound, "(admin)")
			res.rows = append(res.rows, recipientRow{"account", "(admin)", "", recipUnbound})
			return res, nil
		}
		addUser(uid)
		res.rows = append(res.rows, recipientRow{"userid", uid, uid, recipOK})
		return res, nil
	}
	in := m.input
	if len(in.To.Accounts) > 0 {
		ids, err := s.recipients.UserIDs(ctx, corpID, in.To.Accounts)
		if err != nil {
			return nil, fmt.Errorf("map accounts to userids in corp %d: %w", corpID, err)
		}
		for _, a := range in.To.Accounts {
			if uid := ids[a]; uid != "" {
				addUser(uid)
				res.rows = append(res.rows, recipientRow{"account", a, uid, recipOK})
			} else {
				res.unbound = append(res.unbound, a)
				res.rows = append(res.rows, recipientRow{"account", a, "", recipUnbound})
			}
		}
	}
	for _, u := range in.To.UserIDs {
		addUser(u)
		res.rows = append(res.rows, recipientRow{"userid", u, u, recipOK})
	}
	if len(in.To.Departments) > 0 {
		ids, err := s.recipients.DepartmentIDs(ctx, corpID, in.To.Departments)
		if err != nil {
			return nil, fmt.Errorf("map departments to ids in corp %d: %w", corpID, err)
		}
		seenParty := map[int64]bool{}
		for _, d := range in.To.Departments {
			id, ok := ids[d]
			if !ok || id <= 0 {
				res.unbound = append(res.unbound, d)
				res.rows = append(res.rows, recipientRow{"department", d, "", recipUnknown})
				continue
			}
			res.rows = append(res.rows, recipientRow{"department", d, strconv.FormatInt(id, 10), recipOK})
			if !seenParty[id] {
				seenParty[id] = true
				res.parties = append(res.parties, strconv.FormatInt(id, 10))
			}
		}
	}
	return res, nil
}

// planTarget renders the message for one target and cuts its recipients
// into chunks of ≤1000 users and ≤100 departments.
func (s *Service) planTarget(rule Rule, t Target, in Input, res *resolution) deliveryPlan {
	ruleID, targetID := rule.ID, t.ID
	p := deliveryPlan{ruleID: &ruleID, targetID: &targetID, ruleName: rule.Name, corpID: t.CorpID, agentID: t.AgentID,
		msgType: resolveType(t, in), title: in.Title, status: StatusQueued, recipients: res.rows, unbound: res.unbound}
	r, err := render(t, in)
	if err != nil {
		p.status, p.errText = StatusFailed, usererr.Msg("push_render_failed", usererr.Args{"error": err.Error()})
		p.fix = usererr.Msg("push_fix_url", nil)
		return p
	}
	p.title, p.truncated = r.title, r.truncated
	r.msg.EnableDuplicateCheck, r.msg.DuplicateCheckInterval = 1, s.dupInterval
	body, _ := json.Marshal(r.msg)
	p.body = string(body)
	if len(res.users) == 0 && len(res.parties) == 0 {
		p.status = StatusFailed
		p.errText = usererr.Msg("push_none_resolved", usererr.Args{"n": len(res.unbound)})
		p.fix = usererr.Msg("push_fix_bind_or_userids", nil)
		return p
	}
	n := max((len(res.users)+maxUsersPerCall-1)/maxUsersPerCall, (len(res.parties)+maxPartiesPerCall-1)/maxPartiesPerCall)
	for i := range n {
		p.chunks = append(p.chunks, chunkPlan{users: window(res.users, i, maxUsersPerCall), parties: window(res.parties, i, maxPartiesPerCall)})
	}
	return p
}

// window is the i-th slice of size n of ids (empty past the end).
func window(ids []string, i, n int) []string {
	lo := i * n
	if lo >= len(ids) {
		return nil
	}
	return ids[lo:min(lo+n, len(ids))]
}

// chunkMessage is the chunk's message/send body: the delivery's rendered
// message with the chunk's recipients, byte for byte the same on a resend.
func chunkMessage(body, touser, toparty string) (wecom.Message, error) {
	var m wecom.Message
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		return m, fmt.Errorf("stored message is damaged: %w", err)
	}
	m.ToUser, m.ToParty = touser, toparty
	return m, nil
}
