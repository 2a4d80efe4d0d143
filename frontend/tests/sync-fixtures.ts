// Plans, trees and runs for the sync and history page tests, and a partial
// mock of '@/api': the constants and pure helpers stay real.
import { vi } from 'vitest'
import type { HistoryEntry, Job, PlanOp, PlanTreeNode, SyncPlan, SyncRun } from '@/api'
import { fakeRuntime } from './fake-runtime'

export async function syncApiMock(importOriginal: () => Promise<typeof import('@/api')>) {
  const real = await importOriginal()
  return {
    ...real,
    getStartStatus: vi.fn(),
    getAppInfo: vi.fn(),
    planSync: vi.fn(),
    runningPreview: vi.fn(),
    previewOf: vi.fn(),
    getSyncPlan: vi.fn(),
    listSyncPlanOps: vi.fn(),
    getSyncPlanTree: vi.fn(),
    applySync: vi.fn(),
    resumeSyncRun: vi.fn(),
    getSyncRun: vi.fn(),
    getSyncOptions: vi.fn(),
    setSyncOptions: vi.fn(),
    exportSyncPlan: vi.fn(),
    exportSyncReport: vi.fn(),
    onSyncProgress: vi.fn(),
    onSyncOps: vi.fn(),
    listSyncHistory: vi.fn(),
    listPendingPreviews: vi.fn().mockResolvedValue([]),
    discardPendingPreview: vi.fn(),
    onSyncPending: vi.fn(),
    setActiveCorp: vi.fn(),
  }
}

export const demoCorp = { id: 7, name: '演示企业 (DEMO)', corpId: 'wwdemo', demo: true }

export function plan(overrides: Partial<SyncPlan> = {}): SyncPlan {
  return {
    id: 41,
    corpId: 7,
    direction: 'to-wecom',
    status: 'preview',
    fingerprint: 'f',
    options: {} as SyncPlan['options'],
    summary: {
      counts: { create_department: 15, create_user: 16, move_user: 3 },
      total: 34,
      removals: 0,
      sourceUsers: 19,
      targetUsers: 482,
      usersAfter: 498,
      notCreated: 0,
      untouched: 0,
      warnings: 0,
      unconfirmed: 0,
    },
    blocked: false,
    hardBlocked: false,
    confirmRemovals: false,
    confirmCreates: false,
    untouched: [],
    wecomReadAt: '2026-01-02T03:00:00Z',
    reasons: [],
    warnings: [],
    trigger: 'manual',
    createdBy: 'admin',
    createdAt: '2026-01-02T03:04:05Z',
    durationMs: 12,
    ...overrides,
  }
}

export function blockedPlan(): SyncPlan {
  const p = plan()
  return {
    ...p,
    blocked: true,
    confirmRemovals: true,
    summary: { ...p.summary, counts: { ...p.summary.counts, disable_user: 60 }, total: 94, removals: 60 },
    reasons: [{ code: 'removals_count', args: {}, zh: '本计划会禁用或删除 60 名用户，超过了安全阈值 50。', en: 'this plan disables or deletes 60 users' }],
  }
}

export function node(key: string, state: string, overrides: Partial<PlanTreeNode> = {}): PlanTreeNode {
  return { key, parentKey: '', name: key, state, added: 0, updated: 0, removed: 0, children: 0, ...overrides }
}

export function op(seq: number, overrides: Partial<PlanOp> = {}): PlanOp {
  return {
    seq,
    type: 'create_user',
    phase: 2,
    target: `user${seq}`,
    path: '总部/研发中心',
    after: { userid: `user${seq}`, name: `用户${seq}`, departments: [{ key: 'dept:L2', path: '总部/研发中心' }] },
    reason: 'new_user',
    why: { code: 'sync_reason_new_user', args: {}, zh: '同步源新增的用户', en: 'User only exists on the source side' },
    state: 'pending',
    ...overrides,
  }
}

export function run(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    id: 9,
    planId: 41,
    corpId: 7,
    direction: 'to-wecom',
    status: 'done',
    trigger: 'manual',
    startedBy: 'admin',
    startedAt: '2026-01-02T03:05:00Z',
    finishedAt: '2026-01-02T03:05:02Z',
    durationMs: 2100,
    total: 34,
    done: 34,
    failed: 0,
    resumes: 0,
    notApplied: 0,
    ...overrides,
  }
}

export function historyEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    planId: 41,
    runId: 9,
    corpId: 7,
    direction: 'to-wecom',
    kind: 'run',
    status: 'done',
    trigger: 'manual',
    startedBy: 'admin',
    startedAt: '2026-01-02T03:05:00Z',
    durationMs: 2100,
    summary: plan().summary,
    blocked: false,
    hardBlocked: false,
    total: 34,
    done: 34,
    failed: 0,
    ...overrides,
  }
}

/** An apply job of the demo corp's plan 41 (backend/jobs Job). */
export function applyJob(over: Partial<Job> = {}): Job {
  return {
    id: 'job-a', kind: 'apply', corpId: 7, planId: 41, runId: 0, state: 'running', phase: '', done: 0, failed: 0, total: 34,
    startedBy: 'desktop:alice', startedAt: '', finishedAt: '', result: null, error: null, ...over,
  }
}

/**
 * The bound App's job methods and the Wails runtime's events, stubbed on
 * window, so the real jobs api (followJob, cancelJob, listJobs) runs
 * against them. known is what GetJob answers; update() is a job:update event.
 */
export function jobsBackend() {
  const runtime = fakeRuntime()
  const known = new Map<string, Job>()
  const app = {
    GetJob: vi.fn(async (id: string) => known.get(id)),
    ListJobs: vi.fn(async () => [] as Job[]),
    CancelJob: vi.fn(async () => {}),
  }
  vi.stubGlobal('runtime', runtime)
  vi.stubGlobal('go', { main: { App: app } })
  return {
    app,
    known,
    update(j: Job) {
      known.set(j.id, j)
      runtime.emit('job:update', j)
    },
  }
}
