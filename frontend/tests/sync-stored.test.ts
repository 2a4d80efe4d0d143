// A stored plan on the sync page: /sync?plan=<id> (History, the review
// message) opens it as if just computed, a plan that can no longer be applied
// is read-only, and without a query the newest preview still waiting to be
// applied comes back, with a banner saying when and by whom it was made.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import { type HistoryEntry, type SyncPlan } from '@/api'
import syncEn from '@/locales/features/sync.en'
import syncZh from '@/locales/features/sync.zh-CN'
import historyEn from '@/locales/features/history.en'
import historyZh from '@/locales/features/history.zh-CN'
import { formatTime } from '@/views/history/history-format'
import SyncView from '@/views/SyncView.vue'
import { planIdOf } from '@/views/sync/use-sync-preview'
import { apiError, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { applyJob, blockedPlan, demoCorp, historyEntry, jobsBackend, op, plan } from './sync-fixtures'

vi.mock('@/api', async (importOriginal) => (await import('./sync-fixtures')).syncApiMock(importOriginal))

/** getSyncPlan answers from these plans, by id. */
function storePlans(...plans: SyncPlan[]) {
  vi.mocked(api.getSyncPlan).mockImplementation(async (id) => {
    const found = plans.find((p) => p.id === id)
    if (!found) throw apiError('plan_not_found', `同步计划 ${id} 不存在`, `sync plan ${id} not found`)
    return found
  })
}

/** listSyncHistory answers with these previews for a direction (newest first). */
function pendingPreviews(byDirection: Record<string, HistoryEntry[]>) {
  vi.mocked(api.listSyncHistory).mockImplementation(async (_corp, q) => {
    const entries = byDirection[q.direction] ?? []
    return { entries, total: entries.length }
  })
}

function previewEntry(planId: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return historyEntry({ planId, runId: 0, kind: 'preview', status: 'preview', done: 0, ...overrides })
}

const scheduledBlocked = (): SyncPlan => ({ ...blockedPlan(), id: 42, direction: 'from-wecom', trigger: 'schedule', createdBy: 'system:schedule' })

const find = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)

