import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import App from '@/App.vue'
import { appInfo, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

const navIds = [
  'nav-home',
  'nav-setup',
  'nav-directory',
  'nav-bindings',
  'nav-sync',
  'nav-history',
  'nav-push',
  'nav-push-logs',
  'nav-callbacks',
  'nav-login-links',
  'nav-settings',
]

function navItems() {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="nav-"]'))
}

describe('navigation', () => {
  beforeEach(() => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    vi.mocked(api.listPendingPreviews).mockResolvedValue([]) // Go returns an empty list, never null
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.setLanguage).mockResolvedValue()
    // the login-links page, opened by the navigation test, reads these
    vi.mocked(api.listCorps).mockResolvedValue([])
    vi.mocked(api.getVerifyFile).mockResolvedValue({ name: '', content: '' })
    vi.mocked(api.getOIDCInfo).mockResolvedValue({ issuer: '', discovery: '', authorize: '', token: '', userinfo: '', keys: '', endSession: '', wecomRedirect: '' })
    vi.mocked(api.listOIDCClients).mockResolvedValue([])
    vi.mocked(api.listSignIns).mockResolvedValue({ rows: [], total: 0 })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('renders home and the ten pages in order, in Chinese by default', async () => {
    const { wrapper } = await mountApp(App)
    expect(navItems().map((el) => el.dataset.testid)).toEqual(navIds)
    expect(navItems().map((el) => el.textContent?.trim())).toEqual([
      '企微桥WeCom Bridge',
      '接入配置',
      '本地通讯录',
      '账号绑定',
      '同步预览',
      '同步记录',
      '消息推送',
      '推送日志',
      '回调',
      '登录链接',
      '设置',
    ])
    wrapper.unmount()
  })

  it('navigates to a page and shows its title', async () => {
    const { wrapper, router } = await mountApp(App)
    await wrapper.find('[data-testid="nav-login-links"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/login-links'))
    await settle()
    expect(wrapper.find('[data-testid="page-title"]').text()).toBe('登录链接')
    wrapper.unmount()
  })

  it('marks no page in the menu on the home page, and the open page elsewhere', async () => {
    const { wrapper, router } = await mountApp(App)
    // A page without backend calls: the api mock answers nothing, and a page
    // that lists rows would fail on that after the test ends.
    await router.push('/login-links')
    await settle()
    expect(document.querySelector('.nav-menu .is-active')?.getAttribute('data-testid')).toBe('nav-login-links')
    await router.push('/')
    await settle()
    expect(document.querySelector('.nav-menu .is-active')).toBeNull()
    wrapper.unmount()
  })

  it('switching language relabels the nav at run time and saves the choice', async () => {
    const { wrapper } = await mountApp(App)
    expect(wrapper.find('[data-testid="nav-setup"]').text()).toBe('接入配置')

    await wrapper.find('[data-testid="lang-en"] input').setValue(true)
    await settle()
    expect(api.setLanguage).toHaveBeenCalledWith('en')
    expect(wrapper.find('[data-testid="nav-setup"]').text()).toBe('Setup')
    expect(wrapper.find('[data-testid="nav-push-logs"]').text()).toBe('Push logs')
    expect(wrapper.find('[data-testid="nav-settings"]').text()).toBe('Settings')
    expect(document.documentElement.lang).toBe('en')

    await wrapper.find('[data-testid="lang-zh-CN"] input').setValue(true)
    await settle()
    expect(api.setLanguage).toHaveBeenLastCalledWith('zh-CN')
    expect(wrapper.find('[data-testid="nav-setup"]').text()).toBe('接入配置')
    wrapper.unmount()
  })

  it('starts in the language the backend saved', async () => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo({ language: 'en' }))
    const { wrapper } = await mountApp(App)
    expect(wrapper.find('[data-testid="nav-directory"]').text()).toBe('Directory')
    expect(api.setLanguage).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
