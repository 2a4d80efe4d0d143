package syncer

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Run statuses.
const (
	RunRunning     = "running"
	RunDone        = "done"        // every operation is done
	RunFailed      = "failed"      // finished with failed operations: Resume retries them
	RunCancelled   = "cancelled"   // stopped by Cancel: Resume continues
	RunInterrupted = "interrupted" // its process died mid-run: Resume continues
)

// Run is one apply of a plan, with its counts.
type Run struct {
	ID         int64            `json:"id"`
	PlanID     int64            `json:"planId"`
	CorpID     int64            `json:"corpId"`
	Direction  Direction        `json:"direction"`
	Status     string           `json:"status"`
	Trigger    Trigger          `json:"trigger"`
	StartedBy  string           `json:"startedBy"`
	StartedAt  time.Time        `json:"startedAt"`
	FinishedAt time.Time        `json:"finishedAt"`
	DurationMS int64            `json:"durationMs"`
	Total      int              `json:"total"`
	Done       int              `json:"done"`
	Failed     int              `json:"failed"`
	Resumes    int              `json:"resumes"`
	Error      *usererr.Message `json:"error,omitempty"` // why it did not finish: failures, a cancel, the process stopping
	// NotApplied counts operations WeCom answered ok but did not apply, as
	// the read-back found (ReadBack); they are not counted in Done.
	NotApplied int       `json:"notApplied"`
	ReadBack   *ReadBack `json:"readBack,omitempty"`
}

// Resumable says whether Resume would continue the run.
func (r *Run) Resumable() bool {
	return r.Status == RunFailed || r.Status == RunCancelled || r.Status == RunInterrupted
}

// NoConfirm is the confirmRemovals of a caller that confirms nothing.
const NoConfirm = -1

// Apply runs a previewed plan. currentInputs are the inputs as they are
// now: when their fingerprint (with the plan's options) differs from the
// plan's, the plan is refused with ErrStalePlan. A blocked plan applies only
// when confirmRemovals equals its number of removals; a hard-blocked one
// never. Apply blocks until the run ends (progress goes out as events) and
// returns the run; its error is non-nil when the run did not finish with
// every operation done. The run's trigger is manual (the scheduler records
// its own).
func (s *Service) Apply(ctx context.Context, planID int64, currentInputs Inputs, targets Targets, confirmRemovals int, actor string) (*Run, error) {
	return s.apply(ctx, planID, currentInputs, targets, Confirm{Removals: confirmRemovals, Creates: NoConfirm}, actor, TriggerManual)
}

// Confirm are the numbers an admin typed to apply a blocked plan: its
// removals and its creates (NoConfirm for none).
type Confirm struct {
	Removals int `json:"removals"`
	Creates  int `json:"creates"`
}

// ApplyConfirmed is Apply with both confirmations: a plan a growth rule
// blocked applies only when c.Creates equals its number of creates.
func (s *Service) ApplyConfirmed(ctx context.Context, planID int64, currentInputs Inputs, targets Targets, c Confirm, actor string) (*Run, error) {
	return s.apply(ctx, planID, currentInputs, targets, c, actor, TriggerManual)
}

func (s *Service) apply(ctx context.Context, planID int64, currentInputs Inputs, targets Targets, c Confirm, actor string, trigger Trigger) (*Run, error) {
	plan, err := s.GetPlan(ctx, planID)
	if err != nil {
		return nil, err
	}
	if a := s.Admit(plan, nil, c); !a.Started() {
		return nil, admissionError(a)
	}
	if err := checkTargets(plan.Direction, targets); err != nil {
		return nil, err
	}
	if a := s.Admit(plan, &currentInputs, c); !a.Started() {
		return nil, admissionError(a)
	}
	run := &Run{PlanID: plan.ID, CorpID: plan.CorpID, Direction: plan.Direction, Status: RunRunning, Trigger: trigger,
		StartedBy: actor, StartedAt: s.now(), Total: plan.Summary.Total}
	if !s.claim(plan.CorpID, plan.Direction, -1) {
		return nil, ErrRunning
	}
	if err := s.startRun(ctx, plan, run); err != nil {
		s.release(plan.CorpID, plan.Direction)
		return nil, err
	}
	s.emitPending(plan.CorpID) // the corp's previews of the direction are applied or superseded now
	s.retag(plan.CorpID, plan.Direction, run.ID)
	return s.execute(ctx, plan, run, targets)
}

func checkTargets(d Direction, t Targets) error {
	if d == ToWeCom && t.WeCom == nil {
		return usererr.New("no_contact_secret", nil)
	}
	if d == FromWeCom && t.Local == nil {
		return errors.New("a from-wecom apply needs a writer for the local directory")
	}
	return nil
}

// startRun records the run, marks the plan applied, supersedes the corp's
// other previews of the direction and records the department pairs the
// plan matched, in one transaction.
func (s *Service) startRun(ctx context.Context, plan *Plan, run *Run) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO sync_runs(plan_id, corp_id, direction, status, trigger, started_by, started_at, total, owner)
		VALUES (?,?,?,?,?,?,?,?,?)`, run.PlanID, run.CorpID, run.Direction, run.Status, run.Trigger, run.StartedBy,
		store.TimeOf(run.StartedAt), run.Total, s.instance)
	if err != nil {
		return fmt.Errorf("start run of plan %d: %w", plan.ID, err)
	}
	if run.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_plans SET status = 'applied' WHERE id = ?`, plan.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_plans SET status = 'superseded'
		WHERE corp_id = ? AND direction = ? AND status = 'preview' AND id <> ?`, plan.CorpID, plan.Direction, plan.ID); err != nil {
		return err
	}
	// Pairs matched by name become links, so later renames and moves keep them.
	if _, err := tx.ExecContext(ctx, `DELETE FROM sync_dept_links WHERE corp_id = ? AND (
		local_id IN (SELECT local_id FROM sync_plan_nodes WHERE plan_id = ? AND local_id <> 0 AND wecom_id <> 0) OR
		wecom_id IN (SELECT wecom_id FROM sync_plan_nodes WHERE plan_id = ? AND local_id <> 0 AND wecom_id <> 0))`,
		plan.CorpID, plan.ID, plan.ID); err != nil {
		return fmt.Errorf("record department links: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO sync_dept_links(corp_id, local_id, wecom_id, updated_at)
		SELECT ?, local_id, wecom_id, ? FROM sync_plan_nodes WHERE plan_id = ? AND local_id <> 0 AND wecom_id <> 0`,
		plan.CorpID, store.TimeOf(s.now()), plan.ID); err != nil {
		return fmt.Errorf("record department links: %w", err)
	}
	return tx.Commit()
}

