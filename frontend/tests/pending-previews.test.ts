// The pending-preview banner: previews a schedule or a contact callback made
// and did not apply, on the home page (every corp) and the Sync page (the
// active corp), loaded on open and on each "sync:pending" event, gone once
// applied or discarded, in the admin's language.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { PendingPreview } from '@/api'
import { formatDateTime } from '@/format/time'
import HomeView from '@/views/HomeView.vue'
import SyncView from '@/views/SyncView.vue'
import { apiError, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { demoCorp, plan } from './sync-fixtures'

vi.mock('@/api', async (importOriginal) => (await import('./sync-fixtures')).syncApiMock(importOriginal))

const at = '2026-12-07T10:30:00Z'

function pending(overrides: Partial<PendingPreview> = {}): PendingPreview {
  return {
    planId: 61,
    corpId: 7,
    corpName: '星河科技',
    corpDemo: false,
    direction: 'to-wecom',
    trigger: 'callback',
    createdAt: at,
    total: 3,
    removals: 0,
    blocked: false,
    why: {
      code: 'sync_schedule_manual',
      args: { plan: 61, n: 3 },
      zh: '自动执行已关闭：同步计划 61（3 项操作）保留为预览，等待管理员执行',
      en: 'Auto-apply is off: sync plan 61 (3 operations) is kept as a preview for an admin to apply.',
    },
    ...overrides,
  }
}

/** Captures the "sync:pending" listener so a test can fire the event. */
function pendingEvents() {
  const handlers: ((p: { corpId: number }) => void)[] = []
  const off = vi.fn()
  vi.mocked(api.onSyncPending).mockImplementation((h) => {
    handlers.push(h)
    return off
  })
  return { fire: (corpId: number) => handlers.forEach((h) => h({ corpId })), off, count: () => handlers.length }
}

const items = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="pending-preview"]'))
const banner = () => document.querySelector<HTMLElement>('[data-testid="pending-previews"]')

