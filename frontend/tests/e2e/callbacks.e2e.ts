// The 回调 journey against the real serve binary and the demo corp's
// simulator (issue 14): the demo app's callback keys are saved and the
// simulator told to send that app's callbacks to serve's own receiver
// (/callback/app/<key>/1000002). An auto-reply rule made on the page answers
// a member's message: the reply arrives in the simulator's message log as a
// passive reply and the event shows on the page. Then a card with buttons is
// pushed through the intake API, a member clicks a button in the simulator,
// the card is updated and the click reaches a test receiver's webhook,
// signed with the secret the page showed once.
import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'

import { test, expect, login, token, rpc } from './fixtures'

test.describe.configure({ mode: 'serial' })

interface CorpInfo { id: number; key: string; name: string; demo: boolean; apiBaseUrl: string; apps: { id: number; agentId: number; name: string; homeUrl: string }[] }
interface SimUser { userid: string; status: number; enable: number }
interface SimMessage { msgid: string; msgtype: string; text: string; via?: string; task_id?: string; delivered: string[]; updates?: { body: unknown }[] }

const stamp = Date.now().toString(36)
const state = { corp: null as CorpInfo | null, startedDemo: false, ruleName: `e2e-卡片-${stamp}`, keyName: `e2e-cb-${stamp}` }
const agent = 1000002

// The source system's webhook endpoint: records each body with its signature.
const hooks: { body: string; signature: string }[] = []
let hookServer: Server
let hookURL = ''

test.beforeAll(async () => {
  hookServer = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      hooks.push({ body, signature: String(req.headers['x-wecom-bridge-signature'] ?? '') })
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((ok) => hookServer.listen(0, '127.0.0.1', ok))
  const addr = hookServer.address() as { port: number }
  hookURL = `http://127.0.0.1:${addr.port}/wecom/click`
})

