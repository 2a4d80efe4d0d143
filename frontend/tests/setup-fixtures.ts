// Data for the setup page tests, shaped like the backend's answers.
import type { CheckResult, CheckStep, Corp, CorpApp, FieldInfo, SaveResult } from '@/api'
import type { Message } from '@/api/message'

/** A backend message with its two texts (the English one defaults to the Chinese). */
export function msg(zh: string, en: string = zh): Message {
  return { code: 'text', args: {}, zh, en }
}

export const fieldHelp: FieldInfo[] = [
  { form: 'corp', field: 'name', label: msg('名称', 'Name'), format: msg('1–64 个字符', '1–64 characters'), where: msg('自己起的名字，显示在顶部', 'Any name you like, shown in the header') },
  { form: 'corp', field: 'corpId', label: msg('企业ID', 'Corp ID'), format: msg('ww 或 wx + 16 位十六进制', 'ww or wx + 16 hex characters'), where: msg('企业微信管理后台 → 我的企业 → 企业信息 → 企业ID（页面底部）', 'WeCom admin console → 我的企业 (My Company) → 企业信息 → 企业ID (bottom of the page)') },
  { form: 'corp', field: 'contactSecret', label: msg('通讯录同步 Secret', 'Directory sync Secret'), format: msg('43 位字母、数字、- 或 _', '43 letters, digits, - or _'), where: msg('管理后台 → 安全与管理 → 管理工具 → 通讯录同步 → Secret', 'Admin console → 安全与管理 → 管理工具 → 通讯录同步 → Secret') },
  { form: 'app', field: 'agentId', label: msg('AgentId', 'AgentId'), format: msg('整数', '整数'), where: msg('应用管理 → 自建 → 应用 → AgentId', 'Admin console → 应用管理 → 自建 → the app → AgentId') },
  { form: 'app', field: 'secret', label: msg('应用 Secret', 'App Secret'), format: msg('43 位', '43 位'), where: msg('应用管理 → 自建 → 应用 → Secret（点“查看”）', 'Admin console → 应用管理 → 自建 → the app → Secret (click 查看)') },
]

const noSecret = { hasSecret: false, secretMask: '' }

export function app(overrides: Partial<CorpApp> = {}): CorpApp {
  return {
    id: 11,
    corpRef: 1,
    name: '全员应用',
    agentId: 1000002,
    secret: { hasSecret: true, secretMask: '••••wxyz' },
    callbackToken: noSecret,
    callbackAesKey: noSecret,
    homeUrl: '',
    needsSecrets: false,
    ...overrides,
  }
}

export function corp(overrides: Partial<Corp> = {}): Corp {
  return {
    id: 1,
    key: 'k1',
    name: '华东制造集团',
    corpId: 'ww1234567890abcdef',
    apiBaseUrl: 'https://qyapi.weixin.qq.com',
    proxyUrl: '',
    contactPermission: 'write',
    contactSecret: { hasSecret: true, secretMask: '••••abcd' },
    customerSecret: noSecret,
    callbackToken: noSecret,
    callbackAesKey: noSecret,
    demo: false,
    active: true,
    apps: [app()],
    needsSecrets: false,
    lastCheck: '',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  }
}

export function saved(overrides: Partial<SaveResult> = {}): SaveResult {
  return { ok: true, id: 1, trimmed: [], errors: [], corp: corp(), ...overrides }
}

export function step(overrides: Partial<CheckStep> & { key: string }): CheckStep {
  return {
    title: msg(overrides.key),
    status: 'ok',
    ok: true,
    skipped: false,
    durationMs: 12,
    detail: msg(''),
    ...overrides,
  }
}

/** A check where the app's Secret is wrong: gettoken fails with 40001, later steps are skipped. */
export function failedCheck(): CheckResult {
  return {
    corpRef: 1,
    corpName: '华东制造集团',
    passed: false,
    failed: 1,
    startedAt: '2025-01-01T00:00:00Z',
    durationMs: 230,
    steps: [
      step({ key: 'dns', title: msg('解析域名 (DNS)', 'Resolve the host (DNS)'), detail: msg('qyapi.weixin.qq.com 解析为 101.226.141.58', 'qyapi.weixin.qq.com resolves to 101.226.141.58'), durationMs: 8 }),
      step({ key: 'tls', title: msg('加密握手 (TLS)', 'Secure handshake (TLS)'), status: 'n/a', skipped: true, detail: msg('使用 http，无需 TLS', 'Not used (http base URL)'), durationMs: 0 }),
      step({
        key: 'app:1000002:token',
        title: msg('应用“全员应用”获取 access_token', 'App "全员应用": get access_token'),
        status: 'failed',
        ok: false,
        durationMs: 41,
        detail: msg('errcode 40001 不合法的 secret：invalid credential', 'errcode 40001 invalid secret: invalid credential'),
        api: 'gettoken',
        errcode: 40001,
        fix: msg('应用“全员应用”的 Secret 不对：到 应用管理 → 自建 → 全员应用 → Secret 点“查看”重新获取并粘贴。', 'App "全员应用"\'s Secret is wrong: view it again and paste it.'),
      }),
      step({ key: 'app:1000002:agent', title: msg('应用“全员应用”AgentId 与 Secret 匹配', 'App "全员应用": AgentId matches the Secret'), status: 'skipped', ok: false, skipped: true, detail: msg('未检查：前一步未通过。', 'Not checked: a step before did not pass.'), durationMs: 0 }),
    ],
    apiIps: ['182.254.11.176', '182.254.78.66'],
  }
}
