// How the history shows times and durations.
import { formatDateTime, type TimeValue } from '@/format/time'

/** A time as the whole UI writes it (format/time.ts): 2026-12-07 05:49 in both languages (_locale is not needed). */
export function formatTime(value: unknown, _locale?: string): string {
  return formatDateTime(value as TimeValue)
}

/** Milliseconds under a second as ms, otherwise seconds with one decimal. */
export function durationParts(ms: number): { key: 'durationMs' | 'durationS'; ms: number; s: string } {
  return ms < 1000 ? { key: 'durationMs', ms, s: '' } : { key: 'durationS', ms, s: (ms / 1000).toFixed(1) }
}

/** Status tag colours: interrupted stands out. */
export function statusTag(status: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'done':
    case 'applied':
      return 'success'
    case 'failed':
    case 'stopped':
      return 'danger'
    case 'interrupted':
    case 'cancelled':
      return 'warning'
    case 'running':
    case 'preview':
      return 'primary'
    default:
      return 'info'
  }
}

interface ReviewFields {
  kind: string
  status: string
  trigger: string
  blocked: boolean
}

/** A preview not applied yet (nor superseded or stopped): it can be opened in the sync page and applied. */
export function reviewable(e: ReviewFields): boolean {
  return e.kind === 'preview' && e.status === 'preview'
}

/**
 * A scheduled (or callback) preview the safety settings stopped from applying
 * on its own: the admins were sent a message to review it.
 */
export function awaitsReview(e: ReviewFields): boolean {
  return reviewable(e) && e.blocked && e.trigger !== 'manual'
}
