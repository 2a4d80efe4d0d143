import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ElMessage } from 'element-plus'
import * as api from '@/api'
import App from '@/App.vue'
import { headerHeight, toastOffset } from '@/components/app-shell'
import AppHeader from '@/components/AppHeader.vue'
import { useAppStore } from '@/stores/app'
import { appInfo, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

async function mountHeader() {
  const mounted = await mountApp(AppHeader)
  await useAppStore().loadStartStatus()
  await mounted.wrapper.vm.$nextTick()
  return mounted.wrapper
}

describe('header corp badge', () => {
  beforeEach(() => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    vi.mocked(api.listPendingPreviews).mockResolvedValue([]) // Go returns an empty list, never null
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the demo corp by its name in the UI language and the DEMO badge', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(
      startStatus({ activeCorp: { id: 1, name: '演示企业 (DEMO)', corpId: 'wwdemo0001', demo: true } }),
    )
    const wrapper = await mountHeader()
    expect(wrapper.find('[data-testid="active-corp-name"]').text()).toBe('演示企业')
    const badge = wrapper.find('[data-testid="demo-badge"]')
    expect(badge.exists()).toBe(true)
    expect(badge.text()).toBe('演示')
    expect(badge.classes()).toContain('el-tag--warning')
  })

  it('shows a real corp without the badge', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(
      startStatus({ activeCorp: { id: 2, name: '华东制造集团', corpId: 'ww1234567890', demo: false } }),
    )
    const wrapper = await mountHeader()
    expect(wrapper.find('[data-testid="active-corp"]').text()).toBe('华东制造集团')
    expect(wrapper.find('[data-testid="demo-badge"]').exists()).toBe(false)
  })

  it('says no corp is configured when there is none', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: null }))
    const wrapper = await mountHeader()
    expect(wrapper.find('[data-testid="active-corp"]').text()).toBe('未配置企业')
    expect(wrapper.find('[data-testid="demo-badge"]').exists()).toBe(false)
  })

  it('says the status is unavailable when the call fails', async () => {
    vi.mocked(api.getStartStatus).mockRejectedValue(new Error('database is locked'))
    const wrapper = await mountHeader()
    expect(wrapper.find('[data-testid="active-corp"]').text()).toBe('无法读取企业状态')
  })

  it('re-reads the active corp when the admin comes back to the window (corps changed elsewhere)', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(
      startStatus({ activeCorp: { id: 1, name: '演示科技有限公司', corpId: 'wwdemo0001', demo: true } }),
    )
    const wrapper = await mountHeader()
    expect(wrapper.find('[data-testid="demo-badge"]').exists()).toBe(true)

    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: null }))
    expect(document.visibilityState).toBe('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await settle()
    expect(wrapper.find('[data-testid="active-corp"]').text()).toBe('未配置企业')
    expect(wrapper.find('[data-testid="demo-badge"]').exists()).toBe(false)
  })
})

describe('toasts', () => {
  beforeEach(() => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: null }))
    vi.mocked(api.listPendingPreviews).mockResolvedValue([])
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('open below the header, not over the corp badge and language switch', async () => {
    await mountApp(App)
    ElMessage.success('已保存')
    await settle()
    const toast = document.querySelector<HTMLElement>('.el-message')
    expect(toast).not.toBeNull()
    expect(parseInt(toast!.style.top, 10)).toBeGreaterThanOrEqual(headerHeight)
    expect(parseInt(toast!.style.top, 10)).toBe(toastOffset)
  })
})
