package services

import (
	"context"
	"errors"

	"wecom-bridge/backend/actor"
	"wecom-bridge/backend/contactsync"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/wecom"
)

// newContactSync is the contact callbacks' processor: mirror, bindings and
// the debounced incremental sync of this process.
func (s *Services) newContactSync() *contactsync.Service {
	who := actor.Of("callback")
	return contactsync.New(contactsync.Deps{
		Mirror: s.Mirror,
		Reader: func(ctx context.Context, corpID int64) (*wecom.Client, wecom.Credential, error) {
			return s.pullTarget(ctx, corpID, 0)
		},
		RenameBinding: func(ctx context.Context, corpID int64, oldID, newID string) (int, error) {
			return s.Review.RenameUserID(ctx, corpID, oldID, newID, who)
		},
		Rematch: func(ctx context.Context, corpID int64) error {
			_, err := s.Rematch(ctx, corpID, who)
			return err
		},
		RematchTouched: func(ctx context.Context, corpID int64, userIDs []string) error {
			_, err := s.Review.RematchTouched(ctx, corpID, who, userIDs, nil)
			return err
		},
		Plan: s.callbackPlan,
		Log:  s.Log,
	})
}

// callbackPlan runs, for each direction whose schedule is set, what its
// schedule runs (syncer.Scheduler.RunOnce, trigger callback): applied when
// the safety checks pass, else kept as a preview and the admins told.
// Without a running scheduler (CLI) nothing runs.
func (s *Services) callbackPlan(ctx context.Context, corpID int64) error {
	if s.scheduler == nil {
		return nil
	}
	var errs []error
	for _, d := range []syncer.Direction{syncer.FromWeCom, syncer.ToWeCom} {
		opt, err := s.Sync.GetOptions(ctx, corpID, d)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if opt.Schedule.Cron == "" && opt.Schedule.ForceCron == "" {
			continue
		}
		if _, _, err := s.scheduler.RunOnce(ctx, corpID, d, false, syncer.TriggerCallback); err != nil && !errors.Is(err, syncer.ErrPlanStopped) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
