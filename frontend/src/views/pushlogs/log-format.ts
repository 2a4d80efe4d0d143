// Date and status helpers of the push log page.
import { formatDate, formatDateTime, type TimeValue } from '@/format/time'

/** YYYY-MM-DD of a local date. */
export function dayString(d: Date): string {
  return formatDate(d)
}

/** The default range: the last 7 days, today included. */
export function lastDays(n = 7, now = new Date()): [string, string] {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (n - 1))
  return [dayString(start), dayString(now)]
}

/** RFC3339 of local midnight of a YYYY-MM-DD day, plus `addDays`. */
export function dayStartRFC3339(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number)
  const at = new Date(y, m - 1, d + addDays)
  const off = -at.getTimezoneOffset()
  const sign = off >= 0 ? '+' : '-'
  const p = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0')
  return `${dayString(at)}T00:00:00${sign}${p(off / 60)}:${p(off % 60)}`
}

/** A log time as the whole UI writes it (format/time.ts), with seconds: log lines a second apart read apart. */
export function formatTime(value: unknown): string {
  return formatDateTime(value as TimeValue, true)
}

export function statusTagType(status: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'sent':
      return 'success'
    case 'partial':
      return 'warning'
    case 'failed':
      return 'danger'
    case 'queued':
      return 'primary'
    default:
      return 'info'
  }
}
