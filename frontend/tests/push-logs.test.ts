// The push log page: filters reach ListPushLogs, the recall button of a row
// older than 24 h is disabled with the reason, recalling the selected rows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import * as api from '@/api'
import type { Corp, PushLogRow } from '@/api'
import PushLogsView from '@/views/PushLogsView.vue'
import { mountApp, settle } from './mount-app'

vi.mock('vue-echarts', () => ({ default: defineComponent({ name: 'VChart', render: () => h('div', { class: 'chart-stub' }) }) }))
vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    onEvent: vi.fn(() => () => {}),
    listCorps: vi.fn(),
    listPushLogs: vi.fn(),
    getPushLog: vi.fn(),
    recallPush: vi.fn(),
    getPushStats: vi.fn(),
  }
})

function row(over: Partial<PushLogRow> = {}): PushLogRow {
  return {
    id: 1, message_id: 1, time: new Date().toISOString(), source: 'oa', rule_id: 1, rule: 'OA 审批', corp_id: 7, agent_id: 1000002,
    msgtype: 'textcard', title: '报销单已通过', recipients: 2, to_all: false, msgids: ['msg-1'], status: 'sent', invalid_count: 0,
    invalid_users: [], invalid_parties: [], unlicensed_users: [], unbound_count: 0, unbound: [], truncated: false, truncated_fields: [], attempts: 1,
    recall_allowed: true, ...over,
  }
}

const rows = [
  row({ id: 11 }),
  row({ id: 12, status: 'partial', unbound_count: 1, truncated: true, truncated_fields: ['description'] }),
  row({ id: 13, time: '2026-01-01T08:00:00+08:00', recall_allowed: false, recall_reason: { code: 'push_recall_expired', args: {}, zh: '已超过 24 小时，企业微信只能撤回 24 小时内的消息', en: 'Sent more than 24 h ago; WeCom only recalls messages within 24 h' } }),
]

function confirmBox() {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[buttons.length - 1].click()
}

