// The directory journey against the real serve binary: import the sample
// CSV through the preview, browse the tree and the accounts, resign an
// account after confirming, preview a file with a rejected row (and, as a
// full snapshot, the red resign warning), and export with a real download.
//
// The e2e server is shared by every spec file, so this one checks what is
// already there instead of assuming an empty directory, and works on its own
// accounts where it changes things.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { test, expect, login, rpc } from './fixtures'

const here = fileURLToPath(new URL('.', import.meta.url))
const samplePath = resolve(here, '../../../docs/samples/directory-sample.csv')
const sampleAccounts = readFileSync(samplePath, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0])

test.describe.configure({ mode: 'serial' })

interface AccountPage {
  total: number
  rows: { id: number; account: string; status: string }[]
}

function listAccounts(request: APIRequestContext, search: string) {
  return rpc<AccountPage>(request, 'ListDirectoryAccounts', { search, deptId: 0, includeSubDepts: false, status: '', offset: 0, limit: 200, sort: 'account' })
}

async function openDirectory(page: Page) {
  // Another spec may have left the UI in English.
  await rpc(page.request, 'SetLanguage', 'zh-CN')
  await login(page)
  await page.getByTestId('nav-directory').click()
  await expect(page.getByTestId('page-title')).toHaveText('本地通讯录')
}

function accountRows(page: Page): Locator {
  return page.getByTestId('account-table').locator('tbody tr[data-testid^="account-row-"]')
}

/** Types into the search box and waits for the debounced read to show `count` rows. */
async function search(page: Page, text: string, count: number) {
  await page.getByTestId('account-search').fill(text)
  await expect(accountRows(page)).toHaveCount(count)
}

function deptNode(page: Page, name: string): Locator {
  return page.getByTestId('dept-tree').locator('[data-testid^="dept-node-"]', { has: page.locator('.dept-name', { hasText: new RegExp(`^${name}$`) }) })
}

async function previewFile(page: Page, path: string, fullSnapshot: boolean) {
  const snapshot = page.getByTestId('import-full-snapshot')
  if ((await snapshot.locator('input').isChecked()) !== fullSnapshot) await snapshot.click()
  await page.getByTestId('import-file').setInputFiles(path)
  await page.getByTestId('import-preview-run').click()
  await expect(page.getByTestId('import-preview')).toBeVisible()
}

function count(page: Page, kind: string): Promise<number> {
  return page.getByTestId(`import-count-${kind}`).getAttribute('data-count').then(Number)
}

test('the sample CSV imports through a preview, then the tree and the accounts show it', async ({ page }) => {
  const before = await listAccounts(page.request, '@example.com')
  const fresh = !before.rows.some((r) => sampleAccounts.includes(r.account))

  await openDirectory(page)
  await page.getByTestId('import-open').click()
  await previewFile(page, samplePath, false)
  await expect(page.getByTestId('import-read-as')).toContainText('directory-sample.csv')
  await expect(page.getByTestId('import-count-reject')).toHaveText('拒绝 0')
  if (fresh) {
    await expect(page.getByTestId('import-count-add')).toHaveText('新增 20')
    await expect(page.getByTestId('import-new-depts')).toContainText('将新建的部门')
    await expect(page.getByTestId('import-rows-adds')).toContainText('zhangwei.sales')
  } else {
    // Another spec imported it first: every row is then an update or unchanged.
    expect((await count(page, 'add')) + (await count(page, 'update')) + (await count(page, 'unchanged'))).toBe(20)
  }

  if (await page.getByTestId('import-apply').isEnabled()) {
    await page.getByTestId('import-apply').click()
    await expect(page.getByTestId('import-result')).toContainText('导入完成')
    if (fresh) await expect(page.getByTestId('import-result')).toContainText('新增 20')
  }
  await page.getByTestId('import-close').or(page.getByTestId('import-cancel')).first().click()

  await expect(deptNode(page, '总部')).toBeVisible()
  await expect(deptNode(page, '香港分公司')).toBeVisible()
  await search(page, '张伟', 3)
  await expect(accountRows(page).first()).toContainText('总部/')

  // The tree filters the table: 香港分公司 has its accounts in 业务部, below it.
  await page.getByTestId('account-search').fill('')
  await deptNode(page, '香港分公司').click()
  await expect(page.getByTestId('account-scope')).toContainText('香港分公司')
  await expect(accountRows(page)).toHaveCount(2)
  await expect(accountRows(page).filter({ hasText: 'sunli' })).toHaveCount(1)
  await page.getByTestId('include-sub').click()
  await expect(page.getByTestId('account-none')).toBeVisible()
  await page.getByTestId('dept-all').click()
  await expect(page.getByTestId('account-scope')).toContainText('全部账号')
})

