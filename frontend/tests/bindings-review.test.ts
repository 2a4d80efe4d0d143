import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import BindingsView from '@/views/BindingsView.vue'
import { ambiguousRow, answerMessageBox, mockReviewedCorp, nameDeptRow, useridRow } from './bindings-fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

async function mountPage() {
  const mounted = await mountApp(BindingsView, { path: '/bindings' })
  await settle()
  return mounted
}

function lastListQuery() {
  return vi.mocked(api.listBindings).mock.lastCall?.[1]
}

describe('the bindings review table', () => {
  beforeEach(() => mockReviewedCorp())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the local account, the match and the WeCom member side by side', async () => {
    const { wrapper } = await mountPage()
    expect(api.listBindings).toHaveBeenCalledWith(1, { filter: 'all', search: '', method: '', offset: 0, limit: 50, sort: '' })

    const row = wrapper.find('[data-testid="binding-row-1"]')
    expect(row.attributes('data-state')).toBe('proposed')
    expect(row.attributes('data-method')).toBe('mobile')
    const local = row.find('[data-testid="row-local-1"]').text()
    expect(local).toContain('何丽涛')
    expect(local).toContain('E1000')
    expect(local).toContain('福州分公司/综合管理部/项目组')
    expect(local).toContain('135****4821')
    const member = row.find('[data-testid="row-wecom-1"]').text()
    expect(member).toContain('helitao')
    expect(member).toContain('星河科技有限公司/福州分公司/综合管理部/项目组')
    expect(row.find('[data-testid="row-state-1"]').text()).toBe('待确认')
    expect(row.find('[data-testid="row-match-1"]').attributes('data-reason')).toBe('same mobile 13505164821')
  })

  it('colours the method tag by confidence: green ≥ 0.95, blue ≥ 0.8, orange ≥ 0.5, red below', async () => {
    const { wrapper } = await mountPage()
    const tag = (id: number) => wrapper.find(`[data-testid="row-method-${id}"]`)
    expect(tag(1).text()).toBe('手机号 · 0.97')
    expect(tag(1).attributes('data-level')).toBe('high')
    expect(tag(1).classes()).toContain('el-tag--success')
    expect(tag(24).text()).toBe('账号=UserID · 0.99')
    expect(tag(22).text()).toBe('姓名+部门 · 0.80')
    expect(tag(22).classes()).toContain('el-tag--primary')
    expect(tag(10).text()).toBe('姓名 · 0.60')
    expect(tag(10).classes()).toContain('el-tag--warning')
    expect(tag(21).attributes('data-level')).toBe('low')
    expect(tag(21).classes()).toContain('el-tag--danger')
    // An unbound row has no method, only its state.
    expect(tag(28).exists()).toBe(false)
    expect(wrapper.find('[data-testid="row-state-28"]').text()).toBe('本地未绑定')
    expect(wrapper.find('[data-testid="row-wecom-28"]').text()).toBe('—')
  })

  it('asks the server for the filter, the stat, the search, the sort and the page', async () => {
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="filter-review"]').trigger('click')
    await settle()
    expect(lastListQuery()).toMatchObject({ filter: 'review', offset: 0 })
    expect(wrapper.find('[data-testid="filter-review"]').attributes('data-active')).toBe('true')

    await wrapper.find('[data-testid="summary-ambiguous"]').trigger('click')
    await settle()
    expect(lastListQuery()).toMatchObject({ filter: 'ambiguous', offset: 0 })

    await wrapper.find('[data-testid="filter-unbound_wecom"]').trigger('click')
    await settle()
    expect(lastListQuery()).toMatchObject({ filter: 'unbound_wecom' })

    vi.mocked(api.listBindings).mockClear()
    await wrapper.find('[data-testid="binding-search"]').setValue('张伟')
    await wrapper.find('[data-testid="binding-search-wecom"]').setValue('前端')
    expect(api.listBindings).not.toHaveBeenCalled() // debounced
    await vi.waitFor(() => expect(api.listBindings).toHaveBeenCalledTimes(1), { timeout: 2000 })
    expect(lastListQuery()).toMatchObject({ filter: 'unbound_wecom', search: '张伟 前端', offset: 0 })

    await wrapper.find('[data-testid="sort-match"]').trigger('click')
    await settle()
    expect(lastListQuery()).toMatchObject({ sort: 'confidence' })
  })

  it('pages on the server, and a new page starts at the top of the list', async () => {
    vi.mocked(api.listBindings).mockResolvedValue({ total: 100_000, rows: [nameDeptRow] })
    const scrolled: Element[] = []
    const scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this)
    })
    Element.prototype.scrollIntoView = scrollIntoView
    const { wrapper } = await mountPage()
    expect(wrapper.find('[data-testid="pager"]').text()).toContain('100000')
    await wrapper.find('[data-testid="pager"] .btn-next').trigger('click')
    await settle()
    expect(lastListQuery()).toMatchObject({ offset: 50, limit: 50 })
    expect(scrollIntoView).toHaveBeenCalledTimes(1)
    expect(scrolled[0].classList.contains('list-top')).toBe(true)
    // The next element after the anchor is the table: the top of the list.
    expect(scrolled[0].nextElementSibling?.querySelector('[data-testid^="row-"]')).not.toBeNull()
  })

  it('shows the counts of the last match, each a filter', async () => {
    const { wrapper } = await mountPage()
    const stat = (key: string) => wrapper.find(`[data-testid="summary-${key}"]`)
    expect(stat('membersPulled').text()).toContain('500')
    expect(stat('toConfirm').text()).toContain('26')
    expect(stat('toConfirm').text()).toContain('待确认绑定')
    expect(stat('unboundWecom').text()).toContain('472')
    expect(stat('toCreate').text()).toContain('454')
    expect(wrapper.find('[data-testid="filter-review"]').text()).toContain('26')
  })

  it('confirms and rejects one row, then reloads', async () => {
    vi.mocked(api.confirmBindings).mockResolvedValue(1)
    vi.mocked(api.rejectBindings).mockResolvedValue(1)
    const { wrapper } = await mountPage()
    vi.mocked(api.listBindings).mockClear()
    await wrapper.find('[data-testid="row-confirm-1"]').trigger('click')
    await settle()
    expect(api.confirmBindings).toHaveBeenCalledWith(1, [1])
    expect(api.listBindings).toHaveBeenCalledTimes(1)
    await wrapper.find('[data-testid="row-reject-10"]').trigger('click')
    await settle()
    expect(api.rejectBindings).toHaveBeenCalledWith(1, [10])
  })

  it('unbinds a batch only after the count is confirmed, and passes that count', async () => {
    vi.mocked(api.unbindBindings).mockResolvedValue(2)
    const { wrapper } = await mountPage()
    // Only bindings can be selected: not the ambiguous or unbound rows.
    expect(wrapper.find('[data-testid="row-select-21"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="row-select-28"]').exists()).toBe(false)
    await wrapper.find(`[data-testid="row-select-${nameDeptRow.id}"] input`).setValue(true)
    await wrapper.find(`[data-testid="row-select-${useridRow.id}"] input`).setValue(true)
    expect(wrapper.find('[data-testid="batch-count"]').text()).toBe('已选 2 条')

    await wrapper.find('[data-testid="batch-unbind"]').trigger('click')
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain('解除 2 条绑定')
    expect(api.unbindBindings).not.toHaveBeenCalled()
    answerMessageBox(true)
    await settle()
    expect(api.unbindBindings).toHaveBeenCalledWith(1, [22, 24], 2)
  })

  it('confirms a batch of the selected rows', async () => {
    vi.mocked(api.confirmBindings).mockResolvedValue(2)
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="binding-select-all"] input').setValue(true)
    await wrapper.find('[data-testid="batch-confirm"]').trigger('click')
    await settle()
    expect(api.confirmBindings).toHaveBeenCalledWith(1, [1, 10, 22, 24])
  })

  it('lists the candidates of an ambiguous row, and picking one resolves it', async () => {
    vi.mocked(api.resolveAmbiguous).mockResolvedValue()
    const { wrapper } = await mountPage()
    const toggle = wrapper.find(`[data-testid="row-candidates-${ambiguousRow.id}"]`)
    expect(toggle.text()).toContain('zhangwei、zhangwei2')
    expect(toggle.text()).toContain('2 个候选')
    expect(wrapper.find('[data-testid="candidate-list-21"]').exists()).toBe(false)
    await toggle.trigger('click')
    await settle()
    expect(api.bindingCandidates).toHaveBeenCalledWith(1, 21) // read when the picker opens

    const list = wrapper.find('[data-testid="candidate-list-21"]')
    const second = list.find('[data-testid="candidate-21-zhangwei2"]')
    expect(second.text()).toContain('张伟')
    expect(second.text()).toContain('星河科技有限公司/总部/研发中心/前端技术部/第一小组')
    expect(second.text()).toContain('姓名 · 置信度 0.60')
    expect(second.text()).toContain('0.90')
    await wrapper.find('[data-testid="candidate-pick-21-zhangwei2"]').trigger('click')
    await settle()
    expect(api.resolveAmbiguous).toHaveBeenCalledWith(1, 21, 'zhangwei2')
  })

  it('confirms all high-confidence bindings at the threshold shown, saying how many and which first', async () => {
    vi.mocked(api.confirmHighConfidence).mockResolvedValue(12)
    const { wrapper } = await mountPage()
    const button = wrapper.find('[data-testid="confirm-high"]')
    expect(button.text()).toBe('确认全部高置信度 (1,234)')
    await button.trigger('click')
    await settle()
    expect(document.querySelector('[data-testid="confirm-high-body"]')?.textContent).toContain('≥ 0.95')
    expect(document.querySelector('[data-testid="confirm-high-count"]')?.textContent?.trim()).toBe('将确认 1,234 条：账号=UserID 1,200、企业微信查手机号 34')
    expect(document.querySelector('[data-testid="confirm-high-ok"]')?.textContent?.trim()).toBe('确认 1,234 条')
    expect(api.countHighConfidence).toHaveBeenLastCalledWith(1, 0.95)
    ;(document.querySelector('[data-testid="confirm-high-ok"]') as HTMLButtonElement).click()
    await settle()
    expect(api.confirmHighConfidence).toHaveBeenCalledWith(1, 0.95)
  })

  it('asks before creating local accounts, with the count', async () => {
    vi.mocked(api.createLocalAccountsForUnbound).mockResolvedValue(454)
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="create-locals"]').trigger('click')
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain('454 名未绑定的企业微信成员')
    answerMessageBox(true)
    await settle()
    expect(api.createLocalAccountsForUnbound).toHaveBeenCalledWith(1)
    expect(api.getBindingSummary).toHaveBeenCalledTimes(2)
  })
})
