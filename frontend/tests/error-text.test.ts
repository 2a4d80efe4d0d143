import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, call, toApiError } from '@/api/call'
import { errorCode, errorText, messageText } from '@/format/error-text'

const notPulled = { code: 'not_pulled', args: {}, zh: '该企业还没有拉取过企业微信通讯录', en: 'This corp has not been pulled yet' }

describe('a failed call shows its message in the UI language only', () => {
  afterEach(() => {
    document.documentElement.lang = ''
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('picks the half of the message for the page language', () => {
    document.documentElement.lang = 'zh-CN'
    expect(errorText(new ApiError(notPulled))).toBe(notPulled.zh)
    document.documentElement.lang = 'en'
    expect(errorText(new ApiError(notPulled))).toBe(notPulled.en)
    expect(messageText(notPulled, 'zh-CN')).toBe(notPulled.zh)
  })

  it('decodes what both transports reject with: the message object (serve shim, Wails ErrorFormatter) or its JSON text', async () => {
    vi.stubGlobal('go', { main: { App: {} } })
    const fromObject = await call(() => Promise.reject(notPulled)).catch((e) => e)
    expect(fromObject).toBeInstanceOf(ApiError)
    expect(fromObject).toMatchObject({ code: 'not_pulled', zh: notPulled.zh, en: notPulled.en })
    const fromJSON = await call(() => Promise.reject(JSON.stringify(notPulled))).catch((e) => e)
    expect(errorCode(fromJSON)).toBe('not_pulled')
  })

  it('anything else is an internal error with a reference, its details only in the console', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const e = toApiError(new Error('SQL logic error near "FROM"'))
    expect(e.code).toBe('internal')
    const ref = String(e.args.ref)
    expect(ref).toMatch(/^[0-9a-f]{10}$/)
    document.documentElement.lang = 'en'
    expect(errorText(e)).toBe(`Internal error (reference ${ref}): the details are in the log.`)
    expect(errorText(e)).not.toContain('SQL')
    document.documentElement.lang = 'zh-CN'
    expect(errorText(e)).toContain('内部错误')
    expect(logged).toHaveBeenCalledWith(`internal error ${ref}:`, expect.any(Error))
    expect(errorCode('a plain text rejection')).toBe('internal')
  })
})
