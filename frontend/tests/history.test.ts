// The history page: rows of previews and runs, the resume button of an
// interrupted run, report downloads, the report drawer, and opening a
// preview that waits to be applied in the sync page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import HistoryView from '@/views/HistoryView.vue'
import ReportDrawer from '@/views/history/ReportDrawer.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { applyJob, demoCorp, historyEntry, jobsBackend, run } from './sync-fixtures'

vi.mock('@/api', async (importOriginal) => (await import('./sync-fixtures')).syncApiMock(importOriginal))

/** Clicks the message box's confirm (last) or cancel (first) button. */
async function answer(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
  await settle()
}

const entries = [
  historyEntry({ planId: 43, runId: 10, status: 'interrupted', done: 12, failed: 0, trigger: 'schedule', startedBy: 'scheduler' }),
  historyEntry({ planId: 42, runId: 0, kind: 'preview', status: 'superseded', durationMs: 340 }),
  historyEntry(),
]

describe('sync history', () => {
  beforeEach(() => {
    vi.mocked(api.listPendingPreviews).mockResolvedValue([]) // Go returns an empty list, never null
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoCorp }))
    vi.mocked(api.listSyncHistory).mockResolvedValue({ entries, total: 3 })
    vi.mocked(api.listSyncPlanOps).mockResolvedValue({ ops: [], total: 0 })
  })
  afterEach(() => {
    vi.clearAllMocks()
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('lists previews and runs, with a resume button on the interrupted run only', async () => {
    const { wrapper } = await mountApp(HistoryView, { path: '/history' })
    expect(api.listSyncHistory).toHaveBeenCalledWith(7, { direction: '', kind: '', offset: 0, limit: 20 })
    const interrupted = wrapper.find('[data-testid="history-row-run-10"]')
    expect(interrupted.classes()).toContain('interrupted')
    expect(interrupted.text()).toContain('定时')
    expect(interrupted.text()).toContain('已中断')
    expect(interrupted.find('[data-testid="history-resume-10"]').exists()).toBe(true)

    const preview = wrapper.find('[data-testid="history-row-preview-42"]')
    expect(preview.text()).toContain('预览')
    expect(preview.text()).toContain('340 毫秒')
    expect(preview.find('[data-testid^="history-report-xlsx-"]').exists()).toBe(false)

    const done = wrapper.find('[data-testid="history-row-run-9"]')
    expect(done.text()).toContain('34 / 34 / 0')
    expect(done.text()).toContain('2.1 秒')
    expect(done.find('[data-testid="history-resume-9"]').exists()).toBe(false)

    // Resuming writes the rest of the plan: it asks first, naming the run; cancelled, nothing runs.
    // The resume runs as a job; the page waits for that job's end.
    jobsBackend().known.set('job-r', applyJob({ id: 'job-r', kind: 'resume', runId: 10, state: 'done', result: run({ id: 10, status: 'done' }) }))
    vi.mocked(api.resumeSyncRun).mockResolvedValue('job-r')
    await interrupted.find('[data-testid="history-resume-10"]').trigger('click')
    await settle()
    const question = document.querySelector('.history-resume-confirm')?.textContent
    expect(question).toContain('继续执行同步 #10（本地 → 企业微信）')
    expect(question).toContain('剩余的 22 项操作')
    await answer(false)
    expect(api.resumeSyncRun).not.toHaveBeenCalled()

    await interrupted.find('[data-testid="history-resume-10"]').trigger('click')
    await settle()
    await answer(true)
    expect(api.resumeSyncRun).toHaveBeenCalledWith(10)
    expect(api.listSyncHistory).toHaveBeenCalledTimes(2)
  })

  it('downloads a run report and opens the report drawer from the sync page link', async () => {
    vi.mocked(api.exportSyncReport).mockResolvedValue({ name: 'sync-report-9.xlsx', path: '/data/exports/sync-report-9.xlsx', downloadUrl: '/api/download/x', bytes: 10 })
    const { wrapper } = await mountApp(HistoryView, { path: '/history?run=9' })
    await settle()
    const drawer = document.querySelector('[data-testid="history-report"]')!
    expect(drawer.textContent).toContain('同步报告 #9')
    expect(drawer.querySelector('[data-testid="report-count-create_user"]')!.getAttribute('data-count')).toBe('16')

    await wrapper.find('[data-testid="history-report-xlsx-9"]').trigger('click')
    await settle()
    expect(api.exportSyncReport).toHaveBeenCalledWith(9, 'xlsx')
    expect(document.body.textContent).toContain('/data/exports/sync-report-9.xlsx')

    // Closed, it stays closed when the list is refreshed.
    const drawerOpen = () => wrapper.findComponent(ReportDrawer).props('modelValue')
    expect(drawerOpen()).toBe(true)
    wrapper.findComponent(ReportDrawer).vm.$emit('update:modelValue', false) // its close button, once the transition ends
    await settle()
    expect(drawerOpen()).toBe(false)
    await wrapper.find('[data-testid="history-refresh"]').trigger('click')
    await settle()
    expect(api.listSyncHistory).toHaveBeenCalledTimes(2)
    expect(drawerOpen()).toBe(false)
  })

  it('opens a pending preview in the sync page; a blocked scheduled one is the prominent action', async () => {
    vi.mocked(api.listSyncHistory).mockResolvedValue({
      entries: [
        historyEntry({ planId: 45, runId: 0, kind: 'preview', status: 'preview', trigger: 'schedule', startedBy: 'system:schedule', blocked: true, done: 0 }),
        historyEntry({ planId: 44, runId: 0, kind: 'preview', status: 'preview', done: 0 }),
        ...entries,
      ],
      total: 5,
    })
    const { wrapper, router } = await mountApp(HistoryView, { path: '/history' })
    const blocked = wrapper.find('[data-testid="history-row-preview-45"]')
    const manual = wrapper.find('[data-testid="history-row-preview-44"]')
    expect(blocked.classes()).toContain('awaits-review')
    const prominent = blocked.find('[data-testid="history-review-45"]')
    expect(prominent.text()).toBe('在同步预览中打开')
    expect(prominent.attributes('data-prominent')).toBe('true')
    expect(prominent.classes()).not.toContain('is-link')
    const plain = manual.find('[data-testid="history-review-44"]')
    expect(plain.attributes('data-prominent')).toBe('false')
    expect(plain.classes()).toContain('is-link')
    // Superseded previews and runs cannot be applied: no such action; the others stay.
    expect(wrapper.find('[data-testid="history-review-42"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="history-row-run-9"] [data-testid^="history-review-"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="history-resume-10"]').exists()).toBe(true)
    expect(manual.find('[data-testid="history-open-preview-44"]').exists()).toBe(true)

    await prominent.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/sync'), { timeout: 5000 })
    expect(router.currentRoute.value.query).toEqual({ plan: '45' })

    // The report drawer of a pending preview offers the same.
    await router.push('/history')
    await settle()
    await manual.find('[data-testid="history-open-preview-44"]').trigger('click')
    await settle()
    expect(document.querySelector('[data-testid="report-plan-pending"]')!.textContent).toContain('此预览尚未执行')
    document.querySelector<HTMLElement>('[data-testid="report-review"]')!.click()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/sync?plan=44'), { timeout: 5000 })
  })

  it('an empty history says so and points to the sync page', async () => {
    vi.mocked(api.listSyncHistory).mockResolvedValue({ entries: [], total: 0 })
    const { wrapper } = await mountApp(HistoryView, { path: '/history' })
    expect(wrapper.find('[data-testid="history-empty"]').text()).toContain('还没有同步记录')
    expect(wrapper.find('[data-testid="history-go-sync"]').attributes('href')).toBe('/sync')
    expect(wrapper.find('[data-testid="history-no-match"]').exists()).toBe(false)
  })

  it('a filter that hides every row is "no match", with a button that clears the filters', async () => {
    const { wrapper } = await mountApp(HistoryView, { path: '/history' })
    // The status filter narrows the page shown: nothing on it was cancelled.
    await wrapper.find('[data-testid="history-filter-status"]').trigger('click')
    await settle()
    document.querySelector<HTMLElement>('[data-testid="history-status-cancelled"]')!.click()
    await settle()
    expect(wrapper.find('[data-testid^="history-row-"]').exists()).toBe(false)
    const noMatch = wrapper.find('[data-testid="history-no-match"]')
    expect(noMatch.text()).toContain('没有符合筛选条件的记录')
    expect(noMatch.text()).toContain('状态只筛选当前页')
    expect(wrapper.find('[data-testid="history-empty"]').exists()).toBe(false)

    // The backend filters the kind: an empty answer is "no match" too.
    vi.mocked(api.listSyncHistory).mockResolvedValue({ entries: [], total: 0 })
    await wrapper.find('[data-testid="history-filter-kind"]').trigger('click')
    await settle()
    document.querySelector<HTMLElement>('[data-testid="history-kind-preview"]')!.click()
    await settle()
    expect(api.listSyncHistory).toHaveBeenLastCalledWith(7, { direction: '', kind: 'preview', offset: 0, limit: 20 })
    expect(wrapper.find('[data-testid="history-no-match"]').exists()).toBe(true)

    vi.mocked(api.listSyncHistory).mockResolvedValue({ entries, total: 3 })
    await wrapper.find('[data-testid="history-clear-filters"]').trigger('click')
    await settle()
    expect(api.listSyncHistory).toHaveBeenLastCalledWith(7, { direction: '', kind: '', offset: 0, limit: 20 })
    expect(wrapper.findAll('[data-testid^="history-row-"]')).toHaveLength(3)
    expect(wrapper.find('[data-testid="history-no-match"]').exists()).toBe(false)
  })
})