describe('a stored plan on the sync page', () => {
  beforeEach(() => {
    vi.mocked(api.listPendingPreviews).mockResolvedValue([]) // Go returns an empty list, never null
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoCorp }))
    vi.mocked(api.getSyncPlanTree).mockResolvedValue([])
    vi.mocked(api.listSyncPlanOps).mockResolvedValue({ ops: [op(1)], total: 1 })
    vi.mocked(api.onSyncProgress).mockReturnValue(() => {})
    vi.mocked(api.onSyncOps).mockReturnValue(() => {})
    pendingPreviews({})
  })
  afterEach(() => {
    vi.clearAllMocks()
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('?plan= opens that plan in its direction, with the tree, the operations and a typed confirmation when blocked', async () => {
    storePlans(scheduledBlocked())
    vi.mocked(api.applySync).mockReturnValue(new Promise(() => {}))
    const { wrapper } = await mountApp(SyncView, { path: '/sync?plan=42' })

    expect(api.getSyncPlan).toHaveBeenCalledWith(42)
    expect(api.planSync).not.toHaveBeenCalled()
    expect(api.listSyncHistory).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="sync-direction-from-wecom"]').classes()).toContain('is-active')
    expect(wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('42')
    expect(wrapper.find('[data-testid="plan-safety"]').attributes('data-blocked')).toBe('true')
    expect(api.getSyncPlanTree).toHaveBeenCalledWith(42, '')
    expect(api.listSyncPlanOps).toHaveBeenCalledWith(42, expect.objectContaining({ offset: 0 }))
    expect(wrapper.find('[data-testid="sync-plan-closed"]').exists()).toBe(false)

    const banner = wrapper.find('[data-testid="sync-stored-banner"]')
    expect(banner.text()).toContain(`显示的是 ${formatTime(scheduledBlocked().createdAt, 'zh-CN')} 由 system:schedule 生成的预览（定时同步）`)
    expect(banner.find('[data-testid="sync-stored-repreview"]').text()).toBe('重新预览')

    await wrapper.find('[data-testid="sync-apply"]').trigger('click')
    await settle()
    const confirm = () => find('apply-confirm') as HTMLButtonElement
    expect(confirm().disabled).toBe(true)
    const input = document.querySelector<HTMLInputElement>('input[data-testid="confirm-removals-input"]')!
    input.value = '60'
    input.dispatchEvent(new Event('input'))
    await settle()
    confirm().click()
    await settle()
    expect(api.applySync).toHaveBeenCalledWith(42, 60, -1)
  })

  it('an applied plan is read-only, says so, and links to its report', async () => {
    storePlans(plan({ id: 41, status: 'applied', runId: 9 }))
    const { wrapper } = await mountApp(SyncView, { path: '/sync?plan=41' })
    const note = wrapper.find('[data-testid="sync-plan-closed"]')
    expect(note.attributes('data-reason')).toBe('applied')
    expect(note.text()).toContain('此预览已执行')
    expect(note.find('[data-testid="sync-closed-report"]').attributes('href')).toContain('/history?run=9')
    expect(wrapper.find('[data-testid="sync-apply"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('41')
  })

  it('a superseded plan is read-only; previewing again replaces it and drops ?plan=', async () => {
    storePlans(plan({ id: 40, status: 'superseded' }))
    vi.mocked(api.planSync).mockResolvedValue(plan({ id: 45 }))
    const { wrapper, router } = await mountApp(SyncView, { path: '/sync?plan=40' })
    const note = wrapper.find('[data-testid="sync-plan-closed"]')
    expect(note.attributes('data-reason')).toBe('superseded')
    expect(note.text()).toContain('已被之后执行的同步计划取代')
    expect(wrapper.find('[data-testid="sync-apply"]').exists()).toBe(false)

    await note.find('[data-testid="sync-closed-repreview"]').trigger('click')
    await settle()
    expect(api.planSync).toHaveBeenCalledWith(7, 'to-wecom', expect.any(Function))
    expect(wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('45')
    expect(wrapper.find('[data-testid="sync-stored-banner"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="sync-plan-closed"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="sync-apply"]').attributes('disabled')).toBeUndefined()
    expect(router.currentRoute.value.query.plan).toBeUndefined()
  })

  it('a plan of another corp is read-only', async () => {
    storePlans(plan({ id: 50, corpId: 8 }))
    const { wrapper } = await mountApp(SyncView, { path: '/sync?plan=50' })
    expect(wrapper.find('[data-testid="sync-plan-closed"]').attributes('data-reason')).toBe('otherCorp')
    expect(wrapper.find('[data-testid="sync-apply"]').exists()).toBe(false)
  })

  it('a stopped plan shows its stop; an unknown plan says it cannot be opened', async () => {
    storePlans(plan({ id: 43, status: 'stopped', stop: { code: 'top_department_missing', args: {}, zh: '顶级部门不存在', en: 'the top department is missing' } }))
    const { wrapper, router } = await mountApp(SyncView, { path: '/sync?plan=43' })
    const stopped = wrapper.find('[data-testid="sync-stopped"]')
    expect(stopped.attributes('data-code')).toBe('top_department_missing')
    expect(stopped.text()).toContain('顶级部门不存在')
    expect(wrapper.find('[data-testid="sync-stored-banner"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="plan-summary"]').exists()).toBe(false)

    // Another plan asked for while the page is open.
    await router.push('/sync?plan=99')
    await settle()
    expect(api.getSyncPlan).toHaveBeenLastCalledWith(99)
    expect(wrapper.find('[data-testid="sync-plan-not-found"]').text()).toContain('无法打开同步计划 #99')
    expect(wrapper.find('[data-testid="sync-stopped"]').exists()).toBe(false)
  })

  it('a plan that went stale before it started is an outcome: no job, the page offers to preview again', async () => {
    storePlans(plan({ id: 41 }))
    const message = { code: 'stale_plan', args: {}, zh: '计划已过期：本地通讯录或企业微信在预览后有变化，请重新预览', en: 'The plan is stale: preview again.' }
    vi.mocked(api.applySync).mockResolvedValue({ outcome: 'stale', message, jobId: '' })
    const { wrapper } = await mountApp(SyncView, { path: '/sync?plan=41' })
    await wrapper.find('[data-testid="sync-apply"]').trigger('click')
    await settle()
    find('apply-confirm')!.click()
    await settle()
    const shown = wrapper.find('[data-testid="apply-error"]')
    expect(shown.attributes('data-outcome')).toBe('stale')
    expect(shown.find('[data-testid="apply-repreview"]').exists()).toBe(true)
  })

  it('a plan whose numbers are not confirmed says what to type, as a warning, not a failure', async () => {
    storePlans(plan({ id: 41 }))
    const message = { code: 'plan_needs_removals', args: { removals: 6 }, zh: '计划 41 被安全设置拦截：……如仍要执行，请输入移除数量 6 确认。', en: 'Plan 41 is blocked: confirm its 6 removals.' }
    vi.mocked(api.applySync).mockResolvedValue({ outcome: 'needs_confirmation', message, confirmRemovals: 6, jobId: '' })
    const { wrapper } = await mountApp(SyncView, { path: '/sync?plan=41' })
    await wrapper.find('[data-testid="sync-apply"]').trigger('click')
    await settle()
    find('apply-confirm')!.click()
    await settle()
    const shown = wrapper.find('[data-testid="apply-error"]')
    expect(shown.attributes('data-outcome')).toBe('needs_confirmation')
    expect(shown.html()).toContain('el-alert--warning')
    expect(shown.text()).toContain('移除数量 6')
    expect(shown.text()).not.toContain('执行失败')
  }, 20000)

  it('a stale stored plan shows the refusal and offers to preview again', async () => {
    storePlans(plan({ id: 41 }))
    // The job ends refused with the stale-plan code; the page goes by the code.
    const stale = { code: 'stale_plan', args: {}, zh: '计划已过期：本地通讯录或企业微信在预览后有变化，请重新预览', en: 'The plan is stale: preview again.' }
    jobsBackend().known.set('job-a', applyJob({ state: 'failed', error: stale }))
    vi.mocked(api.applySync).mockResolvedValue({ outcome: 'started', jobId: 'job-a' })
    const { wrapper } = await mountApp(SyncView, { path: '/sync?plan=41' })
    await wrapper.find('[data-testid="sync-apply"]').trigger('click')
    await settle()
    find('apply-confirm')!.click()
    await settle()
    const error = wrapper.find('[data-testid="apply-error"]')
    expect(error.text()).toContain('计划已过期')
    expect(error.text()).not.toContain('stale') // the Chinese page shows no English
    expect(error.find('[data-testid="apply-repreview"]').exists()).toBe(true)
  })

  it('without a query, shows the newest pending preview of the direction; another direction shows its own or none', async () => {
    storePlans(plan({ id: 40, createdBy: 'desktop:alice' }), scheduledBlocked())
    pendingPreviews({
      'to-wecom': [previewEntry(44, { status: 'stopped' }), previewEntry(40), previewEntry(38)],
      'from-wecom': [],
    })
    const { wrapper } = await mountApp(SyncView, { path: '/sync' })
    expect(api.listSyncHistory).toHaveBeenCalledWith(7, { direction: 'to-wecom', kind: 'preview', offset: 0, limit: 20 })
    expect(api.getSyncPlan).toHaveBeenCalledWith(40)
    expect(wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('40')
    expect(wrapper.find('[data-testid="sync-stored-banner"]').text()).toContain('由 desktop:alice 生成的预览（手动）')
    expect(wrapper.find('[data-testid="sync-apply"]').attributes('disabled')).toBeUndefined()

    await wrapper.find('[data-testid="sync-direction-from-wecom"] input').setValue(true)
    await settle()
    expect(api.listSyncHistory).toHaveBeenLastCalledWith(7, { direction: 'from-wecom', kind: 'preview', offset: 0, limit: 20 })
    expect(wrapper.find('[data-testid="plan-summary"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="sync-stored-banner"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('选择方向后点击「预览」')

    pendingPreviews({ 'to-wecom': [previewEntry(40)], 'from-wecom': [previewEntry(42, { direction: 'from-wecom', trigger: 'schedule', blocked: true })] })
    await wrapper.find('[data-testid="sync-direction-to-wecom"] input').setValue(true)
    await settle()
    expect(wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('40')
    await wrapper.find('[data-testid="sync-direction-from-wecom"] input').setValue(true)
    await settle()
    expect(wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('42')
    expect(wrapper.find('[data-testid="sync-stored-banner"]').text()).toContain('定时同步')
  })

  it('a preview made, then another page and back: the same plan is there', async () => {
    vi.mocked(api.planSync).mockResolvedValue(plan({ id: 46 }))
    const first = await mountApp(SyncView, { path: '/sync' })
    await first.wrapper.find('[data-testid="sync-preview"]').trigger('click')
    await settle()
    expect(first.wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('46')
    expect(first.wrapper.find('[data-testid="sync-stored-banner"]').exists()).toBe(false)
    first.wrapper.unmount()

    storePlans(plan({ id: 46 }))
    pendingPreviews({ 'to-wecom': [previewEntry(46)] })
    const again = await mountApp(SyncView, { path: '/sync' })
    expect(api.planSync).toHaveBeenCalledTimes(1)
    expect(again.wrapper.find('[data-testid="plan-summary"]').attributes('data-plan-id')).toBe('46')
    expect(again.wrapper.find('[data-testid="sync-stored-banner"]').exists()).toBe(true)
  })

  it('reads the plan id of the query', () => {
    expect(planIdOf('42')).toBe(42)
    expect(planIdOf(['7', '8'])).toBe(7)
    expect(planIdOf(undefined)).toBe(0)
    expect(planIdOf('x')).toBe(0)
    expect(planIdOf('-3')).toBe(0)
    expect(planIdOf('1.5')).toBe(0)
  })
})

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort()
}

describe('sync and history strings', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(syncEn)).toEqual(keys(syncZh))
    expect(keys(historyEn)).toEqual(keys(historyZh))
  })
})
