// Why a review row (or a refused 关联导入 line) is what it is, in the
// reader's language. The backend sends a stable code and its arguments
// (backend/binding/reason.go, backend/review/reason.go) and the English text
// (which a review list page leaves out when there is a code); the code picks
// the Go catalogue's binding_reason_<code> (generated into vue-i18n under
// "catalogue", see api/generated/catalogue.ts), the arguments fill it (names
// of methods and key fields are binding_method_* and binding_field_*). A
// missing code (rows stored before codes existed) or an unknown one shows the
// English text.

import { catalogueMessage } from '@/api/generated/catalogue'
import { localTime } from './time-text'

/** The part of vue-i18n a reason needs; useI18n() and i18n.global both fit. */
export interface ReasonI18n {
  t: (key: string, named: Record<string, unknown>) => string
  te: (key: string) => boolean
  locale: { value: string }
}

export type ReasonArgs = Record<string, string>

/** Lists in arguments (accounts, userids, methods) are joined by ", " (binding.ListSep). */
export const argListSeparator = ', '

function splitList(value: string | undefined): string[] {
  return value ? value.split(argListSeparator).filter((item) => item !== '') : []
}

function joinList(i18n: ReasonI18n, items: string[]): string {
  return items.join(i18n.t('listSeparator', {}))
}

// A catalogue word (binding_method_<x>, binding_field_<x>), or the value itself when unknown.
function word(i18n: Pick<ReasonI18n, 't' | 'te'>, prefix: string, value: string | undefined): string {
  if (!value) return ''
  const key = catalogueMessage(prefix + value)
  return i18n.te(key) ? i18n.t(key, {}) : value
}

/** The name of a binding method inside a sentence (binding_method_<method>, as the catalogue writes it), or the method itself when unknown. */
export const methodText = (i18n: Pick<ReasonI18n, 't' | 'te'>, method: string | undefined) => word(i18n, 'binding_method_', method)

/** The name of a binding method standing alone (a tag, an option): as methodText, starting with a capital (an unknown method stays as sent). */
export function methodLabel(i18n: Pick<ReasonI18n, 't' | 'te'>, method: string | undefined): string {
  const text = methodText(i18n, method)
  if (!method || !i18n.te(catalogueMessage(`binding_method_${method}`))) return text
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/** Where a review row stands (a tag, a filter option): the catalogue's binding_state_<state>, or the state itself when unknown. */
export const stateLabel = (i18n: Pick<ReasonI18n, 't' | 'te'>, state: string | undefined) => word(i18n, 'binding_state_', state)

/** The state a filter shows (review: the rows to confirm), or '' for a filter that is no state (all, conflicts). */
export function filterState(filter: string): string {
  if (filter === 'review') return 'proposed'
  return filter === 'all' || filter === 'conflicts' ? '' : filter
}

const fieldText = (i18n: ReasonI18n, field: string | undefined) => word(i18n, 'binding_field_', field)


// The arguments as the message shows them: methods and key fields named in
// the reader's language, lists joined the reader's way, times local.
function shownArgs(i18n: ReasonI18n, code: string, args: Record<string, string>): Record<string, string> {
  const shown: Record<string, string> = { ...args }
  if (args.method !== undefined) shown.method = methodText(i18n, args.method)
  if (args.field !== undefined) shown.field = fieldText(i18n, args.field)
  if (args.accounts !== undefined) shown.accounts = joinList(i18n, splitList(args.accounts))
  if (args.at !== undefined) shown.at = localTime(args.at)
  if (code === 'key_conflict') {
    const methods = splitList(args.methods)
    shown.items = joinList(
      i18n,
      splitList(args.userids).map((id, i) => i18n.t(catalogueMessage('binding_reason_item'), { id, method: methodText(i18n, methods[i]) })),
    )
  }
  if (code === 'chosen') {
    // The ambiguous row's own reason travels as reason_code and reason.* arguments.
    const inner: Record<string, string> = {}
    for (const [k, v] of Object.entries(args)) if (k.startsWith('reason.')) inner[k.slice('reason.'.length)] = v
    shown.reason = bindingReasonText(i18n, args.reason_code, inner, '')
  }
  return shown
}

/**
 * The reason in the current language: the message of code filled with args,
 * or fallback (the English text) when the code is empty or unknown.
 */
export function bindingReasonText(i18n: ReasonI18n, code: string | undefined, args: ReasonArgs, fallback: string | undefined): string {
  const key = catalogueMessage(`binding_reason_${code}`)
  if (!code || !i18n.te(key)) return fallback ?? ''
  const shown = shownArgs(i18n, code, args)
  if (code === 'chosen' && !shown.reason) return i18n.t(catalogueMessage('binding_reason_chosen_bare'), shown)
  return i18n.t(key, shown)
}
