// Serve mode's access-token section of Settings: sign this tab out, or rotate
// the token (after confirmation), which signs every browser out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import { ApiError } from '@/api/call'
import SettingsView from '@/views/SettingsView.vue'
import { appInfo } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

async function answer(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.rotate-confirm .el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
  await settle()
}

describe('settings: serve access token', () => {
  beforeEach(() => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo({ mode: 'serve' }))
    vi.mocked(api.listCorps).mockResolvedValue([]) // Go returns an empty list, never null
    vi.mocked(api.getPushSettings).mockResolvedValue({ intake_enabled: false, intake_addr: '', strict_sources: false, retention_days: 180, rate_per_second: 20, rate_burst: 100, max_users: 1000, max_departments: 100 })
    vi.mocked(api.getPushAdminAccount).mockResolvedValue('')
    vi.mocked(api.listAPIKeys).mockResolvedValue([])
    vi.mocked(api.listConfigAudit).mockResolvedValue([])
    vi.mocked(api.hasServeSession).mockReturnValue(true)
    vi.mocked(api.rotateServeToken).mockResolvedValue()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is not shown in the desktop app', async () => {
    vi.mocked(api.hasServeSession).mockReturnValue(false)
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    expect(wrapper.find('[data-testid="settings-section-session"]').exists()).toBe(false)
  })

  it('signs this tab out', async () => {
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    await wrapper.find('[data-testid="serve-sign-out"]').trigger('click')
    expect(api.signOutServe).toHaveBeenCalledTimes(1)
    expect(api.rotateServeToken).not.toHaveBeenCalled()
  })

  it('rotates only after confirmation, and says why it could not', async () => {
    const { wrapper } = await mountApp(SettingsView, { path: '/settings' })
    expect(wrapper.find('[data-testid="settings-section-session"]').text()).toContain('访问令牌')
    await wrapper.find('[data-testid="serve-rotate-token"]').trigger('click')
    await settle()
    expect(document.querySelector('.rotate-confirm')!.textContent).toContain('所有已打开的浏览器')
    await answer(false)
    expect(api.rotateServeToken).not.toHaveBeenCalled()

    await wrapper.find('[data-testid="serve-rotate-token"]').trigger('click')
    await settle()
    await answer(true)
    expect(api.rotateServeToken).toHaveBeenCalledTimes(1)

    vi.mocked(api.rotateServeToken).mockRejectedValue(new ApiError({ code: 'token_from_env', args: {}, zh: '令牌来自 $WECOM_BRIDGE_TOKEN', en: 'the serve token comes from $WECOM_BRIDGE_TOKEN' }))
    await wrapper.find('[data-testid="serve-rotate-token"]').trigger('click')
    await settle()
    await answer(true)
    expect(document.body.textContent).toContain('无法更换令牌：令牌来自 $WECOM_BRIDGE_TOKEN')
  })
})
