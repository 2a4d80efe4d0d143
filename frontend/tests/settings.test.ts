import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import App from '@/App.vue'
import SettingsView from '@/views/SettingsView.vue'
import { appInfo, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

describe('settings page', () => {
  beforeEach(() => {
    vi.mocked(api.setLanguage).mockResolvedValue()
    vi.mocked(api.getPushSettings).mockResolvedValue({ intake_enabled: false, intake_addr: '127.0.0.1:8751', strict_sources: false, retention_days: 180, rate_per_second: 20, rate_burst: 100, max_users: 1000, max_departments: 100 })
    vi.mocked(api.getPushAdminAccount).mockResolvedValue('')
    vi.mocked(api.listAPIKeys).mockResolvedValue([])
    vi.mocked(api.listCorps).mockResolvedValue([]) // Go returns an empty list, never null
    vi.mocked(api.listConfigAudit).mockResolvedValue([])
    vi.mocked(api.getBackupState).mockResolvedValue({ daily: true, keep: 7, dir: '/home/admin/.local/share/wecom-bridge/backups', archives: [] })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the data directory, formatted database size, version and mode', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo({ dbSizeBytes: 1258291, version: '0.3.1', mode: 'serve' }))
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    expect(wrapper.find('[data-testid="page-title"]').text()).toBe('设置')
    expect(wrapper.find('[data-testid="settings-data-dir"]').text()).toBe('/home/admin/.local/share/wecom-bridge')
    expect(wrapper.find('[data-testid="settings-db-path"]').text()).toBe(
      '/home/admin/.local/share/wecom-bridge/wecom-bridge.db',
    )
    expect(wrapper.find('[data-testid="settings-db-size"]').text()).toBe('1.2 MB')
    expect(wrapper.find('[data-testid="settings-version"]').text()).toBe('0.3.1')
    expect(wrapper.find('[data-testid="settings-mode"]').text()).toBe('浏览器服务（serve）')
  })

  it('has the language, integrations, push, backups, configuration changes and about sections, in that order', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const headers = wrapper.findAll('.el-card__header').map((h) => h.text())
    expect(headers).toEqual(['界面语言', '集成接口', '推送', '备份', '配置变更记录', '应用信息'])
    expect(wrapper.find('[data-testid="settings-section-integrations"] [data-testid="settings-apikeys"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="settings-section-push"] [data-testid="settings-retention"]').exists()).toBe(true)
  })

  it('gives every loading section the shared body: lead, a load failure with a retry that loads it, then the content', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    const failing = new Error('database is locked')
    vi.mocked(api.getBackupState).mockRejectedValueOnce(failing)
    vi.mocked(api.getPushSettings).mockRejectedValueOnce(failing).mockRejectedValueOnce(failing) // intake and push load it
    vi.mocked(api.listConfigAudit).mockRejectedValueOnce(failing)
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const sections: [string, string][] = [
      ['backup-settings', '[data-testid="backup-dir"]'],
      ['settings-push', '[data-testid="settings-retention"]'],
      ['settings-intake', '[data-testid="settings-strict-sources"]'],
      ['settings-audit', '[data-testid="settings-audit-empty"]'],
    ]
    for (const [id, content] of sections) {
      const body = wrapper.find(`[data-testid="${id}"]`)
      expect(body.classes()).toContain('settings-section')
      expect(body.find('.el-alert').text()).toContain('加载失败：')
      expect(body.find(content).exists()).toBe(false)
      await body.find(`[data-testid="${id}-retry"]`).trigger('click')
      await settle()
      expect(wrapper.find(`[data-testid="${id}"] .el-alert--error`).exists()).toBe(false)
      expect(wrapper.find(`[data-testid="${id}"] ${content}`).exists()).toBe(true)
    }
    expect(wrapper.find('[data-testid="backup-settings"] .lead').text()).not.toBe('')
    expect(wrapper.find('[data-testid="backup-dir"]').text()).toBe('/home/admin/.local/share/wecom-bridge/backups')
  })

  it('copies the data directory and says so', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    const writeText = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    const about = wrapper.find('[data-testid="settings-section-about"]')
    const button = about.find('[data-testid="copy-button"]')
    expect(button.text()).toBe('复制')
    await button.trigger('click')
    await settle()
    expect(writeText).toHaveBeenCalledWith('/home/admin/.local/share/wecom-bridge')
    expect(about.find('[data-testid="copy-button"]').text()).toBe('已复制')
  })

  it('shows the error text when app info cannot be read', async () => {
    vi.mocked(api.getAppInfo).mockRejectedValue(new Error('open wecom-bridge.db: permission denied'))
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    expect(wrapper.text()).toContain('无法读取应用信息：内部错误')
    expect(wrapper.find('[data-testid="settings-data-dir"]').exists()).toBe(false)
  })

  it('has its own language switch that relabels the whole app', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    const { wrapper } = await mountApp(App, { path: '/settings' })
    await wrapper.find('[data-testid="settings-lang-en"] input').setValue(true)
    await settle()
    expect(api.setLanguage).toHaveBeenCalledWith('en')
    expect(wrapper.find('[data-testid="page-title"]').text()).toBe('Settings')
    expect(wrapper.find('[data-testid="nav-settings"]').text()).toBe('Settings')
    expect(wrapper.text()).toContain('Database size')
    expect(wrapper.find('[data-testid="lang-en"] input').element).toHaveProperty('checked', true)
  })

  it('keeps the new language on screen and warns when saving it fails', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.setLanguage).mockRejectedValue(new Error('database is locked'))
    const { wrapper } = await mountApp(App, { path: '/settings' })
    await wrapper.find('[data-testid="settings-lang-en"] input').setValue(true)
    await settle()
    expect(wrapper.find('[data-testid="page-title"]').text()).toBe('Settings')
    expect(document.body.textContent).toContain('Language switched, but it could not be saved: Internal error (reference ')
  })
})
