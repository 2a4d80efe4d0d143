package services

import (
	"context"
	"fmt"

	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/syncer"
)

// Long work (pull, rematch, apply, resume, imports, exports) starts as a job:
// the bound method returns {jobId} at once, the work runs on the registry's
// background context (closing the page does not stop it), its events carry
// the job id with its corp and plan, and CancelJob names the job.

// StartPull starts a pull of the corp's WeCom contacts (agentID 0: its first
// app). What is wrong with the corp's setup is refused at once; one pull per
// corp runs at a time.
func (s *Services) StartPull(corpID, agentID int64, actor string) (jobs.Started, error) {
	client, cred, err := s.pullTarget(context.Background(), corpID, agentID)
	if err != nil {
		return jobs.Started{}, err
	}
	spec := jobs.Spec{Kind: jobs.KindPull, CorpID: corpID, StartedBy: actor, Exclusive: pullKey(corpID)}
	return s.Jobs.Start(spec, func(ctx context.Context, _ *jobs.Handle) (any, error) {
		return s.Mirror.Pull(ctx, corpID, client, cred, mirror.TriggerManual, actor)
	})
}

// StartRematch starts recomputing the corp's binding proposals; its phases
// (read, lookup with done of total, match, save) are the job's progress and
// its result is the review summary.
func (s *Services) StartRematch(corpID int64, actor string) (jobs.Started, error) {
	spec := jobs.Spec{Kind: jobs.KindRematch, CorpID: corpID, StartedBy: actor, Exclusive: fmt.Sprintf("rematch:%d", corpID)}
	return s.Jobs.Start(spec, func(ctx context.Context, h *jobs.Handle) (any, error) {
		return s.RematchProgress(ctx, corpID, actor, h.Progress)
	})
}

// syncKey is the exclusive key of applies and resumes: one per corp and direction.
func syncKey(corpID int64, d syncer.Direction) string { return fmt.Sprintf("sync:%d:%s", corpID, d) }

// ApplyStart is what asking to apply a plan comes to: an Admission (a
// stale, blocked, stopped or already applied plan, or one that needs its
// numbers confirmed, is an outcome, not an error) and, when it started, the
// job to follow.
type ApplyStart struct {
	syncer.Admission
	JobID string `json:"jobId,omitempty"`
}

// StartApply checks a reviewed plan against the inputs as they are now and,
// when it may be applied, starts applying exactly that plan as a job; an
// unknown plan is an error. The job's result is the run, also when it ended
// with failed operations or was cancelled (it can then be resumed).
func (s *Services) StartApply(planID int64, confirm syncer.Confirm, actor string) (ApplyStart, error) {
	ctx := context.Background()
	plan, err := s.Sync.GetPlan(ctx, planID)
	if err != nil {
		return ApplyStart{}, err
	}
	in, err := s.GatherSyncInputs(ctx, plan.CorpID, plan.Direction)
	if err != nil {
		return ApplyStart{}, err
	}
	if a := s.Sync.Admit(plan, &in, confirm); !a.Started() {
		return ApplyStart{Admission: a}, nil
	}
	spec := jobs.Spec{Kind: jobs.KindApply, CorpID: plan.CorpID, PlanID: plan.ID, StartedBy: actor, Exclusive: syncKey(plan.CorpID, plan.Direction)}
	started, err := s.Jobs.Start(spec, func(ctx context.Context, _ *jobs.Handle) (any, error) {
		return s.ApplySync(ctx, planID, confirm, actor)
	})
	if err != nil {
		return ApplyStart{}, err
	}
	return ApplyStart{Admission: syncer.Admission{Outcome: syncer.OutcomeStarted}, JobID: started.JobID}, nil
}

// StartResume starts continuing an interrupted, cancelled or failed run.
func (s *Services) StartResume(runID int64, actor string) (jobs.Started, error) {
	run, err := s.Sync.GetRun(context.Background(), runID)
	if err != nil {
		return jobs.Started{}, err
	}
	spec := jobs.Spec{Kind: jobs.KindResume, CorpID: run.CorpID, PlanID: run.PlanID, RunID: run.ID, StartedBy: actor,
		Exclusive: syncKey(run.CorpID, run.Direction)}
	return s.Jobs.Start(spec, func(ctx context.Context, _ *jobs.Handle) (any, error) {
		return s.ResumeSyncRun(ctx, runID)
	})
}
