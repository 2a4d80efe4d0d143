// Backend calls of the bindings page (账号绑定): pulling WeCom contacts into
// the mirror, the review rows and their actions, pickers, audit, and the
// binding files (export, 关联导入). Views import them through '@/api'.
import {
  ApplyBindingImport,
  BindingCandidates,
  BindManual,
  ConfirmBindings,
  ConfirmHighConfidence,
  CountHighConfidence,
  CreateLocalAccountsForUnbound,
  ExportBindings,
  GetBindingAudit,
  GetBindingSummary,
  GetMirrorSummary,
  ListBindings,
  ListPullRuns,
  PreviewBindingImport,
  PullCorp,
  RejectBindings,
  RematchBindings,
  ResolveAmbiguous,
  SearchBindingLocals,
  SearchBindingMembers,
  UnbindBindings,
} from '../../wailsjs/go/main/App'
import { review, type mirror } from '../../wailsjs/go/models'
import { call } from './call'
import { onEvent, type Unsubscribe } from './events'
import { runJob, type Job } from './jobs'
import { pullProgressEvent } from './generated/contract'
import type { FileExport } from './transfer'
import type { Plain } from './plain'

/** A pull as History shows it; times are ISO strings on the wire. */
export type PullRun = Omit<Plain<mirror.Run>, 'startedAt' | 'finishedAt'> & { startedAt: string; finishedAt: string }
/** What the last pull brought in; pulledAt is an ISO string, absent before the first pull. */
export type MirrorSummary = Omit<Plain<mirror.Summary>, 'pulledAt' | 'lastRun'> & {
  pulledAt?: string
  lastRun?: PullRun
}
export type BindingSummary = Plain<review.Summary>
export type HighConfidenceCount = Plain<review.HighConfidence>
export type BindingRow = Plain<review.Row>
/** A candidate of an ambiguous row. In a list page it carries only its account or userid; the picker's come whole. */
export type BindingCandidate = Plain<review.Candidate>
export type BindingCandidateList = Plain<review.CandidateList>
export type BindingPage = Plain<review.Page>
export type BindingQuery = Plain<review.Query>
export type BindingPerson = Plain<review.Person>
export type BindingAuditEntry = Plain<review.AuditEntry>
export type BindingAuditPage = Plain<review.AuditPage>
export type BindingImportPreview = Plain<review.ImportPreview>
export type BindingImportPair = Plain<review.ImportPair>
export type BindingImportReject = Plain<review.ImportReject>

/** Sort orders of the list (backend/review/list.go). */
export type BindingSort = '' | 'account' | 'userid' | 'name' | 'confidence' | '-confidence' | 'method' | 'state'
/** Key fields a 关联导入 file may name the local account by. */
export type BindingImportKey = 'account' | 'employee_no' | 'mobile' | 'email'
export type BindingExportFormat = 'xlsx' | 'csv'
/** The largest page ListBindings and GetBindingAudit return. */
export const maxBindingPage = 200

/** Payload of each "pull:progress" event (backend/events Progress). */
export interface PullProgress {
  job: string
  /** "departments" while fetching, "saving" while swapping, then the run's status on the final event. */
  phase: string
  done: number
  failed: number
  total: number
  message?: string
  final: boolean
}


/** Audit page request; the backend's AuditQuery has Go field names on the wire. */
export interface BindingAuditQuery {
  offset: number
  limit: number
  account?: string
  userid?: string
}

/** Starts pulling the corp's WeCom contacts (agentId 0: its first app); returns the job id to follow. */
export async function startPull(corpId: number, agentId = 0): Promise<string> {
  return (await call(() => PullCorp(corpId, agentId))).jobId
}

/** The pull run a finished pull job recorded (null when it ended before one was recorded). */
export function pullRunOf(job: Job): PullRun | null {
  return job.result ? (job.result as PullRun) : null
}

export function onPullProgress(handler: (progress: PullProgress) => void): Unsubscribe {
  return onEvent<PullProgress>(pullProgressEvent, handler)
}

export async function getMirrorSummary(corpId: number): Promise<MirrorSummary> {
  return (await call(() => GetMirrorSummary(corpId))) as unknown as MirrorSummary
}

export async function listPullRuns(corpId: number, limit = 10): Promise<PullRun[]> {
  return (await call(() => ListPullRuns(corpId, limit))) as unknown as PullRun[]
}

