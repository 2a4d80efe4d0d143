package syncer

import (
	"fmt"
	"strings"

	"wecom-bridge/backend/usererr"
)

// What asking to apply a plan comes to, before anything runs. These are
// results, not errors: the UI shows each one as a state of the page.
const (
	OutcomeStarted           = "started"            // the apply runs (or may run)
	OutcomeStale             = "stale"              // the inputs changed since the preview: preview again
	OutcomeBlocked           = "blocked"            // hard-blocked: this plan never applies
	OutcomeNeedsConfirmation = "needs_confirmation" // type the number of removals and/or creates
	OutcomeStopped           = "stopped"            // the plan stopped: nothing to apply
	OutcomeApplied           = "applied"            // already applied: resume that run
)

// Admission is whether a plan may be applied now, and if not why (Message)
// and what would let it (the numbers to confirm, the run to resume).
type Admission struct {
	Outcome         string           `json:"outcome"`
	Message         *usererr.Message `json:"message,omitempty"`
	ConfirmRemovals int              `json:"confirmRemovals,omitempty"`
	ConfirmCreates  int              `json:"confirmCreates,omitempty"`
	RunID           int64            `json:"runId,omitempty"`
}

// Started reports whether the plan may be applied.
func (a Admission) Started() bool { return a.Outcome == OutcomeStarted }

// Admit checks plan against the inputs as they are now and the numbers the
// admin confirmed, without writing anything.
func (s *Service) Admit(plan *Plan, currentInputs *Inputs, c Confirm) Admission {
	refuse := func(outcome, code string, args usererr.Args) Admission {
		m := usererr.Msg(code, args)
		return Admission{Outcome: outcome, Message: &m}
	}
	id := plan.ID
	switch {
	case plan.RunID != 0:
		a := refuse(OutcomeApplied, "plan_applied", usererr.Args{"plan": id, "run": plan.RunID})
		a.RunID = plan.RunID
		return a
	case plan.Status == PlanStopped:
		return refuse(OutcomeStopped, "plan_stopped", usererr.Args{"plan": id, "stop": plan.Stop.Message})
	case plan.Status == PlanSuperseded:
		return refuse(OutcomeStale, "stale_plan", nil) // a newer plan was applied since
	case plan.HardBlocked:
		return refuse(OutcomeBlocked, "plan_hard_blocked", usererr.Args{"plan": id, "reasons": reasonsMessage(plan.Reasons)})
	}
	removals := plan.ConfirmRemovals && c.Removals != plan.Summary.Removals
	creates := plan.ConfirmCreates && c.Creates != plan.Summary.Creates()
	if removals || creates {
		code := "plan_needs_removals"
		switch {
		case removals && creates:
			code = "plan_needs_both"
		case creates:
			code = "plan_needs_creates"
		}
		a := refuse(OutcomeNeedsConfirmation, code, usererr.Args{"plan": id, "reasons": reasonsMessage(plan.Reasons),
			"removals": plan.Summary.Removals, "creates": plan.Summary.Creates()})
		if removals {
			a.ConfirmRemovals = plan.Summary.Removals
		}
		if creates {
			a.ConfirmCreates = plan.Summary.Creates()
		}
		return a
	}
	if currentInputs != nil {
		if fp := Fingerprint(plan.Direction, currentInputs, plan.Options); fp != plan.Fingerprint {
			return refuse(OutcomeStale, "stale_plan", nil)
		}
	}
	return Admission{Outcome: OutcomeStarted}
}

// admissionError is a refused admission as the error Apply returns: the
// sentinel callers test (ErrStalePlan, ErrBlocked) and the admin's message;
// the CLI flags to confirm with are in its text.
func admissionError(a Admission) error {
	msg := usererr.FromMessage(*a.Message)
	switch a.Outcome {
	case OutcomeStale:
		return ErrStalePlan
	case OutcomeBlocked:
		return fmt.Errorf("%w: %w", ErrBlocked, msg)
	case OutcomeNeedsConfirmation:
		var flags []string
		if a.Message.Code != "plan_needs_creates" {
			flags = append(flags, fmt.Sprintf("--confirm %d", a.ConfirmRemovals))
		}
		if a.Message.Code != "plan_needs_removals" {
			flags = append(flags, fmt.Sprintf("--confirm-creates %d", a.ConfirmCreates))
		}
		return fmt.Errorf("%w: %w (%s)", ErrBlocked, msg, strings.Join(flags, " "))
	}
	return msg
}

// reasonsMessage joins a verdict's reasons in each language.
func reasonsMessage(ws []Warning) usererr.Message {
	ms := make([]usererr.Message, len(ws))
	for i, w := range ws {
		ms[i] = w.Message
	}
	return joinMessages(ms, "；", "; ")
}
