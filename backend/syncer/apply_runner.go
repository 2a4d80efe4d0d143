package syncer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// runner applies the pending operations of one run: phase by phase, each
// phase through a worker pool, each operation after the ones it depends on.
type runner struct {
	s       *Service
	plan    *Plan
	run     *Run
	t       Targets
	journal *journal

	mu       sync.Mutex
	resolved map[string]int64         // key → real id of a done operation
	waits    map[string]chan struct{} // key → closed when that operation finishes (any outcome)
	failed   map[string]*Op           // key → the failed operation
	known    map[int64]bool           // WeCom departments the plan knows (for a 60008 without department/list)

	done, nfailed atomic.Int64
	progress      *events.Throttle
	opEvents      *opBatcher
}

// execute runs run to its end (or cancellation) and records the outcome.
func (s *Service) execute(ctx context.Context, plan *Plan, run *Run, t Targets) (*Run, error) {
	defer s.release(run.CorpID, run.Direction)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	s.active[run.ID] = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.active, run.ID)
		s.mu.Unlock()
	}()

	began := time.Now()
	// A job's context carries its emitter, which tags progress with the job.
	em := events.From(ctx, s.em)
	r := &runner{s: s, plan: plan, run: run, t: t, resolved: map[string]int64{}, waits: map[string]chan struct{}{},
		failed: map[string]*Op{}, known: map[int64]bool{},
		progress: events.NewThrottle(em, ProgressEvent, 0), opEvents: newOpBatcher(em, run.ID)}
	var err error
	if r.journal, err = openJournal(ctx, s.db, plan.ID); err != nil {
		return s.finish(em, run, began, 0, fmt.Errorf("open the journal of run %d: %w", run.ID, err))
	}
	if plan.Direction == ToWeCom {
		r.journal.mirror = s.mirror
	}
	defer r.journal.close()
	pending, err := r.load(ctx)
	if err != nil {
		return s.finish(em, run, began, 0, err)
	}
	stopCounts := r.persistCounts(ctx)
	r.report("start")
	r.dispatch(ctx, pending)
	stopCounts()
	r.opEvents.close()
	left := 0
	for _, op := range pending {
		if op.State == StatePending || op.State == StateRunning {
			left++
		}
	}
	run.Done, run.Failed = int(r.done.Load()), int(r.nfailed.Load())
	if left == 0 && ctx.Err() == nil {
		if run.ReadBack = r.readBack(ctx); run.ReadBack != nil {
			run.NotApplied = run.ReadBack.NotApplied
			run.Done -= run.NotApplied
		}
	}
	var outcome error
	switch {
	case left > 0 && ctx.Err() != nil:
		outcome = usererr.Wrap(context.Canceled, "sync_run_cancelled", usererr.Args{"run": run.ID, "left": left})
	case run.Failed > 0:
		outcome = usererr.New("sync_run_failed", usererr.Args{"run": run.ID, "failed": run.Failed})
	}
	return s.finish(em, run, began, left, outcome)
}

// load reads the run's operations: done ones resolve keys, the others are
// returned in apply order.
func (r *runner) load(ctx context.Context) ([]*Op, error) {
	ops, err := r.s.queryOps(ctx, `SELECT `+opColumns+` FROM sync_ops WHERE id BETWEEN ? AND ? ORDER BY id`, opLo(r.plan.ID), opHi(r.plan.ID))
	if err != nil {
		return nil, fmt.Errorf("read the operations of plan %d: %w", r.plan.ID, err)
	}
	rows, err := r.s.db.QueryContext(ctx, `SELECT wecom_id FROM sync_plan_nodes WHERE plan_id = ? AND wecom_id <> 0`, r.plan.ID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if rows.Scan(&id) == nil {
			r.known[id] = true
		}
	}
	rows.Close()
	var pending []*Op
	for _, op := range ops {
		if op.State == StateNotApplied {
			continue // WeCom ignored it; running it again would not help
		}
		if op.State == StateDone {
			r.done.Add(1)
			if op.Key != "" {
				r.resolved[op.Key] = op.ResultID
				r.known[op.ResultID] = true
			}
			continue
		}
		op.State = StatePending
		pending = append(pending, op)
		if op.Key != "" {
			r.waits[op.Key] = make(chan struct{})
		}
	}
	r.run.Total = len(ops)
	return pending, nil
}

// dispatch runs the phases in order; a cancelled context stops it between operations.
func (r *runner) dispatch(ctx context.Context, ops []*Op) {
	for start := 0; start < len(ops) && ctx.Err() == nil; {
		end := start
		for end < len(ops) && ops[end].Phase == ops[start].Phase {
			end++
		}
		jobs := make(chan *Op)
		var wg sync.WaitGroup
		for range r.s.workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for op := range jobs {
					r.runOp(ctx, op)
				}
			}()
		}
	feed:
		for _, op := range ops[start:end] {
			select {
			case jobs <- op:
			case <-ctx.Done():
				break feed
			}
		}
		close(jobs)
		wg.Wait()
		start = end
	}
}

