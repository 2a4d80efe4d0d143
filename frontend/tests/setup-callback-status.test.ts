// The copy panel tells, beside each callback URL, whether WeCom verified it
// (its last URL check) and when the last callback arrived; other values get
// no status line.
import { describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { CopyPanel } from '@/api'
import CopyPanelView from '@/views/setup/CopyPanel.vue'
import { mountApp, settle } from './mount-app'
import { msg } from './setup-fixtures'

vi.mock('@/api')

const panel = {
  externalBaseUrl: 'https://bridge.example.com',
  externalBaseSet: true,
  values: [
    { key: 'contact_callback_url', label: msg('通讯录变更回调 URL', 'Directory change callback URL'), value: 'https://bridge.example.com/callback/contact/k', where: msg('通讯录同步', 'Contacts') },
    { key: 'app_callback_url:1000002', label: msg('消息回调 URL', 'Message callback URL'), value: 'https://bridge.example.com/callback/app/k/1000002', where: msg('接收消息', 'Receive messages') },
    { key: 'trusted_domain', label: msg('可信域名', 'Trusted domain'), value: 'bridge.example.com', where: msg('网页授权', 'Web authorization') },
  ],
} as CopyPanel

describe('copy panel callback status', () => {
  it('says which callback URL WeCom verified and when the last event came', async () => {
    vi.mocked(api.getCopyValues).mockResolvedValue(panel)
    vi.mocked(api.getCallbackEndpoints).mockResolvedValue([
      { agentId: 0, verifiedAt: '2026-12-07T02:00:00Z', lastEventAt: '2026-12-07T03:00:00Z' },
      { agentId: 1000002 },
    ])
    const { wrapper } = await mountApp(CopyPanelView, { props: { corpId: 1, version: 'v1', help: [] } })
    await settle()
    expect(api.getCallbackEndpoints).toHaveBeenCalledWith(1)
    const contact = wrapper.find('[data-testid="copy-status-contact_callback_url"]').text()
    expect(contact).toContain('企业微信已验证此 URL')
    expect(contact).toContain('最近一次回调')
    const app = wrapper.find('[data-testid="copy-status-app_callback_url:1000002"]').text()
    expect(app).toContain('企业微信尚未验证此 URL')
    expect(app).toContain('尚未收到回调')
    expect(wrapper.find('[data-testid="copy-status-trusted_domain"]').exists()).toBe(false)
  })
})
