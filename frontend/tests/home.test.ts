import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import { stepDetailText } from '@/getting-started/step-detail'
import { createAppI18n } from '@/locales'
import HomeView from '@/views/HomeView.vue'
import { appInfo, startStatus } from './fixtures'
import { mountApp } from './mount-app'

vi.mock('@/api')

function step(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper'], key: string) {
  return wrapper.find(`[data-testid="start-step-${key}"]`)
}

describe('home: getting started', () => {
  beforeEach(() => {
    vi.mocked(api.getAppInfo).mockResolvedValue(appInfo())
    vi.mocked(api.listPendingPreviews).mockResolvedValue([]) // Go returns an empty list, never null
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('marks the steps the backend reports done, with count and detail', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue({
      steps: [
        { key: 'connect', done: true, count: 2, detail: 'wwdemo0001 · 2 个应用', facts: {} },
        { key: 'import', done: true, count: 120, detail: 'staff.csv', facts: {} },
        { key: 'bind', done: false, count: 37, detail: '37 条待确认', facts: {} },
        { key: 'preview', done: false, count: 0, detail: '', facts: {} },
        { key: 'apply', done: false, count: 0, detail: '', facts: {} },
      ],
      activeCorp: null,
    })
    const { wrapper } = await mountApp(HomeView)

    expect(wrapper.find('[data-testid="page-title"]').text()).toBe('开始使用')
    const connect = step(wrapper, 'connect')
    expect(connect.attributes('data-done')).toBe('true')
    expect(connect.find('[data-testid="step-state"]').text()).toBe('已完成')
    expect(connect.find('[data-testid="step-count"]').exists()).toBe(false) // a bare number names nothing; the detail says what it counts
    expect(connect.find('[data-testid="step-detail"]').text()).toBe('wwdemo0001 · 2 个应用')
    expect(step(wrapper, 'import').attributes('data-done')).toBe('true')

    const bind = step(wrapper, 'bind')
    expect(bind.attributes('data-done')).toBe('false')
    expect(bind.find('[data-testid="step-state"]').text()).toBe('下一步')
    expect(bind.find('[data-testid="step-detail"]').text()).toBe('37 条待确认')
    expect(step(wrapper, 'preview').find('[data-testid="step-state"]').text()).toBe('未完成')
    expect(step(wrapper, 'apply').attributes('data-done')).toBe('false')
  })

  it('words the backend facts in the current language, falling back to its sentence', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue({
      steps: [
        { key: 'connect', done: true, count: 1, detail: '1 corp(s), 1 demo', facts: { corps: 1, demo: 1 } },
        { key: 'import', done: true, count: 19, detail: '19 active account(s)', facts: { active: 19 } },
        { key: 'bind', done: false, count: 0, detail: '0 confirmed, 12 to review, 3 ambiguous', facts: { confirmed: 0, toReview: 12, ambiguous: 3 } },
        { key: 'preview', done: true, count: 2, detail: '2 sync(s) previewed', facts: { syncs: 2 } },
        { key: 'apply', done: false, count: 0, detail: '', facts: {} },
      ],
      activeCorp: null,
    })
    const { wrapper, i18n } = await mountApp(HomeView)
    const detail = (key: string) => step(wrapper, key).find('[data-testid="step-detail"]')
    expect(detail('connect').text()).toBe('1 个企业（含演示企业）')
    expect(detail('import').text()).toBe('19 个在职账号')
    expect(detail('bind').text()).toBe('已确认 0，待确认 12，待选择 3')
    expect(detail('preview').text()).toBe('已预览 2 次')
    expect(detail('apply').exists()).toBe(false)

    i18n.global.locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(detail('connect').text()).toBe('1 corp, the demo')
    expect(detail('import').text()).toBe('19 active accounts')
    expect(detail('preview').text()).toBe('2 previews')
    expect(detail('bind').text()).toBe('0 confirmed, 12 to review, 3 to choose')
  })

  it('keeps the backend sentence for a step it has no words for', () => {
    const i18n = createAppI18n()
    const step = { key: 'later', done: true, count: 1, detail: 'a sentence from a newer backend', facts: { things: 1 } }
    expect(stepDetailText(i18n.global, step)).toBe('a sentence from a newer backend')
    expect(stepDetailText(i18n.global, { ...step, facts: {} })).toBe('a sentence from a newer backend')
  })

  it('shows the five steps in order, all to do, on a fresh install', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    const { wrapper } = await mountApp(HomeView)
    const cards = wrapper.findAll('[data-testid^="start-step-"][data-done]')
    expect(cards.map((c) => c.attributes('data-testid'))).toEqual([
      'start-step-connect',
      'start-step-import',
      'start-step-bind',
      'start-step-preview',
      'start-step-apply',
    ])
    expect(cards.map((c) => c.find('h3').text())).toEqual([
      '接入企业微信',
      '导入本地通讯录',
      '拉取并确认账号绑定',
      '预览同步',
      '执行同步',
    ])
    expect(cards.every((c) => c.attributes('data-done') === 'false')).toBe(true)
    expect(step(wrapper, 'connect').find('[data-testid="step-state"]').text()).toBe('下一步')
  })

  it('each step button opens its page', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    const { wrapper, router } = await mountApp(HomeView)
    await wrapper.find('[data-testid="start-step-bind-go"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/bindings'), { timeout: 10000 })
  })

  it('offers the demo corp when no corp is configured', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    const { wrapper } = await mountApp(HomeView)
    const offer = wrapper.find('#demo-offer')
    expect(offer.exists()).toBe(true)
    expect(offer.find('[data-testid="demo-offer-button"]').attributes('disabled')).toBeUndefined()
  })

  it('does not offer the demo corp again while one exists, even when another corp is active', async () => {
    const st = startStatus({ activeCorp: { id: 2, name: '星河科技', corpId: 'ww1234567890abcdef', demo: false } })
    st.steps[0] = { key: 'connect', done: false, count: 2, detail: '2 corp(s), 1 demo', facts: { corps: 2, demo: 1 } }
    vi.mocked(api.getStartStatus).mockResolvedValue(st)
    const { wrapper } = await mountApp(HomeView)
    expect(wrapper.find('#demo-offer').exists()).toBe(false)
  })

  it('shows the error and no step as done when the status cannot be read', async () => {
    vi.mocked(api.getStartStatus).mockRejectedValue(new Error('database is locked'))
    const { wrapper } = await mountApp(HomeView)
    expect(wrapper.text()).toContain('无法读取当前进度：内部错误（编号 ')
    expect(step(wrapper, 'connect').attributes('data-done')).toBe('false')
  })
})
