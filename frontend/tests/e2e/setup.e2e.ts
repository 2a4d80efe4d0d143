// The setup journey against the real serve binary: the demo corp, a corp and
// an app created by pasting secrets with spaces, the connectivity check
// passing, failing with 40001 and its fix, and passing again.
//
// The demo corp's simulator belongs to the serve process, and a corp ID may
// be configured only once, so the corp created here points at a second,
// standalone simulator (`wecom-bridge sim`, another seed so another corp ID).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { test, expect, login } from './fixtures'

const here = fileURLToPath(new URL('.', import.meta.url))
const bin = resolve(here, '../../../wecom-bridge')
const screenshotPath = resolve(here, '../../../docs/screenshots/setup-check.png')

interface Sim {
  proc: ChildProcess
  url: string
  corpId: string
  contactSecret: string
  appSecrets: Map<string, string>
}

// startSim runs `wecom-bridge sim` on a free port and reads what it prints
// (backend/wecom/wecomsim/cli.go): base URL, corp ID and the secrets.
function startSim(): Promise<Sim> {
  const proc = spawn(bin, ['sim', '--addr', '127.0.0.1:0', '--seed', '7', '--users', '50', '--departments', '5'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error('sim did not start in 20 s:\n' + out)), 20_000)
    proc.stderr!.on('data', (b: Buffer) => { out += b.toString() })
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      if (!/\d+ departments, \d+ members/.test(out)) return
      clearTimeout(timer)
      const url = out.match(/listening on (http:\/\/\S+)/)?.[1]
      const corpId = out.match(/corp ID:\s+(\S+)/)?.[1]
      const contactSecret = out.match(/contact secret:\s+(\S+)/)?.[1]
      const appSecrets = new Map([...out.matchAll(/app (\d+) .*? secret: (\S+)/g)].map((m) => [m[1], m[2]] as [string, string]))
      if (!url || !corpId || !contactSecret || !appSecrets.get('1000002')) {
        fail(new Error('unexpected sim output:\n' + out))
        return
      }
      ok({ proc, url, corpId, contactSecret, appSecrets })
    })
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`sim exited with ${code}:\n${out}`)) })
  })
}

const corpName = '华东测试集团'
const appName = '全员应用'
const tokenStep = 'check-step-app:1000002:token'
let sim: Sim

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  sim = await startSim()
})

test.afterAll(() => {
  sim?.proc.kill('SIGTERM')
})

async function openSetup(page: Page) {
  await page.getByTestId('nav-setup').click()
  await expect(page.getByTestId('page-title')).toHaveText('接入配置')
}

/** The id of the corp named `name`, from its row's test id. */
async function corpIdOf(page: Page, name: string): Promise<string> {
  const row = page.locator('[data-testid^="corp-row-"]', { hasText: name })
  await expect(row).toHaveCount(1)
  return (await row.getAttribute('data-testid'))!.replace('corp-row-', '')
}

/** Runs the check of corp `id` and waits for its result. */
async function runCheck(page: Page, id: string) {
  await page.getByTestId(`corp-check-${id}`).click()
  const result = page.getByTestId('check-result')
  await expect(result).toBeVisible({ timeout: 45_000 })
  return result
}

/** Types a new app Secret into the edit form and saves. */
async function setAppSecret(page: Page, secret: string) {
  await page.getByRole('tab', { name: /自建应用/ }).click()
  const detail = page.locator('[data-testid^="corp-detail-"]')
  await detail.locator('[data-testid^="app-edit-"]').click()
  const form = page.getByTestId('app-form')
  await expect(form).toBeVisible()
  await form.getByTestId('field-secret').fill(secret)
  await page.getByTestId('app-save').click()
  await expect(form).toBeHidden()
}

