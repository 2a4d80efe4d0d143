import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import DirectoryView from '@/views/DirectoryView.vue'
import { accountPage, deptTree } from './directory-fixtures'
import { apiError, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper']

async function mountWithSelected(id: number): Promise<Wrapper> {
  const { wrapper } = await mountApp(DirectoryView, { path: '/directory' })
  if (id) {
    await wrapper.find(`[data-testid="dept-node-${id}"]`).trigger('click')
    await settle()
  }
  return wrapper
}

async function answer(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
  await settle()
}

describe('directory departments', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.getDirectoryTree).mockResolvedValue(deptTree())
    vi.mocked(api.listDirectoryAccounts).mockResolvedValue(accountPage(1))
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('rename, move and delete need a selected department', async () => {
    const wrapper = await mountWithSelected(0)
    for (const action of ['rename', 'move', 'delete']) {
      expect(wrapper.find(`[data-testid="dept-${action}"]`).attributes('disabled')).toBeDefined()
    }
    expect(wrapper.find('[data-testid="dept-add"]').attributes('disabled')).toBeUndefined()
  })

  it('adds a department under the selected one, then selects it', async () => {
    vi.mocked(api.addDirectoryDepartment).mockResolvedValue({ id: 9, parentId: 2, name: '架构组', sortOrder: 3, path: ['总部', '研发中心', '架构组'] })
    const wrapper = await mountWithSelected(2)
    await wrapper.find('[data-testid="dept-add"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="dept-edit-form"]').text()).toContain('将创建在“总部/研发中心”下')
    await wrapper.find('[data-testid="dept-name"]').setValue('架构组')
    await wrapper.find('[data-testid="dept-save"]').trigger('click')
    await settle()
    expect(api.addDirectoryDepartment).toHaveBeenCalledWith(2, '架构组')
    expect(api.getDirectoryTree).toHaveBeenCalledTimes(2)
    expect(vi.mocked(api.listDirectoryAccounts).mock.lastCall?.[0]).toMatchObject({ deptId: 9, offset: 0 })
  })

  it('shows the backend’s refusal of a name in the dialog', async () => {
    vi.mocked(api.renameDirectoryDepartment).mockRejectedValue(
      apiError('directory_department_name_taken', '顶级已有名为 香港分公司 的部门：请换一个名称', 'A department named 香港分公司 already exists at the top level; choose another name.'),
    )
    const wrapper = await mountWithSelected(1)
    await wrapper.find('[data-testid="dept-rename"]').trigger('click')
    await settle()
    const name = wrapper.find('[data-testid="dept-name"]')
    expect((name.element as HTMLInputElement).value).toBe('总部')
    await name.setValue('香港分公司')
    await wrapper.find('[data-testid="dept-save"]').trigger('click')
    await settle()
    expect(api.renameDirectoryDepartment).toHaveBeenCalledWith(1, '香港分公司')
    expect(wrapper.find('[data-testid="dept-edit-error"]').text()).toContain('顶级已有名为 香港分公司 的部门')
  })

  it('moving offers the top level and every department outside the moved one', async () => {
    const wrapper = await mountWithSelected(2)
    await wrapper.find('[data-testid="dept-move"]').trigger('click')
    await settle()
    const select = wrapper.findComponent({ name: 'ElTreeSelect' })
    const options = select.props('data') as { id: number; disabled: boolean; children: { id: number; disabled: boolean; children: { id: number; disabled: boolean }[] }[] }[]
    expect(options.map((o) => [o.id, o.disabled])).toEqual([[0, false], [1, false], [4, false]])
    const rd = options[1].children[0]
    expect([rd.id, rd.disabled, rd.children[0].id, rd.children[0].disabled]).toEqual([2, true, 3, true])
  })

  it('deletes a department only after confirmation, and shows why the backend refused', async () => {
    vi.mocked(api.deleteDirectoryDepartment).mockRejectedValue(
      apiError('directory_department_not_empty', '香港分公司 下还有 2 个账号和 0 个子部门：请先移走或删除它们', '香港分公司 still has 2 accounts and 0 sub-departments; move or delete them first.'),
    )
    const wrapper = await mountWithSelected(4)
    await wrapper.find('[data-testid="dept-delete"]').trigger('click')
    await settle()
    expect(document.querySelector('.dept-delete-confirm')?.textContent).toContain('删除部门“香港分公司”？')
    await answer(false)
    expect(api.deleteDirectoryDepartment).not.toHaveBeenCalled()

    await wrapper.find('[data-testid="dept-delete"]').trigger('click')
    await settle()
    await answer(true)
    expect(api.deleteDirectoryDepartment).toHaveBeenCalledWith(4)
    expect(document.querySelector('.el-message--error')?.textContent).toContain('香港分公司 下还有 2 个账号')
  })

  it('a department filter that matches nothing says so, not "no departments yet"', async () => {
    const wrapper = await mountWithSelected(0)
    const tree = () => wrapper.find('[data-testid="dept-tree"]')
    expect(tree().find('.el-tree__empty-block').exists()).toBe(false)
    await wrapper.find('[data-testid="dept-filter"]').setValue('没有这个部门')
    await settle()
    expect(tree().find('.el-tree__empty-text').text()).toBe('没有名称包含“没有这个部门”的部门')
    await wrapper.find('[data-testid="dept-filter"]').setValue('')
    await settle()
    expect(tree().find('.el-tree__empty-block').exists()).toBe(false)
  })
})
