// Issue 12, finding 1: a page served from another port of 127.0.0.1 (a dev
// server, a compromised local tool) must neither run an RPC nor read the
// serve token, and the UI must not be framed. The victim is signed in to the
// real UI in the same browser; the attacker page tries what the probe did.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, login, token } from './fixtures'
import { startServe } from './serve-process'

const attackName = 'e2e-cross-port-attack'

// attackPage runs every attempt and leaves what it saw in window.__results.
function attackPage(target: string): string {
  return `<!doctype html><html><body><h1>attacker</h1>
<iframe id="framed" src="${target}/" width="600" height="300"></iframe>
<form id="form" method="POST" action="${target}/api/rpc/CreateAPIKey" enctype="text/plain" target="sink">
<input name='["${attackName}-form","' value='"]'></form><iframe name="sink"></iframe>
<script>
(async () => {
  const r = {}
  const body = JSON.stringify(['${attackName}'])
  // The probe's attack: a text/plain POST needs no preflight.
  try {
    const res = await fetch('${target}/api/rpc/CreateAPIKey', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body })
    r.textPlain = res.type
  } catch (e) { r.textPlain = 'error' }
  // A JSON POST needs a CORS preflight, which serve never grants.
  try {
    const res = await fetch('${target}/api/rpc/CreateAPIKey', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body })
    r.json = 'read ' + res.status
  } catch (e) { r.json = 'blocked' }
  // Reading the page or the event stream (where a token could be).
  try { await (await fetch('${target}/', { credentials: 'include' })).text(); r.page = 'read' } catch (e) { r.page = 'blocked' }
  try { await (await fetch('${target}/api/events', { credentials: 'include' })).text(); r.events = 'read' } catch (e) { r.events = 'blocked' }
  r.cookies = document.cookie
  // A form post (text/plain) in a hidden frame.
  document.getElementById('form').submit()
  // A window opened on the UI: its storage is another origin's.
  const w = window.open('${target}/', 'victim')
  await new Promise((ok) => setTimeout(ok, 1500))
  try { r.openedStorage = String(w.sessionStorage.length) } catch (e) { r.openedStorage = 'blocked' }
  try { r.framedStorage = String(document.getElementById('framed').contentWindow.sessionStorage.length) } catch (e) { r.framedStorage = 'blocked' }
  w.close()
  window.__results = r
})()
</script></body></html>`
}

let attacker: Server
let attackerURL = ''

