import { formatDateTime, formatDateTimeAgo } from '@/format/time'

// Backend times are UTC ISO strings; the admin reads them in local time, as
// the whole UI writes them (format/time.ts): 2026-12-07 05:49 in both
// languages (_locale is not needed).
export function localTime(iso: string | undefined, _locale?: string): string {
  return formatDateTime(iso)
}

/** localTime followed by how long ago, under a week: "2026-12-07 05:49 (3 minutes ago)". */
export function localTimeAgo(iso: string | undefined, locale: string): string {
  return formatDateTimeAgo(iso, locale)
}