// Resume continues an interrupted, cancelled or failed run: operations not
// done yet run again (an operation found running after a crash is re-run;
// the idempotency rules make that safe). A done run is returned as is.
func (s *Service) Resume(ctx context.Context, runID int64, targets Targets) (*Run, error) {
	run, err := s.GetRun(ctx, runID)
	if err != nil {
		return nil, err
	}
	if run.Status == RunDone {
		return run, nil
	}
	if run.Status == RunRunning {
		s.mu.Lock()
		_, here := s.active[runID]
		s.mu.Unlock()
		if here {
			return nil, fmt.Errorf("run %d is still running: %w", runID, ErrRunning)
		}
	}
	plan, err := s.GetPlan(ctx, run.PlanID)
	if err != nil {
		return nil, err
	}
	if err := checkTargets(plan.Direction, targets); err != nil {
		return nil, err
	}
	if !s.claim(run.CorpID, run.Direction, run.ID) {
		return nil, ErrRunning
	}
	_, err = s.db.ExecContext(ctx, `UPDATE sync_runs SET status = 'running', owner = ?, resumes = resumes + 1, error = '' WHERE id = ?`, s.instance, runID)
	if err == nil {
		_, err = s.db.ExecContext(ctx, `UPDATE sync_ops SET state = 'pending' WHERE id BETWEEN ? AND ? AND state IN ('running', 'failed')`, opLo(run.PlanID), opHi(run.PlanID))
	}
	if err != nil {
		s.release(run.CorpID, run.Direction)
		return nil, fmt.Errorf("resume run %d: %w", runID, err)
	}
	run.Status, run.Resumes = RunRunning, run.Resumes+1
	return s.execute(ctx, plan, run, targets)
}

// Cancel stops a run of this process: no new operation starts, operations
// in flight are abandoned (they stay pending and run again on Resume).
func (s *Service) Cancel(runID int64) error {
	s.mu.Lock()
	cancel, ok := s.active[runID]
	s.mu.Unlock()
	if !ok {
		return fmt.Errorf("run %d is not running in this process", runID)
	}
	cancel()
	return nil
}

// MarkInterrupted marks runs left "running" by a process that is gone (the
// data directory is locked to one process, so that is any run this process
// does not own). Call it once on start; it returns how many it marked.
func (s *Service) MarkInterrupted(ctx context.Context) (int, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE sync_runs SET status = 'interrupted', error = ? WHERE status = 'running' AND owner <> ?`,
		msgColumn(msgPtr("sync_run_interrupted", nil)), s.instance)
	if err != nil {
		return 0, fmt.Errorf("mark interrupted sync runs: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// claim reserves corp+direction for a run (runID -1 until it has an id).
func (s *Service) claim(corpID int64, d Direction, runID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, busy := s.busy[busyKey(corpID, d)]; busy {
		return false
	}
	s.busy[busyKey(corpID, d)] = runID
	return true
}

func (s *Service) retag(corpID int64, d Direction, runID int64) {
	s.mu.Lock()
	s.busy[busyKey(corpID, d)] = runID
	s.mu.Unlock()
}

func (s *Service) release(corpID int64, d Direction) {
	s.mu.Lock()
	delete(s.busy, busyKey(corpID, d))
	s.mu.Unlock()
}

// GetRun reads a run.
func (s *Service) GetRun(ctx context.Context, runID int64) (*Run, error) {
	runs, err := s.queryRuns(ctx, `WHERE id = ?`, runID)
	if err != nil {
		return nil, err
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("sync run %d: %w", runID, ErrNotFound)
	}
	return runs[0], nil
}

func (s *Service) queryRuns(ctx context.Context, where string, args ...any) ([]*Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, plan_id, corp_id, direction, status, trigger, started_by, started_at,
		finished_at, duration_ms, total, done, failed, resumes, error, read_back FROM sync_runs `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read sync runs: %w", err)
	}
	defer rows.Close()
	var out []*Run
	for rows.Next() {
		r := &Run{}
		var dir, trig, rb, runErr string
		var started, finished store.Time
		if err := rows.Scan(&r.ID, &r.PlanID, &r.CorpID, &dir, &r.Status, &trig, &r.StartedBy, &started, &finished,
			&r.DurationMS, &r.Total, &r.Done, &r.Failed, &r.Resumes, &runErr, &rb); err != nil {
			return nil, err
		}
		r.Error = msgFromColumn(runErr, "")
		if rb != "" && json.Unmarshal([]byte(rb), &r.ReadBack) == nil {
			r.NotApplied = r.ReadBack.NotApplied
		}
		r.Direction, r.Trigger, r.StartedAt, r.FinishedAt = Direction(dir), Trigger(trig), started.Time(), finished.Time()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return out, nil
}
