// Applying a plan: the progress bar follows "sync:progress", live rows follow
// "sync:op", cancel and resume use the run id, and a stale plan offers a new preview.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import { type FinishedOp, type SyncProgress, type SyncRun } from '@/api'
import SyncView from '@/views/SyncView.vue'
import { apiError, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { demoCorp, op, plan, run } from './sync-fixtures'

vi.mock('@/api', async (importOriginal) => (await import('./sync-fixtures')).syncApiMock(importOriginal))

let progress: (p: SyncProgress) => void = () => {}
let finished: (ops: FinishedOp[]) => void = () => {}

async function startApply() {
  const mounted = await mountApp(SyncView, { path: '/sync' })
  await mounted.wrapper.find('[data-testid="sync-preview"]').trigger('click')
  await settle()
  await mounted.wrapper.find('[data-testid="sync-apply"]').trigger('click')
  await settle()
  document.querySelector<HTMLButtonElement>('[data-testid="apply-confirm"]')!.click()
  await settle()
  return mounted
}

describe('sync apply', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoCorp }))
    vi.mocked(api.planSync).mockResolvedValue(plan())
    vi.mocked(api.getSyncPlanTree).mockResolvedValue([])
    vi.mocked(api.listSyncPlanOps).mockResolvedValue({ ops: [], total: 0 })
    vi.mocked(api.onSyncProgress).mockImplementation((handler) => {
      progress = handler
      return () => {}
    })
    vi.mocked(api.onSyncOps).mockImplementation((handler) => {
      finished = handler
      return () => {}
    })
  })
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('moves the progress bar with the events, shows live rows, cancels and resumes the run', async () => {
    let endApply: (r: SyncRun) => void = () => {}
    vi.mocked(api.applySync).mockReturnValue(new Promise((resolve) => (endApply = resolve)))
    vi.mocked(api.cancelSyncRun).mockResolvedValue()
    const { wrapper } = await startApply()
    expect(api.applySync).toHaveBeenCalledWith(41, -1)

    const bar = () => wrapper.find('[data-testid="apply-progress"]')
    expect(bar().attributes('data-total')).toBe('34')
    progress({ job: 'import:3', phase: '', done: 99, failed: 0, total: 99, final: false }) // another job
    progress({ job: 'run:9', phase: 'users', done: 10, failed: 1, total: 34, final: false })
    finished([
      { runId: 9, seq: 1, type: 'create_department', target: '研发中心', state: 'done' },
      { runId: 9, seq: 2, type: 'create_user', target: 'lina', state: 'failed', errcode: 60104, errmsg: 'mobile existed', fix: '手机号已被占用' },
    ])
    await settle()
    expect(bar().attributes('data-done')).toBe('10')
    expect(bar().attributes('data-failed')).toBe('1')
    expect(wrapper.find('[data-testid="apply-counts"]').text()).toContain('待执行 23')
    const live = wrapper.find('[data-testid="apply-live"]')
    expect(live.findAll('.live-row')).toHaveLength(2)
    expect(live.findAll('.live-row')[0].text()).toContain('60104')

    await wrapper.find('[data-testid="apply-cancel"]').trigger('click')
    expect(api.cancelSyncRun).toHaveBeenCalledWith(9)

    endApply(run({ status: 'cancelled', done: 10, failed: 1 }))
    await settle()
    const result = wrapper.find('[data-testid="apply-result"]')
    expect(result.attributes('data-status')).toBe('cancelled')
    expect(result.find('[data-testid="apply-report-link"]').attributes('href')).toContain('/history?run=9')

    vi.mocked(api.resumeSyncRun).mockResolvedValue(run())
    await wrapper.find('[data-testid="apply-resume"]').trigger('click')
    await settle()
    expect(api.resumeSyncRun).toHaveBeenCalledWith(9)
    expect(wrapper.find('[data-testid="apply-result"]').attributes('data-status')).toBe('done')
    expect(wrapper.find('[data-testid="apply-resume"]').exists()).toBe(false)
  })

  it('a run that ended with failures shows them with errcode and fix', async () => {
    vi.mocked(api.applySync).mockImplementation(async () => {
      progress({ job: 'run:9', phase: 'failed', done: 33, failed: 1, total: 34, final: true })
      throw apiError('sync_failed', '1 项操作失败', '1 operation failed')
    })
    vi.mocked(api.getSyncRun).mockResolvedValue(run({ status: 'failed', done: 33, failed: 1 }))
    vi.mocked(api.listSyncPlanOps).mockImplementation(async (_id, q) =>
      q.state === 'failed'
        ? { ops: [op(5, { state: 'failed', errcode: 60104, errmsg: 'mobile existed', fix: '手机号已被其他成员占用：修改后重新预览' })], total: 1 }
        : { ops: [], total: 0 },
    )
    const { wrapper } = await startApply()
    expect(api.getSyncRun).toHaveBeenCalledWith(9)
    const result = wrapper.find('[data-testid="apply-result"]')
    expect(result.attributes('data-status')).toBe('failed')
    expect(result.find('[data-testid="apply-failed-5"]').text()).toContain('错误码 60104')
    expect(result.find('[data-testid="apply-failed-5"]').text()).toContain('手机号已被其他成员占用')
    expect(result.find('[data-testid="apply-resume"]').exists()).toBe(true)
  })

  it('a stale plan offers to preview again', async () => {
    vi.mocked(api.applySync).mockRejectedValue(apiError('stale_plan', '计划已过期：本地通讯录或企业微信在预览后有变化，请重新预览', 'The plan is stale: the directory or WeCom changed since it was previewed, so preview again.'))
    const { wrapper } = await startApply()
    expect(wrapper.find('[data-testid="apply-error"]').text()).toContain('计划已过期')
    vi.mocked(api.planSync).mockResolvedValue(plan({ id: 42 }))
    await wrapper.find('[data-testid="apply-repreview"]').trigger('click')
    await settle()
    expect(api.planSync).toHaveBeenCalledTimes(2)
    expect(wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('42')
  })
})