/** Recomputes the proposals from the directory and the last pull; decisions are kept.
 * onUpdate sees the job's phases: read, lookup (done of total), match, save. */
export function rematchBindings(corpId: number, onUpdate?: (job: Job) => void): Promise<BindingSummary> {
  return runJob<BindingSummary>(() => RematchBindings(corpId), onUpdate)
}

export function getBindingSummary(corpId: number): Promise<BindingSummary> {
  return call(() => GetBindingSummary(corpId))
}

export async function listBindings(corpId: number, query: BindingQuery): Promise<BindingPage> {
  return call(() => ListBindings(corpId, review.Query.createFrom(query)))
}

/** Resolves how many rows changed. */
export function confirmBindings(corpId: number, rowIds: number[]): Promise<number> {
  return call(() => ConfirmBindings(corpId, rowIds))
}

export function rejectBindings(corpId: number, rowIds: number[]): Promise<number> {
  return call(() => RejectBindings(corpId, rowIds))
}

/** Confirms key and name+department proposals at or above minConfidence; lone name matches stay. */
export function confirmHighConfidence(corpId: number, minConfidence: number): Promise<number> {
  return call(() => ConfirmHighConfidence(corpId, minConfidence))
}

/** What confirmHighConfidence(minConfidence) would confirm now, per method. */
export function countHighConfidence(corpId: number, minConfidence: number): Promise<HighConfidenceCount> {
  return call(() => CountHighConfidence(corpId, minConfidence))
}

/** Rejects with the existing binding named when either side is bound, unless force. */
export function bindManual(corpId: number, account: string, userid: string, force = false): Promise<void> {
  return call(() => BindManual(corpId, account, userid, force))
}

/** More than one row needs confirmCount equal to their number (the count shown to the admin). */
export function unbindBindings(corpId: number, rowIds: number[], confirmCount: number): Promise<number> {
  return call(() => UnbindBindings(corpId, rowIds, confirmCount))
}

/** chosen is the candidate's account (row anchored on a member) or userid (anchored on an account). */
/** The namesake picker's candidates of one ambiguous row, with their details (a list page carries only their ids). */
export async function bindingCandidates(corpId: number, rowId: number): Promise<BindingCandidateList> {
  return call(() => BindingCandidates(corpId, rowId))
}

export function resolveAmbiguous(corpId: number, rowId: number, chosen: string): Promise<void> {
  return call(() => ResolveAmbiguous(corpId, rowId, chosen))
}

export async function searchBindingLocals(corpId: number, q: string, limit = 20): Promise<BindingPerson[]> {
  return call(() => SearchBindingLocals(corpId, q, limit))
}

export async function searchBindingMembers(corpId: number, q: string, limit = 20): Promise<BindingPerson[]> {
  return call(() => SearchBindingMembers(corpId, q, limit))
}

/** Creates a local account for each unbound member counted in summary.toCreate, and binds it. */
export function createLocalAccountsForUnbound(corpId: number): Promise<number> {
  return call(() => CreateLocalAccountsForUnbound(corpId))
}

export async function getBindingAudit(corpId: number, q: BindingAuditQuery): Promise<BindingAuditPage> {
  const query = review.AuditQuery.createFrom({ offset: q.offset, limit: q.limit, account: q.account ?? '', userid: q.userid ?? '' })
  return call(() => GetBindingAudit(corpId, query))
}

/** Writes every row matching the query (paging ignored) as a file to download or open. */
export function exportBindings(corpId: number, format: BindingExportFormat, query: BindingQuery): Promise<FileExport> {
  return runJob<FileExport>(() => ExportBindings(corpId, format, review.Query.createFrom(query)))
}

/** Reads an uploaded 关联导入 file (uploadFile first); nothing is bound until applyBindingImport. */
export async function previewBindingImport(
  corpId: number,
  uploadId: string,
  fileName: string,
  keyField: BindingImportKey,
): Promise<BindingImportPreview> {
  return call(() => PreviewBindingImport(corpId, uploadId, fileName, keyField))
}

/** Binds exactly the preview's pairs; refused once the bindings changed since. Resolves how many were bound. */
export function applyBindingImport(corpId: number, previewId: number): Promise<number> {
  return runJob<number>(() => ApplyBindingImport(corpId, previewId))
}
