// Sign-in with WeCom through the bridge's OpenID Connect provider, in real
// Chromium against the serve binary and the demo corp's simulator: a relying
// party using real OIDC client libraries (backend/oidc/oidctest: coreos/go-oidc
// and x/oauth2 with PKCE) signs a confirmed member in through the simulator's
// QR login page; an unbound member sees the refusal page; a free-login link
// opens its target signed in. The 对外域名 is set to the serve address for the
// spec and restored at the end.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { test, expect, rpc, waitJob } from './fixtures'

const here = fileURLToPath(new URL('.', import.meta.url))
test.describe.configure({ mode: 'serial' })

interface SimUser { userid: string; name: string; status: number; enable: number }
interface CorpInfo { id: number; name: string; demo: boolean; apiBaseUrl: string; apps: { agentId: number }[] }

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => ok(port))
    })
  })
}

const st = { rp: null as ChildProcess | null, rpURL: '', alice: '', carol: '', startedDemo: false, corp: null as CorpInfo | null, oldBase: '' }

test.beforeAll(async ({ request, baseURL }) => {
  let corps = await rpc<CorpInfo[]>(request, 'ListCorps')
  if (corps.length === 0) {
    await rpc(request, 'StartDemo')
    st.startedDemo = true
    corps = await rpc<CorpInfo[]>(request, 'ListCorps')
  }
  const corp = corps[0]
  st.corp = corp
  const sim = new URL(corp.apiBaseUrl).origin
  const org = (await (await request.get(sim + '/sim/org')).json()) as { users: SimUser[] }
  const active = org.users.filter((u) => u.status === 1 && u.enable === 1)
  st.alice = active[0].userid
  st.carol = active[1].userid
  const suffix = Date.now().toString(36)
  await rpc(request, 'AddDirectoryAccount', { account: 'lg-' + suffix, name: active[0].name, employeeNo: '', mobile: '', email: 'lg-' + suffix + '@example.com', position: '', wecomUserid: '', deptIds: [] })
  const pull = await rpc<{ jobId: string }>(request, 'PullCorp', corp.id, 0)
  await waitJob(request, pull.jobId)
  const rematch = await rpc<{ jobId: string }>(request, 'RematchBindings', corp.id)
  await waitJob(request, rematch.jobId)
  await rpc(request, 'BindManual', corp.id, 'lg-' + suffix, st.alice, true)

  st.oldBase = (await rpc<{ externalBaseUrl: string }>(request, 'GetCopyValues', corp.id)).externalBaseUrl
  await rpc(request, 'SetExternalBaseURL', baseURL)

  const port = await freePort()
  st.rpURL = `http://127.0.0.1:${port}`
  const client = await rpc<{ clientId: string; secret: string }>(request, 'AddOIDCClient', {
    name: 'e2e relying party', corpId: corp.id, agentId: corp.apps[0].agentId, redirectUris: [st.rpURL + '/callback'], logoutUris: [],
  })
  const bin = join(mkdtempSync(join(tmpdir(), 'wb-rp-')), 'testrp')
  execFileSync('go', ['build', '-o', bin, './backend/oidc/oidctest/testrp'], { cwd: resolve(here, '../../..'), stdio: 'inherit' })
  st.rp = spawn(bin, ['--issuer', baseURL!, '--client-id', client.clientId, '--secret', client.secret, '--addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((ok) => st.rp!.stdout!.once('data', () => ok()))
})

test.afterAll(async ({ request }) => {
  st.rp?.kill()
  if (st.corp) await rpc(request, 'SetExternalBaseURL', st.oldBase)
  if (st.startedDemo) await rpc(request, 'RemoveDemo')
})

test('a confirmed member signs in to the relying party through the QR login and gets the right claims', async ({ page }) => {
  await page.goto(st.rpURL + '/login')
  // The simulator's QR login page: the member who scans is picked.
  await expect(page.locator(`a[data-userid="${st.alice}"]`)).toBeVisible()
  await page.locator(`a[data-userid="${st.alice}"]`).click()
  await page.waitForURL(st.rpURL + '/callback**')
  const claims = JSON.parse(await page.locator('body').innerText())
  expect(claims.userInfo.wecom_userid).toBe(st.alice)
  expect(claims.userInfo.preferred_username).toMatch(/^lg-/)
  expect(claims.idToken.sub).toBe(claims.userInfo.sub)
  expect(claims.userInfo.sub).not.toBe(st.alice)
})

test('an unbound member sees the refusal page, never a login', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage()
  await page.goto(st.rpURL + '/login')
  await page.locator(`a[data-userid="${st.carol}"]`).click()
  await expect(page.getByTestId('login-refused')).toHaveAttribute('data-result', /unbound|unconfirmed/)
  await expect(page.locator('body')).toContainText('IT 管理员')
  expect(page.url()).not.toContain(st.rpURL)
})

test('a free-login link opens its target signed in', async ({ browser, request }) => {
  const link = await rpc<{ url: string }>(request, 'BuildLoginLink', { corpId: st.corp!.id, agentId: st.corp!.apps[0].agentId, kind: 'free', scope: '', to: st.rpURL + '/me', state: '' })
  const page = await (await browser.newContext()).newPage()
  await page.goto(link.url)
  await page.locator(`a[data-userid="${st.alice}"]`).click()
  await expect(page.locator('body')).toContainText(`"wecom_userid":"${st.alice}"`)
})