describe('push log', () => {
  beforeEach(() => {
    vi.mocked(api.listCorps).mockResolvedValue([])
    vi.mocked(api.listPushLogs).mockResolvedValue({ total: 3, totalCapped: false, rows })
    vi.mocked(api.getPushStats).mockResolvedValue([{ key: '2026-11-20', sent: 3, recalled: 1, failed: 1, no_rule: 0 }])
  })
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('disables the recall button of a row older than 24 h and says why', async () => {
    const { wrapper } = await mountApp(PushLogsView, { path: '/push-logs' })
    expect(wrapper.find('[data-testid="pushlog-row-12"]').attributes('data-status')).toBe('partial')
    expect(wrapper.find('[data-testid="pushlog-truncated-12"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="pushlog-recall-11"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.find('[data-testid="pushlog-recall-13"]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid="pushlog-recall-reason-13"]').attributes('title')).toContain('超过 24 小时')
    // The message type as the push page names it, not WeCom's raw msgtype.
    expect(wrapper.find('[data-testid="pushlog-msgtype-11"]').text()).toBe('文本卡片')
    expect(wrapper.find('[data-testid="pushlog-chart"]').exists()).toBe(true)
    expect(api.getPushStats).toHaveBeenCalledWith(expect.any(String), expect.any(String), 'day')
  })

  it('shows an @all delivery as everyone, not as a count WeCom never reported', async () => {
    vi.mocked(api.listPushLogs).mockResolvedValue({ total: 2, totalCapped: false, rows: [row({ id: 21, to_all: true, recipients: 0 }), row({ id: 22 })] })
    const { wrapper } = await mountApp(PushLogsView, { path: '/push-logs' })
    expect(wrapper.find('[data-testid="pushlog-expand-21"]').text()).toBe('全员（@all）')
    expect(wrapper.find('[data-testid="pushlog-expand-22"]').text()).toBe('2')
  })

  it('recalls the selected rows after a confirmation', async () => {
    vi.mocked(api.recallPush).mockResolvedValue([
      { delivery_id: 11, ok: true, recalled: 1 },
      { delivery_id: 12, ok: true, recalled: 1 },
    ])
    const { wrapper } = await mountApp(PushLogsView, { path: '/push-logs' })
    await wrapper.find('[data-testid="pushlog-select-all"] input').setValue(true)
    await settle()
    const recallSelected = wrapper.find('[data-testid="pushlog-recall-selected"]')
    expect(recallSelected.text()).toContain('2')
    await recallSelected.trigger('click')
    await settle()
    expect(document.querySelector('.el-message-box')?.textContent).toContain('2')
    confirmBox()
    await settle()
    expect(api.recallPush).toHaveBeenCalledWith([11, 12])
    expect(api.listPushLogs).toHaveBeenCalledTimes(2)
  })

  it('sends the filters to ListPushLogs', async () => {
    const { wrapper } = await mountApp(PushLogsView, { path: '/push-logs' })
    const first = vi.mocked(api.listPushLogs).mock.calls[0][0]
    expect(first).toMatchObject({ source: '', status: '', search: '', offset: 0, limit: 50 })
    expect(first.from).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00[+-]\d{2}:\d{2}$/)
    vi.useFakeTimers({ shouldAdvanceTime: true })
    await wrapper.find('[data-testid="pushlog-search"]').setValue('报销')
    vi.advanceTimersByTime(400)
    vi.useRealTimers()
    await settle()
    expect(api.listPushLogs).toHaveBeenLastCalledWith(expect.objectContaining({ search: '报销' }))
  })

  it('shows the empty state', async () => {
    vi.mocked(api.listPushLogs).mockResolvedValue({ total: 0, totalCapped: false, rows: [] })
    const { wrapper } = await mountApp(PushLogsView, { path: '/push-logs' })
    expect(wrapper.find('[data-testid="pushlog-empty"]').exists()).toBe(true)
  })

  it('names the message when one row is recalled, and recalls nothing when cancelled', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([{ id: 7, name: '演示企业', apps: [{ id: 1, agentId: 1000002, name: '消息助手' }] } as unknown as Corp])
    vi.mocked(api.recallPush).mockResolvedValue([{ delivery_id: 11, ok: true, recalled: 1 }])
    const { wrapper } = await mountApp(PushLogsView, { path: '/push-logs' })
    await wrapper.find('[data-testid="pushlog-recall-11"]').trigger('click')
    await settle()
    expect(document.querySelector('.pushlog-recall-confirm')?.textContent).toContain('确定撤回推送“报销单已通过”（演示企业 / 消息助手，2 位接收人）吗？')
    const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
    buttons[0].click() // cancel
    await settle()
    expect(api.recallPush).not.toHaveBeenCalled()

    await wrapper.find('[data-testid="pushlog-recall-11"]').trigger('click')
    await settle()
    confirmBox()
    await settle()
    expect(api.recallPush).toHaveBeenCalledWith([11])
  })

  it('names the demo corp in the UI language, not by its stored name 演示企业 (DEMO)', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([{ id: 7, name: '演示企业 (DEMO)', demo: true, apps: [{ id: 1, agentId: 1000002, name: '消息助手' }] } as unknown as Corp])
    const { wrapper, i18n } = await mountApp(PushLogsView, { path: '/push-logs' })
    const target = () => wrapper.find('[data-testid="pushlog-row-11"]').text()
    expect(target()).toContain('演示企业 / 消息助手')
    expect(target()).not.toContain('DEMO')
    i18n.global.locale.value = 'en'
    await settle()
    expect(target()).toContain('Demo corp / 消息助手')
    expect(target()).not.toContain('演示')
  })

  it('a filter that matches nothing is not the empty state, and clears all but the dates', async () => {
    const { wrapper } = await mountApp(PushLogsView, { path: '/push-logs' })
    const range = vi.mocked(api.listPushLogs).mock.calls[0][0].from
    vi.mocked(api.listPushLogs).mockResolvedValue({ total: 0, totalCapped: false, rows: [] })
    vi.useFakeTimers({ shouldAdvanceTime: true })
    await wrapper.find('[data-testid="pushlog-source"]').setValue('没有这个来源')
    vi.advanceTimersByTime(400)
    vi.useRealTimers()
    await settle()
    expect(wrapper.find('[data-testid="pushlog-empty"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="pushlog-no-match"]').text()).toContain('没有符合筛选条件的推送记录')

    vi.mocked(api.listPushLogs).mockResolvedValue({ total: 3, totalCapped: false, rows })
    await wrapper.find('[data-testid="pushlog-clear-filters"]').trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 400))
    await settle()
    expect(api.listPushLogs).toHaveBeenLastCalledWith(expect.objectContaining({ source: '', status: '', recipient: '', search: '', from: range }))
    expect(wrapper.find('[data-testid="pushlog-source"]').element).toHaveProperty('value', '')
    expect(wrapper.find('[data-testid="pushlog-no-match"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="pushlog-row-11"]').exists()).toBe(true)
  })
})