test('an account is marked resigned only after confirming, and reinstated', async ({ page }) => {
  await openDirectory(page)
  await search(page, 'zhangwei2', 1)
  const row = accountRows(page).first()
  const id = (await row.getAttribute('data-testid'))!.replace('account-row-', '')
  if ((await row.getAttribute('data-status')) === 'resigned') {
    await page.getByTestId(`account-reinstate-${id}`).click()
    await expect(row).toHaveAttribute('data-status', 'active')
  }

  const box = page.locator('.account-resign-confirm')
  await page.getByTestId(`account-resign-${id}`).click()
  await expect(box).toContainText('将“张伟”（zhangwei2）标记为离职')
  await box.getByRole('button', { name: '取消' }).click()
  await expect(box).toBeHidden()
  await expect(row).toHaveAttribute('data-status', 'active')

  await page.getByTestId(`account-resign-${id}`).click()
  await box.getByRole('button', { name: '标记离职' }).click()
  await expect(row).toHaveAttribute('data-status', 'resigned')
  await expect(row.getByTestId('account-status')).toHaveText('离职')

  // Only active accounts: it is gone; all of them: back, and reinstated.
  await page.getByTestId('status-filter-active').click()
  await expect(page.getByTestId('account-none')).toBeVisible()
  await page.getByTestId('status-filter-all').click()
  await page.getByTestId(`account-reinstate-${id}`).click()
  await expect(row).toHaveAttribute('data-status', 'active')
})

test('a file with a bad mobile shows the rejected line; as a full snapshot it raises the red resign warning', async ({ page }, testInfo) => {
  const prefix = `e2edir${Date.now().toString(36)}`
  const csvPath = testInfo.outputPath('partial.csv')
  writeFileSync(
    csvPath,
    [
      'account,name,mobile,department,position',
      `${prefix}-a,测试甲,13900000001,E2E测试部/一组,工程师`,
      `${prefix}-b,测试乙,12345,E2E测试部/一组,工程师`,
      `${prefix}-c,测试丙,+86 139-0000-0003,E2E测试部/二组,工程师`,
    ].join('\n') + '\n',
  )

  await openDirectory(page)
  await page.getByTestId('import-open').click()

  // As the complete list, this file would resign everyone else: red, and Import waits for the number.
  await previewFile(page, csvPath, true)
  const warning = page.getByTestId('import-resign-warning')
  await expect(warning).toBeVisible()
  await expect(warning).toHaveClass(/el-alert--error/)
  const resignCount = await count(page, 'resign')
  expect(resignCount).toBeGreaterThanOrEqual(19)
  await expect(page.getByTestId('import-apply')).toBeDisabled()
  await page.getByTestId('import-confirm-count').fill(String(resignCount - 1))
  await expect(page.getByTestId('import-apply')).toBeDisabled()
  await page.getByTestId('import-confirm-count').fill(String(resignCount))
  await expect(page.getByTestId('import-apply')).toBeEnabled()

  // Not the complete list after all: no warning, two adds, line 3 rejected for its mobile.
  await previewFile(page, csvPath, false)
  await expect(warning).toBeHidden()
  await expect(page.getByTestId('import-count-add')).toHaveText('新增 2')
  await expect(page.getByTestId('import-count-reject')).toHaveText('拒绝 1')
  await expect(page.getByTestId('import-count-resign')).toHaveText('离职 0')
  const rejected = page.getByTestId('import-rejected-row-3')
  await expect(rejected).toBeVisible()
  await expect(rejected).toContainText(`${prefix}-b`)
  await expect(rejected).toContainText('手机号格式不对：“12345”')
  await expect(rejected.locator('.problem')).toHaveAttribute('data-code', 'mobile_invalid')

  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-result')).toContainText('新增 2')
  await page.getByTestId('import-close').click()
  await search(page, prefix, 2)
  await expect(accountRows(page).filter({ hasText: `${prefix}-c` })).toContainText('13900000003')
  await expect(deptNode(page, 'E2E测试部')).toBeVisible()
})

