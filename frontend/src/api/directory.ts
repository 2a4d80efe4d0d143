// Backend calls of the directory page: the local department tree and
// accounts, manual edits, CSV/XLSX import (preview, then apply exactly the
// preview) and export. Views import them through '@/api'.
import {
  AddDirectoryAccount,
  AddDirectoryDepartment,
  ApplyDirectoryImport,
  DeleteDirectoryDepartment,
  ExportDirectory,
  GetDirectoryTree,
  ListDirectoryAccounts,
  MoveDirectoryDepartment,
  PreviewDirectoryImport,
  ReinstateDirectoryAccount,
  RenameDirectoryDepartment,
  ResignDirectoryAccount,
  UpdateDirectoryAccount,
} from '../../wailsjs/go/main/App'
import { directory as models, type services } from '../../wailsjs/go/models'
import { call } from './call'
import { runJob } from './jobs'
import type { FileExport } from './transfer'
import type { Plain } from './plain'

export type DeptNode = Plain<models.DeptNode>
export type DirectoryDepartment = Plain<models.Department>
export type DirectoryAccount = Plain<models.Account>
export type DirectoryAccountInput = Plain<models.AccountInput>
export type DirectoryAccountRow = Plain<models.AccountRow>
export type DirectoryAccountPage = Plain<models.AccountPage>
export type DirectoryQuery = Plain<models.Query>
/** What an applied import changed (backend/directory ApplyResult, the import job's result). */
export interface DirectoryApplyResult {
  previewId: number
  added: number
  updated: number
  resigned: number
  departmentsCreated: number
}
export type ImportRow = Plain<models.ImportRow>
export type ImportFieldChange = Plain<models.FieldChange>
export type ImportUpdateRow = Plain<models.UpdateRow>
export type ImportResignRow = Plain<models.ResignRow>
export type ImportRejection = Plain<models.Rejection>
export type ImportResignWarning = Plain<models.ResignWarning>
export type DirectoryPreview = Plain<models.Preview>

/** services.ImportPreview: exact counts, and each list of the preview cut at rowsCappedAt rows. */
export type DirectoryImportPreview = Omit<Plain<services.ImportPreview>, 'preview'> & { preview: DirectoryPreview }

export type DirectoryExportFormat = 'csv' | 'xlsx'
export type DirectoryHeaderLanguage = 'zh' | 'en'

function accountInput(input: DirectoryAccountInput): models.AccountInput {
  return models.AccountInput.createFrom({ ...input, deptIds: [...input.deptIds] })
}

/** The department tree, roots first, with active member counts. */
export async function getDirectoryTree(): Promise<DeptNode[]> {
  return call(() => GetDirectoryTree())
}

/** One page of accounts (limit 1..200), filtered and sorted by the backend. */
export async function listDirectoryAccounts(query: DirectoryQuery): Promise<DirectoryAccountPage> {
  return call(() => ListDirectoryAccounts(models.Query.createFrom(query)))
}

/**
 * Compares an uploaded file (see uploadFile) with the directory. Nothing
 * changes until applyDirectoryImport. Rejects when the whole file is
 * unusable (no data rows, no account column…), with the reason.
 */
export async function previewDirectoryImport(uploadId: string, fileName: string, fullSnapshot: boolean): Promise<DirectoryImportPreview> {
  return (await call(() => PreviewDirectoryImport(uploadId, fileName, fullSnapshot))) as DirectoryImportPreview
}

/** Applies exactly the previewed import (a job, followed by its own id); a flagged preview needs its resign count confirmed. */
export function applyDirectoryImport(previewId: number, confirmResignCount: number): Promise<DirectoryApplyResult> {
  return runJob<DirectoryApplyResult>(() => ApplyDirectoryImport(previewId, confirmResignCount))
}

export function addDirectoryAccount(input: DirectoryAccountInput): Promise<DirectoryAccount> {
  return call(() => AddDirectoryAccount(accountInput(input)))
}

/** Replaces the fields and departments (main first); the status is left alone. */
export function updateDirectoryAccount(id: number, input: DirectoryAccountInput): Promise<DirectoryAccount> {
  return call(() => UpdateDirectoryAccount(id, accountInput(input)))
}

export function resignDirectoryAccount(id: number): Promise<DirectoryAccount> {
  return call(() => ResignDirectoryAccount(id))
}

export function reinstateDirectoryAccount(id: number): Promise<DirectoryAccount> {
  return call(() => ReinstateDirectoryAccount(id))
}

/** Creates a department under parentId (0: at the top level). */
export function addDirectoryDepartment(parentId: number, name: string): Promise<DirectoryDepartment> {
  return call(() => AddDirectoryDepartment(parentId, name))
}

export function renameDirectoryDepartment(id: number, name: string): Promise<DirectoryDepartment> {
  return call(() => RenameDirectoryDepartment(id, name))
}

/** Moves a department and everything below it under newParentId (0: the top level). */
export function moveDirectoryDepartment(id: number, newParentId: number): Promise<DirectoryDepartment> {
  return call(() => MoveDirectoryDepartment(id, newParentId))
}

/** Deletes a department without sub-departments or accounts (resigned ones count). */
export function deleteDirectoryDepartment(id: number): Promise<void> {
  return call(() => DeleteDirectoryDepartment(id))
}

/** Writes the whole directory as a file; hand it to offerDownload. */
export function exportDirectory(format: DirectoryExportFormat, lang: DirectoryHeaderLanguage): Promise<FileExport> {
  return runJob<FileExport>(() => ExportDirectory(format, lang))
}
