// The push page: rules list with the enable switch, the rule drawer's live
// WeCom preview, the curl how-to, and the way to Settings (API keys, address).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { Corp, PushRule } from '@/api'
import PushView from '@/views/PushView.vue'
import { mountApp, settle } from './mount-app'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    getAppInfo: vi.fn(),
    listCorps: vi.fn(),
    listPushRules: vi.fn(),
    savePushRule: vi.fn(),
    setPushRuleEnabled: vi.fn(),
    previewPushRule: vi.fn(),
    samplePushInput: vi.fn(),
    getPushSettings: vi.fn(),
    listAPIKeys: vi.fn(),
  }
})

const rule: PushRule = {
  id: 5, name: 'OA 审批', source: 'oa', enabled: true, created_at: null, updated_at: null,
  targets: [{ id: 1, corp_id: 7, agent_id: 1000002, msgtype: 'textcard', title: '{{title}}', content: '{{content}}', url: '{{url}}', button: '', image: '' }],
}
const corp = { id: 7, name: '演示企业', apps: [{ id: 1, agentId: 1000002, name: '消息助手' }] } as unknown as Corp

async function wait(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms))
  await settle()
}

describe('push page', () => {
  beforeEach(() => {
    vi.mocked(api.getAppInfo).mockResolvedValue({ version: '1', dataDir: '', dbPath: '', dbSizeBytes: 0, mode: 'serve', language: 'zh-CN' })
    vi.mocked(api.listCorps).mockResolvedValue([corp])
    vi.mocked(api.listPushRules).mockResolvedValue([rule])
    vi.mocked(api.getPushSettings).mockResolvedValue({ intake_enabled: false, intake_addr: '127.0.0.1:8751', strict_sources: false, retention_days: 180 })
    vi.mocked(api.samplePushInput).mockResolvedValue({ source: 'oa', title: '报销单已通过', content: '差旅报销', to: {} })
    vi.mocked(api.previewPushRule).mockResolvedValue([
      {
        target: 0, msgtype: 'textcard', title: '报销单已通过',
        message: { msgtype: 'textcard', textcard: { title: '报销单已通过', description: '差旅报销', url: 'https://oa.example.com', btntxt: '查看' } },
        truncated: ['description'],
      },
    ])
  })
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('lists rules, switches one off and renders the live preview of the card', async () => {
    const { wrapper } = await mountApp(PushView, { path: '/push' })
    expect(wrapper.find('[data-testid="rule-row-5"]').text()).toContain('OA 审批')
    await wrapper.find('[data-testid="rule-enabled-5"]').trigger('click')
    await settle()
    expect(api.setPushRuleEnabled).toHaveBeenCalledWith(5, false)

    await wrapper.find('[data-testid="rule-edit-5"]').trigger('click')
    await wait(500)
    const preview = document.querySelector('[data-testid="rule-preview"]')!
    expect(preview.textContent).toContain('报销单已通过')
    expect(preview.textContent).toContain('查看')
    expect(preview.querySelector('[data-testid="rule-preview-truncated"]')?.textContent).toContain('description')
    expect(api.samplePushInput).toHaveBeenCalledWith('oa')
    expect(vi.mocked(api.previewPushRule).mock.calls[0][0]).toMatchObject({ id: 5, source: 'oa' })
  })

  it('has no key or settings tabs and points to Settings for the API keys and the address', async () => {
    const { wrapper, router } = await mountApp(PushView, { path: '/push' })
    expect(wrapper.find('.el-tabs').exists()).toBe(false)
    expect(wrapper.find('[data-testid="apikey-name"]').exists()).toBe(false)
    expect(api.listAPIKeys).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="push-settings-hint"]').text()).toBe('API 密钥与接入地址在 设置 → 集成接口 中。')
    expect(wrapper.find('[data-testid="push-curl"]').text()).toContain(`${window.location.origin}/api/v1/messages`)
    expect(wrapper.find('[data-testid="push-settings-link"]').attributes('href')).toBe('/settings')
    await wrapper.find('[data-testid="push-settings-link"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/settings'))
  })

  it('tells the desktop admin where to turn the intake API on', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue({ version: '1', dataDir: '', dbPath: '', dbSizeBytes: 0, mode: 'desktop', language: 'zh-CN' })
    const { wrapper } = await mountApp(PushView, { path: '/push' })
    expect(wrapper.find('[data-testid="push-curl"]').text()).toContain('http://127.0.0.1:8751/api/v1/messages')
    expect(wrapper.find('[data-testid="push-howto"]').text()).toContain('设置 → 集成接口')
  })
})
