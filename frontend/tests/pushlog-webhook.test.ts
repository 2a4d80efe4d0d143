// The push log's Webhook cell (a card's button clicks forwarded to the
// rule's webhook) in both languages, and its filter reaching ListPushLogs.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import * as api from '@/api'
import type { PushLogRow } from '@/api'
import PushLogsView from '@/views/PushLogsView.vue'
import WebhookCell from '@/views/pushlogs/WebhookCell.vue'
import { mountApp, settle } from './mount-app'

vi.mock('vue-echarts', () => ({ default: defineComponent({ name: 'VChart', render: () => h('div', { class: 'chart-stub' }) }) }))
vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, onEvent: vi.fn(() => () => {}), listCorps: vi.fn(async () => []), listPushLogs: vi.fn(), getPushStats: vi.fn(async () => []) }
})

const failed: NonNullable<PushLogRow['webhook']> = {
  state: 'failed', clicks: 2, delivered: 1, pending: 0, failed: 1, status: 403, attempts: 8,
  error: { code: 'push_webhook_http', args: { status: 403 }, zh: '源系统回应 HTTP 403', en: 'The source system answered HTTP 403' },
  hint: { code: 'push_webhook_gave_up_signature', args: { attempts: 8 }, zh: '已尝试 8 次，不再自动重试：源系统拒绝了请求', en: 'Gave up after 8 attempts: the source system refused the request' },
}

describe('push log webhook cell', () => {
  afterEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('shows a failed forward with its HTTP status, error and what to check, in the admin language', async () => {
    const { wrapper, i18n } = await mountApp(WebhookCell, { props: { id: 5, webhook: failed } })
    const cell = wrapper.find('[data-testid="pushlog-webhook-5"]')
    expect(cell.attributes('data-state')).toBe('failed')
    expect(cell.find('.el-tag').text()).toBe('失败')
    expect(cell.find('[data-testid="webhook-status"]').text()).toBe('HTTP 403')
    expect(cell.text()).toContain('1/2 次点击已送达')
    expect(cell.text()).toContain('源系统回应 HTTP 403')
    expect(cell.find('[data-testid="webhook-hint"]').text()).toContain('不再自动重试')
    i18n.global.locale.value = 'en'
    await settle()
    expect(cell.find('.el-tag').text()).toBe('Failed')
    expect(cell.text()).toContain('1 of 2 clicks delivered')
    expect(cell.text()).toContain('The source system answered HTTP 403')
    expect(cell.find('[data-testid="webhook-hint"]').text()).toContain('Gave up after 8 attempts')
    expect(cell.text()).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('shows a pending retry with its hint, a delivered one plainly, and a dash without clicks', async () => {
    const pending = { ...failed, state: 'pending', clicks: 1, delivered: 0, failed: 0, pending: 1, status: 500, attempts: 1,
      error: { code: 'push_webhook_http', args: { status: 500 }, zh: '源系统回应 HTTP 500', en: 'The source system answered HTTP 500' },
      hint: { code: 'push_webhook_retrying', args: {}, zh: '第 1 次未送达，2026-12-07 20:00:00 自动重试（最多 8 次）', en: 'Attempt 1 failed; retrying automatically at 2026-12-07 20:00:00 (at most 8 attempts)' } }
    let w = (await mountApp(WebhookCell, { props: { id: 6, webhook: pending } })).wrapper
    expect(w.find('.el-tag').text()).toBe('待送达')
    expect(w.find('[data-testid="webhook-hint"]').text()).toContain('自动重试')
    w = (await mountApp(WebhookCell, { props: { id: 7, webhook: { state: 'delivered', clicks: 1, delivered: 1, pending: 0, failed: 0 } } })).wrapper
    expect(w.find('.el-tag').text()).toBe('已送达')
    expect(w.find('[data-testid="webhook-status"]').exists()).toBe(false)
    expect(w.find('[data-testid="webhook-hint"]').exists()).toBe(false)
    w = (await mountApp(WebhookCell, { props: { id: 8, webhook: undefined } })).wrapper
    expect(w.text()).toBe('—')
  })

  it('is a column of the log, and its filter reaches ListPushLogs', async () => {
    const row = {
      id: 31, message_id: 1, time: new Date().toISOString(), source: 'oa', rule_id: 1, rule: 'OA 审批', corp_id: 7, agent_id: 1000002,
      msgtype: 'template_card', title: '请假审批', recipients: 1, to_all: false, msgids: ['m'], status: 'sent', invalid_count: 0,
      invalid_users: [], invalid_parties: [], unlicensed_users: [], unbound_count: 0, unbound: [], truncated: false, truncated_fields: [], attempts: 1,
      recall_allowed: true, webhook: failed,
    } as PushLogRow
    vi.mocked(api.listPushLogs).mockResolvedValue({ total: 1, totalCapped: false, rows: [row] })
    const { wrapper } = await mountApp(PushLogsView, { path: '/push-logs' })
    expect(wrapper.find('[data-testid="pushlog-row-31"] [data-testid="pushlog-webhook-31"]').attributes('data-state')).toBe('failed')
    expect(vi.mocked(api.listPushLogs).mock.calls[0][0]).toMatchObject({ webhook: '' })
    await wrapper.find('[data-testid="pushlog-webhook"]').trigger('click')
    await settle()
    document.querySelector<HTMLElement>('[data-testid="pushlog-webhook-opt-failed"]')!.click()
    await settle()
    expect(api.listPushLogs).toHaveBeenLastCalledWith(expect.objectContaining({ webhook: 'failed', offset: 0 }))
  })
})
