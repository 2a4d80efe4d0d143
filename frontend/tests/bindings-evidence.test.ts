import { afterEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { BindingCandidate, BindingRow } from '@/api'
import BindingsView from '@/views/BindingsView.vue'
import { bindingSummary, mockReviewedCorp } from './bindings-fixtures'
import { apiError } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

// Issue 11 item 2: a flagged row shows which fields differ, the conflicts
// filter asks the server for them, and the namesake picker shows position,
// main department, masked mobile and a binding elsewhere.
const flaggedRow: BindingRow = {
  id: 5, state: 'proposed', method: 'userid', confidence: 0.99, reason_code: 'key_userid', reason_args: { userid: 'a1', account: 'a1' },
  account: 'a1', localName: '张三', localDept: '总部/研发部', userid: 'a1', wecomName: '张三', wecomDept: '某某科技/市场部',
  conflicts: ['mobile', 'department', 'position'], candidates: [],
}

// A list page carries the candidates' ids; the picker reads their details.
const namesakeRow: BindingRow = {
  id: 6, state: 'ambiguous', method: 'name', confidence: 0.3, anchor: 'wecom', userid: 'zwa', wecomName: '张伟', wecomDept: '某某科技/采购部',
  candidates: [{ account: 'zw1' }, { account: 'zw2' }],
  reason_args: {}, conflicts: [],
}
const namesakeCandidates: BindingCandidate[] = [
  { account: 'zw1', name: '张伟', method: 'name', dept: '总部/研发部; 总部/质量部', mainDept: '总部/研发部', position: '工程师', mobile: '138****8009', score: 0.5 },
  { account: 'zw2', name: '张伟', method: 'name', dept: '总部/市场部', mainDept: '总部/市场部', score: 0.5, boundTo: 'other' },
]

const keyRow: BindingRow = {
  id: 7, state: 'ambiguous', method: 'mobile', confidence: 0.4, account: 'k1', localName: '李四', localDept: '总部',
  candidates: [{ userid: 'm1' }, { userid: 'e1' }],
  reason_args: {}, conflicts: [],
}
const keyCandidates: BindingCandidate[] = [{ userid: 'm1', method: 'mobile', score: 0.97 }, { userid: 'e1', method: 'email', score: 0.95 }]

const pickers = { 6: namesakeCandidates, 7: keyCandidates }

async function mountPage() {
  const mounted = await mountApp(BindingsView, { path: '/bindings' })
  await settle()
  return mounted
}

describe('the evidence on the bindings page', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('flags a row whose sides differ, naming the fields', async () => {
    mockReviewedCorp([flaggedRow, namesakeRow])
    const { wrapper } = await mountPage()
    const tag = wrapper.find('[data-testid="row-conflicts-5"]')
    expect(tag.attributes('data-conflicts')).toBe('mobile,department,position')
    expect(tag.text()).toBe('两边不一致：手机号、部门、职务')
    expect(wrapper.find('[data-testid="row-conflicts-6"]').exists()).toBe(false)
  })

  it('filters to flagged rows, with their count', async () => {
    mockReviewedCorp([flaggedRow])
    vi.mocked(api.getBindingSummary).mockResolvedValue(bindingSummary({ conflicts: 1 }))
    const { wrapper } = await mountPage()
    const button = wrapper.find('[data-testid="filter-conflicts"]')
    expect(button.text()).toContain('字段不一致')
    expect(button.text()).toContain('1')
    await button.trigger('click')
    await settle()
    expect(vi.mocked(api.listBindings).mock.lastCall?.[1]).toMatchObject({ filter: 'conflicts' })
  })

  it('shows each namesake candidate with position, main department, masked mobile and a binding elsewhere', async () => {
    mockReviewedCorp([namesakeRow], pickers)
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="row-candidates-6"]').trigger('click')
    await settle()
    expect(api.bindingCandidates).toHaveBeenLastCalledWith(1, 6)
    const first = wrapper.find('[data-testid="candidate-details-6-zw1"]').text()
    expect(first).toContain('工程师')
    expect(first).toContain('总部/研发部')
    expect(first).not.toContain('质量部')
    expect(first).toContain('138****8009')
    const second = wrapper.find('[data-testid="candidate-details-6-zw2"]').text()
    expect(second).toContain('无职务')
    expect(second).toContain('已绑定 other')
  })

  // The details are as of the moment the picker shows them: read when it
  // opens and again whenever the list reloads (a candidate may have been
  // bound since); a failed read says why and offers to try again.
  it('reads an open picker again when the list reloads, and retries a failed read', async () => {
    mockReviewedCorp([namesakeRow], pickers)
    vi.mocked(api.bindingCandidates).mockRejectedValueOnce(
      apiError('binding_row_gone', '第 6 行已不在列表中（重新匹配或其他管理员改动了它）：请刷新列表后再试', 'Row 6 is no longer in the list.'))
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="row-candidates-6"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="candidate-error-6"]').text()).toContain('第 6 行已不在列表中')
    expect(wrapper.find('[data-testid="candidate-details-6-zw1"]').exists()).toBe(false)

    await wrapper.find('[data-testid="candidate-retry-6"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="candidate-error-6"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="candidate-details-6-zw1"]').text()).not.toContain('已绑定')

    // Another row's action binds zw1: the reload shows it bound elsewhere.
    vi.mocked(api.bindingCandidates).mockResolvedValue({ rowId: 6, candidates: [{ ...namesakeCandidates[0], boundTo: 'zwb' }, namesakeCandidates[1]], more: 4 })
    const calls = vi.mocked(api.bindingCandidates).mock.calls.length
    await wrapper.find('[data-testid="filter-review"]').trigger('click')
    await settle()
    expect(vi.mocked(api.bindingCandidates).mock.calls.length).toBe(calls + 1)
    expect(wrapper.find('[data-testid="candidate-details-6-zw1"]').text()).toContain('已绑定 zwb')
    expect(wrapper.find('[data-testid="candidate-more-6"]').text()).toContain('另有 4 个候选')

    // Closed, it is not read again.
    await wrapper.find('[data-testid="row-candidates-6"]').trigger('click')
    await wrapper.find('[data-testid="filter-all"]').trigger('click')
    await settle()
    expect(vi.mocked(api.bindingCandidates).mock.calls.length).toBe(calls + 1)
    expect(wrapper.find('[data-testid="candidate-list-6"]').exists()).toBe(false)
  })

  // Issue 11 item 3: one scale. A candidate shows the confidence its binding
  // gets once chosen (a name match, 0.60, as the confirmed row will), the
  // row's 0.30 is explained, and the department similarity is labelled as
  // ranking only, never as a confidence.
  it('shows the row, its candidates and the chosen result on one confidence scale', async () => {
    mockReviewedCorp([namesakeRow, keyRow], pickers)
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="row-candidates-6"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="row-method-6"]').text()).toContain('0.30')
    expect(wrapper.find('[data-testid="candidate-confidence-6-zw1"]').text()).toBe('姓名 · 置信度 0.60')
    expect(wrapper.find('[data-testid="candidate-similarity-6-zw1"]').text()).toBe('部门相似度 0.50（仅用于排序）')
    const note = wrapper.find('[data-testid="candidate-scale-6"]').text()
    expect(note).toContain('此行 0.30')
    expect(note).toContain('置信度 0.60')
    await wrapper.find('[data-testid="row-candidates-7"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="candidate-confidence-7-m1"]').text()).toBe('手机号 · 置信度 0.97')
    expect(wrapper.find('[data-testid="candidate-confidence-7-e1"]').text()).toBe('邮箱 · 置信度 0.95')
    expect(wrapper.find('[data-testid="candidate-similarity-7-m1"]').exists()).toBe(false)
  })
})
