// The settings page's integration and push sections: the intake API (desktop
// listener or serve-mode base URL), its API keys (secret shown once, search,
// revoke after confirmation) and the push-log retention / test account.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { PushAPIKey, PushSettings } from '@/api'
import settingsEn from '@/locales/features/settings.en'
import settingsZh from '@/locales/features/settings.zh-CN'
import { useAppStore } from '@/stores/app'
import SettingsView from '@/views/SettingsView.vue'
import { appInfo, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { corp } from './setup-fixtures'

vi.mock('@/api')

const stored: PushSettings = { intake_enabled: false, intake_addr: '127.0.0.1:8751', strict_sources: false, retention_days: 180, rate_per_second: 20, rate_burst: 100, max_users: 1000, max_departments: 100 }
const now = new Date().toISOString()
const key = (over: Partial<PushAPIKey>): PushAPIKey => ({
  id: 1,
  name: 'oa-system',
  prefix: 'wbk_0123',
  created_at: now,
  permissions: { all: false, departments: false },
  corp_id: 7,
  corp_name: '星河科技',
  ...over,
})
const xinghe = corp({ id: 7, name: '星河科技', active: true })
const yunfan = corp({ id: 8, name: '云帆', active: false })

function section(name: string) {
  return document.querySelector<HTMLElement>(`[data-testid="settings-section-${name}"]`)!
}

async function answer(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
  await settle()
}

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort()
}

