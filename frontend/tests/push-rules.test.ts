// The push page: rules list with the enable switch, the rule drawer's live
// WeCom preview, and an API key whose secret is shown once.
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
    getPushAdminAccount: vi.fn(),
    listAPIKeys: vi.fn(),
    createAPIKey: vi.fn(),
    revokeAPIKey: vi.fn(),
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
    vi.mocked(api.getPushAdminAccount).mockResolvedValue('admin')
    vi.mocked(api.listAPIKeys).mockResolvedValue([])
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

  it('shows a new API key secret once, with a copy button', async () => {
    vi.mocked(api.createAPIKey).mockResolvedValue({
      key: { id: 3, name: 'oa-system', prefix: 'wbk_0123', created_at: new Date().toISOString() },
      secret: 'wbk_0123456789abcdef_SECRET',
    })
    const { wrapper } = await mountApp(PushView, { path: '/push' })
    await wrapper.findAll('.el-tabs__item')[1].trigger('click')
    await settle()
    vi.mocked(api.listAPIKeys).mockResolvedValue([{ id: 3, name: 'oa-system', prefix: 'wbk_0123', created_at: new Date().toISOString() }])
    await wrapper.find('[data-testid="apikey-name"]').setValue('oa-system')
    await wrapper.find('[data-testid="apikey-create"]').trigger('click')
    await settle()
    expect(api.createAPIKey).toHaveBeenCalledWith('oa-system')
    expect(wrapper.find('[data-testid="apikey-secret"]').text()).toBe('wbk_0123456789abcdef_SECRET')
    expect(wrapper.find('[data-testid="apikey-row-3"]').exists()).toBe(true)
    expect(wrapper.find('.secret [data-testid="copy-button"]').exists()).toBe(true)

    await wrapper.find('[data-testid="apikey-secret-close"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="apikey-secret"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('SECRET')
  })
})
