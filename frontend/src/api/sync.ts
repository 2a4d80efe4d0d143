// Backend calls of the sync page (同步预览): plan, tree diff, operations,
// apply with its events, options and exports. Views import them through '@/api'.
import {
  ApplySync,
  ExportSyncPlan,
  ExportSyncReport,
  GetSyncOptions,
  GetSyncPlan,
  GetSyncPlanTree,
  GetSyncRun,
  ListSyncPlanOps,
  PlanSync,
  ResumeSyncRun,
  SetSyncOptions,
} from '../../wailsjs/go/main/App'
import { syncer } from '../../wailsjs/go/models'
import { call } from './call'
import type { Job } from './jobs'
import { onEvent, type Unsubscribe } from './events'
import type { FileExport } from './transfer'

// The bindings resolve to plain JSON, not class instances: drop methods, deeply.
type Plain<T> = T extends (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Plain<T[K]> }
    : T

export type SyncDirection = 'to-wecom' | 'from-wecom'
export const syncDirections: SyncDirection[] = ['to-wecom', 'from-wecom']

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

/** Operation types in the order summaries show them (backend/syncer/ops.go AllOpTypes). */
export const allOpTypes = [
  'create_department', 'update_department', 'move_department', 'delete_department',
  'create_user', 'update_user', 'move_user', 'disable_user', 'enable_user', 'delete_user', 'invite_user',
  'local_create_account', 'local_update_account', 'local_resign_account',
  'local_create_department', 'local_update_department', 'local_move_department',
] as const
export type OpType = (typeof allOpTypes)[number]

/** Tree node states (backend/syncer/planner.go). */
export type NodeState = 'matched' | 'new' | 'removed' | 'moved' | 'renamed' | 'unchanged'

/** Run statuses (backend/syncer/apply.go). */
export const resumableRunStatuses = ['failed', 'cancelled', 'interrupted']

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
  note?: string
  errcode?: number
  errmsg?: string
  fix?: string
  fixEn?: string
}

export const syncProgressEvent = 'sync:progress'
export const syncOpEvent = 'sync:op'

/** The run id of a progress job ("run:12" → 12), or 0 for another job. */
export function runIdOfJob(job: string): number {
  const match = /^run:(\d+)$/.exec(job)
  return match ? Number(match[1]) : 0
}

// Go's nil slices and maps arrive as null; the UI always gets arrays and objects.
function normalizePlan(p: SyncPlan): SyncPlan {
  return {
    ...p,
    summary: { ...p.summary, counts: p.summary?.counts ?? {} },
    reasons: p.reasons ?? [],
    warnings: p.warnings ?? [],
  }
}

export function normalizeOptions(o: SyncOptions): SyncOptions {
  return {
    ...o,
    fields: o.fields ?? {},
    scope: {
      departments: o.scope?.departments ?? [],
      includeUsers: o.scope?.includeUsers ?? [],
      excludeUsers: o.scope?.excludeUsers ?? [],
    },
    safety: o.safety ?? { maxRemovals: 0, maxRemovalPercent: 0, maxUserDrop: 0 },
    schedule: { cron: o.schedule?.cron ?? '', forceCron: o.schedule?.forceCron ?? '', notify: o.schedule?.notify ?? [] },
  }
}

/** Computes and stores a preview; a plan that stopped rejects with its reason. */
export async function planSync(corpId: number, direction: SyncDirection): Promise<SyncPlan> {
  return normalizePlan(await call(() => PlanSync(corpId, direction)))
}

export async function getSyncPlan(planId: number): Promise<SyncPlan> {
  return normalizePlan(await call(() => GetSyncPlan(planId)))
}

/** One page of a plan's operations (limit 1..200). */
export async function listSyncPlanOps(planId: number, query: OpQuery): Promise<OpPage> {
  const page = await call(() => ListSyncPlanOps(planId, syncer.OpQuery.createFrom(query)))
  return { ops: page.ops ?? [], total: page.total }
}

/** The children of parentKey in the plan's tree diff ("" = the top). */
export async function getSyncPlanTree(planId: number, parentKey: string): Promise<PlanTreeNode[]> {
  return (await call(() => GetSyncPlanTree(planId, parentKey))) ?? []
}

/**
 * Starts applying the plan and returns the job id to follow. confirmRemovals and confirmCreates
 * are -1 unless the plan asks for them (confirmRemovals / confirmCreates).
 */
export async function applySync(planId: number, confirmRemovals: number, confirmCreates = -1): Promise<string> {
  return (await call(() => ApplySync(planId, confirmRemovals, confirmCreates))).jobId
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
  return normalizeOptions(await call(() => GetSyncOptions(corpId, direction)))
}

export function setSyncOptions(corpId: number, direction: SyncDirection, options: SyncOptions): Promise<void> {
  return call(() => SetSyncOptions(corpId, direction, syncer.Options.createFrom(options)))
}

export function exportSyncPlan(planId: number, format: SyncExportFormat): Promise<FileExport> {
  return call(() => ExportSyncPlan(planId, format))
}

export function exportSyncReport(runId: number, format: SyncExportFormat): Promise<FileExport> {
  return call(() => ExportSyncReport(runId, format))
}

export function onSyncProgress(handler: (progress: SyncProgress) => void): Unsubscribe {
  return onEvent<SyncProgress>(syncProgressEvent, handler)
}

export function onSyncOps(handler: (ops: FinishedOp[]) => void): Unsubscribe {
  return onEvent<FinishedOp[] | null>(syncOpEvent, (ops) => handler(ops ?? []))
}
