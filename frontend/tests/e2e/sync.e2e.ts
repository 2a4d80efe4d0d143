// The sync journey against the real serve binary, on the demo corp: import
// the sample directory, pull WeCom and rematch, then in the UI preview a
// to-WeCom sync, check the tree diff colours and the counts, apply it while
// watching the progress, and open the run's report in History. A preview
// survives leaving the page, and History opens a waiting preview in the
// Sync page (an applied one read-only).
//
// The e2e server is shared by every spec file (in file order), so this spec
// starts the demo corp itself when another spec removed it, and skips the
// import when the sample's accounts are already there.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { test, expect, login, rpc } from './fixtures'

const here = fileURLToPath(new URL('.', import.meta.url))
const samplePath = resolve(here, '../../../docs/samples/directory-sample.csv')
const screenshotPath = resolve(here, '../../../docs/screenshots/sync-tree-diff.png')
const sampleCsv = readFileSync(samplePath, 'utf8')
/** The sample's top departments: the sync scope, so accounts other specs left behind stay out of it. */
const sampleRoots = [...new Set(sampleCsv.replace(/^\uFEFF/, '').trim().split('\n').slice(1)
  .flatMap((line) => line.split(',')[5].split(';').map((path) => path.split('/')[0])))]

test.describe.configure({ mode: 'serial' })

/** The userids the first spec's apply created in WeCom (managed without a confirmed binding). */
const created: string[] = []

/** The demo corp, active, with the sample directory imported, pulled and matched, scoped to the sample. */
async function prepareDemo(page: Page): Promise<number> {
  return page.evaluate(async ({ csv, roots }) => {
    const app = (window as any).go.main.App
    // Imports, pulls and rematches are jobs: each call returns {jobId}; wait for its end by asking.
    const finish = async (started: Promise<{ jobId: string }>) => {
      const { jobId } = await started
      let job = await app.GetJob(jobId)
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 100))
        job = await app.GetJob(jobId)
      }
      if (job.state !== 'done') throw new Error(`${job.kind} job ${job.state}: ${job.error?.en}`)
      return job.result
    }
    const corps: { id: number; demo: boolean }[] = (await app.ListCorps()) ?? []
    const demo = corps.find((c) => c.demo) ?? (await app.StartDemo())
    await app.SetActiveCorp(demo.id)
    const accounts = await app.ListDirectoryAccounts({ search: 'lina@example.com', deptId: 0, includeSubDepts: false, status: '', offset: 0, limit: 10, sort: 'account' })
    if (!accounts.rows?.length) {
      const upload = await fetch('/api/upload', { method: 'POST', body: csv, headers: (window as any).__wecomBridgeServe.authHeaders() }).then((r) => r.json())
      const preview = await app.PreviewDirectoryImport(upload.id, 'directory-sample.csv', false)
      if (preview.addCount + preview.updateCount > 0) await finish(app.ApplyDirectoryImport(preview.preview.id, 0))
    }
    await finish(app.PullCorp(demo.id, 0))
    await finish(app.RematchBindings(demo.id))
    const options = await app.GetSyncOptions(demo.id, 'to-wecom')
    await app.SetSyncOptions(demo.id, 'to-wecom', { ...options, scope: { departments: roots, includeUsers: [], excludeUsers: [] } })
    return demo.id as number
  }, { csv: sampleCsv, roots: sampleRoots })
}

