package syncer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"

	"github.com/robfig/cron/v3"
	"wecom-bridge/backend/usererr"
)

// Planner gathers what one sync needs: the inputs and the writers. full
// asks for a forced full sync: read both sides again first (for example
// pull the WeCom contacts) instead of using what was read last.
type Planner func(ctx context.Context, corpID int64, d Direction, full bool) (Inputs, Targets, error)

// Notifier tells the configured admins that a scheduled (or callback) sync
// did not apply on its own. plan is the stored preview waiting for review,
// nil when none could be computed; reason says why, in Chinese and English.
type Notifier interface {
	NeedsReview(ctx context.Context, corpID int64, d Direction, plan *Plan, reason usererr.Message) error
}

// Scheduler runs syncs from the cron expressions in each corp's options
// (Options.Schedule), like O2OA's syncCron and forceSyncCron. A scheduled
// plan applies on its own only when it passes the safety checks; otherwise
// it stays a preview and the Notifier is called.
type Scheduler struct {
	svc      *Service
	planner  Planner
	notifier Notifier
	log      *slog.Logger
	// Launch, when set before Start, is what a schedule's tick calls instead
	// of running RunOnce inline: services starts the run as a job (listed
	// with its corp, cancellable by id). It must return at once.
	Launch func(e ScheduleEntry)

	mu      sync.Mutex
	cron    *cron.Cron
	entries []ScheduleEntry
}

// ScheduleEntry is one registered schedule.
type ScheduleEntry struct {
	CorpID    int64     `json:"corpId"`
	Direction Direction `json:"direction"`
	Spec      string    `json:"spec"`
	Full      bool      `json:"full"` // the forced full sync
}

// NewScheduler returns a stopped scheduler; notifier and log may be nil.
func NewScheduler(svc *Service, planner Planner, notifier Notifier, log *slog.Logger) *Scheduler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Scheduler{svc: svc, planner: planner, notifier: notifier, log: log}
}

// Start loads the schedules and starts running them.
func (sc *Scheduler) Start(ctx context.Context) error { return sc.Reload(ctx) }

// Reload replaces the schedules with the ones saved now (call it after SetOptions).
func (sc *Scheduler) Reload(ctx context.Context) error {
	rows, err := sc.svc.db.QueryContext(ctx, `SELECT corp_id, direction FROM sync_options ORDER BY corp_id, direction`)
	if err != nil {
		return fmt.Errorf("read sync schedules: %w", err)
	}
	type key struct {
		corp int64
		dir  Direction
	}
	var keys []key
	for rows.Next() {
		var k key
		if err := rows.Scan(&k.corp, &k.dir); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, k)
	}
	rows.Close()
	c := cron.New(cron.WithParser(cronParser), cron.WithChain(cron.SkipIfStillRunning(cron.DiscardLogger)))
	var entries []ScheduleEntry
	for _, k := range keys {
		opt, err := sc.svc.GetOptions(ctx, k.corp, k.dir)
		if err != nil {
			return err
		}
		for _, e := range []ScheduleEntry{{k.corp, k.dir, opt.Schedule.Cron, false}, {k.corp, k.dir, opt.Schedule.ForceCron, true}} {
			if e.Spec == "" {
				continue
			}
			if err := validSpec(e.Spec); err != nil { // saved by an older version
				sc.log.Warn("schedule skipped", "corp", e.CorpID, "direction", e.Direction, "spec", e.Spec, "err", err)
				continue
			}
			if _, err := c.AddFunc(e.Spec, func() { sc.tick(e) }); err != nil {
				return fmt.Errorf("corp %d %s schedule %q: %w", e.CorpID, e.Direction, e.Spec, err)
			}
			entries = append(entries, e)
		}
	}
	sc.mu.Lock()
	old := sc.cron
	sc.cron, sc.entries = c, entries
	sc.mu.Unlock()
	if old != nil {
		<-old.Stop().Done() // a job already running finishes first
	}
	c.Start()
	return nil
}

func (sc *Scheduler) tick(e ScheduleEntry) {
	if sc.Launch != nil {
		sc.Launch(e)
		return
	}
	sc.RunOnce(context.Background(), e.CorpID, e.Direction, e.Full, TriggerSchedule)
}

