import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatDateTimeAgo, relativeTime, toDate } from '@/format/time'

// One date-time format in both languages (2026-12-07 05:49, local time), and
// how long ago where it helps.
describe('format/time', () => {
  const at = new Date(2026, 11, 7, 5, 49, 30) // local time
  it('writes one format for ISO text, milliseconds and dates', () => {
    expect(formatDateTime(at)).toBe('2026-12-07 05:49')
    expect(formatDateTime(at.toISOString())).toBe('2026-12-07 05:49')
    expect(formatDateTime(at.getTime())).toBe('2026-12-07 05:49')
    expect(formatDateTime(at, true)).toBe('2026-12-07 05:49:30')
    expect(formatDate(at)).toBe('2026-12-07')
  })
  it('shows no time as empty, and text that is no time as it came', () => {
    for (const none of ['', null, undefined, 0, '0001-01-01T00:00:00Z']) {
      expect(formatDateTime(none)).toBe('')
      expect(toDate(none)).toBeNull()
    }
    expect(formatDateTime('yesterday-ish')).toBe('yesterday-ish')
  })
  it('says how long ago in the UI language, within a week', () => {
    const now = at.getTime() + 3 * 60_000
    expect(relativeTime(at, 'en', now)).toBe('3 minutes ago')
    expect(relativeTime(at, 'zh-CN', now)).toBe('3分钟前')
    expect(relativeTime(at, 'en', at.getTime() + 10_000)).toBe('now')
    expect(relativeTime(at, 'en', at.getTime() + 8 * 86_400_000)).toBe('')
    expect(formatDateTimeAgo(at, 'en', now)).toBe('2026-12-07 05:49 (3 minutes ago)')
    expect(formatDateTimeAgo(at, 'zh-CN', now)).toBe('2026-12-07 05:49（3分钟前）')
  })
})
