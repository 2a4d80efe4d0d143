import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import AppHeader from '@/components/AppHeader.vue'
import DemoOffer from '@/components/DemoOffer.vue'
import SetupView from '@/views/SetupView.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { corp, fieldHelp } from './setup-fixtures'

vi.mock('@/api')

const demoCorp = corp({ id: 7, name: '演示企业 (DEMO)', corpId: 'wwd3m0000000000001', demo: true })
const demoBadge = { id: 7, name: '演示企业 (DEMO)', corpId: 'wwd3m0000000000001', demo: true }

async function answer(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
  await settle()
}

describe('demo corp', () => {
  beforeEach(() => {
    vi.mocked(api.getFieldHelp).mockResolvedValue(fieldHelp)
    vi.mocked(api.onCheckProgress).mockReturnValue(() => {})
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('starts from the home page offer with a loading state, then offers removal after a confirmation', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    let started: (c: typeof demoCorp) => void = () => {}
    vi.mocked(api.startDemo).mockReturnValue(new Promise((resolve) => (started = resolve)))
    const { wrapper } = await mountApp({ components: { AppHeader, DemoOffer }, template: '<AppHeader /><DemoOffer />' })

    const button = wrapper.find('[data-testid="demo-offer-button"]')
    expect(button.attributes('disabled')).toBeUndefined()
    await button.trigger('click')
    await settle()
    expect(api.startDemo).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-testid="demo-offer-button"]').classes()).toContain('is-loading')

    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoBadge }))
    started(demoCorp)
    await settle()
    expect(wrapper.find('[data-testid="demo-active"]').text()).toContain('当前企业是“演示企业”') // its name in the UI language, not the stored 演示企业 (DEMO)
    expect(wrapper.find('[data-testid="demo-badge"]').exists()).toBe(true) // the header refreshed

    vi.mocked(api.removeDemo).mockResolvedValue()
    await wrapper.find('[data-testid="demo-remove"]').trigger('click')
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain('删除演示企业及其所有数据')
    expect(api.removeDemo).not.toHaveBeenCalled()

    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    await answer(true)
    expect(api.removeDemo).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="demo-offer-button"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="demo-badge"]').exists()).toBe(false)
  })

  it('shows the error text when the demo cannot start', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.startDemo).mockRejectedValue(new Error('listen tcp 127.0.0.1:0: too many open files'))
    const { wrapper } = await mountApp(DemoOffer)
    await wrapper.find('[data-testid="demo-offer-button"]').trigger('click')
    await settle()
    expect(document.body.textContent).toContain('无法启动演示企业：内部错误')
    expect(wrapper.find('[data-testid="demo-offer-button"]').exists()).toBe(true)
  })

  it('the empty setup page explains what to fetch and offers both ways in', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.listCorps).mockResolvedValue([])
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    const empty = wrapper.find('[data-testid="setup-empty"]')
    expect(empty.text()).toContain('我的企业 → 企业信息 → 企业ID')
    expect(empty.text()).toContain('通讯录同步 → Secret')
    expect(empty.find('[data-testid="corp-add"]').exists()).toBe(true)

    vi.mocked(api.startDemo).mockResolvedValue(demoCorp)
    vi.mocked(api.listCorps).mockResolvedValue([demoCorp])
    await empty.find('[data-testid="demo-start"]').trigger('click')
    await settle()
    const row = wrapper.find('[data-testid="corp-row-7"]')
    expect(row.find('[data-testid="corp-demo-tag"]').text()).toBe('演示')
    expect(wrapper.find('[data-testid="demo-remove"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="demo-start"]').exists()).toBe(false)
  })

  it('removes the demo corp from the setup page only after confirmation', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoBadge }))
    vi.mocked(api.listCorps).mockResolvedValue([demoCorp])
    vi.mocked(api.removeDemo).mockResolvedValue()
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="demo-remove"]').trigger('click')
    await settle()
    await answer(false)
    expect(api.removeDemo).not.toHaveBeenCalled()

    vi.mocked(api.listCorps).mockResolvedValue([])
    await wrapper.find('[data-testid="demo-remove"]').trigger('click')
    await settle()
    await answer(true)
    expect(api.removeDemo).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="setup-empty"]').exists()).toBe(true))
  })
})
