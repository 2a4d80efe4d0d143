import { afterEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import LoginLinksView from '@/views/LoginLinksView.vue'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

const corp = { id: 1, name: '星河科技', active: true, apps: [{ agentId: 1000002, name: '全员应用' }] } as unknown as api.Corp

describe('LoginLinksView', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('builds a link and shows it with its QR code and warnings in the admin language', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp])
    vi.mocked(api.buildLoginLink).mockResolvedValue({
      kind: 'qr',
      url: 'https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp',
      warnings: [{ code: 'login_no_external_base', args: {}, zh: '还没有填写对外域名', en: 'The external base URL is not set' }],
    })
    vi.mocked(api.loginQRCode).mockResolvedValue('data:image/png;base64,AAAA')
    vi.mocked(api.getVerifyFile).mockResolvedValue({ name: '', content: '' })
    vi.mocked(api.getOIDCInfo).mockResolvedValue({ issuer: '', discovery: '', authorize: '', token: '', userinfo: '', keys: '', endSession: '', wecomRedirect: '' })
    vi.mocked(api.listOIDCClients).mockResolvedValue([])
    vi.mocked(api.listSignIns).mockResolvedValue({ rows: [], total: 0 })
    const { wrapper, i18n } = await mountApp(LoginLinksView, { path: '/login-links' })
    expect(wrapper.text()).not.toContain('此功能尚未实现')
    await wrapper.find('input[data-testid="link-to"]').setValue('https://oa.example.com/cb')
    await wrapper.find('[data-testid="link-kind-qr"]').trigger('click')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(vi.mocked(api.buildLoginLink)).toHaveBeenCalledWith(expect.objectContaining({ corpId: 1, agentId: 1000002, to: 'https://oa.example.com/cb' }))
    expect(wrapper.find('[data-testid="link-url"]').text()).toContain('wwlogin/sso/login')
    expect(wrapper.find('[data-testid="link-qr"]').attributes('src')).toBe('data:image/png;base64,AAAA')
    expect(wrapper.text()).toContain('还没有填写对外域名')
    i18n.global.locale.value = 'en'
    await settle()
    expect(wrapper.text()).toContain('The external base URL is not set')
  }, 30000)
})
