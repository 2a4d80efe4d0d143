package syncer

import (
	"errors"
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
)

// Whether a plan may be applied is a result with a code, never a text to match.
func TestAdmissionOutcomesAreResults(t *testing.T) {
	s := &Service{}
	base := func() *Plan {
		return &Plan{ID: 7, Direction: ToWeCom, Status: PlanPreview, Summary: Summary{Counts: map[OpType]int{OpCreateUser: 3}, Removals: 4}}
	}
	cases := []struct {
		name    string
		edit    func(*Plan)
		confirm Confirm
		in      *Inputs
		outcome string
		code    string
	}{
		{"ready", func(*Plan) {}, Confirm{NoConfirm, NoConfirm}, nil, OutcomeStarted, ""},
		{"applied", func(p *Plan) { p.RunID = 3 }, Confirm{}, nil, OutcomeApplied, "plan_applied"},
		{"stopped", func(p *Plan) {
			p.Status, p.Stop = PlanStopped, &StopError{usererr.Msg("root_name_mismatch", usererr.Args{"local": "总部", "root": "企业"})}
		}, Confirm{}, nil, OutcomeStopped, "plan_stopped"},
		{"superseded", func(p *Plan) { p.Status = PlanSuperseded }, Confirm{}, nil, OutcomeStale, "stale_plan"},
		{"hard blocked", func(p *Plan) { p.HardBlocked = true }, Confirm{}, nil, OutcomeBlocked, "plan_hard_blocked"},
		{"removals", func(p *Plan) { p.ConfirmRemovals = true }, Confirm{NoConfirm, NoConfirm}, nil, OutcomeNeedsConfirmation, "plan_needs_removals"},
		{"removals typed", func(p *Plan) { p.ConfirmRemovals = true }, Confirm{4, NoConfirm}, nil, OutcomeStarted, ""},
		{"creates", func(p *Plan) { p.ConfirmCreates = true }, Confirm{NoConfirm, 2}, nil, OutcomeNeedsConfirmation, "plan_needs_creates"},
		{"both", func(p *Plan) { p.ConfirmRemovals, p.ConfirmCreates = true, true }, Confirm{NoConfirm, NoConfirm}, nil, OutcomeNeedsConfirmation, "plan_needs_both"},
		{"inputs changed", func(p *Plan) { p.Fingerprint = "before" }, Confirm{NoConfirm, NoConfirm}, &Inputs{}, OutcomeStale, "stale_plan"},
	}
	for _, c := range cases {
		p := base()
		c.edit(p)
		a := s.Admit(p, c.in, c.confirm)
		if a.Outcome != c.outcome {
			t.Errorf("%s: outcome %q, want %q", c.name, a.Outcome, c.outcome)
			continue
		}
		if c.code == "" {
			if a.Message != nil {
				t.Errorf("%s: a started admission has a message %+v", c.name, a.Message)
			}
			continue
		}
		if a.Message == nil || a.Message.Code != c.code || !usererr.Known(c.code) || a.Message.ZH == "" || a.Message.EN == "" {
			t.Errorf("%s: message %+v, want code %s", c.name, a.Message, c.code)
		}
	}
	p := base()
	p.ConfirmRemovals, p.ConfirmCreates = true, true
	a := s.Admit(p, nil, Confirm{NoConfirm, NoConfirm})
	if a.ConfirmRemovals != 4 || a.ConfirmCreates != 3 || !strings.Contains(a.Message.ZH, "移除数量 4") || !strings.Contains(a.Message.EN, "its 3 creates") {
		t.Fatalf("the numbers to type: %+v", a)
	}
	// Apply's callers (CLI, scheduler) still get an error they can test, with the flags to confirm with.
	if err := admissionError(a); !errors.Is(err, ErrBlocked) || !strings.Contains(err.Error(), "--confirm 4 --confirm-creates 3") || !usererr.Is(err, "plan_needs_both") {
		t.Fatalf("admission error %v", err)
	}
}