test('departments are added, renamed, moved and, once empty, deleted after confirming', async ({ page }) => {
  const name = `E2E部门${Date.now().toString(36)}`
  await openDirectory(page)

  // Added at the top level (nothing selected), then selected.
  await page.getByTestId('dept-all').click()
  await page.getByTestId('dept-add').click()
  await page.getByTestId('dept-name').fill(name)
  await page.getByTestId('dept-save').click()
  await expect(deptNode(page, name)).toBeVisible()
  await expect(page.getByTestId('account-scope')).toContainText(name)

  // A sibling name already taken: the backend says so in the dialog.
  await page.getByTestId('dept-rename').click()
  await page.getByTestId('dept-name').fill('总部')
  await page.getByTestId('dept-save').click()
  await expect(page.getByTestId('dept-edit-error')).toContainText('已有名为 总部 的部门')
  await page.getByTestId('dept-name').fill(`${name}改`)
  await page.getByTestId('dept-save').click()
  await expect(deptNode(page, `${name}改`)).toBeVisible()

  // Moved under 香港分公司, picked from the tree.
  await page.getByTestId('dept-move').click()
  await page.getByTestId('dept-edit-form').getByTestId('dept-parent').click()
  await page.locator('.el-tree-select__popper .el-tree-node__content', { hasText: /^香港分公司$/ }).click()
  await page.getByTestId('dept-save').click()
  await expect(page.getByTestId('account-scope')).toHaveText(new RegExp(`^香港分公司/${name}改`))

  // Deleted: asked first, cancelled once.
  const box = page.locator('.dept-delete-confirm')
  await page.getByTestId('dept-delete').click()
  await box.getByRole('button', { name: '取消' }).click()
  await expect(deptNode(page, `${name}改`)).toBeVisible()
  await page.getByTestId('dept-delete').click()
  await box.getByRole('button', { name: '删除' }).click()
  await expect(deptNode(page, `${name}改`)).toHaveCount(0)
  await expect(page.getByTestId('account-scope')).toContainText('全部账号')

  // A department with accounts is refused, with the reason.
  await deptNode(page, '业务部').click()
  await page.getByTestId('dept-delete').click()
  await box.getByRole('button', { name: '删除' }).click()
  await expect(page.locator('.el-message--error')).toContainText('请先移走或删除它们')
  await expect(deptNode(page, '业务部')).toBeVisible()
})

test('the directory exports as CSV, downloaded by the browser, header in Chinese or English', async ({ page }) => {
  await openDirectory(page)
  let download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  let file = await download
  expect(file.suggestedFilename()).toMatch(/^directory-\d{8}-\d{6}\.csv$/)
  let text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '')
  expect(text.split('\n')[0].trim()).toBe('账号,姓名,工号,手机,邮箱,部门,职位,状态,企业微信账号')
  expect(text).toContain('zhangwei.sales,张伟,B0107')

  await page.getByTestId('export-header').click()
  await page.locator('.el-select-dropdown__item', { hasText: '英文表头' }).click()
  download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  file = await download
  text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '')
  expect(text.split('\n')[0].trim()).toBe('account,name,employee_no,mobile,email,department,position,status,wecom_userid')
})
