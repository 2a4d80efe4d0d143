package services

import (
	"context"
	"errors"
	"fmt"
	"io"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/transfer"
)

// PlanSync computes and stores a plan for the corp in one direction, with its
// stored options. Nothing is written to WeCom or the directory. A plan that
// stopped is a result (Status "stopped", Stop says why), not an error. The
// UI starts it as a job (StartPlanSync).
func (s *Services) PlanSync(ctx context.Context, corpID int64, d syncer.Direction, actor string) (*syncer.Plan, error) {
	if err := s.RefreshMirror(ctx, corpID, d); err != nil {
		return nil, err
	}
	return s.planNow(ctx, corpID, d, actor)
}

// planNow is PlanSync without the refresh: gather the inputs as they are and plan.
func (s *Services) planNow(ctx context.Context, corpID int64, d syncer.Direction, actor string) (*syncer.Plan, error) {
	in, err := s.GatherSyncInputs(ctx, corpID, d)
	if err != nil {
		return nil, err
	}
	opt, err := s.Sync.GetOptions(ctx, corpID, d)
	if err != nil {
		return nil, err
	}
	plan, err := s.Sync.Plan(ctx, corpID, d, in, opt, actor, syncer.TriggerManual)
	if errors.Is(err, syncer.ErrPlanStopped) && plan != nil {
		return plan, nil // a stopped plan is an outcome: status "stopped", its stop says why
	}
	return plan, err
}

// ApplySync applies exactly a reviewed plan (refused when its inputs
// changed) and blocks until the run ends. A blocked plan needs the typed
// number of removals and/or creates. The UI starts it as a job
// (StartApply), which runs it on the registry's background context.
func (s *Services) ApplySync(ctx context.Context, planID int64, confirm syncer.Confirm, actor string) (*syncer.Run, error) {
	plan, err := s.Sync.GetPlan(ctx, planID)
	if err != nil {
		return nil, err
	}
	in, err := s.GatherSyncInputs(ctx, plan.CorpID, plan.Direction)
	if err != nil {
		return nil, err
	}
	t, err := s.SyncTargets(ctx, plan.CorpID, plan.Direction)
	if err != nil {
		return nil, err
	}
	return s.Sync.ApplyConfirmed(ctx, planID, in, t, confirm, actor)
}

// ResumeSyncRun continues an interrupted or cancelled run.
func (s *Services) ResumeSyncRun(ctx context.Context, runID int64) (*syncer.Run, error) {
	run, err := s.Sync.GetRun(ctx, runID)
	if err != nil {
		return nil, err
	}
	t, err := s.SyncTargets(ctx, run.CorpID, run.Direction)
	if err != nil {
		return nil, err
	}
	return s.Sync.Resume(ctx, runID, t)
}

// ExportSyncPlan writes a plan as "json" or "xlsx" for download.
func (s *Services) ExportSyncPlan(ctx context.Context, planID int64, format string) (*transfer.FileExport, error) {
	return s.Transfer.CreateExport(fmt.Sprintf("sync-plan-%d", planID), format, func(w io.Writer) error {
		return s.Sync.ExportPlan(ctx, planID, w, format, s.uiLanguage(ctx))
	})
}

// ExportSyncReport writes a run's report as "json" or "xlsx" for download.
func (s *Services) ExportSyncReport(ctx context.Context, runID int64, format string) (*transfer.FileExport, error) {
	return s.Transfer.CreateExport(fmt.Sprintf("sync-report-%d", runID), format, func(w io.Writer) error {
		return s.Sync.Report(ctx, runID, w, format, s.uiLanguage(ctx))
	})
}

// RunSyncCLI implements `wecom-bridge sync plan|apply|options|history|report`.
func (s *Services) RunSyncCLI(ctx context.Context, args []string, stdout io.Writer) error {
	return syncer.RunCLI(ctx, s.Sync, syncer.CLIDeps{
		ResolveCorp: s.resolveCorpID,
		Gather:      s.GatherSyncInputs,
		Targets:     s.SyncTargets,
		Refresh:     s.RefreshMirror,
	}, args, stdout)
}

// SetSyncOptions stores a direction's options and reloads the schedule.
func (s *Services) SetSyncOptions(ctx context.Context, corpID int64, d syncer.Direction, o syncer.Options) error {
	if err := s.Sync.SetOptions(ctx, corpID, d, o); err != nil {
		return err
	}
	if s.scheduler != nil {
		return s.scheduler.Reload(ctx)
	}
	return nil
}

// StartDemo starts the demo corp and gives it sync options that make sense
// for a first try: the sample directory is mounted under the WeCom root, and
// new accounts become members.
func (s *Services) StartDemo(ctx context.Context) (*corp.Corp, error) {
	c, err := s.Corps.StartDemo(ctx)
	if err != nil {
		return nil, err
	}
	o, err := s.Sync.GetOptions(ctx, c.ID, syncer.ToWeCom)
	if err != nil {
		return nil, err
	}
	o.TopDepartment, o.CreateUsers = 1, true
	if err := s.SetSyncOptions(ctx, c.ID, syncer.ToWeCom, o); err != nil {
		return nil, err
	}
	return c, nil
}

// uiLanguage is the admin's UI language ("zh-CN" or "en"), for exports.
func (s *Services) uiLanguage(ctx context.Context) string {
	lang, _ := s.Store.GetSetting(ctx, settingLanguage, "zh-CN")
	return lang
}