test('an auto-reply rule answers a member in the simulator; a card click updates the card and reaches the webhook', async ({ page }) => {
  test.setTimeout(150_000)
  await rpc(page.request, 'SetLanguage', 'zh-CN')
  await login(page)
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
  const app = demo.apps.find((a) => a.agentId === agent)!
  const sim = demo.apiBaseUrl

  // WeCom side: the app's callback keys, and the simulator sending its callbacks to serve.
  const keys = await rpc<{ token: string; encodingAesKey: string }>(page.request, 'GenerateCallbackKeys')
  await rpc(page.request, 'SaveApp', { id: app.id, corpRef: demo.id, name: app.name, agentId: String(agent), secret: '',
    callbackToken: keys.token, callbackAesKey: keys.encodingAesKey, homeUrl: app.homeUrl, clear: [] })
  const base = new URL(page.url()).origin
  const set = await page.request.post(sim + '/sim/callbacks', { data: { agentid: agent, url: `${base}/callback/app/${demo.key}/${agent}`, token: keys.token, encoding_aes_key: keys.encodingAesKey } })
  expect(set.ok(), await set.text()).toBe(true)
  const org = (await (await page.request.get(sim + '/sim/org')).json()) as { users: SimUser[] }
  const member = org.users.filter((u) => u.status === 1 && u.enable === 1)[0].userid

  // The page (reloaded: the header reads the active corp at start; a hash-only goto does not reload):
  // switch the app's callback on, add a rule, try it.
  await page.reload()
  await expect(page.getByTestId('nav-settings')).toBeVisible()
  await page.getByTestId('nav-callbacks').click()
  await page.getByRole('tab', { name: '自动回复' }).click()
  const sw = page.getByTestId(`app-switch-${agent}`).locator('.el-switch')
  if (!(await sw.getAttribute('class'))!.includes('is-checked')) await sw.click()
  await expect(sw).toHaveClass(/is-checked/)
  await page.getByTestId('rule-add').click()
  const ruleName = `e2e报销-${stamp}`
  await page.getByTestId('rule-name').fill(ruleName)
  await page.getByTestId('rule-keyword').fill(`报销${stamp}`)
  await page.getByTestId('rule-reply').fill(`报销请走 OA ${stamp}\n第二行`)
  await page.getByTestId('rule-save').click()
  await expect(page.getByTestId('rule-table')).toContainText(ruleName)
  await page.getByTestId('try-text').fill(`我要报销${stamp}`)
  await page.getByTestId('try-run').click()
  await expect(page.getByTestId('try-result')).toContainText(`命中规则“${ruleName}”`)

  // A member sends a matching message: the passive reply lands in the simulator's message log.
  const sent = await page.request.post(sim + '/sim/app-message', { data: { agentid: agent, userid: member, text: `我要报销${stamp}，怎么办` } })
  expect(sent.ok(), await sent.text()).toBe(true)
  expect(((await sent.json()) as { reply: string }).reply).toContain(`报销请走 OA ${stamp}`)
  const log = (await (await page.request.get(`${sim}/sim/messages?userid=${member}`)).json()) as { messages: SimMessage[] }
  expect(log.messages.some((m) => m.via === 'passive_reply' && m.text === `报销请走 OA ${stamp}\n第二行`)).toBe(true)

  // The event on the page, with what it did.
  await page.getByRole('tab', { name: '事件日志' }).click()
  await page.getByTestId('event-type').fill('text')
  await expect(async () => {
    await page.getByTestId('event-refresh').click()
    await expect(page.getByTestId('event-table')).toContainText(`已按规则“${ruleName}”`, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.getByTestId('event-counts')).not.toContainText('近 30 天没有回调')

  // Card buttons: a push rule to the demo app as template_card, its webhook set on the page.
  const rule = await rpc<{ id: number }>(page.request, 'SavePushRule', { id: 0, name: state.ruleName, source: 'e2e-card', enabled: true,
    targets: [{ id: 0, corp_id: demo.id, agent_id: agent, msgtype: 'template_card', title: '', content: '', url: '', button: '', image: '' }] })
  await page.getByRole('tab', { name: '卡片按钮' }).click()
  await page.getByTestId(`webhook-set-${rule.id}`).click()
  await page.getByTestId('webhook-url').fill(hookURL)
  await page.getByTestId('webhook-save').click()
  const secret = (await page.getByTestId('webhook-secret-value').textContent())!.trim()
  expect(secret).toMatch(/^whsec_/)
  await expect(page.getByTestId('webhook-table')).toContainText(hookURL)

  // The source system posts a card with buttons through the intake API.
  const key = await rpc<{ secret: string }>(page.request, 'CreateAPIKey', demo.id, state.keyName, {})
  const posted = await page.request.post(base + '/api/v1/messages', {
    headers: { Authorization: `Bearer ${key.secret}` },
    data: { source: 'e2e-card', msgtype: 'template_card', title: `请假审批 ${stamp}`, content: '张三 2 天', to: { userids: [member] },
      buttons: [{ key: 'approve', text: '同意' }, { key: 'reject', text: '驳回', style: 2 }] },
  })
  expect(posted.status(), await posted.text()).toBeLessThan(300)
  let card: SimMessage | undefined
  await expect.poll(async () => {
    const all = (await (await page.request.get(`${sim}/sim/messages?userid=${member}`)).json()) as { messages: SimMessage[] }
    card = all.messages.find((m) => m.msgtype === 'template_card' && m.text.includes(stamp))
    return Boolean(card?.task_id)
  }, { timeout: 30_000 }).toBe(true)

  // The member clicks 同意: the card is updated and the webhook delivered, signed.
  const click = await page.request.post(sim + '/sim/card-click', { data: { msgid: card!.msgid, userid: member, key: 'approve' } })
  expect(click.ok(), await click.text()).toBe(true)
  await expect.poll(async () => {
    const m = (await (await page.request.get(`${sim}/sim/messages?msgid=${card!.msgid}`)).json()) as { messages: SimMessage[] }
    return JSON.stringify(m.messages[0].updates ?? [])
  }, { timeout: 20_000 }).toContain('已同意')
  await expect.poll(() => hooks.length, { timeout: 30_000 }).toBeGreaterThan(0)
  const hook = hooks[0]
  expect(hook.signature).toBe('sha256=' + createHmac('sha256', secret).update(hook.body).digest('hex'))
  expect(JSON.parse(hook.body)).toMatchObject({ type: 'card_click', userid: member, key: 'approve', button_text: '同意', source: 'e2e-card' })
  await expect(async () => {
    await page.getByTestId('click-refresh').click()
    await expect(page.getByTestId('click-table')).toContainText('已送达', { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.getByTestId('click-table')).toContainText('已更新')

  // The rule is deleted with a confirmation naming it.
  await page.getByRole('tab', { name: '自动回复' }).click()
  await page.getByTestId('rule-search').fill(ruleName)
  await page.getByTestId('rule-search').press('Enter')
  await page.getByTestId('rule-table').locator('.el-checkbox').first().click()
  await page.getByTestId('rule-delete-selected').click()
  await expect(page.locator('.el-message-box')).toContainText(ruleName)
  await page.locator('.el-message-box__btns button').last().click()
  await expect(page.getByTestId('rule-table')).not.toContainText(ruleName)

  // The push log shows the click's webhook on the row of the message that carried the card
  // (its task id is wb-<delivery>-<seq>), and filters by that state.
  const delivery = card!.task_id.split('-')[1]
  await page.getByTestId('nav-push-logs').click()
  const cell = page.getByTestId(`pushlog-webhook-${delivery}`)
  await expect(cell).toHaveAttribute('data-state', 'delivered')
  await expect(cell).toContainText('已送达')
  const pick = async (state: string) => {
    await page.getByTestId('pushlog-webhook').click()
    await page.getByTestId(`pushlog-webhook-opt-${state}`).click()
  }
  await pick('failed')
  await expect(page.getByTestId(`pushlog-row-${delivery}`)).toHaveCount(0)
  await pick('delivered')
  await expect(cell).toContainText('已送达')
})

test.afterAll(async ({ playwright }) => {
  hookServer?.close()
  const request = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL })
  const rules = await rpc<{ id: number; name: string }[]>(request, 'ListPushRules')
  for (const r of rules.filter((r) => r.name === state.ruleName)) await rpc(request, 'DeletePushRule', r.id)
  const keys = await rpc<{ id: number; name: string; revoked_at?: string }[]>(request, 'ListAPIKeys')
  for (const k of keys.filter((k) => k.name === state.keyName && !k.revoked_at)) await rpc(request, 'RevokeAPIKey', k.id)
  if (state.corp) await request.post(state.corp.apiBaseUrl + '/sim/callbacks', { data: { agentid: agent, url: '' } })
  if (state.startedDemo) await rpc(request, 'RemoveDemo')
  await request.dispose()
})