test('the demo corp starts from the home page, shows its badge and is listed in Setup', async ({ page }) => {
  await login(page)
  await page.getByTestId('demo-offer-button').click()
  await expect(page.getByTestId('demo-active')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('demo-badge')).toBeVisible()
  await expect(page.getByTestId('active-corp')).toContainText('演示企业')

  await openSetup(page)
  const demoRow = page.locator('[data-testid^="corp-row-"][data-demo="true"]')
  await expect(demoRow).toHaveCount(1)
  await expect(demoRow.getByTestId('corp-demo-tag')).toHaveText('演示')
  await expect(demoRow.getByTestId('corp-active-tag')).toBeVisible()
  await expect(page.getByTestId('demo-remove')).toBeVisible()
})

test('a corp and an app created by pasting secrets with spaces pass the check; a wrong Secret fails with 40001 and its fix', async ({ page }) => {
  await login(page)
  await openSetup(page)

  // The corp: corp ID and Secret pasted with spaces around them.
  await page.getByTestId('corp-add').click()
  const corpForm = page.getByTestId('corp-form')
  await expect(corpForm).toBeVisible()
  await expect(corpForm.getByTestId('help-corpId')).toContainText('我的企业 → 企业信息 → 企业ID')
  await corpForm.getByTestId('field-name').fill(corpName)
  await corpForm.getByTestId('field-corpId').fill(`  ${sim.corpId}  `)
  await corpForm.getByTestId('permission-write').click()
  await corpForm.getByTestId('field-contactSecret').fill(`  ${sim.contactSecret}  `)
  await corpForm.getByText('高级（API 地址、代理）').click()
  await expect(corpForm.getByTestId('field-apiBaseUrl')).toHaveValue('https://qyapi.weixin.qq.com')
  await corpForm.getByTestId('field-apiBaseUrl').fill(sim.url)
  await page.getByTestId('corp-save').click()
  await expect(corpForm).toBeHidden()
  await expect(page.getByTestId('trimmed-notice')).toHaveText('已自动去除粘贴时带入的空格：企业ID、通讯录同步 Secret')
  const id = await corpIdOf(page, corpName)
  await expect(page.getByTestId(`corp-row-${id}`).getByTestId('corp-corpId')).toHaveText(sim.corpId)

  // The app: its Secret pasted with spaces too.
  await page.getByTestId(`app-add-${id}`).click()
  const appForm = page.getByTestId('app-form')
  await expect(appForm).toBeVisible()
  await appForm.getByTestId('field-name').fill(appName)
  await appForm.getByTestId('field-agentId').fill('1000002')
  await appForm.getByTestId('field-secret').fill(`  ${sim.appSecrets.get('1000002')}\t `)
  await page.getByTestId('app-save').click()
  await expect(appForm).toBeHidden()
  await expect(page.getByTestId('trimmed-notice')).toHaveText('已自动去除粘贴时带入的空格：应用 Secret')
  const secretMask = page.locator('[data-testid^="app-secret-"]')
  await expect(secretMask).toHaveText('••••' + sim.appSecrets.get('1000002')!.slice(-4))

  // The check passes, every step.
  let result = await runCheck(page, id)
  await expect(result).toHaveAttribute('data-passed', 'true')
  await expect(page.getByTestId('check-hint')).toContainText('不会修改企业微信中的任何内容')
  await expect(page.getByTestId(tokenStep)).toHaveAttribute('data-status', 'ok')
  await expect(page.getByTestId('check-step-contact:token')).toHaveAttribute('data-status', 'ok')
  await expect(result.locator('[data-status="failed"]')).toHaveCount(0)
  await expect(page.getByTestId('check-summary')).toContainText('全部通过')

  // A wrong Secret of the right shape: gettoken fails with 40001, the fix says what to do.
  await setAppSecret(page, 'WrongSecretWrongSecretWrongSecretWrongSecre')
  result = await runCheck(page, id)
  await expect(result).toHaveAttribute('data-passed', 'false')
  await expect(page.getByTestId(tokenStep)).toHaveAttribute('data-status', 'failed')
  await expect(page.getByTestId(tokenStep).getByTestId('step-errcode')).toHaveText('errcode 40001')
  await expect(page.getByTestId('check-fix-app:1000002:token')).toContainText(`应用“${appName}”的 Secret 不对`)
  await expect(page.getByTestId('check-step-app:1000002:agent')).toHaveAttribute('data-status', 'skipped')
  await expect(page.getByTestId('check-step-contact:token')).toHaveAttribute('data-status', 'ok')

  // The screenshot for the docs: the whole page, tall enough for every step, no toasts.
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 15_000 })
  await page.setViewportSize({ width: 1280, height: 1800 })
  mkdirSync(dirname(screenshotPath), { recursive: true })
  await page.screenshot({ path: screenshotPath })
  await page.setViewportSize({ width: 1280, height: 860 })

  // Fixed again: the check passes.
  await setAppSecret(page, sim.appSecrets.get('1000002')!)
  result = await runCheck(page, id)
  await expect(result).toHaveAttribute('data-passed', 'true')
  await expect(page.getByTestId(tokenStep)).toHaveAttribute('data-status', 'ok')
})

