import { afterEach, describe, expect, it, vi } from 'vitest'
import PageNotBuilt from '@/components/PageNotBuilt.vue'
import CallbacksView from '@/views/CallbacksView.vue'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

describe('PageNotBuilt', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('says plainly that the feature is not built, with what the page will do', async () => {
    const { wrapper } = await mountApp(PageNotBuilt, { props: { summary: '查看每一条推送的发送结果。' } })
    expect(wrapper.find('.el-empty__description').text()).toBe('此功能尚未实现，将在后续版本提供')
    expect(wrapper.find('[data-testid="page-summary"]').text()).toBe('查看每一条推送的发送结果。')
  })

  it('a not-built view has its title and its one-sentence summary, in both languages', async () => {
    const { wrapper, i18n } = await mountApp(CallbacksView, { path: '/callbacks' })
    expect(wrapper.find('[data-testid="page-title"]').text()).toBe('回调')
    expect(wrapper.find('[data-testid="page-summary"]').text()).toContain('通讯录变更触发增量同步')

    i18n.global.locale.value = 'en'
    await settle()
    expect(wrapper.find('[data-testid="page-title"]').text()).toBe('Callbacks')
    expect(wrapper.find('.el-empty__description').text()).toContain('Not built yet')
    expect(wrapper.find('[data-testid="page-summary"]').text()).toContain('contact changes trigger')
  })
})