/** Records every "sync:progress" event in the page, for the test to read. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as any
    w.__syncProgress = []
    w.runtime.EventsOn('sync:progress', (p: unknown) => w.__syncProgress.push(p))
  })
}

test('a to-WeCom preview shows the tree diff and counts, applies with progress, and its report opens in History', async ({ page }) => {
  test.setTimeout(120_000)
  await rpc(page.request, 'SetLanguage', 'zh-CN')
  await login(page)
  const corpId = await prepareDemo(page)
  await page.reload()
  await expect(page.getByTestId('nav-sync')).toBeVisible()

  await page.getByTestId('nav-sync').click()
  await expect(page.getByTestId('page-title')).toHaveText('同步预览')
  await page.getByTestId('sync-direction-to-wecom').click()

  // The demo's options mount the local roots under WeCom department 1.
  await page.getByTestId('sync-options-open').click()
  await expect(page.getByTestId('opt-top-department').locator('input')).toHaveValue('1')
  await expect(page.locator('[data-testid="opt-scope-departments"] textarea, textarea[data-testid="opt-scope-departments"]')).toHaveValue(sampleRoots.join('\n'))
  await expect(page.getByTestId('opt-exclusion-wins')).toContainText('排除优先')
  await page.getByTestId('sync-options-save').click()
  await expect(page.getByTestId('sync-options')).toBeHidden()

  await page.getByTestId('sync-preview').click()
  const summary = page.getByTestId('plan-summary')
  await expect(summary).toBeVisible({ timeout: 30_000 })
  const planId = Number(await summary.getAttribute('data-plan-id'))
  expect(planId).toBeGreaterThan(0)

  // The counts match the plan's operations as the backend lists them.
  const expected = await page.evaluate(async (id) => {
    const app = (window as any).go.main.App
    const ops = async (type: string) => (await app.ListSyncPlanOps(id, { type, state: '', search: '', offset: 0, limit: 1 })).total as number
    return { createUser: await ops('create_user'), createDept: await ops('create_department'), total: await ops('') }
  }, planId)
  expect(expected.createUser).toBeGreaterThan(0)
  created.push(...await page.evaluate(async (id) => {
    const ops = (await (window as any).go.main.App.ListSyncPlanOps(id, { type: 'create_user', state: '', search: '', offset: 0, limit: 200 })).ops ?? []
    return ops.map((op: any) => String(op.target).toLowerCase())
  }, planId))
  await expect(page.getByTestId('plan-count-create_user')).toHaveAttribute('data-count', String(expected.createUser))
  await expect(page.getByTestId('plan-count-create_department')).toHaveAttribute('data-count', String(expected.createDept))
  await expect(summary).toHaveAttribute('data-total', String(expected.total))
  await expect(page.getByTestId('plan-ops')).toHaveAttribute('data-total', String(expected.total))

  // Tree colours: the WeCom root is matched (orange); the sample's new departments are purple.
  const tree = page.getByTestId('plan-tree')
  const root = tree.getByTestId('tree-node-W1').locator('.node-label')
  await expect(root).toHaveClass(/diff-matched/)
  await expect(root).toHaveCSS('color', 'rgb(230, 130, 30)')
  const fresh = tree.locator('.node-label.diff-new').first()
  await expect(fresh).toBeVisible()
  await expect(fresh).toHaveCSS('color', 'rgb(142, 68, 173)')
  await expect(tree.locator('.node-label.diff-new', { hasText: '香港分公司' })).toBeVisible()
  await expect(page.getByTestId('plan-tree-legend')).toContainText('新增')
  await tree.screenshot({ path: screenshotPath })

  // Another page and back: the same plan, marked as made earlier.
  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('page-title')).toHaveText('同步记录')
  await expect(page.getByTestId(`history-row-preview-${planId}`).getByTestId(`history-review-${planId}`)).toBeVisible()
  await page.getByTestId('nav-sync').click()
  await expect(page.getByTestId('page-title')).toHaveText('同步预览')
  await expect(page.getByTestId('sync-stored-banner')).toContainText('显示的是')
  await expect(page.getByTestId('sync-stored-banner')).toHaveAttribute('data-plan-id', String(planId))
  await expect(summary).toHaveAttribute('data-plan-id', String(planId))
  await expect(page.getByTestId('sync-direction-to-wecom')).toHaveClass(/is-active/)
  await expect(page.getByTestId('plan-ops')).toHaveAttribute('data-total', String(expected.total))

  // The operation list filters by type on the server.
  await page.getByTestId('op-type-filter').click()
  await page.getByTestId('op-type-option-create_user').click()
  await expect(page.getByTestId('plan-ops')).toHaveAttribute('data-total', String(expected.createUser))
  await expect(page.locator('[data-testid^="op-row-"][data-type="create_user"]').first()).toBeVisible()

  // Apply: a blocked plan needs its removals typed in; watch the progress reach done = total.
  await recordProgress(page)
  await page.getByTestId('sync-apply').click()
  if ((await page.getByTestId('plan-safety').getAttribute('data-blocked')) === 'true') {
    await expect(page.getByTestId('apply-confirm')).toBeDisabled()
    const removals = await page.evaluate(async (id) => (await (window as any).go.main.App.GetSyncPlan(id)).summary.removals, planId)
    await page.locator('input[data-testid="confirm-removals-input"]').fill(String(removals))
  }
  await page.getByTestId('apply-confirm').click()
  const result = page.getByTestId('apply-result')
  await expect(result).toHaveAttribute('data-status', /done|failed/, { timeout: 60_000 })
  await expect(page.getByTestId('apply-failed-ops')).toHaveCount(0)
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(result).toHaveAttribute('data-done', String(expected.total))
  const progress = await page.evaluate(() => (window as any).__syncProgress as { done: number; total: number; final: boolean }[])
  expect(progress.length).toBeGreaterThan(0)
  const last = progress[progress.length - 1]
  expect(last.final).toBe(true)
  expect(last.done).toBe(last.total)
  expect(last.total).toBe(expected.total)

  // The run's report in History: its row, then the drawer with a real download.
  await page.getByTestId('apply-report-link').click()
  await expect(page.getByTestId('page-title')).toHaveText('同步记录')
  const runId = await page.evaluate(async (id) => (await (window as any).go.main.App.GetSyncPlan(id)).runId as number, planId)
  const row = page.getByTestId(`history-row-run-${runId}`)
  await expect(row).toHaveAttribute('data-status', 'done')
  await expect(page.getByTestId('history-report')).toBeVisible()
  await expect(page.getByTestId('report-count-create_user')).toHaveAttribute('data-count', String(expected.createUser))
  const download = page.waitForEvent('download')
  await page.getByTestId('report-download-xlsx').click()
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^sync-report-${runId}.*\\.xlsx$`))

  // A preview left waiting (as a blocked scheduled run leaves one) opens from History in the Sync page.
  const pendingId = await page.evaluate(async (id) => {
    const app = (window as any).go.main.App
    const { jobId } = await app.PlanSync(id, 'to-wecom') // a preview is a job: its result is the plan
    for (;;) {
      const job = await app.GetJob(jobId)
      if (job.state !== 'running') return job.result.id as number
      await new Promise((r) => setTimeout(r, 100))
    }
  }, corpId)
  await page.locator('.el-drawer__close-btn').click()
  await expect(page.getByTestId('history-report')).toBeHidden()
  await page.getByTestId('history-refresh').click()
  const pendingRow = page.getByTestId(`history-row-preview-${pendingId}`)
  await expect(pendingRow).toHaveAttribute('data-status', 'preview')
  await expect(row.locator('[data-testid^="history-review-"]')).toHaveCount(0)
  await pendingRow.getByTestId(`history-review-${pendingId}`).click()
  await expect(page.getByTestId('page-title')).toHaveText('同步预览')
  await expect(page).toHaveURL(new RegExp(`#/sync\\?plan=${pendingId}$`))
  await expect(page.getByTestId('plan-summary')).toHaveAttribute('data-plan-id', String(pendingId))
  await expect(page.getByTestId('sync-stored-banner')).toHaveAttribute('data-plan-id', String(pendingId))
  await expect(page.getByTestId('sync-apply')).toBeVisible()
  await expect(page.getByTestId('sync-plan-closed')).toHaveCount(0)

  // The applied plan opens read-only, with a note instead of the apply button.
  await page.evaluate((id) => { location.hash = `#/sync?plan=${id}` }, planId)
  await expect(page.getByTestId('plan-summary')).toHaveAttribute('data-plan-id', String(planId))
  await expect(page.getByTestId('sync-plan-closed')).toHaveAttribute('data-reason', 'applied')
  await expect(page.getByTestId('sync-plan-closed')).toContainText('此预览已执行')
  await expect(page.getByTestId('sync-apply')).toHaveCount(0)
  expect(corpId).toBeGreaterThan(0)
})

// The review is law: a rejected pair is listed as left alone and nothing
// touches its member; after the apply, a preview without a manual pull has
// nothing left to do.
test('a rejected pair is left alone, and a preview right after the apply has 0 operations', async ({ page }) => {
  test.setTimeout(120_000)
  await rpc(page.request, 'SetLanguage', 'zh-CN')
  await login(page)
  const corpId = await prepareDemo(page)
  // A proposed pair of the sample to reject (the review's own screen is covered by bindings.e2e.ts).
  const pair = await page.evaluate(async ({ id, created }) => {
    const app = (window as any).go.main.App
    const rows = (await app.ListBindings(id, { filter: 'review', search: '', method: '', offset: 0, limit: 200, sort: '' })).rows ?? []
    const pairs = rows.filter((r: any) => r.state === 'proposed' && r.account && r.userid)
    if (!pairs.length) return null
    const row = pairs[0]
    await app.RejectBindings(id, [row.id])
    // Another member the first spec's apply created (so it is managed) gets a new position,
    // so this plan has something to apply.
    for (const other of pairs.slice(1).filter((r: any) => created.includes(r.userid.toLowerCase()))) {
      const found = (await app.ListDirectoryAccounts({ search: other.account, deptId: 0, includeSubDepts: false, status: '', offset: 0, limit: 10, sort: 'account' })).rows ?? []
      const acc = found.find((a: any) => a.account.toLowerCase() === other.account.toLowerCase())
      if (!acc || acc.status !== 'active') continue
      await app.UpdateDirectoryAccount(acc.id, { account: acc.account, name: acc.name, employeeNo: acc.employeeNo, mobile: acc.mobile,
        email: acc.email, position: 'E2E 新职位', wecomUserid: acc.wecomUserid, deptIds: acc.deptIds })
      break
    }
    return { account: row.account as string, userid: row.userid as string }
  }, { id: corpId, created })
  expect(pair, 'the demo has a proposed pair to reject').not.toBeNull()

  await page.reload()
  await page.getByTestId('nav-sync').click()
  await expect(page.getByTestId('page-title')).toHaveText('同步预览')
  await page.getByTestId('sync-direction-to-wecom').click()
  await expect(page.getByTestId('sync-scope')).toContainText('同步范围')
  await page.getByTestId('sync-preview').click()
  const summary = page.getByTestId('plan-summary')
  await expect(summary).toBeVisible({ timeout: 30_000 })
  const planId = Number(await summary.getAttribute('data-plan-id'))
  await expect(page.getByTestId('plan-untouched')).toBeVisible()
  const rejected = page.locator(`[data-testid="plan-untouched-row"][data-account="${pair!.account}"]`)
  await expect(rejected).toHaveAttribute('data-state', 'rejected')
  await expect(rejected).toHaveAttribute('data-userid', pair!.userid)
  await expect(page.getByTestId('plan-untouched-link')).toHaveAttribute('href', /bindings\?filter=review/)
  await expect(page.getByTestId('plan-read-at')).toContainText('企业微信数据读取于')
  await expect(page.getByTestId('plan-scope')).toBeVisible()
  // No operation touches the rejected member.
  const touching = await page.evaluate(async ({ id, uid }) => {
    const ops = (await (window as any).go.main.App.ListSyncPlanOps(id, { type: '', state: '', search: uid, offset: 0, limit: 200 })).ops ?? []
    return ops.filter((op: any) => op.target.toLowerCase() === uid.toLowerCase()).length
  }, { id: planId, uid: pair!.userid })
  expect(touching).toBe(0)

  const total = Number(await summary.getAttribute('data-total'))
  expect(total, 'the changed position is an operation').toBeGreaterThan(0)
  {
    await page.getByTestId('sync-apply').click()
    const removals = page.locator('input[data-testid="confirm-removals-input"]')
    if (await removals.count()) {
      await removals.fill(String(await page.evaluate(async (id) => (await (window as any).go.main.App.GetSyncPlan(id)).summary.removals, planId)))
    }
    const creates = page.locator('input[data-testid="confirm-creates-input"]')
    if (await creates.count()) {
      const plan = await page.evaluate(async (id) => (await (window as any).go.main.App.GetSyncPlan(id)).summary, planId)
      await creates.fill(String((plan.counts.create_user ?? 0) + (plan.counts.local_create_account ?? 0)))
    }
    await page.getByTestId('apply-confirm').click()
    const result = page.getByTestId('apply-result')
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
    await expect(result).toHaveAttribute('data-not-applied', '0')
    await expect(page.getByTestId('apply-read-back')).toBeVisible()
  }

  // Preview again (重新预览), no pull by hand: nothing left to do.
  await page.getByTestId('sync-preview').click()
  await expect(summary).not.toHaveAttribute('data-plan-id', String(planId), { timeout: 30_000 })
  await expect(summary).toHaveAttribute('data-total', '0')
  await expect(page.getByTestId('plan-total')).toContainText('共 0 项操作')
  await expect(page.getByTestId('sync-apply')).toBeDisabled()
  await expect(page.locator(`[data-testid="plan-untouched-row"][data-account="${pair!.account}"]`)).toHaveAttribute('data-state', 'rejected')
})
