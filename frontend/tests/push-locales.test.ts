// The push and push log strings have the same keys in both languages.
import { describe, expect, it } from 'vitest'
import pushEn from '@/locales/features/push.en'
import pushZh from '@/locales/features/push.zh-CN'
import pushLogsEn from '@/locales/features/pushLogs.en'
import pushLogsZh from '@/locales/features/pushLogs.zh-CN'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort()
}

describe('push strings', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(pushEn)).toEqual(keys(pushZh))
    expect(keys(pushLogsEn)).toEqual(keys(pushLogsZh))
  })
})
