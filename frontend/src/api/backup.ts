// Backups of the data directory (backend/backup, services/backup.go): the
// daily schedule, the archives in <data>/backups, and a backup on request
// (a job whose result is the archive written). Restore is the CLI's: it
// needs the app closed.
import { GetBackupState, SetBackupSettings, StartBackup } from '../../wailsjs/go/main/App'
import { services } from '../../wailsjs/go/models'
import { call } from './call'
import { runJob, type Job } from './jobs'
import type { Plain } from './plain'

export type BackupState = Plain<services.BackupState>
export type BackupSettings = Plain<services.BackupSettings>
export type BackupArchive = BackupState['archives'][number]

/** What a finished backup job returns (backend/backup Result). */
export interface BackupResult {
  path: string
  sizeBytes: number
  encrypted: boolean
}

export function getBackupState(): Promise<BackupState> {
  return call(() => GetBackupState())
}

export async function setBackupSettings(s: BackupSettings): Promise<void> {
  await call(() => SetBackupSettings(services.BackupSettings.createFrom(s)))
}

/** Writes a backup now (encrypted when passphrase is not empty) and resolves with the archive. */
export function backupNow(passphrase: string, onUpdate?: (job: Job) => void): Promise<BackupResult> {
  return runJob<BackupResult>(() => StartBackup(passphrase), onUpdate)
}
