package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
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
	ID          int64       `json:"id"`
	CorpID      int64       `json:"corpId"`
	Direction   Direction   `json:"direction"`
	Status      string      `json:"status"`
	Fingerprint string      `json:"fingerprint"`
	Options     Options     `json:"options"`
	Summary     Summary     `json:"summary"`
	Verdict                 // blocked, hardBlocked, reasons
	Warnings    []Warning   `json:"warnings"`
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
	if err := s.corpExists(ctx, corpID); err != nil {
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
	now := s.now()
	fp := make(chan string, 1)
	go func() { fp <- Fingerprint(d, &in, opt) }() // on another core, beside the planning
	p := newPlanner(d, &in, opt, now, links, disabledAt)
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
		Trigger: trigger, CreatedBy: actor, CreatedAt: now}
	if p.stop != nil {
		plan.Status, plan.Stop = PlanStopped, p.stop
		plan.Summary = Summary{Counts: map[OpType]int{}}
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

// savePlan stores the plan, its operations and tree in one transaction.
func (s *Service) savePlan(ctx context.Context, p *Plan) error {
	tx, err := s.db.BeginTxx(ctx, nil) // BEGIN IMMEDIATE (the store's DSN)
	if err != nil {
		return fmt.Errorf("save sync plan: %w", err)
	}
	defer tx.Rollback()
	opts, _ := json.Marshal(p.Options)
	sum, _ := json.Marshal(p.Summary)
	reasons, _ := json.Marshal(nonNil(p.Reasons))
	warns, _ := json.Marshal(nonNil(p.Warnings))
	stop := ""
	if p.Stop != nil {
		b, _ := json.Marshal(p.Stop)
		stop = string(b)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO sync_plans(corp_id, direction, status, fingerprint, options, summary, blocked,
		hard_blocked, block_reasons, warnings, stop, total_ops, removals, trigger, created_by, created_at, duration_ms)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		p.CorpID, p.Direction, p.Status, p.Fingerprint, string(opts), string(sum), p.Blocked, p.HardBlocked, string(reasons),
		string(warns), stop, p.Summary.Total, p.Summary.Removals, p.Trigger, p.CreatedBy, formatTime(p.CreatedAt), p.DurationMS)
	if err != nil {
		return fmt.Errorf("save sync plan: %w", err)
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if len(p.Ops) > maxOpsPerPlan {
		return fmt.Errorf("save sync plan: %d operations is over the limit of %d per plan; narrow the sync scope", len(p.Ops), maxOpsPerPlan)
	}
	ops, err := store.NewBulkInsert(ctx, tx, `INSERT INTO sync_ops(id, plan_id, seq, type, phase, key, deps, target, path, node, before, after, reason, detail) VALUES `, 14)
	if err != nil {
		return fmt.Errorf("save sync plan operations: %w", err)
	}
	// JSON encoding runs ahead on another core while SQLite inserts.
	for enc := range encodeOps(ctx, p.Ops) {
		for i, op := range enc.ops {
			if err := ops.Add(ctx, opID(p.ID, op.Seq), p.ID, op.Seq, string(op.Type), op.Phase, op.Key, strings.Join(op.Deps, ","), op.Target, op.Path, op.Node,
				enc.before[i], enc.after[i], op.Reason, op.Detail); err != nil {
				return fmt.Errorf("save sync plan operations: %w", err)
			}
		}
	}
	if err := ops.Flush(ctx); err != nil {
		return fmt.Errorf("save sync plan operations: %w", err)
	}
	nodes, err := store.NewBulkInsert(ctx, tx, `INSERT INTO sync_plan_nodes(plan_id, key, parent_key, seq, name, state, from_text, to_text,
		local_id, wecom_id, added, updated, removed, children) VALUES `, 14)
	if err != nil {
		return fmt.Errorf("save sync plan tree: %w", err)
	}
	for _, n := range p.Nodes {
		if err := nodes.Add(ctx, p.ID, n.Key, n.ParentKey, n.seq, n.Name, n.State, n.From, n.To, n.LocalID, n.WeComID,
			n.Added, n.Updated, n.Removed, n.Children); err != nil {
			return fmt.Errorf("save sync plan tree: %w", err)
		}
	}
	if err := nodes.Flush(ctx); err != nil {
		return fmt.Errorf("save sync plan tree: %w", err)
	}
	return tx.Commit()
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

// encodedOps is a chunk of operations with their values as JSON.
type encodedOps struct {
	ops           []*Op
	before, after []string
}

// encodeOps encodes the operations' values in chunks, in order, on a
// goroutine; the channel closes after the last chunk (or when ctx ends).
func encodeOps(ctx context.Context, ops []*Op) <-chan encodedOps {
	const chunk = 2048
	out := make(chan encodedOps, 4)
	go func() {
		defer close(out)
		for from := 0; from < len(ops); from += chunk {
			part := ops[from:min(from+chunk, len(ops))]
			e := encodedOps{ops: part, before: make([]string, len(part)), after: make([]string, len(part))}
			for i, op := range part {
				e.before[i], e.after[i] = valuesJSON(op.Before), valuesJSON(op.After)
			}
			select {
			case out <- e:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func valuesJSON(v *Values) string {
	if v == nil {
		return ""
	}
	return string(v.appendJSON(make([]byte, 0, 256)))
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
