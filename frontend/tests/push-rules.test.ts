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
    deletePushRule: vi.fn(),
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

const rules: PushRule[] = [
  rule,
  { ...rule, id: 6, name: '监控告警', source: 'zabbix', enabled: false, targets: [{ ...rule.targets[0], corp_id: 7, agent_id: 1000003 }] },
  { ...rule, id: 7, name: '全部来源兜底', source: api.allSources, enabled: true, targets: [] },
]
const corpWithApps = { id: 7, name: '演示企业', apps: [{ id: 1, agentId: 1000002, name: '消息助手' }, { id: 2, agentId: 1000003, name: '运维告警' }] } as unknown as Corp

function shownRules(wrapper: { findAll: (s: string) => { attributes: (n: string) => string | undefined }[] }): string[] {
  return wrapper.findAll('[data-testid^="rule-row-"]').map((r) => r.attributes('data-testid')!.replace('rule-row-', ''))
}

/** Clicks the message box's confirm (last) or cancel (first) button. */
async function answer(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
  await settle()
}

async function wait(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms))
  await settle()
}

describe('push page', () => {
  beforeEach(() => {
    vi.mocked(api.getAppInfo).mockResolvedValue({ version: '1', commit: '', buildDate: '', dataDir: '', dbPath: '', dbSizeBytes: 0, mode: 'serve', language: 'zh-CN' })
    vi.mocked(api.listCorps).mockResolvedValue([corp])
    vi.mocked(api.listPushRules).mockResolvedValue([rule])
    vi.mocked(api.getPushSettings).mockResolvedValue({ intake_enabled: false, intake_addr: '127.0.0.1:8751', strict_sources: false, retention_days: 180, rate_per_second: 20, rate_burst: 100, max_users: 1000, max_departments: 100 })
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
    expect(wrapper.find('[data-testid="push-curl"]').text()).toContain('报销已审批') // the example is in the page's language
    expect(wrapper.find('[data-testid="push-settings-link"]').attributes('href')).toBe('/settings')
    await wrapper.find('[data-testid="push-settings-link"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/settings'), { timeout: 10_000 }) // Settings loads lazily: slow under load
  })

  it('tells the desktop admin where to turn the intake API on', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue({ version: '1', commit: '', buildDate: '', dataDir: '', dbPath: '', dbSizeBytes: 0, mode: 'desktop', language: 'zh-CN' })
    const { wrapper } = await mountApp(PushView, { path: '/push' })
    expect(wrapper.find('[data-testid="push-curl"]').text()).toContain('http://127.0.0.1:8751/api/v1/messages')
    expect(wrapper.find('[data-testid="push-howto"]').text()).toContain('设置 → 集成接口')
  })

  it('searches rules by name, source and target app, and filters enabled / disabled', async () => {
    vi.mocked(api.listPushRules).mockResolvedValue(rules)
    vi.mocked(api.listCorps).mockResolvedValue([corpWithApps])
    const { wrapper } = await mountApp(PushView, { path: '/push' })
    expect(shownRules(wrapper)).toEqual(['5', '6', '7'])
    expect(wrapper.find('[data-testid="rule-count"]').text()).toBe('共 3 条规则')
    // The targets column names the corp and app the search looks in.
    expect(wrapper.find('[data-testid="rule-row-6"]').text()).toContain('演示企业 / 运维告警 (1000003)')

    const search = wrapper.find('[data-testid="rule-search"]')
    await search.setValue('zabbix') // source
    expect(shownRules(wrapper)).toEqual(['6'])
    await search.setValue('消息助手') // target app name
    expect(shownRules(wrapper)).toEqual(['5'])
    await search.setValue('1000003') // target AgentId
    expect(shownRules(wrapper)).toEqual(['6'])
    await search.setValue('OA') // name, any case
    expect(shownRules(wrapper)).toEqual(['5'])
    await search.setValue('')

    await wrapper.find('[data-testid="rule-status-disabled"] input').setValue(true)
    expect(shownRules(wrapper)).toEqual(['6'])
    expect(wrapper.find('[data-testid="rule-count"]').text()).toBe('显示 1 / 3 条规则')
    await wrapper.find('[data-testid="rule-status-enabled"] input').setValue(true)
    expect(shownRules(wrapper)).toEqual(['5', '7'])
  })

  it('tells "no rules yet" from "no rule matches", and clears the search and filter', async () => {
    vi.mocked(api.listPushRules).mockResolvedValue([])
    const empty = (await mountApp(PushView, { path: '/push' })).wrapper
    expect(empty.find('[data-testid="rule-empty"]').text()).toContain('还没有推送规则')
    expect(empty.find('[data-testid="rule-search"]').exists()).toBe(false)
    expect(empty.find('[data-testid="rule-no-match"]').exists()).toBe(false)
    empty.unmount()
    document.body.innerHTML = ''

    vi.mocked(api.listPushRules).mockResolvedValue(rules)
    const { wrapper } = await mountApp(PushView, { path: '/push' })
    await wrapper.find('[data-testid="rule-status-disabled"] input').setValue(true)
    await wrapper.find('[data-testid="rule-search"]').setValue('OA')
    expect(wrapper.find('[data-testid="rule-table"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="rule-empty"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="rule-no-match"]').text()).toContain('没有符合搜索或筛选条件的规则')
    await wrapper.find('[data-testid="rule-clear-filters"]').trigger('click')
    expect(shownRules(wrapper)).toEqual(['5', '6', '7'])
    expect(wrapper.find('[data-testid="rule-search"]').element).toHaveProperty('value', '')
  })

  it('deletes a rule only after a confirmation that names it', async () => {
    vi.mocked(api.deletePushRule).mockResolvedValue()
    const { wrapper } = await mountApp(PushView, { path: '/push' })
    await wrapper.find('[data-testid="rule-delete-5"]').trigger('click')
    await settle()
    expect(document.querySelector('.rule-delete-confirm')?.textContent).toContain('确定删除规则“OA 审批”吗？删除后，来源为 oa 的消息')
    await answer(false)
    expect(api.deletePushRule).not.toHaveBeenCalled()

    await wrapper.find('[data-testid="rule-delete-5"]').trigger('click')
    await settle()
    await answer(true)
    expect(api.deletePushRule).toHaveBeenCalledWith(5)
    expect(api.listPushRules).toHaveBeenCalledTimes(2)
  })
})
