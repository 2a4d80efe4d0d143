// The sync page's preview: summary and safety verdict, the tree diff's
// colours, the paged operation list, and the empty states.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import SyncView from '@/views/SyncView.vue'
import { apiError, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { blockedPlan, demoCorp, node, op, plan } from './sync-fixtures'

vi.mock('@/api', async (importOriginal) => (await import('./sync-fixtures')).syncApiMock(importOriginal))

async function previewed() {
  const mounted = await mountApp(SyncView, { path: '/sync' })
  await mounted.wrapper.find('[data-testid="sync-preview"]').trigger('click')
  await settle()
  return mounted
}

describe('sync preview', () => {
  beforeEach(() => {
    vi.mocked(api.listPendingPreviews).mockResolvedValue([]) // Go returns an empty list, never null
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoCorp }))
    vi.mocked(api.planSync).mockResolvedValue(plan())
    vi.mocked(api.getSyncPlanTree).mockResolvedValue([])
    vi.mocked(api.listSyncPlanOps).mockResolvedValue({ ops: [op(1)], total: 1 })
    vi.mocked(api.onSyncProgress).mockReturnValue(() => {})
    vi.mocked(api.onSyncOps).mockReturnValue(() => {})
  })
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('shows the counts per type, the users before → after and a passed safety check', async () => {
    const { wrapper } = await previewed()
    expect(api.planSync).toHaveBeenCalledWith(7, 'to-wecom', expect.any(Function))
    expect(wrapper.find('[data-testid="plan-count-create_user"]').attributes('data-count')).toBe('16')
    expect(wrapper.find('[data-testid="plan-count-create_user"]').text()).toBe('创建成员 16')
    expect(wrapper.find('[data-testid="plan-count-delete_user"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="plan-total"]').text()).toBe('共 34 项操作')
    expect(wrapper.find('[data-testid="plan-users"]').text()).toContain('482 → 498')
    const safety = wrapper.find('[data-testid="plan-safety"]')
    expect(safety.attributes('data-blocked')).toBe('false')
    expect(safety.text()).toContain('通过安全检查')

    await wrapper.find('[data-testid="sync-apply"]').trigger('click')
    await settle()
    expect(document.querySelector('[data-testid="confirm-removals-input"]')).toBeNull()
    const confirm = document.querySelector<HTMLButtonElement>('[data-testid="apply-confirm"]')!
    expect(confirm.disabled).toBe(false)
  })

  it('a blocked plan lists the reasons and applies only with the number of removals typed in', async () => {
    vi.mocked(api.planSync).mockResolvedValue(blockedPlan())
    vi.mocked(api.applySync).mockReturnValue(new Promise(() => {}))
    const { wrapper } = await previewed()
    const safety = wrapper.find('[data-testid="plan-safety"]')
    expect(safety.attributes('data-blocked')).toBe('true')
    expect(safety.text()).toContain('需确认移除 60 人')
    expect(safety.find('[data-testid="plan-block-removals_count"]').text()).toContain('超过了安全阈值 50')

    await wrapper.find('[data-testid="sync-apply"]').trigger('click')
    await settle()
    const confirm = () => document.querySelector<HTMLButtonElement>('[data-testid="apply-confirm"]')!
    const input = document.querySelector<HTMLInputElement>('input[data-testid="confirm-removals-input"]')!
    expect(confirm().disabled).toBe(true)
    input.value = '59'
    input.dispatchEvent(new Event('input'))
    await settle()
    expect(confirm().disabled).toBe(true)
    input.value = '60'
    input.dispatchEvent(new Event('input'))
    await settle()
    expect(confirm().disabled).toBe(false)
    confirm().click()
    await settle()
    expect(api.applySync).toHaveBeenCalledWith(41, 60, -1)
  })

  it('a hard-blocked plan explains it can never be applied', async () => {
    const p = blockedPlan()
    vi.mocked(api.planSync).mockResolvedValue({ ...p, hardBlocked: true, reasons: [{ code: 'empty_source', args: {}, zh: '本地目录中没有在职用户', en: 'no users' }] })
    const { wrapper } = await previewed()
    expect(wrapper.find('[data-testid="plan-hard-blocked"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="plan-safety"]').text()).toContain('此计划不能执行')
    expect(wrapper.find('[data-testid="sync-apply"]').attributes('disabled')).toBeDefined()
  })

  it('colours each tree node by its state and shows moves and member changes', async () => {
    vi.mocked(api.getSyncPlanTree).mockImplementation(async (_planId, parent) =>
      parent === ''
        ? [node('W1', 'matched', { name: '星河科技', children: 4 })]
        : parent === 'W1'
          ? [
              node('L2', 'new', { parentKey: 'W1', name: '研发中心', added: 3 }),
              node('W9', 'removed', { parentKey: 'W1', name: '旧部门', removed: 1 }),
              node('L3', 'moved', { parentKey: 'W1', name: '产品部', from: '总部/研发中心', to: '总部', updated: 2 }),
              node('L4', 'unchanged', { parentKey: 'W1', name: '财务部' }),
            ]
          : [],
    )
    const { wrapper } = await previewed()
    await settle()
    const label = (key: string) => wrapper.find(`[data-testid="tree-node-${key}"] .node-label`)
    expect(label('W1').classes()).toContain('diff-matched')
    expect(label('L2').classes()).toContain('diff-new')
    expect(label('W9').classes()).toContain('diff-removed')
    expect(label('L3').classes()).toContain('diff-moved')
    expect(label('L4').classes()).toContain('diff-unchanged')
    expect(wrapper.find('[data-testid="tree-node-L3"]').text()).toContain('总部/研发中心 → 总部')
    expect(wrapper.find('[data-testid="tree-node-L2"] .added').text()).toBe('+3')
    expect(wrapper.find('[data-testid="tree-node-W9"] .removed').text()).toBe('−1')
    expect(wrapper.find('[data-testid="tree-node-L3"] .updated').text()).toBe('~2')
    expect(wrapper.find('[data-testid="tree-node-L2"] .added').attributes('title')).toBe('新增或启用成员 3')
    expect(api.getSyncPlanTree).toHaveBeenCalledWith(41, '')
    expect(api.getSyncPlanTree).toHaveBeenCalledWith(41, 'W1')
  })

  it('names local accounts, not members, in a from-WeCom tree', async () => {
    vi.mocked(api.planSync).mockResolvedValue(plan({ direction: 'from-wecom' }))
    vi.mocked(api.getSyncPlanTree).mockImplementation(async (_planId, parent) =>
      parent === ''
        ? [node('W1', 'matched', { name: '星河科技', children: 1 })]
        : parent === 'W1'
          ? [node('W2', 'matched', { parentKey: 'W1', name: '研发中心', added: 2, updated: 1, removed: 1 })]
          : [],
    )
    const { wrapper } = await previewed()
    await settle()
    const count = (cls: string) => wrapper.find(`[data-testid="tree-node-W2"] .${cls}`).attributes('title')
    expect(count('added')).toBe('新增或启用本地账号 2')
    expect(count('updated')).toBe('更新本地账号 1')
    expect(count('removed')).toBe('离职本地账号 1')
  })

  it('pages the operations on the server, filters by type and shows the before → after diff', async () => {
    vi.mocked(api.listSyncPlanOps).mockResolvedValue({
      ops: [op(1), op(2, { type: 'move_user', before: { userid: 'user2', position: '工程师' }, after: { userid: 'user2', position: '经理' } })],
      total: 120,
    })
    const { wrapper } = await previewed()
    expect(api.listSyncPlanOps).toHaveBeenLastCalledWith(41, { type: '', state: '', search: '', offset: 0, limit: 50 })
    expect(wrapper.find('[data-testid="op-row-2"]').text()).toContain('职务: 工程师 → 经理')

    await wrapper.find('[data-testid="op-row-2"] [data-testid="op-toggle"]').trigger('click')
    expect(wrapper.find('[data-testid="op-diff"]').text()).toContain('经理')

    await wrapper.find('[data-testid="op-pagination"] .btn-next').trigger('click')
    await settle()
    expect(api.listSyncPlanOps).toHaveBeenLastCalledWith(41, { type: '', state: '', search: '', offset: 50, limit: 50 })

    await wrapper.find('[data-testid="op-type-filter"]').trigger('click')
    await settle()
    document.querySelector<HTMLElement>('[data-testid="op-type-option-move_user"]')!.click()
    await settle()
    expect(api.listSyncPlanOps).toHaveBeenLastCalledWith(41, { type: 'move_user', state: '', search: '', offset: 0, limit: 50 })
  })

  it('an operation search that finds nothing is "no match" and can be cleared; no operations at all says so', async () => {
    const { wrapper } = await previewed()
    vi.mocked(api.listSyncPlanOps).mockResolvedValue({ ops: [], total: 0 })
    await wrapper.find('[data-testid="op-search"]').setValue('没有这个人')
    await new Promise((resolve) => setTimeout(resolve, 350))
    await settle()
    expect(api.listSyncPlanOps).toHaveBeenLastCalledWith(41, { type: '', state: '', search: '没有这个人', offset: 0, limit: 50 })
    expect(wrapper.find('[data-testid="op-no-match"]').text()).toContain('没有符合条件的操作')
    expect(wrapper.find('[data-testid="op-none"]').exists()).toBe(false)

    await wrapper.find('[data-testid="op-clear-filters"]').trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 350))
    await settle()
    expect(api.listSyncPlanOps).toHaveBeenLastCalledWith(41, { type: '', state: '', search: '', offset: 0, limit: 50 })
    expect(wrapper.find('[data-testid="op-search"]').element).toHaveProperty('value', '')
    expect(wrapper.find('[data-testid="op-none"]').text()).toContain('这个计划没有要执行的操作')
  })

  it('a plan that stopped comes back as a result, shown by its status and code, in one language', async () => {
    document.documentElement.lang = 'zh-CN'
    vi.mocked(api.planSync).mockResolvedValue(plan({ id: 44, status: 'stopped', stop: { code: 'root_name_mismatch', args: {}, zh: '根部门名称不同', en: 'the root departments differ' } }))
    const { wrapper } = await mountApp(SyncView, { path: '/sync' })
    vi.mocked(api.listSyncHistory).mockClear()
    await wrapper.find('[data-testid="sync-preview"]').trigger('click')
    await settle()
    const stopped = wrapper.find('[data-testid="sync-stopped"]')
    expect(stopped.attributes('data-code')).toBe('root_name_mismatch')
    expect(stopped.text()).toContain('根部门名称不同')
    expect(stopped.text()).not.toContain('differ')
    expect(api.listSyncHistory).not.toHaveBeenCalled() // no guessing from the history
    expect(wrapper.find('[data-testid="plan-summary"]').exists()).toBe(false)
  })

  it('says when WeCom has not been pulled yet, with a link to Bindings', async () => {
    vi.mocked(api.planSync).mockRejectedValue(apiError('not_pulled', '该企业还没有拉取过企业微信通讯录', 'This corp has not been pulled yet'))
    const { wrapper } = await previewed()
    const notice = wrapper.find('[data-testid="sync-not-pulled"]')
    expect(notice.text()).toContain('还没有拉取企业微信通讯录')
    expect(notice.find('a').attributes('href')).toContain('/bindings')
  })

  it('recognises not-pulled by its code, whatever the text says', async () => {
    document.documentElement.lang = 'zh-CN'
    vi.mocked(api.planSync).mockRejectedValue(apiError('not_pulled', '任意文字', 'any text'))
    const { wrapper } = await previewed()
    expect(wrapper.find('[data-testid="sync-not-pulled"]').exists()).toBe(true)
    vi.mocked(api.planSync).mockRejectedValue(apiError('other', '还没有拉取过 not been pulled', 'not been pulled'))
    const again = await previewed()
    expect(again.wrapper.find('[data-testid="sync-not-pulled"]').exists()).toBe(false)
  })

  it('without an active corp, points to Setup', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    const { wrapper } = await mountApp(SyncView, { path: '/sync' })
    expect(wrapper.find('[data-testid="sync-no-corp"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="sync-preview"]').exists()).toBe(false)
  })
})
