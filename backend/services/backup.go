package services

import (
	"context"
	"strconv"
	"time"

	"wecom-bridge/backend/backup"
	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/usererr"
)

// Backups of the data directory: the daily schedule (on by default, keeping
// the newest DefaultBackupKeep), a backup on request (a job), and the list of
// archives in <data>/backups. Restore is the CLI's (`wecom-bridge restore`):
// it needs the app closed.
const (
	settingBackupDaily = "backup.daily"
	settingBackupKeep  = "backup.keep"
	DefaultBackupKeep  = 7
	maxBackupKeep      = 90
	// backupCheckEvery is how often the schedule looks whether a day has
	// passed since the newest daily archive.
	backupCheckEvery = time.Hour
	dailyAfter       = 23 * time.Hour
)

// BackupSettings are the schedule's settings.
type BackupSettings struct {
	Daily bool `json:"daily"`
	Keep  int  `json:"keep"`
}

// BackupState is what the Settings page shows: the schedule, where archives
// go, and the archives there, newest first.
type BackupState struct {
	BackupSettings
	Dir      string           `json:"dir"`
	Archives []backup.Archive `json:"archives"`
}

// BackupSettings returns the schedule's settings (defaults when unset).
func (s *Services) BackupSettings(ctx context.Context) (BackupSettings, error) {
	daily, err := s.Store.GetSetting(ctx, settingBackupDaily, "on")
	if err != nil {
		return BackupSettings{}, err
	}
	keepText, err := s.Store.GetSetting(ctx, settingBackupKeep, strconv.Itoa(DefaultBackupKeep))
	if err != nil {
		return BackupSettings{}, err
	}
	keep, err := strconv.Atoi(keepText)
	if err != nil || keep < 1 || keep > maxBackupKeep {
		keep = DefaultBackupKeep
	}
	return BackupSettings{Daily: daily != "off", Keep: keep}, nil
}

// SetBackupSettings stores the schedule's settings: keep 1 to 90 archives.
func (s *Services) SetBackupSettings(ctx context.Context, in BackupSettings) error {
	if in.Keep < 1 || in.Keep > maxBackupKeep {
		return usererr.New("backup_keep_out_of_range", usererr.Args{"keep": in.Keep, "max": maxBackupKeep})
	}
	daily := "off"
	if in.Daily {
		daily = "on"
	}
	if err := s.Store.SetSetting(ctx, settingBackupDaily, daily); err != nil {
		return err
	}
	return s.Store.SetSetting(ctx, settingBackupKeep, strconv.Itoa(in.Keep))
}

// BackupState returns the settings and the archives.
func (s *Services) BackupState(ctx context.Context) (BackupState, error) {
	set, err := s.BackupSettings(ctx)
	if err != nil {
		return BackupState{}, err
	}
	list, err := backup.List(s.DataDir)
	if err != nil {
		return BackupState{}, err
	}
	return BackupState{BackupSettings: set, Dir: backup.Dir(s.DataDir), Archives: list}, nil
}

// Backup writes an archive of kind into <data>/backups; a daily one then
// prunes the daily archives beyond the kept number.
func (s *Services) Backup(ctx context.Context, kind, passphrase string) (backup.Result, error) {
	out := backup.NewPath(s.DataDir, kind, time.Now(), passphrase != "")
	res, err := backup.Create(ctx, s.Store.DB, s.DataDir, out, backup.Options{Passphrase: passphrase})
	if err != nil || kind != backup.KindDaily {
		return res, err
	}
	set, err := s.BackupSettings(ctx)
	if err != nil {
		return res, err
	}
	_, err = backup.Prune(s.DataDir, backup.KindDaily, set.Keep)
	return res, err
}

// StartBackup starts a backup on request as a job (encrypted when
// passphrase is not empty); its result is the archive written.
func (s *Services) StartBackup(passphrase, actor string) (jobs.Started, error) {
	if passphrase != "" && len([]rune(passphrase)) < backup.MinPassphrase {
		return jobs.Started{}, usererr.New("backup_passphrase_short", usererr.Args{"min": backup.MinPassphrase})
	}
	spec := jobs.Spec{Kind: jobs.KindBackup, StartedBy: actor, Exclusive: "backup"}
	return s.Jobs.Start(spec, func(ctx context.Context, h *jobs.Handle) (any, error) {
		h.Progress("backup", 0, 0)
		return s.Backup(ctx, backup.KindManual, passphrase)
	})
}

// dailyBackupDue reports whether the schedule is on and a day has passed
// since the newest daily archive.
func (s *Services) dailyBackupDue(ctx context.Context, now time.Time) (bool, error) {
	set, err := s.BackupSettings(ctx)
	if err != nil || !set.Daily {
		return false, err
	}
	list, err := backup.List(s.DataDir)
	if err != nil {
		return false, err
	}
	for _, a := range list {
		if a.Kind != backup.KindDaily {
			continue
		}
		t, err := time.Parse(time.RFC3339, a.CreatedAt)
		return err != nil || now.Sub(t) >= dailyAfter, nil
	}
	return true, nil
}

// runDailyBackup takes the daily backup when it is due.
func (s *Services) runDailyBackup(ctx context.Context) {
	due, err := s.dailyBackupDue(ctx, time.Now())
	if err != nil {
		s.Log.Warn("daily backup: cannot read its state", "err", err)
		return
	}
	if !due {
		return
	}
	res, err := s.Backup(ctx, backup.KindDaily, "")
	if err != nil {
		s.Log.Warn("daily backup failed", "err", err)
		return
	}
	s.Log.Info("daily backup", "file", res.Path, "bytes", res.SizeBytes)
}
