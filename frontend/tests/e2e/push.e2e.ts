// The push journey against the real serve binary and the demo corp's
// simulator: a local account bound to a demo member, a push rule built in
// the UI (source e2e-approval → the demo corp's app 1000002, textcard), an
// API key created in Settings (where the Push page points), the test message
// account and log retention saved in Settings and the rule's test message
// sent, a message posted to the intake API with that key, the delivery seen
// in the push log, recalled, and the chart drawn.
//
// The e2e server is shared by every spec file: the demo corp is started only
// if there is none and removed again at the end; the rule is deleted, the key
// revoked, the push settings put back and the px- account resigned.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { test, expect, login, rpc, waitJob } from './fixtures'

const here = fileURLToPath(new URL('.', import.meta.url))
const screenshotPath = resolve(here, '../../../docs/screenshots/push-log.png')

test.describe.configure({ mode: 'serial' })

interface CorpInfo { id: number; name: string; demo: boolean; apiBaseUrl: string; apps: { agentId: number; name: string }[] }
interface SimUser { userid: string; name: string; status: number; enable: number }
interface PushSettings { intake_enabled: boolean; intake_addr: string; strict_sources: boolean; retention_days: number }

const state = {
  corp: null as CorpInfo | null, startedDemo: false, account: 'px-e2e-push', ruleName: '', keyName: '',
  settings: null as PushSettings | null, admin: null as string | null,
}
const stamp = Date.now().toString(36)
const title = `e2e 审批通过 ${stamp}`

