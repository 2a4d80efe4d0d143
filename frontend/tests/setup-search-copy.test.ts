// The setup page's lists and copy values: the apps table gets a search once
// a corp has a few apps (and says when nothing matches), the copy panel of a
// corp with many apps can be filtered, and the values an admin pastes or
// allows in a firewall (home URL, API address, API IPs) have copy buttons.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { CopyPanel } from '@/api'
import AppTable from '@/views/setup/AppTable.vue'
import CheckResultView from '@/views/setup/CheckResult.vue'
import CopyPanelView from '@/views/setup/CopyPanel.vue'
import { mountApp, settle } from './mount-app'
import { app, corp, failedCheck, msg } from './setup-fixtures'

vi.mock('@/api')

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper']

const manyApps = corp({
  apps: [
    app({ id: 11, name: '全员应用', agentId: 1000002 }),
    app({ id: 12, name: '审批助手', agentId: 1000005, homeUrl: 'https://bridge.example.com/approve' }),
    app({ id: 13, name: '运维告警', agentId: 1000007 }),
    app({ id: 14, name: '考勤打卡', agentId: 3010011 }),
  ],
})

function appRows(wrapper: Wrapper): string[] {
  return wrapper.findAll('[data-testid^="app-row-"]').map((r) => r.text())
}

function copyPanel(values: number): CopyPanel {
  const items = Array.from({ length: values }, (_, i) => ({
    key: `app_callback_url:${1000002 + i}`,
    label: msg(`“应用${i}”消息回调 URL`, `"App ${i}" message callback URL`),
    value: `https://bridge.example.com/callback/app/${1000002 + i}`,
    where: msg('应用管理 → 自建 → 应用 → 接收消息 → 设置API接收', 'App management → the app → Receive messages'),
  }))
  items.push({ key: 'trusted_domain', label: msg('可信域名', 'Trusted domain'), value: 'bridge.example.com', where: msg('应用 → 网页授权及JS-SDK', 'App → Web authorization') })
  return { externalBaseUrl: 'https://bridge.example.com', externalBaseSet: true, values: items } as CopyPanel
}

describe('setup lists and copy values', () => {
  beforeEach(() => {
    vi.mocked(api.getExternalBaseURL).mockResolvedValue('https://bridge.example.com')
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('has no app search for a corp with a few apps', async () => {
    const { wrapper } = await mountApp(AppTable, { props: { corp: corp({ id: 3, apps: manyApps.apps.slice(0, 3) }) } })
    expect(wrapper.find('[data-testid="app-search-3"]').exists()).toBe(false)
    expect(appRows(wrapper)).toHaveLength(3)
  })

  it('searches the apps by name or AgentId and says when none matches', async () => {
    const { wrapper } = await mountApp(AppTable, { props: { corp: manyApps } })
    const search = wrapper.find('[data-testid="app-search-1"]')
    expect(appRows(wrapper)).toEqual(['全员应用', '审批助手', '运维告警', '考勤打卡'])
    await search.setValue('审批')
    expect(appRows(wrapper)).toEqual(['审批助手'])
    await search.setValue('301')
    expect(appRows(wrapper)).toEqual(['考勤打卡'])
    await search.setValue('没有这个')
    expect(appRows(wrapper)).toEqual([])
    expect(wrapper.find('[data-testid="app-none"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="app-no-match"]').text()).toContain('没有与“没有这个”匹配的应用')
    await wrapper.find('[data-testid="app-search-clear"]').trigger('click')
    expect(appRows(wrapper)).toHaveLength(4)
  })

  it('a corp without apps offers to add one; a set home URL can be copied', async () => {
    const none = await mountApp(AppTable, { props: { corp: corp({ apps: [] }) } })
    expect(none.wrapper.find('[data-testid="app-none"]').text()).toContain('还没有自建应用')
    await none.wrapper.find('[data-testid="app-none-add"]').trigger('click')
    expect(none.wrapper.emitted('add')).toHaveLength(1)
    none.wrapper.unmount()

    const { wrapper } = await mountApp(AppTable, { props: { corp: manyApps } })
    const rows = wrapper.findAll('.el-table__row')
    expect(rows[0].find('[data-testid="copy-button"]').exists()).toBe(false) // default home: nothing of its own to copy
    expect(rows[1].text()).toContain('https://bridge.example.com/approve')
    expect(rows[1].find('[data-testid="copy-button"]').exists()).toBe(true)
  })

  it('filters a long copy panel, keeping a copy button on every value', async () => {
    vi.mocked(api.getCopyValues).mockResolvedValue(copyPanel(9))
    const { wrapper } = await mountApp(CopyPanelView, { props: { corpId: 1, version: 'v1', help: [] } })
    await settle()
    const items = () => wrapper.findAll('[data-testid^="copy-item-"]')
    expect(items()).toHaveLength(10)
    expect(items().every((item) => item.find('[data-testid="copy-button"]').exists())).toBe(true)

    await wrapper.find('[data-testid="copy-search"]').setValue('可信')
    expect(items().map((i) => i.attributes('data-testid'))).toEqual(['copy-item-trusted_domain'])
    await wrapper.find('[data-testid="copy-search"]').setValue('1000004')
    expect(items().map((i) => i.attributes('data-testid'))).toEqual(['copy-item-app_callback_url:1000004'])
    await wrapper.find('[data-testid="copy-search"]').setValue('nothing-like-this')
    expect(items()).toHaveLength(0)
    expect(wrapper.find('[data-testid="copy-no-match"]').text()).toContain('没有与“nothing-like-this”匹配的值')
  })

  it('a short copy panel has no search box', async () => {
    vi.mocked(api.getCopyValues).mockResolvedValue(copyPanel(2))
    const { wrapper } = await mountApp(CopyPanelView, { props: { corpId: 1, version: 'v1', help: [] } })
    await settle()
    expect(wrapper.find('[data-testid="copy-search"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid^="copy-item-"]')).toHaveLength(3)
  })

  it('shows the API address and the API IPs for the firewall, each with a copy button', async () => {
    const { wrapper } = await mountApp(CheckResultView, { props: { result: failedCheck(), apiBaseUrl: 'https://qyapi.weixin.qq.com' } })
    const base = wrapper.find('[data-testid="check-api-base"]')
    expect(base.text()).toContain('https://qyapi.weixin.qq.com')
    expect(base.text()).toContain('防火墙')
    expect(base.find('[data-testid="copy-button"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="check-api-ips"] [data-testid="copy-button"]').exists()).toBe(true)
  })
})
