import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { DirectoryQuery } from '@/api'
import DirectoryView from '@/views/DirectoryView.vue'
import { searchDebounceMs } from '@/views/directory/use-account-list'
import { accountPage, accountRow, deptTree } from './directory-fixtures'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper']

const firstQuery: DirectoryQuery = { search: '', deptId: 0, includeSubDepts: true, status: '', offset: 0, limit: 50, sort: 'account' }

function lastQuery(): DirectoryQuery {
  const calls = vi.mocked(api.listDirectoryAccounts).mock.calls
  return calls[calls.length - 1][0]
}

function listCalls(): number {
  return vi.mocked(api.listDirectoryAccounts).mock.calls.length
}

async function mountDirectory(): Promise<Wrapper> {
  const { wrapper } = await mountApp(DirectoryView, { path: '/directory' })
  return wrapper
}

async function answer(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
  await settle()
}

describe('directory accounts', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.getDirectoryTree).mockResolvedValue(deptTree())
    vi.mocked(api.listDirectoryAccounts).mockResolvedValue(accountPage(420))
  })
  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it('shows each account with its main department, +N more and status', async () => {
    vi.mocked(api.listDirectoryAccounts).mockResolvedValue(
      accountPage(2, [
        accountRow({ id: 4, account: 'lina', name: '李娜', deptPaths: ['总部/研发中心', '总部/产品部'] }),
        accountRow({ id: 11, account: 'wujun', name: '吴军', status: 'resigned', deptPaths: [] }),
      ]),
    )
    const wrapper = await mountDirectory()
    const lina = wrapper.find('[data-testid="account-row-4"]')
    expect(lina.text()).toContain('总部/研发中心')
    expect(lina.find('.more-depts').text()).toBe('+1')
    expect(lina.find('[data-testid="account-status"]').text()).toBe('在职')
    expect(lina.find('[data-testid="account-resign-4"]').exists()).toBe(true)

    const wujun = wrapper.find('[data-testid="account-row-11"]')
    expect(wujun.text()).toContain('未分配部门')
    expect(wujun.find('[data-testid="account-status"]').text()).toBe('离职')
    expect(wujun.find('[data-testid="account-reinstate-11"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="account-scope"]').text()).toContain('共 2 个账号')
  })

  it('reads one page at a time: the pager asks for the right offset and limit', async () => {
    const wrapper = await mountDirectory()
    expect(api.listDirectoryAccounts).toHaveBeenCalledTimes(1)
    expect(lastQuery()).toEqual(firstQuery)

    const pageThree = wrapper.findAll('[data-testid="pager"] .el-pager li').find((li) => li.text() === '3')!
    await pageThree.trigger('click')
    await settle()
    expect(lastQuery()).toMatchObject({ offset: 100, limit: 50 })

    wrapper.findComponent({ name: 'ElPagination' }).vm.$emit('size-change', 200)
    await settle()
    expect(lastQuery()).toMatchObject({ offset: 0, limit: 200 })

    wrapper.findComponent({ name: 'ElPagination' }).vm.$emit('current-change', 2)
    await settle()
    expect(lastQuery()).toMatchObject({ offset: 200, limit: 200 })
  })

  it('searches once typing pauses, from the first page', async () => {
    const wrapper = await mountDirectory()
    wrapper.findComponent({ name: 'ElPagination' }).vm.$emit('current-change', 4)
    await settle()
    const before = listCalls()

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const search = wrapper.find('[data-testid="account-search"]')
    for (const text of ['z', 'zh', '张', '张伟 ']) {
      await search.setValue(text)
      vi.advanceTimersByTime(searchDebounceMs - 50)
    }
    await flushPromises()
    expect(listCalls()).toBe(before) // still typing
    vi.advanceTimersByTime(50)
    await flushPromises()
    expect(listCalls()).toBe(before + 1)
    expect(lastQuery()).toMatchObject({ search: '张伟', offset: 0 })

    // The same term again (only spaces differ) reads nothing.
    await search.setValue('张伟')
    vi.advanceTimersByTime(searchDebounceMs)
    await flushPromises()
    expect(listCalls()).toBe(before + 1)
  })

  it('filters by status and sorts by a column, server-side', async () => {
    const wrapper = await mountDirectory()
    await wrapper.find('[data-testid="status-filter-resigned"] input').setValue(true)
    await settle()
    expect(lastQuery()).toMatchObject({ status: 'resigned', offset: 0 })

    await wrapper.find('[data-testid="account-col-employeeNo"]').trigger('click')
    await settle()
    expect(lastQuery().sort).toBe('employee_no')
    await wrapper.find('[data-testid="account-col-employeeNo"]').trigger('click')
    await settle()
    expect(lastQuery().sort).toBe('-employee_no')
    expect(wrapper.find('[data-testid="account-col-employeeNo"]').attributes('aria-sort')).toBe('descending')
    await wrapper.find('[data-testid="account-col-department"]').trigger('click') // not sortable
    await settle()
    expect(lastQuery().sort).toBe('-employee_no')
  })

  it('selecting a department in the tree lists its accounts, with or without sub-departments', async () => {
    const wrapper = await mountDirectory()
    expect(wrapper.find('[data-testid="dept-node-1"]').text()).toContain('总部')
    expect(wrapper.find('[data-testid="dept-node-1"]').text()).toContain('18')
    expect(wrapper.find('[data-testid="include-sub"]').classes()).toContain('is-disabled')

    await wrapper.find('[data-testid="dept-node-4"]').trigger('click')
    await settle()
    expect(lastQuery()).toMatchObject({ deptId: 4, includeSubDepts: true, offset: 0 })
    expect(wrapper.find('[data-testid="account-scope"]').text()).toContain('香港分公司')

    await wrapper.find('[data-testid="include-sub"] input').setValue(false)
    await settle()
    expect(lastQuery()).toMatchObject({ deptId: 4, includeSubDepts: false })

    await wrapper.find('[data-testid="dept-all"]').trigger('click')
    await settle()
    expect(lastQuery()).toMatchObject({ deptId: 0 })
    expect(wrapper.find('[data-testid="account-scope"]').text()).toContain('全部账号')
  })

  it('the department filter narrows the tree', async () => {
    const wrapper = await mountDirectory()
    await wrapper.find('[data-testid="dept-filter"]').setValue('香港')
    await settle()
    const visible = (id: number) => (wrapper.find(`[data-testid="dept-node-${id}"]`).element.closest('.el-tree-node') as HTMLElement).style.display !== 'none'
    expect(visible(4)).toBe(true)
    expect(visible(1)).toBe(false)
  })

  it('an empty directory explains the file format and offers the import', async () => {
    vi.mocked(api.getDirectoryTree).mockResolvedValue([])
    vi.mocked(api.listDirectoryAccounts).mockResolvedValue(accountPage(0, []))
    const wrapper = await mountDirectory()
    const empty = wrapper.find('[data-testid="directory-empty"]')
    expect(empty.exists()).toBe(true)
    expect(empty.find('[data-testid="empty-columns"]').text()).toContain('账号')
    expect(empty.find('[data-testid="empty-columns"]').text()).toContain('employee_no')
    expect(empty.text()).toContain('docs/directory-import.md')
    expect(empty.find('[data-testid="import-open"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="account-table"]').exists()).toBe(false)
  })

  it('a filter that matches nothing is not the empty state', async () => {
    const wrapper = await mountDirectory()
    vi.mocked(api.listDirectoryAccounts).mockResolvedValue(accountPage(0, []))
    await wrapper.find('[data-testid="status-filter-resigned"] input').setValue(true)
    await settle()
    expect(wrapper.find('[data-testid="directory-empty"]').exists()).toBe(false)
    const none = wrapper.find('[data-testid="account-none"]')
    expect(none.attributes('data-reason')).toBe('noMatch')
    expect(none.find('[data-testid="account-none-text"]').text()).toBe('没有符合条件的账号')

    // Clearing the filters reads all accounts again at once.
    vi.mocked(api.listDirectoryAccounts).mockClear()
    await none.find('[data-testid="account-clear-filters"]').trigger('click')
    await settle()
    expect(api.listDirectoryAccounts).toHaveBeenCalledTimes(1)
    expect(vi.mocked(api.listDirectoryAccounts).mock.calls[0][0]).toMatchObject({ search: '', status: '', offset: 0 })
  })

  it('resigns an account only after confirmation, then refreshes the list and the tree', async () => {
    vi.mocked(api.resignDirectoryAccount).mockResolvedValue({} as never)
    const wrapper = await mountDirectory()
    await wrapper.find('[data-testid="account-resign-1"]').trigger('click')
    await settle()
    expect(document.querySelector('.account-resign-confirm')?.textContent).toContain('将“张伟”（zhangwei）标记为离职')
    await answer(false)
    expect(api.resignDirectoryAccount).not.toHaveBeenCalled()

    const reads = listCalls()
    await wrapper.find('[data-testid="account-resign-1"]').trigger('click')
    await settle()
    await answer(true)
    expect(api.resignDirectoryAccount).toHaveBeenCalledWith(1)
    expect(listCalls()).toBe(reads + 1)
    expect(api.getDirectoryTree).toHaveBeenCalledTimes(2)
  })

  it('edits an account with its departments resolved from their paths, main first', async () => {
    vi.mocked(api.listDirectoryAccounts).mockResolvedValue(accountPage(1, [accountRow({ deptPaths: ['总部/研发中心/后端组', '香港分公司'] })]))
    vi.mocked(api.updateDirectoryAccount).mockResolvedValue({ account: 'zhangwei' } as never)
    const wrapper = await mountDirectory()
    await wrapper.find('[data-testid="account-edit-1"]').trigger('click')
    await settle()
    const form = wrapper.find('[data-testid="account-form"]')
    expect((form.find('[data-testid="field-account"]').element as HTMLInputElement).value).toBe('zhangwei')
    await form.find('[data-testid="field-position"]').setValue('架构师')
    await wrapper.find('[data-testid="account-save"]').trigger('click')
    await settle()
    expect(api.updateDirectoryAccount).toHaveBeenCalledWith(1, {
      account: 'zhangwei',
      name: '张伟',
      employeeNo: 'A0001',
      mobile: '13800138001',
      email: 'zhangwei@example.com',
      position: '架构师',
      wecomUserid: '',
      deptIds: [3, 4],
    })
  })

  it('exports in the desktop app: says where the file was written, with a copy button', async () => {
    vi.mocked(api.exportDirectory).mockResolvedValue({ name: 'directory-1.csv', path: '/data/exports/directory-1.csv', downloadUrl: '/api/download/directory-1.csv', bytes: 10 })
    vi.mocked(api.offerDownload).mockResolvedValue({ kind: 'saved', name: 'directory-1.csv', path: '/data/exports/directory-1.csv' })
    const wrapper = await mountDirectory()
    await wrapper.find('[data-testid="export-csv"]').trigger('click')
    await settle()
    expect(api.exportDirectory).toHaveBeenCalledWith('csv', 'zh')
    const result = wrapper.find('[data-testid="export-result"]')
    expect(result.text()).toContain('已导出到 /data/exports/directory-1.csv')
    expect(result.find('[data-testid="copy-button"]').exists()).toBe(true)
  })
})
