import { afterEach, describe, expect, it } from 'vitest'
import { errorText, inUILanguage } from '@/format/error-text'

describe('errorText', () => {
  afterEach(() => {
    document.documentElement.lang = ''
  })

  it('shows the half of a bilingual backend error in the page language', () => {
    const both = '该企业还没有拉取过企业微信通讯录 ‖ this corp has not been pulled yet'
    document.documentElement.lang = 'zh-CN'
    expect(errorText(new Error(both))).toBe('该企业还没有拉取过企业微信通讯录')
    expect(errorText(both)).toBe('该企业还没有拉取过企业微信通讯录') // the desktop rejects with a string
    document.documentElement.lang = 'en'
    expect(errorText(new Error(both))).toBe('this corp has not been pulled yet')
  })

  it('leaves one-language texts and other values alone', () => {
    document.documentElement.lang = 'en'
    expect(errorText(new Error('DNS / TCP / TLS failed'))).toBe('DNS / TCP / TLS failed')
    expect(errorText({ code: 'x' })).toBe('{"code":"x"}')
    expect(inUILanguage('甲 ‖ a', 'zh-CN')).toBe('甲')
  })
})
