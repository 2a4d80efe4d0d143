import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { CheckProgress, CheckResult } from '@/api'
import CheckResultView from '@/views/setup/CheckResult.vue'
import SetupView from '@/views/SetupView.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { corp, failedCheck, fieldHelp, msg, step } from './setup-fixtures'

vi.mock('@/api')

describe('connectivity check', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.getFieldHelp).mockResolvedValue(fieldHelp)
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('renders ✓, ✗ and skipped steps with duration, errcode and the fix', async () => {
    const { wrapper } = await mountApp(CheckResultView, { props: { result: failedCheck() } })
    const result = wrapper.find('[data-testid="check-result"]')
    expect(result.attributes('data-passed')).toBe('false')
    expect(wrapper.find('[data-testid="check-summary"]').text()).toContain('1 项未通过（共 4 项）')

    const dns = wrapper.find('[data-testid="check-step-dns"]')
    expect(dns.attributes('data-status')).toBe('ok')
    expect(dns.find('[data-testid="step-status"]').text()).toBe('通过')
    expect(dns.classes()).toContain('is-ok') // the green ✓ icon
    expect(dns.find('.step-icon svg').exists()).toBe(true)
    expect(dns.find('[data-testid="step-duration"]').text()).toBe('8 毫秒')
    expect(dns.find('[data-testid="step-detail"]').text()).toContain('101.226.141.58')

    const token = wrapper.find('[data-testid="check-step-app:1000002:token"]')
    expect(token.attributes('data-status')).toBe('failed')
    expect(token.find('[data-testid="step-status"]').text()).toBe('未通过')
    expect(token.classes()).toContain('is-failed') // the red ✗ icon
    expect(token.find('[data-testid="step-errcode"]').text()).toBe('errcode 40001')
    const fix = wrapper.find('[data-testid="check-fix-app:1000002:token"]')
    expect(fix.text()).toContain('Secret 点“查看”重新获取并粘贴')
    expect(fix.find('[data-testid="copy-button"]').exists()).toBe(true)

    const agent = wrapper.find('[data-testid="check-step-app:1000002:agent"]')
    expect(agent.attributes('data-status')).toBe('skipped')
    expect(agent.find('[data-testid="step-status"]').text()).toBe('已跳过')
    expect(agent.find('[data-testid="check-fix-app:1000002:agent"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="check-step-tls"] [data-testid="step-status"]').text()).toBe('不适用')

    expect(wrapper.find('[data-testid="check-api-ips"]').text()).toContain('182.254.78.66')
  })

  it('shows the steps live from the progress events, then the result', async () => {
    let progress: ((p: CheckProgress) => void) | undefined
    vi.mocked(api.onCheckProgress).mockImplementation((handler) => {
      progress = handler
      return () => {}
    })
    let finish: (r: CheckResult) => void = () => {}
    vi.mocked(api.checkCorp).mockReturnValue(new Promise((resolve) => (finish = resolve)))

    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    expect(wrapper.find('[data-testid="check-hint"]').text()).toContain('不会修改企业微信中的任何内容')
    await wrapper.find('[data-testid="corp-check-1"]').trigger('click')
    await settle()
    expect(api.checkCorp).toHaveBeenCalledWith(1)
    expect(wrapper.find('[data-testid="check-progress"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="check-step-running"]').text()).toContain('正在开始检查')

    progress!({ corpRef: 1, index: 1, total: 3, step: step({ key: 'dns', title: msg('解析域名 (DNS)') }), final: false, passed: false })
    progress!({ corpRef: 2, index: 1, total: 9, step: step({ key: 'other' }), final: false, passed: false })
    await settle()
    expect(wrapper.find('[data-testid="check-step-dns"]').attributes('data-status')).toBe('ok')
    expect(wrapper.find('[data-testid="check-step-other"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="check-step-running"]').text()).toContain('正在检查第 2 / 3 项')

    const steps = [step({ key: 'dns' }), step({ key: 'tcp' }), step({ key: 'app:1000002:token', detail: msg('成功，有效期 7200 秒') }), step({ key: 'callback', status: 'n/a' })]
    finish({ corpRef: 1, corpName: '华东制造集团', passed: true, failed: 0, startedAt: '', durationMs: 95, steps, apiIps: [] })
    await settle()
    expect(wrapper.find('[data-testid="check-progress"]').exists()).toBe(false)
    // "All passed: N" counts the steps that passed, not the one that does not apply.
    expect(wrapper.find('[data-testid="check-summary"]').text()).toBe('全部通过：3 项，用时 95 毫秒')
    expect(wrapper.findAll('[data-testid^="check-step-"]').map((s) => s.attributes('data-status'))).toEqual(['ok', 'ok', 'ok', 'n/a'])
  })

  it('says so when the check cannot run', async () => {
    vi.mocked(api.onCheckProgress).mockReturnValue(() => {})
    vi.mocked(api.checkCorp).mockRejectedValue(new Error('corp 1: not found'))
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-check-1"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="check-error"]').text()).toContain('检查未能完成：内部错误')
  })
})
