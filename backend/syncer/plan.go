package syncer

import (
	"context"
	"fmt"
	"time"

	"wecom-bridge/backend/store"
)

// Plan statuses.
const (
	PlanPreview    = "preview"    // can be applied while its fingerprint holds
	PlanStopped    = "stopped"    // could not be computed; see Stop
	PlanApplied    = "applied"    // has a run
	PlanSuperseded = "superseded" // another plan of the corp and direction was applied after it
)

// Plan is a persisted preview: what it was computed from, its summary and
// safety verdict. Its operations are read with PlanOps, its tree with PlanTree.
type Plan struct {
	ID          int64     `json:"id"`
	CorpID      int64     `json:"corpId"`
	Direction   Direction `json:"direction"`
	Status      string    `json:"status"`
	Fingerprint string    `json:"fingerprint"`
	Options     Options   `json:"options"`
	Summary     Summary   `json:"summary"`
	Verdict               // blocked, hardBlocked, reasons
	Warnings    []Warning `json:"warnings"`
	// Untouched are the review rows the plan left alone because they await
	// a decision (at most 500; Summary.Untouched has the total).
	Untouched []PendingPair `json:"untouched"`
	// WeComReadAt is when the WeCom data the plan started from was read.
	WeComReadAt time.Time   `json:"wecomReadAt"`
	Stop        *StopError  `json:"stop,omitempty"`
	Trigger     Trigger     `json:"trigger"`
	CreatedBy   string      `json:"createdBy"`
	CreatedAt   time.Time   `json:"createdAt"`
	DurationMS  int64       `json:"durationMs"`
	RunID       int64       `json:"runId,omitempty"`
	Ops         []*Op       `json:"-"` // set on the plan Plan returns; read stored ones with PlanOps
	Nodes       []*TreeNode `json:"-"`
}

// Plan computes and stores a preview of syncing corpID in direction d from
// in with opt. Nothing is written to WeCom or the local directory. When the
// plan cannot be computed (for example the root department names differ
// and no top department is set) the stopped plan is stored for the history
// and returned together with a *StopError (errors.Is(err, ErrPlanStopped)).
func (s *Service) Plan(ctx context.Context, corpID int64, d Direction, in Inputs, opt Options, actor string, trigger Trigger) (*Plan, error) {
	if _, err := ParseDirection(string(d)); err != nil {
		return nil, err
	}
	if !trigger.valid() {
		return nil, fmt.Errorf("unknown trigger %q: use manual, schedule or callback", trigger)
	}
	opt = opt.normalized(d)
	if err := opt.Validate(d); err != nil {
		return nil, fmt.Errorf("sync options: %w", err)
	}
	if err := store.CheckCorp(ctx, s.db, corpID); err != nil {
		return nil, err
	}
	started := time.Now()
	links, err := s.links(ctx, corpID)
	if err != nil {
		return nil, err
	}
	disabledAt, err := s.disabledAt(ctx, corpID)
	if err != nil {
		return nil, err
	}
	created, err := s.createdUsers(ctx, corpID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	fp := make(chan string, 1)
	go func() { fp <- Fingerprint(d, &in, opt) }() // on another core, beside the planning
	p := newPlanner(d, &in, opt, now, links, disabledAt)
	p.managed = p.buildManaged(created)
	if d == ToWeCom {
		if x := p.planToWeComDepts(); p.stop == nil {
			p.planToWeComUsers(x)
		}
	} else {
		if x := p.planFromWeComDepts(); p.stop == nil {
			p.planFromWeComUsers(x)
		}
	}
	plan := &Plan{CorpID: corpID, Direction: d, Status: PlanPreview, Fingerprint: <-fp, Options: opt,
		Trigger: trigger, CreatedBy: actor, CreatedAt: now, WeComReadAt: in.WeComReadAt, Untouched: p.managed.untouched}
	if p.stop != nil {
		plan.Status, plan.Stop = PlanStopped, p.stop
		plan.Summary = Summary{Counts: map[OpType]int{}}
		plan.Untouched = nil
	} else {
		plan.Ops, plan.Nodes = p.ops(), p.treeNodes()
		plan.Summary = p.summary(plan.Ops)
		plan.Verdict = check(d, opt.Safety, plan.Summary, &in)
		plan.Warnings = p.warnings
	}
	plan.DurationMS = time.Since(started).Milliseconds()
	if err := s.savePlan(ctx, plan); err != nil {
		return nil, err
	}
	if p.stop != nil {
		return plan, p.stop
	}
	return plan, nil
}

// sync_ops.id packs a plan's id and an operation's seq (see migration 0006),
// so a plan's operations are one rowid range.
const (
	seqBits       = 24
	maxOpsPerPlan = 1<<seqBits - 1
)

func opID(planID int64, seq int) int64 { return planID<<seqBits | int64(seq) }
func opLo(planID int64) int64          { return opID(planID, 1) }
func opHi(planID int64) int64          { return opID(planID, maxOpsPerPlan) }

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
