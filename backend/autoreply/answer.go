package autoreply

import (
	"context"
	"unicode/utf8"

	"wecom-bridge/backend/usererr"
)

// rulesOf returns the app's rules in matching order.
func (s *Service) rulesOf(ctx context.Context, appRef int64) ([]Rule, error) {
	corpRef, err := s.appOf(ctx, appRef)
	if err != nil {
		return nil, err
	}
	return s.List(ctx, Filter{CorpRef: corpRef, AppRef: appRef})
}

// Try shows which rule a sample message would hit and its reply, and
// whether the app's switch would let it be sent.
func (s *Service) Try(ctx context.Context, appRef int64, action, text string) (TryResult, error) {
	if n := utf8.RuneCountInString(text); n > MaxTryText {
		return TryResult{}, usererr.New("autoreply_try_long", usererr.Args{"n": n, "max": MaxTryText})
	}
	if action != ActionImage {
		action = ActionText
	}
	rules, err := s.rulesOf(ctx, appRef)
	if err != nil {
		return TryResult{}, err
	}
	on, err := s.switchOn(ctx, appRef)
	if err != nil {
		return TryResult{}, err
	}
	res := TryResult{SwitchOff: !on}
	for _, r := range rules {
		if r.Enabled && r.Action == action {
			res.Checked++
		}
	}
	if r, ok := Pick(rules, action, text); ok {
		res.Hit, res.Rule, res.Reply = true, &r, r.Reply
	}
	return res, nil
}

// Answer picks the reply for a message member sent to app appRef: ok false
// when the app's switch is off or no enabled rule matches. action is the
// message's MsgType (text or image; anything else never matches).
func (s *Service) Answer(ctx context.Context, appRef int64, action, text string) (Rule, bool, error) {
	if action != ActionText && action != ActionImage {
		return Rule{}, false, nil
	}
	on, err := s.switchOn(ctx, appRef)
	if err != nil || !on {
		return Rule{}, false, err
	}
	rules, err := s.rulesOf(ctx, appRef)
	if err != nil {
		return Rule{}, false, err
	}
	r, ok := Pick(rules, action, text)
	return r, ok, nil
}
