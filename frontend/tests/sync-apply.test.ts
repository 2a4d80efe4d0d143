// Applying a plan as a job: the page follows its own job id (the real jobs
// api over a stand-in for the bound App and the Wails runtime), shows that
// job's progress and its run's live rows only, cancels by job id, resumes,
// reopens onto a running job by asking, and takes the stale-plan path from
// the job's error code.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { FinishedOp, Job } from '@/api'
import SyncView from '@/views/SyncView.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { applyJob, demoCorp, jobsBackend, op, plan, run } from './sync-fixtures'

vi.mock('@/api', async (importOriginal) => (await import('./sync-fixtures')).syncApiMock(importOriginal))

let finished: (ops: FinishedOp[]) => void = () => {}
let backend: ReturnType<typeof jobsBackend>
const job = applyJob
const update = (j: Job) => backend.update(j)
const msg = (code: string, zh: string, en: string) => ({ code, args: {}, zh, en })

async function startApply() {
  const mounted = await mountApp(SyncView, { path: '/sync' })
  await settle()
  await mounted.wrapper.find('[data-testid="sync-preview"]').trigger('click')
  await settle()
  await mounted.wrapper.find('[data-testid="sync-apply"]').trigger('click')
  await settle()
  document.querySelector<HTMLButtonElement>('[data-testid="apply-confirm"]')!.click()
  await settle()
  return mounted
}