// Entries lists the registered schedules.
func (sc *Scheduler) Entries() []ScheduleEntry {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	out := append([]ScheduleEntry(nil), sc.entries...)
	sort.Slice(out, func(i, j int) bool { return out[i].CorpID < out[j].CorpID })
	return out
}

// Stop stops the schedules and waits for a running job to finish.
func (sc *Scheduler) Stop() {
	sc.mu.Lock()
	c := sc.cron
	sc.cron = nil
	sc.mu.Unlock()
	if c != nil {
		<-c.Stop().Done()
	}
}

// RunOnce plans a sync now and applies it when it may: what a schedule or a
// contact-change callback (trigger callback) runs. A plan applies on its own
// only when the direction's Schedule.AutoApply is on, it passes the safety
// checks and it touches only confirmed (or product-created) pairs;
// otherwise it is kept as a preview (PendingPreviews) and the admins are
// told. It returns the plan, the run when one happened, and an error when it
// could not plan or apply.
func (sc *Scheduler) RunOnce(ctx context.Context, corpID int64, d Direction, full bool, trigger Trigger) (*Plan, *Run, error) {
	actor := "system:" + string(trigger)
	in, targets, err := sc.planner(ctx, corpID, d, full)
	if err != nil && ctx.Err() == nil { // a cancelled run is the admin's doing, not news
		sc.notify(ctx, corpID, d, nil, usererr.Msg("sync_schedule_inputs_failed", usererr.Args{"error": errorArg(err)}))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("scheduled sync of corp %d (%s): gather inputs: %w", corpID, d, err)
	}
	opt, err := sc.svc.GetOptions(ctx, corpID, d)
	if err != nil {
		return nil, nil, err
	}
	plan, err := sc.svc.Plan(ctx, corpID, d, in, opt, actor, trigger)
	if errors.Is(err, ErrPlanStopped) {
		sc.notify(ctx, corpID, d, plan, plan.Stop.Message)
		return plan, nil, err
	}
	if err != nil {
		return nil, nil, err
	}
	if plan.Summary.Total == 0 && !plan.Blocked && !plan.HardBlocked {
		return plan, nil, nil
	}
	if why := heldBack(plan); why != nil {
		sc.svc.emitPending(corpID)
		sc.notify(ctx, corpID, d, plan, *why)
		return plan, nil, nil
	}
	run, err := sc.svc.apply(ctx, plan.ID, in, targets, Confirm{Removals: NoConfirm, Creates: NoConfirm}, actor, trigger)
	if err != nil {
		sc.notify(ctx, corpID, d, plan, usererr.Msg("sync_schedule_failed", usererr.Args{"error": errorArg(err)}))
	}
	return plan, run, err
}

// heldBack says why a plan with operations is not applied unattended, or nil
// when it may be: the safety checks block it, auto-apply is off, or it
// manages pairs nobody confirmed. It reads only the plan, so a stored
// preview says the same (PendingPreviews).
func heldBack(plan *Plan) *usererr.Message {
	var m usererr.Message
	switch {
	case plan.Blocked || plan.HardBlocked:
		m = usererr.Msg("sync_schedule_blocked", usererr.Args{"plan": plan.ID, "reasons": reasonsMessage(plan.Reasons)})
	case !plan.Options.Schedule.AutoApply:
		m = usererr.Msg("sync_schedule_manual", usererr.Args{"plan": plan.ID, "n": plan.Summary.Total})
	case plan.Summary.Unconfirmed > 0:
		m = usererr.Msg("sync_schedule_unconfirmed", usererr.Args{"plan": plan.ID, "n": plan.Summary.Unconfirmed})
	default:
		return nil
	}
	return &m
}

func (sc *Scheduler) notify(ctx context.Context, corpID int64, d Direction, plan *Plan, reason usererr.Message) {
	sc.log.Warn("sync needs review", "corp", corpID, "direction", d, "reason", reason.EN)
	if sc.notifier == nil {
		return
	}
	if err := sc.notifier.NeedsReview(ctx, corpID, d, plan, reason); err != nil {
		sc.log.Error("notify admins of a sync waiting for review", "corp", corpID, "err", err)
	}
}

// errorArg is an error as a message argument: its message when it is one
// (each language its own), its text otherwise.
func errorArg(err error) any {
	if e, ok := usererr.As(err); ok {
		return e.Message
	}
	return err.Error()
}
