// How a binding's confidence and state are shown: locale keys and Element
// Plus tag types (method names come from the catalogue, see reason-text.ts).
// One place, so the table, the candidates and the audit agree.
import type { BindingFilter, BindingImportKey, BindingMethod, BindingState } from '@/api'

/** The state filters, in the order the page shows them. */
export const bindingFilters: BindingFilter[] = ['all', 'review', 'ambiguous', 'confirmed', 'rejected', 'unbound_local', 'unbound_wecom', 'conflicts']

/** Binding methods, in the order the method filter lists them: strongest evidence first. */
export const bindingMethods: BindingMethod[] = ['existing', 'userid', 'employee_no', 'mobile_lookup', 'email_lookup', 'mobile', 'email', 'name+department', 'name', 'manual', 'import']

/** Key fields a 关联导入 file may name the local account by. */
export const bindingImportKeys: BindingImportKey[] = ['account', 'employee_no', 'mobile', 'email']

/** The default threshold of 确认全部高置信度: the key matches (email 0.95 and up). */
export const highConfidenceDefault = 0.95

export type ConfidenceLevel = 'high' | 'good' | 'weak' | 'low'

/** Green ≥ 0.95, blue ≥ 0.8, orange ≥ 0.5, red below. */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.95 - 1e-9) return 'high'
  if (confidence >= 0.8 - 1e-9) return 'good'
  if (confidence >= 0.5 - 1e-9) return 'weak'
  return 'low'
}

export type TagType = 'success' | 'primary' | 'warning' | 'danger' | 'info'

export const confidenceTagType: Record<ConfidenceLevel, TagType> = {
  high: 'success',
  good: 'primary',
  weak: 'warning',
  low: 'danger',
}

export const stateTagType: Record<BindingState, TagType> = {
  proposed: 'warning',
  confirmed: 'success',
  rejected: 'info',
  ambiguous: 'danger',
  unbound_local: 'info',
  unbound_wecom: 'info',
}

/** Rows that bind two records: the ones confirm, reject and unbind act on. */
export function isPairState(state: string): boolean {
  return state === 'proposed' || state === 'confirmed'
}

export function formatConfidence(confidence: number): string {
  return confidence.toFixed(2)
}