// runOp waits for the operation's dependencies, journals it as running,
// runs it (retrying transient failures) and journals the outcome.
func (r *runner) runOp(ctx context.Context, op *Op) {
	defer r.finished(op)
	for _, dep := range op.Deps {
		if why := r.await(ctx, dep); why != nil {
			if ctx.Err() != nil {
				return // stays pending: Resume runs it
			}
			r.fail(ctx, op, why)
			return
		}
	}
	if ctx.Err() != nil {
		return // cancelled before it started: stays pending
	}
	if err := r.journal.running(context.WithoutCancel(ctx), op, r.s.now()); err != nil {
		r.fail(ctx, op, &opError{msg: "journal: " + err.Error()})
		return
	}
	op.State = StateRunning
	res, err := r.execWithRetry(ctx, op)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			op.State = StatePending
			r.journal.pending(context.WithoutCancel(ctx), op)
			return
		}
		r.fail(ctx, op, toOpError(op, err))
		return
	}
	if err := r.journal.done(context.WithoutCancel(ctx), r.plan, op, res, r.s.now()); err != nil {
		r.fail(ctx, op, &opError{msg: "the operation succeeded but its journal entry failed: " + err.Error()})
		return
	}
	op.State, op.ResultID, op.Note = StateDone, res.id, res.note
	if op.Key != "" {
		r.mu.Lock()
		r.resolved[op.Key] = res.id
		r.known[res.id] = true
		r.mu.Unlock()
	}
	r.done.Add(1)
	r.report("")
	r.opEvents.add(op)
}

// await blocks until the operation with key dep finished; it returns why
// the dependant cannot run, or nil.
func (r *runner) await(ctx context.Context, dep string) *opError {
	r.mu.Lock()
	_, ok := r.resolved[dep]
	ch, f := r.waits[dep], r.failed[dep]
	r.mu.Unlock()
	switch {
	case ok:
		return nil
	case f != nil:
		return dependencyFailed(f)
	case ch == nil:
		return &opError{msg: fmt.Sprintf("not run: it needs the operation with key %s, which is not in this plan", dep), fix: msgPtr("sync_fix_preview_again", nil)}
	}
	select {
	case <-ch:
	case <-ctx.Done():
		return &opError{msg: "cancelled"}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.resolved[dep]; ok {
		return nil
	}
	if f := r.failed[dep]; f != nil {
		return dependencyFailed(f)
	}
	return &opError{msg: "cancelled"}
}

// dependencyFailed is why an operation did not run: f, which it needs, failed.
func dependencyFailed(f *Op) *opError {
	return &opError{msg: fmt.Sprintf("not run: it needs %s %s (operation #%d), which failed", f.Type, f.Target, f.Seq),
		fix: msgPtr("sync_fix_dependency", usererr.Args{"seq": f.Seq, "target": f.Target})}
}

func (r *runner) finished(op *Op) {
	if op.Key == "" {
		return
	}
	r.mu.Lock()
	if ch := r.waits[op.Key]; ch != nil {
		close(ch)
		delete(r.waits, op.Key)
	}
	r.mu.Unlock()
}

func (r *runner) fail(ctx context.Context, op *Op, e *opError) {
	op.State, op.Errcode, op.Errmsg, op.Fix = StateFailed, e.code, e.msg, e.fix
	r.journal.failed(context.WithoutCancel(ctx), op, r.s.now())
	if op.Key != "" {
		r.mu.Lock()
		r.failed[op.Key] = op
		r.mu.Unlock()
	}
	r.nfailed.Add(1)
	r.report("")
	r.opEvents.add(op)
}

func (r *runner) report(phase string) {
	r.progress.Update(events.Progress{Job: fmt.Sprintf("run:%d", r.run.ID), RunID: r.run.ID, PlanID: r.plan.ID, CorpID: r.run.CorpID, Phase: phase,
		Done: int(r.done.Load()), Failed: int(r.nfailed.Load()), Total: r.run.Total})
}

// persistCounts writes the run's counts once a second while it runs.
func (r *runner) persistCounts(ctx context.Context) (stop func()) {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
				r.s.db.ExecContext(context.WithoutCancel(ctx), `UPDATE sync_runs SET done = ?, failed = ? WHERE id = ?`,
					r.done.Load(), r.nfailed.Load(), r.run.ID)
			}
		}
	}()
	return func() { close(quit); wg.Wait() }
}

// finish records the run's end: done, failed, cancelled.
func (s *Service) finish(em events.Emitter, run *Run, began time.Time, left int, outcome error) (*Run, error) {
	switch {
	case outcome == nil:
		run.Status = RunDone
	case errors.Is(outcome, context.Canceled) && left > 0:
		run.Status = RunCancelled
	default:
		run.Status = RunFailed
	}
	run.Error = nil
	if outcome != nil {
		m := usererr.ForUI("sync run", outcome) // a message, or internal with a reference (details logged)
		run.Error = &m
	}
	run.FinishedAt = s.now()
	run.DurationMS += time.Since(began).Milliseconds()
	rb := ""
	if run.ReadBack != nil {
		b, _ := json.Marshal(run.ReadBack)
		rb = string(b)
	}
	_, err := s.db.Exec(`UPDATE sync_runs SET status = ?, finished_at = ?, duration_ms = duration_ms + ?, total = ?, done = ?, failed = ?, error = ?,
		read_back = CASE WHEN ? = '' THEN read_back ELSE ? END WHERE id = ?`, run.Status, store.TimeOf(run.FinishedAt), time.Since(began).Milliseconds(),
		run.Total, run.Done, run.Failed, msgColumn(run.Error), rb, rb, run.ID)
	if err != nil && outcome == nil {
		outcome = fmt.Errorf("record the end of run %d: %w", run.ID, err)
	}
	if stored, gerr := s.GetRun(context.Background(), run.ID); gerr == nil {
		run.DurationMS = stored.DurationMS
	}
	em.Emit(ProgressEvent, events.Progress{Job: fmt.Sprintf("run:%d", run.ID), RunID: run.ID, PlanID: run.PlanID, CorpID: run.CorpID, Phase: run.Status,
		Done: run.Done, Failed: run.Failed, Total: run.Total, Message: msgEN(run.Error), Final: true})
	return run, outcome
}
