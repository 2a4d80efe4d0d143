// The one way the UI writes a date and time, in both languages: the admin's
// local time as 2026-12-07 05:49 (zh-CN and en alike), and "3 minutes ago"
// / "3 分钟前" where how long ago matters more than the clock. Backend times
// arrive as ISO text (RFC 3339, UTC) or Unix milliseconds; Go's zero time
// (0001-01-01…), 0, '' and null mean "no time" and show as ''.

export type TimeValue = string | number | Date | null | undefined

/** The instant value names, or null for no time or an unreadable one. */
export function toDate(value: TimeValue): Date | null {
  if (value === null || value === undefined || value === '' || value === 0) return null
  if (typeof value === 'string' && value.startsWith('0001-')) return null
  const at = value instanceof Date ? value : new Date(value)
  return Number.isNaN(at.getTime()) ? null : at
}

const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM-DD of a local day. */
export function formatDate(value: TimeValue): string {
  const at = toDate(value)
  return at ? `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` : ''
}

/**
 * 2026-12-07 05:49 in local time ('' for no time). withSeconds adds :ss
 * where two events a second apart must read apart (logs). Text that is not
 * a time is shown as it came.
 */
export function formatDateTime(value: TimeValue, withSeconds = false): string {
  const at = toDate(value)
  if (!at) return typeof value === 'string' && value && !value.startsWith('0001-') ? value : ''
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}${withSeconds ? `:${pad(at.getSeconds())}` : ''}`
  return `${formatDate(at)} ${time}`
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/**
 * How long ago (or ahead) value is, in the UI language: "3 minutes ago",
 * "3 分钟前", "yesterday", "昨天"; under a minute is "now" / "现在". Past a week
 * it is '' (the date says more).
 */
export function relativeTime(value: TimeValue, locale: string, now: number = Date.now()): string {
  const at = toDate(value)
  if (!at) return ''
  const diff = at.getTime() - now
  if (Math.abs(diff) >= 7 * 86_400_000) return ''
  const rtf = new Intl.RelativeTimeFormat(locale.startsWith('en') ? 'en' : 'zh-CN', { numeric: 'auto' })
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.trunc(diff / ms), unit)
  }
  return rtf.format(0, 'second')
}

/** 2026-12-07 05:49 followed by how long ago, when that is under a week: "2026-12-07 05:49 (3 minutes ago)". */
export function formatDateTimeAgo(value: TimeValue, locale: string, now: number = Date.now()): string {
  const abs = formatDateTime(value)
  const ago = relativeTime(value, locale, now)
  if (!ago) return abs
  return locale.startsWith('en') ? `${abs} (${ago})` : `${abs}（${ago}）`
}