describe('settings: integrations and push', () => {
  beforeEach(() => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo({ mode: 'desktop' }))
    vi.mocked(api.getPushSettings).mockResolvedValue({ ...stored })
    vi.mocked(api.savePushSettings).mockResolvedValue()
    vi.mocked(api.getPushAdminAccount).mockResolvedValue('zhangsan')
    vi.mocked(api.setPushAdminAccount).mockResolvedValue()
    vi.mocked(api.listAPIKeys).mockResolvedValue([])
    vi.mocked(api.listCorps).mockResolvedValue([xinghe])
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: { id: 7, name: '星河科技', corpId: 'ww7', demo: false } }))
    vi.mocked(api.listConfigAudit).mockResolvedValue([])
    vi.mocked(api.getBackupState).mockResolvedValue({ daily: true, keep: 7, dir: '/home/admin/.config/wecom-bridge/backups', archives: [] })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('has the same keys in zh-CN and en', () => {
    expect(keys(settingsEn)).toEqual(keys(settingsZh))
  })

  it('desktop: enables the listener on an address and saves only the intake fields', async () => {
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const intake = wrapper.find('[data-testid="settings-intake"]')
    expect(intake.find('[data-testid="settings-intake-off"]').exists()).toBe(true)
    expect(intake.find('[data-testid="settings-intake-serve"]').exists()).toBe(false)

    await intake.find('[data-testid="settings-intake-enabled"]').trigger('click')
    await intake.find('[data-testid="settings-intake-addr"]').setValue(' 0.0.0.0:9000 ')
    // Stored meanwhile by the push section: kept, not overwritten with a stale value.
    vi.mocked(api.getPushSettings).mockResolvedValue({ ...stored, retention_days: 30 })
    await intake.find('[data-testid="settings-intake-save"]').trigger('click')
    await settle()
    expect(api.savePushSettings).toHaveBeenCalledWith({ ...stored, intake_enabled: true, intake_addr: '0.0.0.0:9000', retention_days: 30 })
    expect(intake.find('[data-testid="settings-intake-base"]').text()).toBe('http://0.0.0.0:9000')
    expect(intake.text()).toContain('消息发送到 http://0.0.0.0:9000/api/v1/messages')
  })

  it('saves the per-key rate limit and the recipient caps with the intake settings', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo({ mode: 'serve' }))
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const intake = wrapper.find('[data-testid="settings-intake"]')
    expect(intake.text()).toContain('超过时返回 429 和 Retry-After')
    await intake.find('[data-testid="settings-max-users"] input').setValue('500')
    await intake.find('[data-testid="settings-max-users"] input').trigger('change')
    await intake.find('[data-testid="settings-rate"] input').setValue('5')
    await intake.find('[data-testid="settings-rate"] input').trigger('change')
    await intake.find('[data-testid="settings-intake-save"]').trigger('click')
    await settle()
    expect(api.savePushSettings).toHaveBeenCalledWith({ ...stored, max_users: 500, rate_per_second: 5 })
  })

  it('serve: says the intake runs on this server and shows this origin with a copy button', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo({ mode: 'serve' }))
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const intake = wrapper.find('[data-testid="settings-intake"]')
    expect(intake.find('[data-testid="settings-intake-serve"]').text()).toContain('同一个服务器')
    expect(intake.find('[data-testid="settings-intake-enabled"]').exists()).toBe(false)
    expect(intake.find('[data-testid="settings-intake-addr"]').exists()).toBe(false)
    expect(intake.find('[data-testid="settings-intake-base"]').text()).toBe(window.location.origin)
    expect(intake.find('[data-testid="copy-button"]').exists()).toBe(true)

    await intake.find('[data-testid="settings-strict-sources"]').trigger('click')
    await intake.find('[data-testid="settings-intake-save"]').trigger('click')
    await settle()
    expect(api.savePushSettings).toHaveBeenCalledWith({ ...stored, strict_sources: true })
  })

  it('shows a created key once, with a copy button and a warning, then never again', async () => {
    vi.mocked(api.createAPIKey).mockResolvedValue({ key: key({ id: 3 }), secret: 'wbk_0123456789abcdef_SECRET' })
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const keysBox = wrapper.find('[data-testid="settings-apikeys"]')
    expect(keysBox.find('[data-testid="apikey-empty"]').text()).toContain('还没有 API 密钥')
    expect(keysBox.find('[data-testid="apikey-create"]').attributes('disabled')).toBeDefined()

    vi.mocked(api.listAPIKeys).mockResolvedValue([key({ id: 3 })])
    await keysBox.find('[data-testid="apikey-name"]').setValue('  oa-system ')
    await keysBox.find('[data-testid="apikey-create"]').trigger('click')
    await settle()
    expect(api.createAPIKey).toHaveBeenCalledWith(7, 'oa-system', { all: false, departments: false })
    const panel = keysBox.find('[data-testid="apikey-secret-panel"]')
    expect(panel.find('[data-testid="apikey-secret"]').text()).toBe('wbk_0123456789abcdef_SECRET')
    expect(panel.text()).toContain('这是唯一一次显示该密钥')
    expect(panel.find('[data-testid="copy-button"]').exists()).toBe(true)
    expect(keysBox.find('[data-testid="apikey-row-3"]').text()).toBe('oa-system')

    await keysBox.find('[data-testid="apikey-secret-close"]').trigger('click')
    await settle()
    expect(keysBox.find('[data-testid="apikey-secret"]').exists()).toBe(false)
    expect(document.body.textContent).not.toContain('SECRET')
  })

  it('creates a key with the broad-recipient permissions ticked, and lists what each key may send to', async () => {
    vi.mocked(api.createAPIKey).mockResolvedValue({ key: key({ id: 4 }), secret: 'wbk_0123456789abcdef_S' })
    vi.mocked(api.listAPIKeys).mockResolvedValue([
      key({ id: 4, name: 'hr', permissions: { all: false, departments: true } }),
      key({ id: 5, name: 'oa', permissions: { all: false, departments: false } }),
    ])
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const keysBox = wrapper.find('[data-testid="settings-apikeys"]')
    expect(keysBox.text()).toContain('默认只能发给指定的人')
    expect(keysBox.find('[data-testid="apikey-perms-4"]').text()).toBe('指定的人、整个部门')
    expect(keysBox.find('[data-testid="apikey-perms-5"]').text()).toBe('指定的人')

    await keysBox.find('[data-testid="apikey-name"]').setValue('hr')
    await keysBox.find('[data-testid="apikey-perm-departments"] input').setValue(true)
    await keysBox.find('[data-testid="apikey-create"]').trigger('click')
    await settle()
    expect(api.createAPIKey).toHaveBeenCalledWith(7, 'hr', { all: false, departments: true })
    expect((keysBox.find('[data-testid="apikey-perm-departments"] input').element as HTMLInputElement).checked).toBe(false)
  })

  it('creates a key for the active corp or the one picked, lists each key\'s corp with a filter, and says why a key was revoked', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([xinghe, yunfan])
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: { id: 8, name: '云帆', corpId: 'ww8', demo: false } }))
    vi.mocked(api.createAPIKey).mockResolvedValue({ key: key({ id: 9 }), secret: 'wbk_0123456789abcdef_S' })
    vi.mocked(api.listAPIKeys).mockResolvedValue([
      key({ id: 1, name: 'oa-system', corp_id: 7, corp_name: '星河科技' }),
      key({ id: 2, name: 'hr', corp_id: 8, corp_name: '云帆' }),
      key({
        id: 3,
        name: 'old-crm',
        corp_id: 0,
        corp_name: '',
        revoked_at: now,
        note: { code: 'push_key_revoked_corp_deleted', args: { corp: '海川' }, zh: '企业“海川”已删除，该密钥随之吊销', en: 'Revoked because its corp “海川” was deleted.' },
      }),
    ])
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const keysBox = wrapper.find('[data-testid="settings-apikeys"]')
    const select = (testid: string) => wrapper.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-testid') === testid)!
    const rows = () => keysBox.findAll('[data-testid^="apikey-row-"]').map((r) => r.text())

    // The picker starts at the active corp.
    await keysBox.find('[data-testid="apikey-name"]').setValue('crm')
    await keysBox.find('[data-testid="apikey-create"]').trigger('click')
    await settle()
    expect(api.createAPIKey).toHaveBeenLastCalledWith(8, 'crm', { all: false, departments: false })
    // Switching the active corp moves the picker along; the admin can pick another.
    useAppStore().startStatus = startStatus({ activeCorp: { id: 7, name: '星河科技', corpId: 'ww7', demo: false } })
    await settle()
    await keysBox.find('[data-testid="apikey-name"]').setValue('erp')
    await keysBox.find('[data-testid="apikey-create"]').trigger('click')
    await settle()
    expect(api.createAPIKey).toHaveBeenLastCalledWith(7, 'erp', { all: false, departments: false })
    select('apikey-corp').vm.$emit('update:modelValue', 8)
    await settle()
    await keysBox.find('[data-testid="apikey-name"]').setValue('mes')
    await keysBox.find('[data-testid="apikey-create"]').trigger('click')
    await settle()
    expect(api.createAPIKey).toHaveBeenLastCalledWith(8, 'mes', { all: false, departments: false })

    // Each key's corp; a deleted corp's key says so, and why it was revoked.
    expect(keysBox.find('[data-testid="apikey-corp-1"]').text()).toBe('星河科技')
    expect(keysBox.find('[data-testid="apikey-corp-2"]').text()).toBe('云帆')
    await keysBox.find('[data-testid="apikey-show-revoked"] input').setValue(true)
    expect(keysBox.find('[data-testid="apikey-corp-3"]').text()).toBe('（企业已删除）')
    expect(keysBox.find('[data-testid="apikey-note-3"]').text()).toBe('企业“海川”已删除，该密钥随之吊销')

    select('apikey-corp-filter').vm.$emit('update:modelValue', 8)
    await settle()
    expect(rows()).toEqual(['hr'])
    select('apikey-corp-filter').vm.$emit('update:modelValue', 0)
    await settle()
    expect(rows()).toEqual(['oa-system', 'hr', 'old-crm'])
  })

  it('asks for a corp before a key can be created', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([])
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const keysBox = wrapper.find('[data-testid="settings-apikeys"]')
    expect(keysBox.find('[data-testid="apikey-no-corp"]').text()).toContain('请先在 接入配置 中添加企业')
    await keysBox.find('[data-testid="apikey-name"]').setValue('oa')
    expect(keysBox.find('[data-testid="apikey-create"]').attributes('disabled')).toBeDefined()
  })

  it('filters keys by name or prefix, hides revoked ones unless asked, and revokes only after confirmation', async () => {
    vi.mocked(api.listAPIKeys).mockResolvedValue([
      key({ id: 1, name: 'oa-system', prefix: 'wbk_aaaa' }),
      key({ id: 2, name: 'monitor', prefix: 'wbk_bbbb', last_used_at: now }),
      key({ id: 3, name: 'old-crm', prefix: 'wbk_cccc', revoked_at: now }),
    ])
    vi.mocked(api.revokeAPIKey).mockResolvedValue()
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const keysBox = wrapper.find('[data-testid="settings-apikeys"]')
    const rows = () => keysBox.findAll('[data-testid^="apikey-row-"]').map((r) => r.text())
    expect(rows()).toEqual(['oa-system', 'monitor'])

    await keysBox.find('[data-testid="apikey-show-revoked"] input').setValue(true)
    expect(rows()).toEqual(['oa-system', 'monitor', 'old-crm'])
    expect(keysBox.find('[data-testid="apikey-revoke-3"]').exists()).toBe(false)

    await keysBox.find('[data-testid="apikey-search"]').setValue('BBBB')
    expect(rows()).toEqual(['monitor'])
    await keysBox.find('[data-testid="apikey-search"]').setValue('nothing')
    expect(keysBox.find('[data-testid="apikey-no-match"]').text()).toContain('没有与“nothing”匹配的密钥')
    await keysBox.find('[data-testid="apikey-search"]').setValue('')

    await keysBox.find('[data-testid="apikey-revoke-2"]').trigger('click')
    await settle()
    expect(document.querySelector('.apikey-revoke-confirm')?.textContent).toContain('吊销密钥“monitor”后')
    await answer(false)
    expect(api.revokeAPIKey).not.toHaveBeenCalled()

    await keysBox.find('[data-testid="apikey-revoke-2"]').trigger('click')
    await settle()
    await answer(true)
    expect(api.revokeAPIKey).toHaveBeenCalledWith(2)
    expect(api.listAPIKeys).toHaveBeenCalledTimes(2)
  })

  it('saves the push-log retention and the test message account, asking before a shorter retention', async () => {
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const push = wrapper.find('[data-testid="settings-section-push"]')
    expect(push.find('[data-testid="settings-retention"] input').element).toHaveProperty('value', '180')
    expect(push.find('[data-testid="settings-admin-account"]').element).toHaveProperty('value', 'zhangsan')

    await push.find('[data-testid="settings-retention"] input').setValue('90')
    await push.find('[data-testid="settings-retention"] input').trigger('change')
    await push.find('[data-testid="settings-admin-account"]').setValue(' lisi ')
    // Shorter than stored: older log rows would go, so it asks first; cancelled, nothing is saved.
    await push.find('[data-testid="settings-push-save"]').trigger('click')
    await settle()
    expect(document.querySelector('.retention-confirm')?.textContent).toContain('将保留天数从 180 天改为 90 天')
    await answer(false)
    expect(api.savePushSettings).not.toHaveBeenCalled()

    await push.find('[data-testid="settings-push-save"]').trigger('click')
    await settle()
    await answer(true)
    expect(api.savePushSettings).toHaveBeenCalledWith({ ...stored, retention_days: 90 })
    expect(api.setPushAdminAccount).toHaveBeenCalledWith('lisi')
    expect(section('push').textContent).not.toContain('保存失败')

    // Saved at 90: saving 90 again, or a longer retention, does not ask.
    vi.mocked(api.savePushSettings).mockClear()
    await push.find('[data-testid="settings-retention"] input').setValue('120')
    await push.find('[data-testid="settings-retention"] input').trigger('change')
    await push.find('[data-testid="settings-push-save"]').trigger('click')
    await settle()
    expect(api.savePushSettings).toHaveBeenCalledWith({ ...stored, retention_days: 120 }) // saved without a question
  })

  it('lists configuration changes by item and actor, in the UI language', async () => {
    vi.mocked(api.listConfigAudit).mockResolvedValue([
      { id: 2, at: now, actor: 'desktop:alice', subject: 'corp:1', action: 'secrets_dropped', field: 'contactSecret', note: 'cleared because the host changed' },
      { id: 1, at: now, actor: 'desktop:alice', subject: 'push.settings', action: 'field_changed', field: 'rate_per_second', note: 'intake setting changed' },
    ])
    const { wrapper, i18n } = await mountApp(SettingsView, { path: '/settings' })
    const audit = section('audit')
    expect(audit.textContent).toContain('配置变更记录')
    expect(wrapper.find('[data-testid="settings-audit-row-2"]').text()).toBe('因主机变更清除了 Secret · contactSecret')
    expect(wrapper.find('[data-testid="settings-audit-row-1"]').text()).toBe('设置已修改 · rate_per_second')
    i18n.global.locale.value = 'en'
    await settle()
    expect(wrapper.find('[data-testid="settings-audit-row-2"]').text()).toBe('secret cleared: the host changed · contactSecret')
  })

  it('says why a section could not load and retries', async () => {
    vi.mocked(api.getPushSettings).mockRejectedValue(new Error('database is locked'))
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    expect(section('integrations').textContent).toContain('加载失败：内部错误')
    expect(section('push').textContent).toContain('加载失败：内部错误')

    vi.mocked(api.getPushSettings).mockResolvedValue({ ...stored })
    await wrapper.find('[data-testid="settings-push-retry"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="settings-retention"]').exists()).toBe(true)
  })
})
