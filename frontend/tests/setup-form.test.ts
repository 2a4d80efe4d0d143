import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import AppForm from '@/views/setup/AppForm.vue'
import CorpForm from '@/views/setup/CorpForm.vue'
import SetupView from '@/views/SetupView.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { app, corp, fieldHelp, msg, saved } from './setup-fixtures'

vi.mock('@/api')

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper']

/** The el-form-item of one field, by the field's JSON name. */
function formItem(wrapper: Wrapper, field: string) {
  return wrapper.find(`.el-form-item[data-field="${field}"]`)
}

describe('setup forms', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.getFieldHelp).mockResolvedValue(fieldHelp)
    vi.mocked(api.onCheckProgress).mockReturnValue(() => {})
    vi.mocked(api.getCopyValues).mockResolvedValue({ externalBaseUrl: '', externalBaseSet: false, values: [] })
    vi.mocked(api.getExternalBaseURL).mockResolvedValue('')
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows under each field where to find its value, in the UI language', async () => {
    const { wrapper, i18n } = await mountApp(CorpForm, { props: { modelValue: true, corp: null, help: fieldHelp } })
    expect(wrapper.find('[data-testid="help-corpId"]').text()).toContain('我的企业 → 企业信息 → 企业ID（页面底部）')
    expect(wrapper.find('[data-testid="help-corpId"]').text()).toContain('ww 或 wx + 16 位十六进制')
    expect(wrapper.find('[data-testid="help-contactSecret"]').text()).toContain('管理工具 → 通讯录同步 → Secret')

    i18n.global.locale.value = 'en'
    await settle()
    expect(wrapper.find('[data-testid="help-corpId"]').text()).toContain('企业ID (bottom of the page)')
    expect(wrapper.find('[data-testid="help-corpId"]').text()).toContain('ww or wx + 16 hex characters')
    expect(formItem(wrapper, 'corpId').find('.el-form-item__label').text()).toBe('Corp ID')
  })

  it('puts each save error under its own field and saves nothing', async () => {
    vi.mocked(api.saveCorp).mockResolvedValue(
      saved({
        ok: false,
        id: 0,
        corp: undefined,
        errors: [
          { field: 'corpId', message: msg('应为 ww 或 wx 开头、后跟 16 位十六进制字符', 'Must be ww or wx…'), where: msg('') },
          { field: 'contactSecret', message: msg('应为 43 位', 'Must be 43'), where: msg('') },
        ],
      }),
    )
    const { wrapper } = await mountApp(CorpForm, { props: { modelValue: true, corp: null, help: fieldHelp } })
    await wrapper.find('[data-testid="field-name"]').setValue('华东制造集团')
    await wrapper.find('[data-testid="field-corpId"]').setValue('1000002')
    await wrapper.find('[data-testid="corp-save"]').trigger('click')
    await settle()

    // Element Plus shows a form item's error after a short debounce.
    await vi.waitFor(() => expect(formItem(wrapper, 'corpId').find('.el-form-item__error').exists()).toBe(true))
    expect(formItem(wrapper, 'corpId').find('.el-form-item__error').text()).toContain('应为 ww 或 wx 开头')
    expect(formItem(wrapper, 'contactSecret').find('.el-form-item__error').text()).toContain('应为 43 位')
    expect(formItem(wrapper, 'name').find('.el-form-item__error').exists()).toBe(false)
    expect(wrapper.emitted('saved')).toBeUndefined()
  })

  it('sends an empty secret to keep the stored one, and says so in the placeholder', async () => {
    vi.mocked(api.saveCorp).mockResolvedValue(saved())
    const { wrapper } = await mountApp(CorpForm, { props: { modelValue: true, corp: corp(), help: fieldHelp } })
    const secret = wrapper.find('[data-testid="field-contactSecret"]')
    expect(secret.attributes('placeholder')).toBe('已保存 ••••abcd；留空则保持不变')
    expect((secret.element as HTMLInputElement).value).toBe('')

    await wrapper.find('[data-testid="field-name"]').setValue('华东制造（总部）')
    await wrapper.find('[data-testid="corp-save"]').trigger('click')
    await settle()

    expect(api.saveCorp).toHaveBeenCalledTimes(1)
    const input = vi.mocked(api.saveCorp).mock.calls[0][0]
    expect(input).toMatchObject({ id: 1, name: '华东制造（总部）', corpId: 'ww1234567890abcdef', contactSecret: '', clear: [] })
    expect(wrapper.emitted('saved')).toHaveLength(1)
  })

  it('keeps the app secret too, and sends the AgentId as typed', async () => {
    vi.mocked(api.saveApp).mockResolvedValue(saved({ id: 11 }))
    const { wrapper } = await mountApp(AppForm, { props: { modelValue: true, corpRef: 1, app: app(), help: fieldHelp } })
    expect(wrapper.find('[data-testid="field-secret"]').attributes('placeholder')).toContain('••••wxyz')
    expect(wrapper.find('[data-testid="help-agentId"]').text()).toContain('应用管理 → 自建 → 应用 → AgentId')
    await wrapper.find('[data-testid="app-save"]').trigger('click')
    await settle()
    expect(vi.mocked(api.saveApp).mock.calls[0][0]).toMatchObject({ id: 11, corpRef: 1, agentId: '1000002', secret: '' })
  })

  it('fills the callback Token and EncodingAESKey with “生成”', async () => {
    const keys = { token: 'T0k3nT0k3nT0k3nT0k3nT0k3nT0k3nAB', encodingAesKey: 'a'.repeat(43) }
    vi.mocked(api.generateCallbackKeys).mockResolvedValue(keys)
    vi.mocked(api.saveCorp).mockResolvedValue(saved())
    const { wrapper } = await mountApp(CorpForm, { props: { modelValue: true, corp: corp(), help: fieldHelp } })
    await wrapper.find('[data-testid="generate-keys"]').trigger('click')
    await settle()
    expect((wrapper.find('[data-testid="field-callbackToken"]').element as HTMLInputElement).value).toBe(keys.token)
    expect((wrapper.find('[data-testid="field-callbackAesKey"]').element as HTMLInputElement).value).toBe(keys.encodingAesKey)
    await wrapper.find('[data-testid="corp-save"]').trigger('click')
    await settle()
    expect(vi.mocked(api.saveCorp).mock.calls[0][0]).toMatchObject({ callbackToken: keys.token, callbackAesKey: keys.encodingAesKey })
  })

  it('after saving, names the fields whose pasted spaces were removed', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([])
    vi.mocked(api.saveCorp).mockResolvedValue(saved({ trimmed: ['contactSecret', 'corpId'] }))
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    expect(wrapper.find('[data-testid="setup-empty"]').exists()).toBe(true)

    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    await wrapper.find('[data-testid="corp-add"]').trigger('click')
    await settle()
    await wrapper.find('[data-testid="field-name"]').setValue('华东制造集团')
    await wrapper.find('[data-testid="field-corpId"]').setValue(' ww1234567890abcdef ')
    await wrapper.find('[data-testid="field-contactSecret"]').setValue('  ' + 'S'.repeat(43) + '  ')
    await wrapper.find('[data-testid="corp-save"]').trigger('click')
    await settle()

    expect(vi.mocked(api.saveCorp).mock.calls[0][0]).toMatchObject({ id: 0, contactSecret: '  ' + 'S'.repeat(43) + '  ' })
    expect(wrapper.find('[data-testid="trimmed-notice"]').text()).toBe('已自动去除粘贴时带入的空格：通讯录同步 Secret、企业ID')
    expect(wrapper.find('[data-testid="corp-row-1"]').exists()).toBe(true)
  })

  it('warns before a new API or proxy host clears the stored secrets, and shows what the save cleared', async () => {
    const { wrapper } = await mountApp(CorpForm, { props: { modelValue: true, corp: corp(), help: fieldHelp } })
    const warning = () => wrapper.find('[data-testid="corp-host-warning"]')
    expect(warning().exists()).toBe(false)
    await wrapper.find('[data-testid="field-apiBaseUrl"]').setValue('https://qyapi.weixin.qq.com/cgi-bin/')
    expect(warning().exists()).toBe(false) // the same host, written differently
    await wrapper.find('[data-testid="field-apiBaseUrl"]').setValue('https://wecom-proxy.example.com')
    expect(warning().text()).toContain('保存后，已保存的通讯录同步、客户联系和各应用的 Secret')
    await wrapper.find('[data-testid="field-apiBaseUrl"]').setValue('https://qyapi.weixin.qq.com')
    await wrapper.find('[data-testid="field-proxyUrl"]').setValue('http://proxy.corp:3128')
    expect(warning().exists()).toBe(true)
  })

  it('after a save that moved the host, says which secrets were cleared and why', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    const message = 'API 地址换了主机，已清除该企业保存的 Secret 和 access_token（contactSecret、app:1000002），以免发到新的地址。'
    vi.mocked(api.saveCorp).mockResolvedValue(
      saved({
        hostChange: {
          cleared: ['contactSecret', 'app:1000002'],
          message: { code: 'secrets_cleared_new_host', args: {}, zh: message, en: 'The API base URL now points to another host…' },
        },
      }),
    )
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-add"]').trigger('click')
    await settle()
    await wrapper.find('[data-testid="field-name"]').setValue('华东制造集团')
    await wrapper.find('[data-testid="corp-save"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="corp-host-cleared"]').text()).toBe(message)
  })

  it('names the app fields too, in English', async () => {
    vi.mocked(api.saveApp).mockResolvedValue(saved({ ok: false, trimmed: ['secret', 'agentId'], errors: [] }))
    const { wrapper, i18n } = await mountApp(AppForm, { props: { modelValue: true, corpRef: 1, app: null, help: fieldHelp } })
    i18n.global.locale.value = 'en'
    await wrapper.find('[data-testid="app-save"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="trimmed-notice"]').text()).toBe('Removed the spaces pasted along with: App Secret, AgentId')
  })

  it('labels each field with the words the checks and errors use (the Go catalogue)', async () => {
    const { wrapper, i18n } = await mountApp(AppForm, { props: { modelValue: true, corpRef: 1, app: null, help: fieldHelp } })
    const label = (field: string) => wrapper.find(`[data-field="${field}"] .el-form-item__label`).text()
    expect(label('agentId')).toBe('应用 AgentId')
    expect(label('secret')).toBe('应用 Secret')
    expect(label('callbackToken')).toBe('消息回调 Token')
    i18n.global.locale.value = 'en'
    await settle()
    expect(label('agentId')).toBe('AgentId')
    expect(label('secret')).toBe('App Secret')
    expect(label('homeUrl')).toBe('App home page')
  })

  it('shows the error text when saving is rejected', async () => {
    vi.mocked(api.saveCorp).mockRejectedValue(new Error('database is locked'))
    const { wrapper } = await mountApp(CorpForm, { props: { modelValue: true, corp: corp(), help: fieldHelp } })
    await wrapper.find('[data-testid="corp-save"]').trigger('click')
    await settle()
    expect(document.body.textContent).toContain('保存失败：内部错误')
  })
})