describe('sync apply follows its own job', () => {
  beforeEach(() => {
    vi.mocked(api.listPendingPreviews).mockResolvedValue([]) // Go returns an empty list, never null
    backend = jobsBackend()
    backend.known.set('job-a', job())
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoCorp }))
    vi.mocked(api.planSync).mockResolvedValue(plan())
    vi.mocked(api.getSyncPlan).mockResolvedValue(plan())
    vi.mocked(api.getSyncPlanTree).mockResolvedValue([])
    vi.mocked(api.listSyncPlanOps).mockResolvedValue({ ops: [], total: 0 })
    vi.mocked(api.applySync).mockResolvedValue({ outcome: 'started', jobId: 'job-a' })
    vi.mocked(api.onSyncOps).mockImplementation((handler) => {
      finished = handler
      return () => {}
    })
  })
  afterEach(() => {
    vi.clearAllMocks()
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows its job’s progress and run only while another corp’s apply runs, cancels by job id, resumes', async () => {
    const { wrapper } = await startApply()
    expect(api.applySync).toHaveBeenCalledWith(41, -1, -1)

    const bar = () => wrapper.find('[data-testid="apply-progress"]')
    expect(bar().attributes('data-total')).toBe('34')

    // Another tab's apply on another corp (a scheduled run looks the same): not this page's.
    update(job({ id: 'job-b', corpId: 8, planId: 50, runId: 12, done: 99, total: 99 }))
    update(job({ runId: 9, phase: 'users', done: 10, failed: 1 }))
    finished([
      { runId: 12, seq: 1, type: 'create_user', target: 'other-corp', state: 'done' },
      { runId: 9, seq: 1, type: 'create_department', target: '研发中心', state: 'done' },
      { runId: 9, seq: 2, type: 'create_user', target: 'lina', state: 'failed', errcode: 60104, errmsg: 'mobile existed', fix: msg('errcode_60104', '手机号已被占用', 'Another member has this mobile') },
    ])
    update(job({ id: 'job-b', corpId: 8, planId: 50, runId: 12, state: 'done', done: 99, total: 99, result: run({ id: 12 }) }))
    await settle()
    expect(bar().attributes('data-done')).toBe('10')
    expect(bar().attributes('data-failed')).toBe('1')
    expect(wrapper.find('[data-testid="apply-counts"]').text()).toContain('待执行 23')
    const live = wrapper.find('[data-testid="apply-live"]')
    expect(live.findAll('.live-row')).toHaveLength(2)
    expect(live.text()).not.toContain('other-corp')
    expect(live.findAll('.live-row')[0].text()).toContain('60104')

    await wrapper.find('[data-testid="apply-cancel"]').trigger('click')
    expect(backend.app.CancelJob).toHaveBeenCalledWith('job-a')

    update(job({ runId: 9, state: 'cancelled', done: 10, failed: 1, result: run({ status: 'cancelled', done: 10, failed: 1 }), error: msg('sync_cancelled', '已取消', 'cancelled') }))
    await settle()
    const result = wrapper.find('[data-testid="apply-result"]')
    expect(result.attributes('data-status')).toBe('cancelled')
    expect(result.find('[data-testid="apply-report-link"]').attributes('href')).toContain('/history?run=9')

    backend.known.set('job-r', job({ id: 'job-r', kind: 'resume', runId: 9, state: 'done', done: 34, result: run() }))
    vi.mocked(api.resumeSyncRun).mockResolvedValue('job-r')
    await wrapper.find('[data-testid="apply-resume"]').trigger('click')
    await settle()
    expect(api.resumeSyncRun).toHaveBeenCalledWith(9)
    expect(wrapper.find('[data-testid="apply-result"]').attributes('data-status')).toBe('done')
    expect(wrapper.find('[data-testid="apply-resume"]').exists()).toBe(false)
  }, 20_000)

  it('a run that ended with failures shows them with errcode and fix', async () => {
    backend.known.set('job-a', job({ runId: 9, state: 'failed', done: 33, failed: 1, result: run({ status: 'failed', done: 33, failed: 1 }), error: msg('sync_failed', '1 项操作失败', '1 operation failed') }))
    vi.mocked(api.listSyncPlanOps).mockImplementation(async (_id, q) =>
      q.state === 'failed'
        ? { ops: [op(5, { state: 'failed', errcode: 60104, errmsg: 'mobile existed', fix: msg('errcode_60104', '手机号已被其他成员占用：修改后重新预览', 'Another member has this mobile') })], total: 1 }
        : { ops: [], total: 0 },
    )
    const { wrapper } = await startApply()
    const result = wrapper.find('[data-testid="apply-result"]')
    expect(result.attributes('data-status')).toBe('failed')
    expect(result.find('[data-testid="apply-failed-5"]').text()).toContain('错误码 60104')
    expect(result.find('[data-testid="apply-failed-5"]').text()).toContain('手机号已被其他成员占用')
    expect(result.find('[data-testid="apply-resume"]').exists()).toBe(true)
  })

  it('a stale plan (by its code) offers to preview again', async () => {
    backend.known.set('job-a', job({ state: 'failed', error: msg('stale_plan', '计划已过期：本地通讯录或企业微信在预览后有变化，请重新预览', 'The plan is stale: preview again.') }))
    const { wrapper } = await startApply()
    expect(wrapper.find('[data-testid="apply-error"]').text()).toContain('计划已过期')
    vi.mocked(api.planSync).mockResolvedValue(plan({ id: 42 }))
    await wrapper.find('[data-testid="apply-repreview"]').trigger('click')
    await settle()
    expect(api.planSync).toHaveBeenCalledTimes(2)
    expect(wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('42')
  })

  it('a page that opens while its corp’s apply runs finds that job by asking and follows it', async () => {
    const running = job({ id: 'job-x', runId: 9, done: 5 })
    backend.known.set('job-x', running)
    backend.app.ListJobs.mockResolvedValueOnce([running])
    const { wrapper } = await mountApp(SyncView, { path: '/sync' })
    await settle()
    expect(backend.app.ListJobs).toHaveBeenCalledWith(expect.objectContaining({ corpId: 7, runningOnly: true }))
    expect(api.getSyncPlan).toHaveBeenCalledWith(41)
    update(job({ id: 'job-x', runId: 9, done: 20 }))
    await settle()
    expect(wrapper.find('[data-testid="apply-progress"]').attributes('data-done')).toBe('20')
    await wrapper.find('[data-testid="apply-cancel"]').trigger('click')
    expect(backend.app.CancelJob).toHaveBeenCalledWith('job-x')
    expect(api.applySync).not.toHaveBeenCalled()
  })
})
