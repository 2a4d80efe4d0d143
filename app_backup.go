package main

import (
	"wecom-bridge/backend/contract"
	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/services"
)

// GetBackupState returns the daily backup's settings, where archives go and the archives there.
func (a *App) GetBackupState() (services.BackupState, error) {
	return contract.Result(a.svc.BackupState(a.ctx))
}

// SetBackupSettings stores the daily schedule (on/off, how many to keep).
func (a *App) SetBackupSettings(in services.BackupSettings) error {
	return a.svc.SetBackupSettings(a.ctx, in)
}

// StartBackup writes a backup archive now (encrypted with passphrase when it is not empty); returns {jobId}.
func (a *App) StartBackup(passphrase string) (jobs.Started, error) {
	return contract.Result(a.svc.StartBackup(passphrase, a.svc.Actor))
}
