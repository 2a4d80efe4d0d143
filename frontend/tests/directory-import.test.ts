import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import DirectoryView from '@/views/DirectoryView.vue'
import { accountPage, deptTree, importPreview } from './directory-fixtures'
import { apiError, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper']

async function openImport(): Promise<Wrapper> {
  const { wrapper } = await mountApp(DirectoryView, { path: '/directory' })
  await wrapper.find('[data-testid="import-open"]').trigger('click')
  await settle()
  return wrapper
}

async function chooseFile(wrapper: Wrapper, name = 'staff.csv') {
  const input = wrapper.find('[data-testid="import-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File(['账号,姓名\n'], name, { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
}

async function runPreview(wrapper: Wrapper) {
  await wrapper.find('[data-testid="import-preview-run"]').trigger('click')
  await settle()
}

function applyButton(wrapper: Wrapper) {
  return wrapper.find('[data-testid="import-apply"]')
}

describe('directory import', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.getDirectoryTree).mockResolvedValue(deptTree())
    vi.mocked(api.listDirectoryAccounts).mockResolvedValue(accountPage(1))
    vi.mocked(api.uploadFile).mockResolvedValue({ id: 'c0ffee', bytes: 12 })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('uploads the file, then shows how it was read, the counts, the rejected lines and the capped note', async () => {
    vi.mocked(api.previewDirectoryImport).mockResolvedValue(
      importPreview(
        { add: 250, reject: 2 },
        {
          unchanged: 3,
          warnings: ['column 9 "备注" is not a known column and was ignored'],
          newDepartments: [['总部', '新部门']],
          rejected: [
            { line: 5, account: 'bad.mobile', problems: [{ field: 'mobile', message: '"12345" is not a mobile number', args: {} }] },
            {
              line: 9,
              account: '',
              problems: [
                { field: 'account', message: 'account is empty', args: {} },
                { field: 'status', message: '"休假" is not a status', args: {} },
              ],
            },
          ],
        },
      ),
    )
    const wrapper = await openImport()
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid="import-preview-run"]').attributes('disabled')).toBeDefined()

    await chooseFile(wrapper)
    expect(wrapper.find('[data-testid="import-file-name"]').text()).toBe('staff.csv')
    await wrapper.find('[data-testid="import-full-snapshot"] input').setValue(true)
    await runPreview(wrapper)

    expect(api.uploadFile).toHaveBeenCalledTimes(1)
    expect(api.previewDirectoryImport).toHaveBeenCalledWith('c0ffee', 'staff.csv', true)
    const preview = wrapper.find('[data-testid="import-preview"]')
    expect(preview.find('[data-testid="import-read-as"]').text()).toContain('编码：GBK')
    expect(preview.find('[data-testid="import-warnings"]').text()).toContain('备注')
    expect(preview.find('[data-testid="import-count-add"]').text()).toBe('新增 250')
    expect(preview.find('[data-testid="import-count-update"]').text()).toBe('更新 0')
    expect(preview.find('[data-testid="import-count-resign"]').text()).toBe('离职 0')
    expect(preview.find('[data-testid="import-count-unchanged"]').text()).toBe('未变 3')
    expect(preview.find('[data-testid="import-count-reject"]').text()).toBe('拒绝 2')
    expect(preview.find('[data-testid="import-new-depts"]').text()).toContain('将新建的部门（1）')

    const badMobile = preview.find('[data-testid="import-rejected-row-5"]')
    expect(badMobile.text()).toContain('bad.mobile')
    expect(badMobile.text()).toContain('手机: "12345" is not a mobile number')
    const twoProblems = preview.find('[data-testid="import-rejected-row-9"]')
    expect(twoProblems.findAll('.problem').map((p) => p.text())).toEqual(['账号: account is empty', '状态: "休假" is not a status'])

    // 250 adds, of which the backend sent the first 200.
    expect(preview.findAll('[data-testid^="import-add-row-"]')).toHaveLength(200)
    expect(preview.find('[data-testid="import-capped-adds"]').text()).toBe('仅显示前 200 行（共 250 行）')
    expect(preview.find('[data-testid="import-capped-rejected"]').exists()).toBe(false)
    expect(applyButton(wrapper).attributes('disabled')).toBeUndefined()
  })

  it('shows the changed fields of an update, before → after', async () => {
    vi.mocked(api.previewDirectoryImport).mockResolvedValue(
      importPreview(
        {},
        {
          updates: [
            {
              accountId: 4,
              after: { line: 3, account: 'lina', name: '李娜', status: 'resigned', deptPaths: [] },
              changes: [
                { field: 'position', before: '研发总监', after: 'CTO' },
                { field: 'status', before: 'active', after: 'resigned' },
                { field: 'email', before: 'lina@example.com', after: '' },
              ],
            },
          ],
          resignCount: 1,
        },
      ),
    )
    const wrapper = await openImport()
    await chooseFile(wrapper)
    await runPreview(wrapper)
    const row = wrapper.find('[data-testid="import-update-row-3"]')
    expect(row.findAll('.change').map((c) => c.text().replace(/\s+/g, ' '))).toEqual([
      '职位: 研发总监 → CTO',
      '状态: 在职 → 离职',
      '邮箱: lina@example.com → （空）',
    ])
    expect(wrapper.find('[data-testid="import-count-resign"]').text()).toBe('离职 1')
    expect(wrapper.find('[data-testid="import-resign-by-status"]').text()).toContain('另有 1 个账号')
  })

  it('a red resign warning keeps Import disabled until the number is typed, then applies and refreshes everything', async () => {
    const resigns = Array.from({ length: 12 }, (_, i) => ({ accountId: 100 + i, account: `gone${i}`, name: `离开${i}`, deptPaths: [['总部']] }))
    vi.mocked(api.previewDirectoryImport).mockResolvedValue(
      importPreview(
        { add: 1 },
        {
          fullSnapshot: true,
          resigns,
          resignCount: 12,
          resignWarning: { count: 12, active: 20, percent: 60, threshold: { count: 50, percent: 10 } },
        },
      ),
    )
    vi.mocked(api.applyDirectoryImport).mockResolvedValue({ previewId: 7, added: 1, updated: 0, resigned: 12, departmentsCreated: 1 })
    const wrapper = await openImport()
    await chooseFile(wrapper)
    await wrapper.find('[data-testid="import-full-snapshot"] input').setValue(true)
    await runPreview(wrapper)

    const warning = wrapper.find('[data-testid="import-resign-warning"]')
    // Red: an el-alert of type error (the test renderer stubs its transition, which takes the test id).
    expect(warning.classes('el-alert--error') || warning.find('.el-alert--error').exists()).toBe(true)
    expect(warning.text()).toContain('此次导入会把 12 个账号标记为离职（当前在职 20 个，占 60.0%）')
    expect(wrapper.find('[data-testid="import-count-resign"]').text()).toBe('离职 12')
    expect(wrapper.findAll('[data-testid^="import-resign-row-"]')).toHaveLength(12)
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()

    const confirm = wrapper.find('[data-testid="import-confirm-count"]')
    await confirm.setValue('11')
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()
    await confirm.setValue(' 12 ')
    expect(applyButton(wrapper).attributes('disabled')).toBeUndefined()

    const treeReads = vi.mocked(api.getDirectoryTree).mock.calls.length
    const listReads = vi.mocked(api.listDirectoryAccounts).mock.calls.length
    await applyButton(wrapper).trigger('click')
    await settle()
    expect(api.applyDirectoryImport).toHaveBeenCalledWith(7, 12)
    expect(wrapper.find('[data-testid="import-result"]').text()).toBe('导入完成：新增 1，更新 0，标记离职 12，新建部门 1。')
    expect(vi.mocked(api.getDirectoryTree).mock.calls.length).toBe(treeReads + 1)
    expect(vi.mocked(api.listDirectoryAccounts).mock.calls.length).toBe(listReads + 1)
    expect(api.getStartStatus).toHaveBeenCalled()
  })

  it('applies an unflagged preview without asking for a number', async () => {
    vi.mocked(api.previewDirectoryImport).mockResolvedValue(importPreview({ add: 20 }))
    vi.mocked(api.applyDirectoryImport).mockResolvedValue({ previewId: 7, added: 20, updated: 0, resigned: 0, departmentsCreated: 5 })
    const wrapper = await openImport()
    await chooseFile(wrapper)
    await runPreview(wrapper)
    expect(wrapper.find('[data-testid="import-resign-warning"]').exists()).toBe(false)
    await applyButton(wrapper).trigger('click')
    await settle()
    expect(api.applyDirectoryImport).toHaveBeenCalledWith(7, 0)
    expect(wrapper.find('[data-testid="import-result"]').text()).toContain('新增 20')
  })

  it('shows the backend error of an empty file plainly, and nothing can be applied', async () => {
    vi.mocked(api.previewDirectoryImport).mockRejectedValue(apiError('no_data_rows', '文件没有数据行，未做任何修改', 'The file has no data rows; nothing was changed.'))
    const wrapper = await openImport()
    await chooseFile(wrapper, 'empty.csv')
    await runPreview(wrapper)
    expect(wrapper.find('[data-testid="import-error"]').text()).toContain('无法预览：文件没有数据行，未做任何修改')
    expect(wrapper.find('[data-testid="import-preview"]').exists()).toBe(false)
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()
    expect(api.applyDirectoryImport).not.toHaveBeenCalled()
  })

  it('a preview with nothing to change cannot be applied', async () => {
    vi.mocked(api.previewDirectoryImport).mockResolvedValue(importPreview({}, { unchanged: 20, dataRows: 20 }))
    const wrapper = await openImport()
    await chooseFile(wrapper)
    await runPreview(wrapper)
    expect(wrapper.find('[data-testid="import-count-unchanged"]').text()).toBe('未变 20')
    expect(wrapper.find('[data-testid="import-nothing"]').text()).toContain('文件与通讯录一致')
    expect(applyButton(wrapper).attributes('disabled')).toBeDefined()
  })

  it('a preview where every line was rejected says so, not that the file matches', async () => {
    vi.mocked(api.previewDirectoryImport).mockResolvedValue(importPreview({ reject: 3 }, { dataRows: 3 }))
    const wrapper = await openImport()
    await chooseFile(wrapper)
    await runPreview(wrapper)
    const nothing = wrapper.find('[data-testid="import-nothing"]').text()
    expect(nothing).toContain('3 行被拒绝')
    expect(nothing).not.toContain('一致')
  }, 20000)

  it('searches the preview rows of every tab, and says when a tab has no match', async () => {
    vi.mocked(api.previewDirectoryImport).mockResolvedValue(
      importPreview(
        { add: 3, reject: 2 },
        {
          rejected: [
            { line: 5, account: 'bad.mobile', problems: [{ field: 'mobile', message: '"12345" is not a mobile number', args: {} }] },
            { line: 9, account: 'zhao', problems: [{ field: 'status', message: '"休假" is not a status', args: {} }] },
          ],
        },
      ),
    )
    const wrapper = await openImport()
    await chooseFile(wrapper)
    await runPreview(wrapper)
    const rejectedRows = () => wrapper.findAll('[data-testid^="import-rejected-row-"]').map((r) => r.attributes('data-testid'))
    const addRows = () => wrapper.findAll('[data-testid^="import-add-row-"]').map((r) => r.attributes('data-testid'))
    expect(rejectedRows()).toEqual(['import-rejected-row-5', 'import-rejected-row-9'])

    const search = wrapper.find('[data-testid="import-row-search"]')
    await search.setValue('休假') // a problem's words
    expect(rejectedRows()).toEqual(['import-rejected-row-9'])
    await search.setValue('手机') // the field's label
    expect(rejectedRows()).toEqual(['import-rejected-row-5'])
    await search.setValue('用户1') // the adds tab narrows too
    expect(addRows()).toEqual(['import-add-row-3'])
    expect(wrapper.find('[data-testid="import-no-match-rejected"]').text()).toBe('此页签中没有与“用户1”匹配的行')
    // The tab counts stay the file's counts.
    expect(wrapper.find('[data-testid="import-tabs"]').text()).toContain('拒绝（2）')
    await search.setValue('')
    expect(rejectedRows()).toHaveLength(2)
    expect(addRows()).toHaveLength(3)
  })
})