test.beforeAll(async () => {
  attacker = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(attackPage(process.env.E2E_BASE_URL as string))
  })
  await new Promise<void>((ok) => attacker.listen(0, '127.0.0.1', ok))
  attackerURL = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`
})

test.afterAll(async () => {
  await new Promise((ok) => attacker.close(ok))
})

async function apiKeyNames(request: import('@playwright/test').APIRequestContext): Promise<string[]> {
  const res = await request.post('/api/rpc/ListAPIKeys', { data: [], headers: { Authorization: 'Bearer ' + token() } })
  expect(res.status()).toBe(200)
  return ((await res.json()).result ?? []).map((k: { name: string }) => k.name)
}

test('a page on another 127.0.0.1 port can neither call an RPC nor read the token', async ({ page, context, request }) => {
  expect(new URL(attackerURL).port).not.toBe(new URL(process.env.E2E_BASE_URL as string).port)
  await login(page) // the victim is signed in, in the same browser
  expect(await context.cookies()).toEqual([]) // nothing a browser would send by itself

  const evil = await context.newPage()
  const framed: string[] = []
  evil.on('console', (m) => { if (/frame|Refused/i.test(m.text())) framed.push(m.text()) })
  await evil.goto(attackerURL)
  await evil.waitForFunction(() => (window as any).__results, null, { timeout: 20_000 })
  const r = await evil.evaluate(() => (window as any).__results)
  // Sent, but refused (403/415) and unreadable: opaque, or a network error
  // once Cross-Origin-Resource-Policy blocks the answer.
  expect(['opaque', 'error']).toContain(r.textPlain)
  expect(r.json).toBe('blocked')
  expect(r.page).toBe('blocked')
  expect(r.events).toBe('blocked')
  expect(r.cookies).toBe('')
  expect(r.openedStorage).toBe('blocked')
  expect(r.framedStorage).toBe('blocked')

  // Nothing ran: no key from the fetch or the form.
  const names = await apiKeyNames(request)
  expect(names.filter((n) => n.startsWith(attackName))).toEqual([])

  // The UI refused to be framed: the frame holds no app.
  const frame = evil.frames().find((f) => f.name() === '' && f !== evil.mainFrame() && f.url() !== 'about:blank')
  if (frame) await expect(frame.locator('[data-testid="nav-settings"]')).toHaveCount(0)
  await evil.close()

  // The victim's own tab still works.
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('settings-data-dir')).toBeVisible()
})

test('the server refuses what the attacker page sends, and every response forbids framing', async ({ request }) => {
  const base = process.env.E2E_BASE_URL as string
  const other = new URL(attackerURL).origin
  const auth = { Authorization: 'Bearer ' + token() }
  // Even with the token (a page cannot have it), another origin is refused.
  const fromOther = await request.post('/api/rpc/ListAPIKeys', { data: [], headers: { ...auth, Origin: other } })
  expect(fromOther.status()).toBe(403)
  const textPlain = await request.post('/api/rpc/ListAPIKeys', { data: '[]', headers: { ...auth, 'Content-Type': 'text/plain' } })
  expect(textPlain.status()).toBe(415)
  const cookie = await request.post('/api/rpc/ListAPIKeys', { data: [], headers: { Cookie: 'wecom_bridge_token=' + token() } })
  expect(cookie.status()).toBe(401)
  const rebound = await request.post('/api/rpc/ListAPIKeys', { data: [], headers: { ...auth, Host: 'rebind.attacker.test:' + new URL(base).port } })
  expect(rebound.status()).toBe(403)
  for (const path of ['/', '/api/shim.js', '/api/rpc/GetAppInfo', '/api/events']) {
    const res = await request.get(path)
    expect(res.headers()['x-frame-options'], path).toBe('DENY')
    expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'")
  }
})

test('the UI cannot be framed, not even by its own origin', async ({ page }) => {
  await login(page)
  // Same origin and same tab: were framing allowed, the framed app would
  // share this tab's sessionStorage and render within moments.
  const blocked = await page.evaluate(async () => {
    const f = document.createElement('iframe')
    f.src = '/'
    document.body.appendChild(f)
    for (let i = 0; i < 50; i++) {
      await new Promise((ok) => setTimeout(ok, 100))
      try {
        if (f.contentDocument?.querySelector('[data-testid="nav-settings"]')) return 'rendered'
      } catch {
        return 'blocked'
      }
    }
    return 'blocked'
  })
  expect(blocked).toBe('blocked')
})

test('the UI runs under its CSP without violations', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()) })
  await login(page)
  for (const nav of ['nav-setup', 'nav-directory', 'nav-sync', 'nav-push', 'nav-settings']) {
    await page.getByTestId(nav).click()
    await expect(page.getByTestId('page-title')).toBeVisible()
  }
  expect(violations.filter((v) => !/frame-ancestors/.test(v))).toEqual([])
})

test('rotating the token signs every browser out; serve prints the new URL', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-rotate-'))
  const tokenFile = join(dir, 'token')
  const first = 'r'.repeat(40)
  writeFileSync(tokenFile, first + '\n', { mode: 0o600 })
  const served = await startServe({}, ['--token-file', tokenFile], dir)
  try {
    const ctx = await browser.newContext({ baseURL: served.baseURL, locale: 'zh-CN' })
    const a = await ctx.newPage()
    const b = await ctx.newPage()
    await a.goto('/#token=' + first)
    await b.goto('/#token=' + first)
    await expect(b.getByTestId('nav-settings')).toBeVisible()
    await a.getByTestId('nav-settings').click()
    await a.getByTestId('serve-rotate-token').click()
    await a.locator('.rotate-confirm .el-button--danger').click()
    await expect(a.getByTestId('serve-signin-reason')).toContainText('rotated')

    const next = readFileSync(tokenFile, 'utf8').trim()
    expect(next).not.toBe(first)
    expect(next.length).toBeGreaterThanOrEqual(32)
    await expect.poll(() => served.output()).toContain(`Open: ${served.baseURL}/#token=${next}`)

    // The other tab is signed out at its next call (its event stream was ended).
    await b.reload()
    await expect(b.getByTestId('serve-signin')).toBeVisible()
    const old = await ctx.request.post(served.baseURL + '/api/rpc/GetAppInfo', { data: [], headers: { Authorization: 'Bearer ' + first } })
    expect(old.status()).toBe(401)
    await a.goto('/#token=' + next)
    await a.reload()
    await expect(a.getByTestId('nav-settings')).toBeVisible()
    await ctx.close()
  } finally {
    served.proc.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
})