test('a message posted with a UI-made key is pushed by a UI-made rule, logged, recalled and charted', async ({ page }) => {
  test.setTimeout(120_000)
  await rpc(page.request, 'SetLanguage', 'zh-CN')
  state.settings = await rpc<PushSettings>(page.request, 'GetPushSettings')
  state.admin = await rpc<string>(page.request, 'GetPushAdminAccount')
  await login(page)

  // The demo corp, pulled, with one local account bound to one of its members.
  let corps = await rpc<CorpInfo[]>(page.request, 'ListCorps')
  let demo = corps.find((c) => c.demo)
  if (!demo) {
    await page.evaluate(() => (window as unknown as { go: { main: { App: { StartDemo(): Promise<unknown> } } } }).go.main.App.StartDemo())
    state.startedDemo = true
    corps = await rpc<CorpInfo[]>(page.request, 'ListCorps')
    demo = corps.find((c) => c.demo)!
  }
  state.corp = demo
  await rpc(page.request, 'SetActiveCorp', demo.id)
  expect(demo.apps.map((a) => a.agentId)).toContain(1000002)
  await waitJob(page.request, (await rpc<{ jobId: string }>(page.request, 'PullCorp', demo.id, 0)).jobId)

  const org = (await (await page.request.get(demo.apiBaseUrl + '/sim/org')).json()) as { users: SimUser[] }
  const member = org.users.filter((u) => u.status === 1 && u.enable === 1).at(-1)!
  const existing = await rpc<{ rows: { account: string }[] }>(page.request, 'ListDirectoryAccounts', {
    search: state.account, deptId: 0, includeSubDepts: false, status: 'active', offset: 0, limit: 10, sort: 'account',
  })
  if (!existing.rows.some((r) => r.account === state.account)) {
    await rpc(page.request, 'AddDirectoryAccount', { account: state.account, name: member.name, employeeNo: '', mobile: '', email: '', position: '', deptIds: [] })
  }
  await waitJob(page.request, (await rpc<{ jobId: string }>(page.request, 'RematchBindings', demo.id)).jobId)
  await rpc(page.request, 'BindManual', demo.id, state.account, member.userid, true)

  // A rule made in the UI: source e2e-approval → demo app 1000002, textcard.
  await page.goto('/#/push')
  await page.getByTestId('rule-add').click()
  const form = page.getByTestId('rule-form')
  await expect(form).toBeVisible()
  state.ruleName = `e2e 审批 ${stamp}`
  await page.getByTestId('rule-name').fill(state.ruleName)
  await page.getByTestId('rule-source').fill('e2e-approval')
  await page.getByTestId('rule-target-corp-0').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '演示企业' }).first().click()
  await page.getByTestId('rule-target-app-0').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '1000002' }).first().click()
  await expect(page.getByTestId('rule-preview').locator('.card')).toBeVisible({ timeout: 15_000 })
  await page.getByTestId('rule-save').click()
  await expect(page.locator('[data-testid^="rule-row-"]', { hasText: state.ruleName })).toBeVisible()

  const ruleId = (await page.locator('[data-testid^="rule-row-"]', { hasText: state.ruleName }).getAttribute('data-testid'))!.replace('rule-row-', '')

  // The Push page points to Settings for the keys and the address.
  await expect(page.getByTestId('apikey-name')).toHaveCount(0)
  await page.getByTestId('push-settings-link').click()
  await expect(page).toHaveURL(/#\/settings$/)
  const integrations = page.getByTestId('settings-section-integrations')
  await expect(integrations.getByTestId('settings-intake-serve')).toBeVisible()
  await expect(integrations.getByTestId('settings-intake-base')).toHaveText(new URL(page.url()).origin)

  // An API key made in Settings for the active (demo) corp, preset in the picker; its secret is shown once.
  state.keyName = `e2e-${stamp}`
  await expect(integrations.getByTestId('apikey-corp')).toContainText('演示企业')
  await integrations.getByTestId('apikey-name').fill(state.keyName)
  await integrations.getByTestId('apikey-create').click()
  const secret = (await integrations.getByTestId('apikey-secret').textContent())!.trim()
  expect(secret).toMatch(/^wbk_/)
  await expect(integrations.locator('[data-testid^="apikey-row-"]', { hasText: state.keyName })).toBeVisible()
  const keyId = (await integrations.locator('[data-testid^="apikey-row-"]', { hasText: state.keyName }).getAttribute('data-testid'))!.replace('apikey-row-', '')
  await expect(integrations.getByTestId(`apikey-corp-${keyId}`)).toHaveText('演示企业')
  await integrations.getByTestId('apikey-secret-close').click()
  await expect(integrations.getByTestId('apikey-secret')).toHaveCount(0)
  await expect(page.getByText(secret)).toHaveCount(0)

  // The push settings: log retention and the admin's own account for test messages.
  const pushSection = page.getByTestId('settings-section-push')
  await pushSection.getByTestId('settings-retention').locator('input').fill('90')
  await pushSection.getByTestId('settings-admin-account').fill(state.account)
  await pushSection.getByTestId('settings-push-save').click()
  // A shorter retention deletes older log rows: Settings asks first.
  if (state.settings.retention_days > 90) {
    const box = page.locator('.retention-confirm')
    await expect(box).toContainText(`将保留天数从 ${state.settings.retention_days} 天改为 90 天`)
    await box.getByRole('button', { name: '改为 90 天' }).click()
  }
  await expect(page.locator('.el-message--success', { hasText: '推送设置已保存' })).toBeVisible()
  expect((await rpc<PushSettings>(page.request, 'GetPushSettings')).retention_days).toBe(90)
  expect(await rpc<string>(page.request, 'GetPushAdminAccount')).toBe(state.account)

  // The rule's test message goes to that account.
  await page.getByTestId('nav-push').click()
  await page.getByTestId(`rule-test-${ruleId}`).click()
  await expect(page.locator('.el-message--success', { hasText: '测试消息已发送' })).toBeVisible({ timeout: 15_000 })

  // The sending system posts a message (serve mode: the intake is on the same server).
  const posted = await page.evaluate(
    async ({ secret, title, account }) => {
      const res = await fetch('/api/v1/messages', {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ source: 'e2e-approval', title, content: '端到端测试消息', url: 'https://oa.example.com/e2e', to: { accounts: [account] } }),
      })
      return { status: res.status, body: await res.text() }
    },
    { secret, title, account: state.account },
  )
  expect(posted.status, posted.body).toBeLessThan(300)

  // The push log shows it sent; it is recalled; the chart is drawn.
  await page.getByTestId('nav-push-logs').click()
  await page.getByTestId('pushlog-search').fill(title)
  const row = page.locator('[data-testid^="pushlog-row-"]').first()
  await expect(async () => {
    await page.getByTestId('pushlog-refresh').click()
    await expect(row).toHaveAttribute('data-status', /^(sent|partial)$/, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await expect(row).toContainText(title)
  await expect(page.getByTestId('pushlog-chart').locator('canvas')).toBeVisible()
  // The docs shot shows the page, not the toasts of the steps before it (saved, test sent): they close by themselves.
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 15_000 })
  mkdirSync(dirname(screenshotPath), { recursive: true })
  await page.screenshot({ path: screenshotPath, fullPage: true })

  const id = (await row.getAttribute('data-testid'))!.replace('pushlog-row-', '')
  await page.getByTestId(`pushlog-recall-${id}`).click()
  await page.locator('.el-message-box__btns button').last().click()
  await expect(page.getByTestId(`pushlog-row-${id}`)).toHaveAttribute('data-status', 'recalled', { timeout: 15_000 })
  await expect(page.getByTestId(`pushlog-recall-${id}`)).toBeDisabled()

  await page.getByTestId('pushlog-chart-mode').getByText('按来源').click()
  await expect(page.getByTestId('pushlog-chart').locator('canvas')).toBeVisible()
})

test.afterAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL })
  const rules = await rpc<{ id: number; name: string }[]>(request, 'ListPushRules')
  for (const r of rules.filter((r) => r.name === state.ruleName)) await rpc(request, 'DeletePushRule', r.id)
  const keys = await rpc<{ id: number; name: string; revoked_at?: string }[]>(request, 'ListAPIKeys')
  for (const k of keys.filter((k) => k.name === state.keyName && !k.revoked_at)) await rpc(request, 'RevokeAPIKey', k.id)
  const mine = await rpc<{ rows: { id: number; account: string }[] }>(request, 'ListDirectoryAccounts', {
    search: state.account, deptId: 0, includeSubDepts: false, status: 'active', offset: 0, limit: 10, sort: 'account',
  })
  for (const a of mine.rows.filter((r) => r.account === state.account)) await rpc(request, 'ResignDirectoryAccount', a.id)
  if (state.settings) await rpc(request, 'SavePushSettings', state.settings)
  if (state.admin !== null) await rpc(request, 'SetPushAdminAccount', state.admin)
  if (state.startedDemo) await rpc(request, 'RemoveDemo')
  await request.dispose()
})
