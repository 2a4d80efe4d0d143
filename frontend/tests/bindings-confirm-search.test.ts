// The bindings page asks before breaking a binding, naming both sides; an
// empty page under a filter is "no match" with a way back to every row; the
// 关联导入 preview and the audit drawer can be searched and say when nothing
// matches.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { BindingImportPreview } from '@/api'
import AuditDrawer from '@/views/bindings/AuditDrawer.vue'
import ImportPreviewLists from '@/views/bindings/ImportPreviewLists.vue'
import BindingsView from '@/views/BindingsView.vue'
import { answerMessageBox, mockReviewedCorp, nameDeptRow, nameRow } from './bindings-fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

async function mountPage() {
  const mounted = await mountApp(BindingsView, { path: '/bindings' })
  await settle()
  return mounted
}

function question(): string {
  const boxes = document.querySelectorAll('.binding-confirm')
  return boxes[boxes.length - 1]?.textContent ?? ''
}

const importPreview: BindingImportPreview = {
  id: 7, corpId: 1, keyField: 'account', format: 'csv', unchanged: 0, skipped: 0,
  toBind: [
    { line: 2, key: 'E1000', account: 'E1000', userid: 'helitao', localName: '何丽涛', wecomName: '何丽涛' },
    { line: 3, key: 'E1009', account: 'E1009', userid: 'wuyuhan', localName: '吴雨涵', wecomName: '吴雨涵' },
  ],
  rejected: [
    { line: 5, key: 'E2000', userid: 'nobody', reason: 'no WeCom member has userid nobody', reason_args: {} },
    { line: 6, key: 'E2001', userid: 'ghost', reason: 'no local account E2001', reason_args: {} },
  ],
}

describe('bindings: confirmations and searches', () => {
  beforeEach(() => mockReviewedCorp())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('asks before rejecting a confirmed binding, naming both sides; a proposal is rejected at once', async () => {
    vi.mocked(api.rejectBindings).mockResolvedValue(1)
    const { wrapper } = await mountPage()
    await wrapper.find(`[data-testid="row-reject-${nameDeptRow.id}"]`).trigger('click')
    await settle()
    expect(question()).toContain('拒绝本地账号 张伟（E9002） 与企业微信成员 张伟（zhangwei3） 的绑定？现有绑定会被解除')
    answerMessageBox(false)
    await settle()
    expect(api.rejectBindings).not.toHaveBeenCalled()

    await wrapper.find(`[data-testid="row-reject-${nameDeptRow.id}"]`).trigger('click')
    await settle()
    answerMessageBox(true)
    await settle()
    expect(api.rejectBindings).toHaveBeenCalledWith(1, [nameDeptRow.id])

    vi.mocked(api.rejectBindings).mockClear()
    await wrapper.find(`[data-testid="row-reject-${nameRow.id}"]`).trigger('click')
    await settle()
    expect(api.rejectBindings).toHaveBeenCalledWith(1, [nameRow.id])
  })

  it('unbinding one row names the pair', async () => {
    vi.mocked(api.unbindBindings).mockResolvedValue(1)
    const { wrapper } = await mountPage()
    await wrapper.find(`[data-testid="row-unbind-${nameDeptRow.id}"]`).trigger('click')
    await settle()
    expect(question()).toContain('解除本地账号 张伟（E9002） 与企业微信成员 张伟（zhangwei3） 的绑定？')
    answerMessageBox(false)
    await settle()
    expect(api.unbindBindings).not.toHaveBeenCalled()
    await wrapper.find(`[data-testid="row-unbind-${nameDeptRow.id}"]`).trigger('click')
    await settle()
    answerMessageBox(true)
    await settle()
    expect(api.unbindBindings).toHaveBeenCalledWith(1, [nameDeptRow.id], 1)
  })

  it('an empty page under a filter is "no match", and clearing shows every row again', async () => {
    const { wrapper } = await mountPage()
    vi.mocked(api.listBindings).mockResolvedValue({ total: 0, rows: [] })
    await wrapper.find('[data-testid="filter-rejected"]').trigger('click')
    await settle()
    const none = wrapper.find('[data-testid="binding-no-rows"]')
    expect(none.attributes('data-reason')).toBe('noMatch')
    expect(none.text()).toContain('没有符合条件的记录')

    mockReviewedCorp()
    await none.find('[data-testid="binding-clear-filters"]').trigger('click')
    await settle()
    expect(vi.mocked(api.listBindings).mock.lastCall?.[1]).toEqual({ filter: 'all', search: '', method: '', offset: 0, limit: 50, sort: '' })
    expect(wrapper.find('[data-testid="filter-all"]').attributes('data-active')).toBe('true')
    expect(wrapper.find('[data-testid="binding-no-rows"]').exists()).toBe(false)
  })

  it('searches the import preview lines, both lists at once', async () => {
    const { wrapper } = await mountApp(ImportPreviewLists, { props: { preview: importPreview } })
    const lines = (list: string) =>
      wrapper.findAll(`[data-testid="${list}"] .el-table__body tr`).map((r) => r.find('td').text())
    expect(lines('import-to-bind')).toEqual(['2', '3'])
    expect(lines('import-rejected')).toEqual(['5', '6'])

    await wrapper.find('[data-testid="import-search"]').setValue('ghost')
    expect(lines('import-rejected')).toEqual(['6'])
    expect(wrapper.find('[data-testid="import-to-bind"]').text()).toContain('没有与“ghost”匹配的行')
    await wrapper.find('[data-testid="import-search"]').setValue('吴雨涵')
    expect(lines('import-to-bind')).toEqual(['3'])
    expect(wrapper.find('[data-testid="import-rejected"]').text()).toContain('没有与“吴雨涵”匹配的行')
    // The headings keep the file's counts.
    expect(wrapper.text()).toContain('将绑定（2）')
    expect(wrapper.text()).toContain('不能导入的行（2）')
  })

  it('the audit drawer tells "no history" from "nothing for this account"', async () => {
    vi.mocked(api.getBindingAudit).mockResolvedValue({ total: 0, entries: [] })
    const { wrapper } = await mountApp(AuditDrawer, { props: { corpId: 1, account: '', userid: '', modelValue: false } })
    await wrapper.setProps({ modelValue: true })
    await settle()
    const drawer = () => document.querySelector('[data-testid="audit-table"]')?.textContent ?? ''
    expect(drawer()).toContain('还没有操作记录')

    await wrapper.setProps({ modelValue: false })
    await wrapper.setProps({ account: 'E9002', modelValue: true })
    await settle()
    expect(api.getBindingAudit).toHaveBeenLastCalledWith(1, { offset: 0, limit: 50, account: 'E9002', userid: '' })
    expect(drawer()).toContain('“E9002”还没有操作记录')
  })
})
