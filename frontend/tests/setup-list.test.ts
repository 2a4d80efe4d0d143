import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import SetupView from '@/views/SetupView.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { app, corp, fieldHelp, msg } from './setup-fixtures'

vi.mock('@/api')

const corps = [
  corp({ id: 1, name: '演示企业 (DEMO)', corpId: 'wwd3m0000000000001', demo: true, active: true }),
  corp({
    id: 2,
    name: '华东制造集团',
    active: false,
    needsSecrets: true,
    needsSecretsMessage: msg('已保存的密钥无法解密，请重新填写。', 'The stored secrets cannot be decrypted: enter them again.'),
    apps: [app({ id: 21, corpRef: 2, name: '审批助手', agentId: 1000005, needsSecrets: true })],
  }),
]

describe('corp list', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.getFieldHelp).mockResolvedValue(fieldHelp)
    vi.mocked(api.onCheckProgress).mockReturnValue(() => {})
    vi.mocked(api.listCorps).mockResolvedValue(corps)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows each corp with its DEMO tag, active marker and needs-secrets warning', async () => {
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    const demo = wrapper.find('[data-testid="corp-row-1"]')
    expect(demo.find('[data-testid="corp-demo-tag"]').text()).toBe('演示')
    expect(demo.find('[data-testid="corp-active-tag"]').text()).toBe('当前企业')
    expect(demo.find('[data-testid="corp-activate-1"]').exists()).toBe(false)

    const real = wrapper.find('[data-testid="corp-row-2"]')
    expect(real.find('[data-testid="corp-demo-tag"]').exists()).toBe(false)
    expect(real.find('[data-testid="corp-needs-secrets"]').text()).toContain('请重新填写')
    expect(real.text()).toContain('••••abcd')

    // The active corp is shown in detail first; selecting another shows its apps.
    expect(wrapper.find('[data-testid="corp-detail-1"]').exists()).toBe(true)
    await real.find('[data-testid="corp-name"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="app-row-21"]').text()).toBe('审批助手')
    expect(wrapper.find('[data-testid="app-agent-21"]').text()).toBe('1000005')
    expect(wrapper.find('[data-testid="app-secret-21"]').text()).toBe('••••wxyz')
  })

  it('shows the last check failure on the corp card', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([
      corp({ id: 3, name: '星河', lastCheck: 'failed', lastCheckFailure: msg('上次检查未通过：应用“全员应用”获取 access_token：错误码 40001', 'The last check failed: App “全员应用”: get access_token: errcode 40001') }),
      corp({ id: 4, name: '通过', corpId: 'ww0000000000000004', lastCheck: 'passed' }),
    ])
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    expect(wrapper.find('[data-testid="corp-row-3"] [data-testid="corp-last-check-failed"]').text()).toContain('上次检查未通过')
    expect(wrapper.find('[data-testid="corp-row-4"] [data-testid="corp-last-check-failed"]').exists()).toBe(false)
  })

  it('filters by name, corp ID or app', async () => {
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    const search = wrapper.find('[data-testid="corp-search"]')
    await search.setValue('审批')
    expect(wrapper.find('[data-testid="corp-row-1"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="corp-row-2"]').exists()).toBe(true)
    await search.setValue('wwd3m')
    expect(wrapper.findAll('[data-testid^="corp-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['corp-row-1'])
    await search.setValue('没有这个')
    expect(wrapper.find('[data-testid="corp-no-match"]').text()).toContain('没有与“没有这个”匹配的企业')
  })

  it('sets the active corp and refreshes the header', async () => {
    vi.mocked(api.setActiveCorp).mockResolvedValue()
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-activate-2"]').trigger('click')
    await settle()
    expect(api.setActiveCorp).toHaveBeenCalledWith(2)
    expect(api.listCorps).toHaveBeenCalledTimes(2)
    expect(api.getStartStatus).toHaveBeenCalledTimes(2) // on opening and after the switch
  })

  it('shows the error text when the corps cannot be read', async () => {
    vi.mocked(api.listCorps).mockRejectedValue(new Error('database is locked'))
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    expect(wrapper.text()).toContain('无法读取已配置的企业：内部错误')
    expect(wrapper.find('[data-testid="setup-empty"]').exists()).toBe(false)
  })
})
