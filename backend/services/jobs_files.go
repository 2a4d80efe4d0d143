package services

import (
	"context"

	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/review"
)

// Imports and exports run as jobs too: a 100,000-row import or a large
// report must not hold the call (and, in serve mode, an HTTP request) open.
// An export's result is the file to download (transfer.FileExport).

// StartDirectoryImport starts applying exactly a reviewed directory import
// (confirmResignCount when it was flagged); the result is what it changed.
func (s *Services) StartDirectoryImport(previewID int64, confirmResignCount int, actor string) (jobs.Started, error) {
	spec := jobs.Spec{Kind: jobs.KindDirectoryImport, StartedBy: actor, Exclusive: "directory-import"}
	return s.Jobs.Start(spec, func(ctx context.Context, _ *jobs.Handle) (any, error) {
		return s.Directory.Apply(ctx, previewID, confirmResignCount)
	})
}

// StartBindingImport starts applying exactly a reviewed bindings import of
// a corp; the result is how many pairs it bound.
func (s *Services) StartBindingImport(corpID, previewID int64, actor string) (jobs.Started, error) {
	spec := jobs.Spec{Kind: jobs.KindBindingImport, CorpID: corpID, StartedBy: actor}
	return s.Jobs.Start(spec, func(ctx context.Context, _ *jobs.Handle) (any, error) {
		return s.Review.ApplyImport(ctx, previewID, actor)
	})
}

func (s *Services) startExport(corpID, planID int64, actor string, write func(ctx context.Context) (any, error)) (jobs.Started, error) {
	spec := jobs.Spec{Kind: jobs.KindExport, CorpID: corpID, PlanID: planID, StartedBy: actor}
	return s.Jobs.Start(spec, func(ctx context.Context, _ *jobs.Handle) (any, error) { return write(ctx) })
}

// StartExportDirectory starts writing the directory as "csv" or "xlsx" with a "zh" or "en" header.
func (s *Services) StartExportDirectory(format, lang, actor string) (jobs.Started, error) {
	return s.startExport(0, 0, actor, func(ctx context.Context) (any, error) { return s.ExportDirectory(ctx, format, lang) })
}

// StartExportBindings starts writing a corp's review rows (filtered) as "csv" or "xlsx".
func (s *Services) StartExportBindings(corpID int64, format string, q review.Query, actor string) (jobs.Started, error) {
	return s.startExport(corpID, 0, actor, func(ctx context.Context) (any, error) { return s.ExportBindings(ctx, corpID, format, q) })
}

// StartExportSyncPlan starts writing a plan as "json" or "xlsx".
func (s *Services) StartExportSyncPlan(planID int64, format, actor string) (jobs.Started, error) {
	plan, err := s.Sync.GetPlan(context.Background(), planID)
	if err != nil {
		return jobs.Started{}, err
	}
	return s.startExport(plan.CorpID, planID, actor, func(ctx context.Context) (any, error) { return s.ExportSyncPlan(ctx, planID, format) })
}

// StartExportSyncReport starts writing a run's report as "json" or "xlsx".
func (s *Services) StartExportSyncReport(runID int64, format, actor string) (jobs.Started, error) {
	run, err := s.Sync.GetRun(context.Background(), runID)
	if err != nil {
		return jobs.Started{}, err
	}
	return s.startExport(run.CorpID, run.PlanID, actor, func(ctx context.Context) (any, error) { return s.ExportSyncReport(ctx, runID, format) })
}
