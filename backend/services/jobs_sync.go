package services

import (
	"context"
	"errors"
	"fmt"

	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/usererr"
)

// The phases a sync preview job (and a scheduled sync job) reports before
// its work's own progress events (a pull's, an apply's) take over.
const (
	PhaseRefreshing = "refreshing" // pulling the WeCom contacts when the mirror is old
	PhasePlanning   = "planning"   // reading the inputs and computing the plan
)

// StartPlanSync starts computing a sync preview as a job: refresh the mirror
// when it is older than the direction's refresh minutes, then plan. The job's
// result is the stored plan (a stopped plan is a result, its stop says why).
// One preview per corp and direction runs at a time.
func (s *Services) StartPlanSync(corpID int64, d syncer.Direction, actor string) (jobs.Started, error) {
	if _, err := syncer.ParseDirection(string(d)); err != nil {
		return jobs.Started{}, err
	}
	spec := jobs.Spec{Kind: jobs.KindPlan, CorpID: corpID, StartedBy: actor, Exclusive: fmt.Sprintf("plan:%d:%s", corpID, d)}
	return s.Jobs.Start(spec, func(ctx context.Context, h *jobs.Handle) (any, error) {
		h.Progress(PhaseRefreshing, 0, 0)
		if err := s.RefreshMirror(ctx, corpID, d); err != nil {
			return nil, err
		}
		h.Progress(PhasePlanning, 0, 0)
		plan, err := s.planNow(ctx, corpID, d, actor)
		if plan != nil {
			h.SetPlan(plan.ID)
		}
		return plan, err
	})
}

// launchScheduled is the scheduler's tick: the scheduled sync runs as a job
// (kind scheduled-sync, started by system:schedule) listed with its corp and
// cancellable by id. A tick while an apply or an earlier scheduled sync of
// the same corp and direction runs is skipped (logged).
func (s *Services) launchScheduled(e syncer.ScheduleEntry) {
	spec := jobs.Spec{Kind: jobs.KindScheduledSync, CorpID: e.CorpID, StartedBy: "system:" + string(syncer.TriggerSchedule),
		Exclusive: syncKey(e.CorpID, e.Direction)}
	_, err := s.Jobs.Start(spec, func(ctx context.Context, h *jobs.Handle) (any, error) {
		h.Progress(PhasePlanning, 0, 0)
		plan, run, err := s.scheduler.RunOnce(ctx, e.CorpID, e.Direction, e.Full, syncer.TriggerSchedule)
		if plan != nil {
			h.SetPlan(plan.ID)
		}
		if run != nil {
			return run, err
		}
		return plan, err
	})
	if err != nil {
		s.Log.Warn("scheduled sync skipped", "corp", e.CorpID, "direction", e.Direction, "err", err)
	}
}

// pullAsJob pulls the corp's contacts as a pull job of its own (listed with
// its corp, cancellable by id) and waits for it; the scheduler's pulls go
// through it. When a pull of the corp already runs, it waits for that one.
// Ending ctx cancels the pull job it started.
func (s *Services) pullAsJob(ctx context.Context, corpID int64, trigger, actor string) (*mirror.Run, error) {
	client, cred, err := s.pullTarget(ctx, corpID, 0)
	if err != nil {
		return nil, err
	}
	spec := jobs.Spec{Kind: jobs.KindPull, CorpID: corpID, StartedBy: actor, Exclusive: pullKey(corpID)}
	started, err := s.Jobs.Start(spec, func(ctx context.Context, _ *jobs.Handle) (any, error) {
		return s.Mirror.Pull(ctx, corpID, client, cred, trigger, actor)
	})
	id := started.JobID
	if err != nil {
		running := s.Jobs.List(jobs.Filter{CorpID: corpID, Kind: jobs.KindPull, RunningOnly: true})
		if len(running) == 0 {
			return nil, err
		}
		id = running[0].ID
	}
	j, err := s.Jobs.Wait(ctx, id)
	if err != nil {
		if started.JobID != "" {
			s.Jobs.Cancel(started.JobID)
		}
		return nil, err
	}
	run, _ := j.Result.(*mirror.Run)
	if j.State != jobs.Done {
		if j.Error != nil {
			return run, &usererr.Error{Message: *j.Error}
		}
		return run, errors.New("the pull job ended " + string(j.State))
	}
	return run, nil
}

func pullKey(corpID int64) string { return fmt.Sprintf("pull:%d", corpID) }
