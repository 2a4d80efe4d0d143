// The sync settings drawer: loads a direction's options, shows every group, saves them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import SyncView from '@/views/SyncView.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { demoCorp } from './sync-fixtures'

vi.mock('@/api', async (importOriginal) => (await import('./sync-fixtures')).syncApiMock(importOriginal))

const options = {
  topDepartment: 1, createUsers: true, invite: false, includePartTime: false, deptAuthority: true, leavers: 'disable',
  deleteAfterDays: 0, moveDisabled: false, disabledDept: '已禁用用户', createAccounts: false, resignLeavers: false,
  syncDepartments: false, manageKeyMatches: false, refreshMinutes: 5, fields: { name: 'name' }, scope: { departments: ['总部', '香港分公司'], includeUsers: [], excludeUsers: ['boss'] },
  safety: { maxRemovals: 50, maxRemovalPercent: 20, maxUserDrop: 0, maxCreates: 200, maxGrowthPercent: 50 }, schedule: { cron: '', forceCron: '', notify: [], autoApply: true },
}

describe('sync settings', () => {
  beforeEach(() => {
    vi.mocked(api.listPendingPreviews).mockResolvedValue([]) // Go returns an empty list, never null
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoCorp }))
    vi.mocked(api.getSyncOptions).mockResolvedValue(structuredClone(options))
    vi.mocked(api.setSyncOptions).mockResolvedValue()
  })
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('loads the direction’s options, shows the scope with “exclusion wins”, and saves', async () => {
    const { wrapper } = await mountApp(SyncView, { path: '/sync' })
    await wrapper.find('[data-testid="sync-options-open"]').trigger('click')
    await settle()
    expect(api.getSyncOptions).toHaveBeenCalledWith(7, 'to-wecom')
    const drawer = document.querySelector('[data-testid="sync-options"]')!
    expect(drawer.querySelector<HTMLInputElement>('[data-testid="opt-top-department"] input')!.value).toBe('1')
    const scope = drawer.querySelector<HTMLTextAreaElement>('textarea[data-testid="opt-scope-departments"], [data-testid="opt-scope-departments"] textarea')!
    expect(scope.value).toBe('总部\n香港分公司')
    expect(drawer.querySelector('[data-testid="opt-exclusion-wins"]')!.textContent).toContain('排除优先')
    expect(drawer.querySelector('[data-testid="opt-create-users"]')).not.toBeNull()
    expect(drawer.textContent).toContain('@daily / @every 6h')

    // 自动执行定时计划: on as loaded; turned off, it is saved off.
    const autoApply = drawer.querySelector<HTMLInputElement>('[data-testid="opt-auto-apply"] input')!
    expect(autoApply.checked).toBe(true)
    expect(drawer.textContent).toContain('自动执行定时计划')
    autoApply.click()
    await settle()

    scope.value = '总部\n\n 研发中心 '
    scope.dispatchEvent(new Event('input'))
    await settle()
    drawer.querySelector<HTMLButtonElement>('[data-testid="sync-options-save"]')!.click()
    await settle()
    expect(api.setSyncOptions).toHaveBeenCalledWith(7, 'to-wecom', expect.objectContaining({
      topDepartment: 1,
      scope: { departments: ['总部', '研发中心'], includeUsers: [], excludeUsers: ['boss'] },
      schedule: expect.objectContaining({ autoApply: false }),
    }))
  })
})
