package services

import (
	"context"
	"strconv"
	"time"

	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/usererr"
)

// settingRetentionDays is how many days uploads, exports and import
// previews are kept.
const settingRetentionDays = "retention_days"

// Retention bounds, in days.
const (
	DefaultRetentionDays = 7
	maxRetentionDays     = 365
)

// housekeepEvery is how often the background housekeeping runs.
const housekeepEvery = 24 * time.Hour

// HousekeepResult says what one housekeeping run removed.
type HousekeepResult struct {
	Files                 int   `json:"files"` // uploads and exports
	ImportPreviews        int64 `json:"importPreviews"`
	BindingImportPreviews int64 `json:"bindingImportPreviews"`
	SupersededSyncPlans   int64 `json:"supersededSyncPlans"`
	CallbackEvents        int64 `json:"callbackEvents"` // older than callback.Retention (90 days)
}

// RetentionDays is the stored retention (DefaultRetentionDays when unset).
func (s *Services) RetentionDays(ctx context.Context) (int, error) {
	v, err := s.Store.GetSetting(ctx, settingRetentionDays, strconv.Itoa(DefaultRetentionDays))
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxRetentionDays {
		return DefaultRetentionDays, nil
	}
	return n, nil
}

// SetRetentionDays stores the retention: 1 to 365 days.
func (s *Services) SetRetentionDays(ctx context.Context, days int) error {
	if days < 1 || days > maxRetentionDays {
		return usererr.New("retention_out_of_range", usererr.Args{"days": days, "max": maxRetentionDays})
	}
	return s.Store.SetSetting(ctx, settingRetentionDays, strconv.Itoa(days))
}

// Housekeep removes uploads, exports and import previews older than the
// retention, sync plans superseded before it, and callback events older
// than callback.Retention.
func (s *Services) Housekeep(ctx context.Context) (HousekeepResult, error) {
	var r HousekeepResult
	days, err := s.RetentionDays(ctx)
	if err != nil {
		return r, err
	}
	before := time.Now().Add(-time.Duration(days) * 24 * time.Hour)
	if r.Files, err = s.Transfer.RemoveOlderThan(before); err != nil {
		return r, err
	}
	if r.ImportPreviews, err = s.Directory.DeletePreviewsBefore(ctx, before); err != nil {
		return r, err
	}
	if r.BindingImportPreviews, err = s.Review.DeleteImportPreviewsBefore(ctx, before); err != nil {
		return r, err
	}
	if r.SupersededSyncPlans, err = s.Sync.DeleteSupersededBefore(ctx, before); err != nil {
		return r, err
	}
	r.CallbackEvents, err = s.Callbacks.Prune(ctx, time.Now().Add(-callback.Retention))
	return r, err
}

// startHousekeeping runs Housekeep now and then daily, and the daily backup
// when due (checked hourly), until ctx ends or Close; it returns at once.
func (s *Services) startHousekeeping(ctx context.Context) {
	ctx, s.stopHousekeeping = context.WithCancel(ctx)
	s.housekeepDone = make(chan struct{})
	go func() {
		defer close(s.housekeepDone)
		t := time.NewTicker(housekeepEvery)
		defer t.Stop()
		bt := time.NewTicker(backupCheckEvery)
		defer bt.Stop()
		s.runDailyBackup(ctx)
		s.housekeepOnce(ctx)
		for {
			select {
			case <-ctx.Done():
				return
			case <-bt.C:
				s.runDailyBackup(ctx)
			case <-t.C:
				s.housekeepOnce(ctx)
			}
		}
	}()
}

func (s *Services) housekeepOnce(ctx context.Context) {
	r, err := s.Housekeep(ctx)
	if err != nil {
		s.Log.Warn("housekeeping failed", "err", err)
	} else if r != (HousekeepResult{}) {
		s.Log.Info("housekeeping", "files", r.Files, "import_previews", r.ImportPreviews,
			"binding_import_previews", r.BindingImportPreviews, "callback_events", r.CallbackEvents)
	}
}
