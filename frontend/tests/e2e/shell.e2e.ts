import { test, expect, login, token } from './fixtures'

const pages = [
  ['nav-setup', '/setup'], ['nav-directory', '/directory'], ['nav-bindings', '/bindings'],
  ['nav-sync', '/sync'], ['nav-history', '/history'], ['nav-push', '/push'],
  ['nav-push-logs', '/push-logs'], ['nav-callbacks', '/callbacks'],
  ['nav-login-links', '/login-links'], ['nav-settings', '/settings'],
] as const

test('a call without the token gets 401; the page without it asks for the token', async ({ request, page }) => {
  const rpc = await request.post('/api/rpc/GetAppInfo', { data: [] })
  expect(rpc.status()).toBe(401)
  expect((await rpc.json()).error.code).toBe('unauthorized')
  await page.goto('/')
  await expect(page.getByTestId('serve-signin')).toBeVisible()
  await expect(page.getByTestId('serve-signin')).toContainText('Token required')
})

test('the token logs in from the fragment, and the URL no longer carries it', async ({ page, context }) => {
  await login(page)
  expect(page.url()).not.toContain('token')
  await expect(page.getByTestId('start-step-connect')).toBeVisible()
  expect(await context.cookies()).toEqual([])
  // A reload keeps the session (sessionStorage), still without a cookie.
  await page.reload()
  await expect(page.getByTestId('nav-settings')).toBeVisible()
  await expect(page.getByTestId('serve-signin')).toHaveCount(0)
})

test('a typed-in token signs in; a wrong one is refused', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('serve-signin-token').fill('wrong-' + 'x'.repeat(40))
  await page.getByTestId('serve-signin-submit').click()
  await expect(page.getByTestId('serve-signin-error')).toContainText('Wrong token')
  await page.getByTestId('serve-signin-token').fill(token())
  await page.getByTestId('serve-signin-submit').click()
  await expect(page.getByTestId('nav-settings')).toBeVisible()
  await expect(page.getByTestId('serve-signin')).toHaveCount(0)
})

test('every page of the shell renders', async ({ page }) => {
  await login(page)
  for (const [nav, path] of pages) {
    await page.getByTestId(nav).click()
    await expect(page).toHaveURL(new RegExp('#' + path + '$'))
    await expect(page.getByTestId('page-title')).toBeVisible()
  }
  await page.getByTestId('nav-home').click()
  await expect(page.getByTestId('start-step-apply')).toBeVisible()
})

test('the language switches at run time and is kept', async ({ page }) => {
  await login(page)
  await expect(page.getByTestId('nav-settings')).toContainText('设置')
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  await expect(page.getByTestId('nav-settings')).toContainText('Settings')
  await page.reload()
  await expect(page.getByTestId('nav-settings')).toContainText('Settings')
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-zh-CN').click()
  await expect(page.getByTestId('nav-settings')).toContainText('设置')
})

test('settings shows the real data directory and database size', async ({ page }) => {
  await login(page)
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('settings-data-dir')).toContainText(process.env.E2E_DATA_DIR as string)
  await expect(page.getByTestId('settings-db-size')).toContainText(/\d+(\.\d+)?\s?(B|KB|MB)/)
  const integrations = page.getByTestId('settings-section-integrations')
  await expect(integrations).toBeVisible()
  await expect(integrations).toContainText('集成接口')
  await expect(integrations.getByTestId('settings-intake-base')).toHaveText(new URL(page.url()).origin)
  await expect(integrations.getByTestId('apikey-name')).toBeVisible()
  await expect(page.getByTestId('settings-section-push').getByTestId('settings-retention')).toBeVisible()
  // Backups share the sections' body (SettingsSection): lead, then the real backup directory.
  const backup = page.getByTestId('settings-section-backup').getByTestId('backup-settings')
  await expect(backup).toHaveClass(/settings-section/)
  await expect(backup.locator('.lead')).toContainText('备份')
  await expect(backup.getByTestId('backup-dir')).toContainText(process.env.E2E_DATA_DIR as string)
  await expect(backup.getByTestId('backup-save')).toBeVisible()
})

test('a bound method round-trips through the shim', async ({ page }) => {
  await login(page)
  const info = await page.evaluate(() => (window as any).go.main.App.GetAppInfo())
  expect(info.mode).toBe('serve')
  expect(info.dataDir).toBe(process.env.E2E_DATA_DIR)
  expect(info.dbSizeBytes).toBeGreaterThan(0)
})

test('the shim keeps the Wails runtime contracts', async ({ page }) => {
  await login(page)
  // A rejected call rejects the promise with the admin's message, as the
  // desktop window's Wails ErrorFormatter does: {code, args, zh, en}.
  const rejected = await page.evaluate(async () => {
    try {
      await (window as any).go.main.App.SetLanguage('fr')
      return 'resolved'
    } catch (e) {
      return e
    }
  })
  expect(rejected).toMatchObject({ code: 'language_unavailable', args: { lang: '"fr"' } })
  expect(rejected.zh).toContain('不可用')
  expect(rejected.en).toContain('not available')
  // EventsOn returns its unsubscribe function.
  const counts = await page.evaluate(() => {
    const rt = (window as any).runtime
    let n = 0
    const off = rt.EventsOn('e2e:ping', () => { n++ })
    rt.EventsEmit('e2e:ping')
    const kind = typeof off
    off()
    rt.EventsEmit('e2e:ping')
    let once = 0
    rt.EventsOnce('e2e:once', () => { once++ })
    rt.EventsEmit('e2e:once'); rt.EventsEmit('e2e:once')
    return { n, kind, once }
  })
  expect(counts).toEqual({ n: 1, kind: 'function', once: 1 })
})

test('the RPC endpoint rejects unknown methods and oversized bodies', async ({ request }) => {
  const headers = { Authorization: 'Bearer ' + token() }
  const unknown = await request.post('/api/rpc/NoSuchMethod', { data: [], headers })
  expect(unknown.status()).toBe(404)
  expect((await unknown.json()).error.code).toBe('unknown_method')
  const big = await request.post('/api/rpc/SetLanguage', { data: ['x'.repeat(1_100_000)], headers })
  expect(big.status()).toBe(413)
})
