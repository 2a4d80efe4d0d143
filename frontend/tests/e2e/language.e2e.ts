import type { Page } from '@playwright/test'
import { test, expect, login } from './fixtures'

// The UI shows one language: a text scan of every page. In English no
// Chinese UI chrome; in Chinese no English sentences. Proper names and
// WeCom's own terms (the admin console is in Chinese; API names are English)
// are allowed, and so is what the admin typed or imported (names, ids).

// Hash routes: the UI is one page at / (a path such as /setup is not the UI).
const pages = ['/#/', '/#/setup', '/#/directory', '/#/bindings', '/#/sync', '/#/history', '/#/push', '/#/push-logs', '/#/callbacks', '/#/login-links', '/#/settings']

// Chinese allowed on the English page: the product's Chinese name beside its
// English one, the language switch's own label, and WeCom console terms.
const chineseAllowed = [
  '企微桥', '中文', '企业微信', '通讯录同步', '安全与管理', '管理工具', '应用管理', '可见范围', '我的企业', '企业信息',
  '企业ID', '网页授权及JS-SDK', '自建', '应用主页', '企业可信IP', '基础接口许可', '客户联系',
  '创建应用', '查看', // the console's buttons, named where the page says which to click
  '总部/研发中心/后端组', '在职', '离职', // file values the import accepts, quoted as examples
]

// English allowed on the Chinese page: the product's English name, the
// language switch, WeCom and API terms, file formats and protocol names.
const englishAllowed = [
  'WeCom Bridge', 'English', 'WeCom', 'AgentId', 'Secret', 'Token', 'EncodingAESKey', 'CorpID', 'Corp ID', 'corpid', 'userid',
  'OpenID Connect', 'OAuth', 'API', 'URL', 'IP', 'CSV', 'XLSX', 'JSON', 'HTTP', 'HTTPS', 'SSE', 'DNS', 'TCP', 'TLS', 'serve',
  'access_token', 'redirect_uri', 'Bearer', 'curl', 'Webhook', 'ID',
]

// userText: elements that show what the admin entered or imported, not UI text. Data cells carry the class
// user-text (a table column's class-name puts it on the header cell too, so th.user-text is still scanned);
// tree nodes' labels and table headers, toolbars, dialogs, empty states and status tags are scanned.
// Toasts are skipped: one made in the language before a switch outlives the switch (hash routes do not
// reload the page), and their texts are checked where they are made (vitest).
const userTextSelector = 'input, textarea, code, pre, .user-text:not(th), [data-user-text], .el-message, .el-notification'

async function visibleText(page: Page): Promise<string> {
  return page.evaluate((skip) => {
    const parts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || el.closest(skip) || el.closest('script, style')) continue
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      const t = (n.textContent ?? '').trim()
      if (t) parts.push(t)
    }
    return parts.join('\n')
  }, userTextSelector)
}

function strip(text: string, allowed: string[]): string {
  let out = text
  for (const a of [...allowed].sort((x, y) => y.length - x.length)) out = out.split(a).join(' ')
  return out
}

/** Lines with Chinese left after the allowed terms are removed. */
export function chineseLines(text: string): string[] {
  return text.split('\n').filter((line) => /\p{Script=Han}/u.test(strip(line, chineseAllowed)))
}

/** Lines with an English sentence (four English words in a row) after the allowed terms are removed. */
export function englishSentences(text: string): string[] {
  return text.split('\n').filter((line) => /[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){3,}/.test(strip(line, englishAllowed)))
}

async function setLanguage(page: Page, lang: 'zh-CN' | 'en') {
  await page.getByTestId('lang-switch').click()
  await page.getByTestId(`lang-${lang}`).click()
  await expect(page.getByTestId('nav-settings')).toContainText(lang === 'en' ? 'Settings' : '设置')
}

async function scan(page: Page, check: (text: string) => string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {}
  for (const path of pages) {
    await page.goto(path)
    await expect(page.getByTestId('nav-settings')).toBeVisible()
    await page.waitForLoadState('networkidle')
    // Loading texts ("加载中…") belong to the moment, not the page: wait until the page has its data.
    await expect(page.locator('.el-loading-mask:visible, .el-skeleton:visible')).toHaveCount(0)
    const bad = check(await visibleText(page))
    if (bad.length) found[path] = bad
  }
  return found
}

function prefixed(prefix: string, found: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(found).map(([path, lines]) => [prefix + path, lines]))
}

test('the scan itself tells Chinese chrome and English sentences from allowed terms', () => {
  expect(chineseLines('Add the secret in 通讯录同步 (WeCom admin console: 安全与管理 → 管理工具 → 通讯录同步)')).toEqual([])
  expect(chineseLines('Demo 演示')).toEqual(['Demo 演示'])
  expect(englishSentences('请在 接入配置 中填写 AgentId 和 Secret')).toEqual([])
  expect(englishSentences('拉取失败：this corp has not been pulled')).toHaveLength(1)
})

test('every page in English shows no Chinese UI text, and in Chinese no English sentences', async ({ page }) => {
  await login(page)
  try {
    await setLanguage(page, 'en')
    const inEnglish = await scan(page, chineseLines)
    await setLanguage(page, 'zh-CN')
    const inChinese = await scan(page, englishSentences)
    // CI shows the tail of the output: the offending lines per page end the error.
    const found = { ...prefixed('en ', inEnglish), ...prefixed('zh ', inChinese) }
    expect(found, `text in the other language, per page:\n${JSON.stringify(found, null, 1)}`).toEqual({})
  } finally {
    // The language is saved in the backend: leave it as the other specs expect.
    await page.goto('/')
    if (!(await page.getByTestId('nav-settings').textContent())?.includes('设置')) await setLanguage(page, 'zh-CN')
  }
})