describe('pending previews banner', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoCorp }))
    vi.mocked(api.getSyncOptions).mockRejectedValue(apiError('x', 'x', 'x'))
    vi.mocked(api.listSyncHistory).mockResolvedValue({ entries: [], total: 0 })
    vi.mocked(api.onSyncProgress).mockReturnValue(() => {})
    vi.mocked(api.onSyncOps).mockReturnValue(() => {})
    vi.mocked(api.getSyncPlanTree).mockResolvedValue([])
    vi.mocked(api.listSyncPlanOps).mockResolvedValue({ ops: [], total: 0 })
  })
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('home lists every corp’s pending previews with why, and opens one on the Sync page of its corp', async () => {
    const events = pendingEvents()
    const blocked = pending({
      planId: 72,
      corpId: 8,
      corpName: '演示企业 (DEMO)',
      corpDemo: true,
      direction: 'from-wecom',
      trigger: 'schedule',
      total: 1,
      blocked: true,
      why: { code: 'sync_schedule_blocked', args: {}, zh: '同步计划 72 被安全设置拦截，等待审核：删除过多', en: 'Sync plan 72 is blocked by the safety settings and waits for review: too many removals' },
    })
    vi.mocked(api.listPendingPreviews).mockResolvedValue([pending(), blocked])
    const { wrapper, router, i18n } = await mountApp(HomeView)

    expect(api.listPendingPreviews).toHaveBeenCalledWith(0)
    expect(wrapper.find('[data-testid="pending-title"]').text()).toBe('2 个待执行的增量预览')
    expect(items().map((li) => li.dataset.planId)).toEqual(['61', '72'])
    const first = items()[0]
    expect(first.querySelector('[data-testid="pending-corp"]')!.textContent).toBe('星河科技')
    expect(first.querySelector('[data-testid="pending-label"]')!.textContent).toBe(
      `以本地为准 → 企业微信 · 通讯录变更回调 · ${formatDateTime(at)} · 3 项操作`,
    )
    expect(first.querySelector('[data-testid="pending-why"]')!.textContent).toContain('自动执行已关闭')
    expect(items()[1].querySelector('[data-testid="pending-why"]')!.getAttribute('data-code')).toBe('sync_schedule_blocked')

    i18n.global.locale.value = 'en'
    await settle()
    expect(wrapper.find('[data-testid="pending-title"]').text()).toBe('2 incremental previews wait to be applied')
    expect(items()[1].querySelector('[data-testid="pending-label"]')!.textContent).toBe(
      `WeCom is the truth → local · scheduled sync · ${formatDateTime(at)} · 1 operation`,
    )
    expect(items()[0].querySelector('[data-testid="pending-why"]')!.textContent).toContain('Auto-apply is off')
    expect(items()[1].querySelector('[data-testid="pending-corp"]')!.textContent).toBe('Demo corp')

    // The other corp's preview: that corp becomes the active one first.
    vi.mocked(api.setActiveCorp).mockResolvedValue()
    items()[1].querySelector<HTMLElement>('[data-testid="pending-open"]')!.click()
    await settle()
    expect(api.setActiveCorp).toHaveBeenCalledWith(8)
    expect(router.currentRoute.value.path).toBe('/sync')
    expect(router.currentRoute.value.query.plan).toBe('72')
    expect(events.count()).toBe(1)
  })

  it('appears live on the event, and goes once discarded or applied', async () => {
    const events = pendingEvents()
    vi.mocked(api.listPendingPreviews).mockResolvedValue([])
    const { wrapper } = await mountApp(HomeView)
    expect(banner()).toBeNull()

    vi.mocked(api.listPendingPreviews).mockResolvedValue([pending()])
    events.fire(7)
    await settle()
    expect(wrapper.find('[data-testid="pending-title"]').text()).toBe('1 个待执行的增量预览')

    vi.mocked(api.discardPendingPreview).mockResolvedValue()
    vi.mocked(api.listPendingPreviews).mockResolvedValue([])
    document.querySelector<HTMLElement>('[data-testid="pending-discard"]')!.click()
    await settle()
    expect(api.discardPendingPreview).toHaveBeenCalledWith(61)
    expect(banner()).toBeNull()

    // Another pending preview, then applied elsewhere: the event empties the banner.
    vi.mocked(api.listPendingPreviews).mockResolvedValue([pending({ planId: 62 })])
    events.fire(7)
    await settle()
    expect(items().map((li) => li.dataset.planId)).toEqual(['62'])
    vi.mocked(api.listPendingPreviews).mockResolvedValue([])
    events.fire(7)
    await settle()
    expect(banner()).toBeNull()

    wrapper.unmount()
    expect(events.off).toHaveBeenCalled()
  })

  it('a failed discard says why and keeps the preview', async () => {
    pendingEvents()
    vi.mocked(api.listPendingPreviews).mockResolvedValue([pending()])
    vi.mocked(api.discardPendingPreview).mockRejectedValue(
      apiError('sync_discard_not_preview', '同步计划 61 的状态是 applied，不是待执行的预览，无需丢弃', 'Sync plan 61 is applied'),
    )
    await mountApp(HomeView)
    document.querySelector<HTMLElement>('[data-testid="pending-discard"]')!.click()
    await settle()
    expect(document.body.textContent).toContain('无法丢弃：同步计划 61 的状态是 applied')
    expect(items()).toHaveLength(1)
  })

  it('the Sync page shows the active corp’s pending previews and opens one in place', async () => {
    const events = pendingEvents()
    vi.mocked(api.listPendingPreviews).mockResolvedValue([pending({ planId: 41 })])
    vi.mocked(api.getSyncPlan).mockResolvedValue(plan({ id: 41, trigger: 'callback', createdBy: 'system:callback' }))
    const { router } = await mountApp(SyncView, { path: '/sync' })

    expect(api.listPendingPreviews).toHaveBeenCalledWith(demoCorp.id)
    expect(items()).toHaveLength(1)
    items()[0].querySelector<HTMLElement>('[data-testid="pending-open"]')!.click()
    await settle()
    expect(api.setActiveCorp).not.toHaveBeenCalled()
    expect(router.currentRoute.value.query.plan).toBe('41')
    expect(api.getSyncPlan).toHaveBeenCalledWith(41)
    expect(document.querySelector('[data-testid="plan-summary"]')!.getAttribute('data-plan-id')).toBe('41')
    // The preview on screen needs no "open" button.
    expect(items()[0].querySelector('[data-testid="pending-open"]')).toBeNull()

    // Another corp's change does not reload this page's banner.
    const calls = vi.mocked(api.listPendingPreviews).mock.calls.length
    events.fire(9)
    await settle()
    expect(vi.mocked(api.listPendingPreviews).mock.calls.length).toBe(calls)
  })
})
