// Backend calls of the sync page (同步预览): plan, tree diff, operations,
// apply with its events, options and exports. Views import them through '@/api'.
import {
  ApplySync,
  DiscardPendingPreview,
  ExportSyncPlan,
  ExportSyncReport,
  GetSyncOptions,
  GetSyncPlan,
  GetSyncPlanTree,
  GetSyncRun,
  ListPendingPreviews,
  ListSyncPlanOps,
  PlanSync,
  ResumeSyncRun,
  SetSyncOptions,
} from '../../wailsjs/go/main/App'
import { syncer } from '../../wailsjs/go/models'
import { call } from './call'
import type { Message } from './message'
import { followJob, jobResult, listJobs, runJob, type Job } from './jobs'
import { onEvent, type Unsubscribe } from './events'
import type { FileExport } from './transfer'
import { syncOpEvent, syncPendingEvent, syncProgressEvent, type SyncDirection } from './generated/contract'
import type { Plain } from './plain'


export type SyncPlan = Plain<syncer.Plan>
export type PlanSummary = Plain<syncer.Summary>
export type PlanWarning = Plain<syncer.Warning>
export type PlanTreeNode = Plain<syncer.TreeNode>
export type PlanOp = Plain<syncer.Op>
export type OpValues = Plain<syncer.Values>
export type OpPage = Plain<syncer.OpPage>
export type OpQuery = Plain<syncer.OpQuery>
export type SyncRun = Plain<syncer.Run>
export type SyncOptions = Plain<syncer.Options>
export type SyncExportFormat = 'xlsx' | 'json'
/** A preview a schedule or a contact callback made and did not apply (backend syncer.PendingPreview). */
export type PendingPreview = Plain<syncer.PendingPreview>

/** Payload of "sync:progress" (backend/events Progress); job is "run:<id>". */
export interface SyncProgress {
  job: string
  phase: string
  done: number
  failed: number
  total: number
  message?: string
  final: boolean
}

/** One finished operation of "sync:op" (backend/syncer/op_events.go); events carry arrays of them. */
export interface FinishedOp {
  runId: number
  seq: number
  type: string
  target: string
  path?: string
  state: string
  note?: Message
  errcode?: number
  /** What failed, technical: WeCom's errmsg or the error. */
  errmsg?: string
  /** What to do about it. */
  fix?: Message
}


/** The run id of a progress job ("run:12" → 12), or 0 for another job. */
export function runIdOfJob(job: string): number {
  const match = /^run:(\d+)$/.exec(job)
  return match ? Number(match[1]) : 0
}

/**
 * Computes and stores a preview as a job (phases refreshing, a pull's own,
 * planning; onUpdate sees them) and resolves with the plan. A plan that
 * stopped is a result: status "stopped", its stop says why.
 */
export async function planSync(corpId: number, direction: SyncDirection, onUpdate?: (job: Job) => void): Promise<SyncPlan> {
  return runJob<SyncPlan>(() => PlanSync(corpId, direction), onUpdate)
}

/** The corp's running preview job, for a page that opens while it runs (null when none). */
export async function runningPreview(corpId: number): Promise<Job | null> {
  const running = await listJobs({ corpId, kind: 'plan', runningOnly: true })
  return running[0] ?? null
}

/** Follows a preview job found by asking to its plan. */
export async function previewOf(job: Pick<Job, 'id'>, onUpdate?: (job: Job) => void): Promise<SyncPlan> {
  return jobResult<SyncPlan>(await followJob(job.id, onUpdate).done)
}

export async function getSyncPlan(planId: number): Promise<SyncPlan> {
  return call(() => GetSyncPlan(planId))
}

/** One page of a plan's operations (limit 1..200). */
export async function listSyncPlanOps(planId: number, query: OpQuery): Promise<OpPage> {
  return call(() => ListSyncPlanOps(planId, syncer.OpQuery.createFrom(query)))
}

/** The children of parentKey in the plan's tree diff ("" = the top). */
export async function getSyncPlanTree(planId: number, parentKey: string): Promise<PlanTreeNode[]> {
  return call(() => GetSyncPlanTree(planId, parentKey))
}

/**
 * Starts applying the plan and returns the job id to follow. confirmRemovals and confirmCreates
 * are -1 unless the plan asks for them (confirmRemovals / confirmCreates).
 */
export async function applySync(planId: number, confirmRemovals: number, confirmCreates = -1): Promise<ApplyStart> {
  const started = await call(() => ApplySync(planId, confirmRemovals, confirmCreates))
  return { ...started, jobId: started.jobId ?? '' } as ApplyStart
}

/**
 * What asking to apply comes to (backend syncer.Admission): started with a
 * job to follow, or an outcome the page shows as a state, never an error.
 */
export type ApplyOutcome = 'started' | 'stale' | 'blocked' | 'needs_confirmation' | 'stopped' | 'applied'

export interface ApplyStart {
  outcome: ApplyOutcome
  /** Why it did not start, in both languages (absent when it started). */
  message?: Message
  /** The numbers to type before it applies (needs_confirmation). */
  confirmRemovals?: number
  confirmCreates?: number
  /** The run to resume (applied). */
  runId?: number
  /** The job to follow ('' unless it started). */
  jobId: string
}

/** Starts continuing an interrupted, cancelled or failed run and returns the job id to follow. */
export async function resumeSyncRun(runId: number): Promise<string> {
  return (await call(() => ResumeSyncRun(runId))).jobId
}

/** The run an apply or resume job ended with (also cancelled or with failures); null when none started. */
export function syncRunOf(job: Job): SyncRun | null {
  const run = job.result as SyncRun | null
  return run && run.id ? run : null
}

export function getSyncRun(runId: number): Promise<SyncRun> {
  return call(() => GetSyncRun(runId))
}

export async function getSyncOptions(corpId: number, direction: SyncDirection): Promise<SyncOptions> {
  return call(() => GetSyncOptions(corpId, direction))
}

export function setSyncOptions(corpId: number, direction: SyncDirection, options: SyncOptions): Promise<void> {
  return call(() => SetSyncOptions(corpId, direction, syncer.Options.createFrom(options)))
}

export function exportSyncPlan(planId: number, format: SyncExportFormat): Promise<FileExport> {
  return runJob<FileExport>(() => ExportSyncPlan(planId, format))
}

export function exportSyncReport(runId: number, format: SyncExportFormat): Promise<FileExport> {
  return runJob<FileExport>(() => ExportSyncReport(runId, format))
}

export function onSyncProgress(handler: (progress: SyncProgress) => void): Unsubscribe {
  return onEvent<SyncProgress>(syncProgressEvent, handler)
}

export function onSyncOps(handler: (ops: FinishedOp[]) => void): Unsubscribe {
  return onEvent<FinishedOp[]>(syncOpEvent, handler)
}

/** The pending previews of a corp (0: of every corp), newest unattended plan per corp and direction. */
export async function listPendingPreviews(corpId = 0): Promise<PendingPreview[]> {
  return call(() => ListPendingPreviews(corpId))
}

/** Stops a pending preview from waiting (it stays in the history). */
export function discardPendingPreview(planId: number): Promise<void> {
  return call(() => DiscardPendingPreview(planId))
}

/** "sync:pending": a corp's pending previews changed (kept, applied or discarded). */
export function onSyncPending(handler: (payload: { corpId: number }) => void): Unsubscribe {
  return onEvent<{ corpId: number }>(syncPendingEvent, handler)
}