test('the copy panel gives the callback URLs once the external base URL is set', async ({ page }) => {
  await login(page)
  await openSetup(page)
  const id = await corpIdOf(page, corpName)
  await page.getByTestId(`corp-row-${id}`).getByTestId('corp-name').click()
  await page.getByRole('tab', { name: '复制到企业微信' }).click()
  const panel = page.getByTestId('copy-panel')
  await expect(panel.getByTestId('copy-warning')).toBeVisible()
  await panel.getByTestId('field-externalBaseUrl').fill(' https://bridge.example.com/ ')
  await panel.getByTestId('external-base-save').click()
  await expect(panel.getByTestId('copy-warning')).toBeHidden()
  await expect(panel.getByTestId('copy-value-contact_callback_url')).toContainText('https://bridge.example.com/callback/contact/')
  await expect(panel.getByTestId('copy-value-app_callback_url:1000002')).toContainText('/callback/app/')
  await expect(panel.getByTestId('copy-value-trusted_domain')).toHaveText('bridge.example.com')
  await expect(panel.getByTestId('copy-value-app_oauth_home_url:1000002')).toContainText('open.weixin.qq.com/connect/oauth2/authorize')
})

test('the demo corp is removed only after confirmation', async ({ page }) => {
  await login(page)
  await openSetup(page)
  const demoRow = page.locator('[data-testid^="corp-row-"][data-demo="true"]')
  await expect(demoRow).toHaveCount(1)

  await page.getByTestId('demo-remove').click()
  const box = page.locator('.demo-remove-confirm')
  await expect(box).toContainText('删除演示企业及其所有数据')
  await box.getByRole('button', { name: '取消' }).click()
  await expect(box).toBeHidden()
  await expect(demoRow).toHaveCount(1)

  await page.getByTestId('demo-remove').click()
  await box.getByRole('button', { name: '移除演示企业' }).click()
  await expect(demoRow).toHaveCount(0)
  await expect(page.getByTestId('demo-badge')).toBeHidden()
  await expect(page.getByTestId('active-corp')).toContainText(corpName)
  await expect(page.getByTestId('demo-start')).toBeVisible()
})

test('deleting a corp lists what goes with it and needs its name typed', async ({ page }) => {
  await login(page)
  await openSetup(page)
  const id = await corpIdOf(page, corpName)
  await page.getByTestId(`corp-delete-${id}`).click()
  const box = page.locator('.delete-confirm')
  await expect(box.getByTestId('delete-dependents')).toContainText('自建应用 1 个')
  await box.getByRole('button', { name: '删除' }).click()
  await expect(box).toContainText('名称不一致')
  await box.locator('input').fill(corpName)
  await box.getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('setup-empty')).toBeVisible()
  await expect(page.getByTestId('active-corp')).toContainText('未配置企业')
})
