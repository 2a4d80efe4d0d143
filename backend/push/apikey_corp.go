package push

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"wecom-bridge/backend/usererr"
)

// An API key pushes into one corp (push_api_keys.corp_id, migration 0027).
// The intake refuses a message whose rules send only into other corps
// (403 wrong_corp), and the worker plans a delivery into any other corp as
// failed, never sent: a rule changed after the message was accepted cannot
// carry a key's messages into a corp it was not made for.

// checkKeyCorp refuses, at accept, a message from a key whose source's
// enabled rules have targets and none of them in the key's corp. A message
// no rule takes is accepted (its log row says no_rule, as before).
func (s *Service) checkKeyCorp(ctx context.Context, c caller, source string) (*ValidationError, error) {
	if c.inApp {
		return nil, nil
	}
	rules, err := s.rulesFor(ctx, source)
	if err != nil {
		return nil, err
	}
	var others []int64
	for _, r := range rules {
		for _, t := range r.Targets {
			if t.CorpID == c.corpID {
				return nil, nil
			}
			if !slices.Contains(others, t.CorpID) {
				others = append(others, t.CorpID)
			}
		}
	}
	if len(others) == 0 {
		return nil, nil
	}
	names, err := s.corpNames(ctx, others)
	if err != nil {
		return nil, err
	}
	m := usererr.Msg("push_key_wrong_corp", usererr.Args{"key": c.name, "keyCorp": c.corpName, "corp": names, "source": source})
	return &ValidationError{Code: "wrong_corp", Field: "source", Message: m.EN, Detail: &m, status: http.StatusForbidden}, nil
}

// corpNames names corps ids for a message ("星河科技 / 云帆"), in id order.
func (s *Service) corpNames(ctx context.Context, ids []int64) (string, error) {
	slices.Sort(ids)
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		var name string
		err := s.get(ctx, nil, &name, `SELECT name FROM corps WHERE id = ?`, id)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return "", err
		}
		names = append(names, name)
	}
	return strings.Join(names, " / "), nil
}

// keyCorp is the corp a queued message's API key pushes into, read when
// the message is planned (not from the intake's cache).
type keyCorp struct {
	keyName  string
	corpID   int64 // 0: the key's corp was deleted (or it never had one)
	corpName string
}

// messageKeyCorp returns the corp of the key that sent m; nil for a message
// from inside the app (Submit, a test send), which may go anywhere.
func (s *Service) messageKeyCorp(ctx context.Context, m *queuedMessage) (*keyCorp, error) {
	if m.APIKeyID == 0 {
		return nil, nil
	}
	var r keyRecord
	err := s.get(ctx, nil, &r, selectKeys+`WHERE k.id = ?`, m.APIKeyID)
	if errors.Is(err, sql.ErrNoRows) {
		return &keyCorp{keyName: "#" + strconv.FormatInt(m.APIKeyID, 10)}, nil
	}
	if err != nil {
		return nil, err
	}
	return &keyCorp{keyName: r.Name, corpID: r.CorpID, corpName: r.CorpName}, nil
}

// refuses returns the failed delivery for target t when the key may not
// push into its corp, with why and what to do; ok is false when it may.
func (k *keyCorp) refuses(ctx context.Context, s *Service, rule Rule, t Target, in Input) (deliveryPlan, bool, error) {
	if k == nil || (k.corpID != 0 && k.corpID == t.CorpID) {
		return deliveryPlan{}, false, nil
	}
	corp, err := s.corpNames(ctx, []int64{t.CorpID})
	if err != nil {
		return deliveryPlan{}, false, err
	}
	p := noRulePlan(in)
	ruleID, targetID := rule.ID, t.ID
	p.ruleID, p.targetID, p.ruleName, p.corpID, p.agentID = &ruleID, &targetID, rule.Name, t.CorpID, t.AgentID
	p.msgType, p.status = resolveType(t, in), StatusFailed
	if k.corpID == 0 {
		p.errText = usererr.Msg("push_key_corp_gone_delivery", usererr.Args{"key": k.keyName})
	} else {
		p.errText = usererr.Msg("push_key_wrong_corp_delivery", usererr.Args{"key": k.keyName, "keyCorp": k.corpName, "corp": corp})
	}
	p.fix = usererr.Msg("push_fix_key_corp", usererr.Args{"corp": corp})
	return p, true, nil
}
