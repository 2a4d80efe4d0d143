// The before → after rows of an operation in the admin's words: translated
// field names, translated states (enabled, resigned, WeCom's member status),
// "(empty)" for an empty value, "(unchanged)" for a field the operation
// only shows for context (a disable names the member; it does not wipe the
// name), and the action's own word for a side that does not exist (a create
// has no before, a delete no after).
// Field names and values are the Go catalogue's (sync_field_*, sync_value_*,
// the same words as the plan export).
import type { OpValues, PlanOp } from '@/api'
import { catalogueKey, catalogueMessage, catalogueZh } from '@/api/generated/catalogue'

/** vue-i18n's t, or anything that turns a key (and named args) into text. */
export type Translate = (key: string, args?: Record<string, unknown>) => string

export interface ValueRow {
  field: string
  label: string
  before: string
  after: string
  changed: boolean
}

type Ref = NonNullable<OpValues['parent']>

const prefix = 'syncPage.ops'

/** Whether the catalogue has code (the UI's copy of it). */
const known = (code: string) => catalogueKey(code) in catalogueZh

/** A catalogue word: sync_value_<value>. */
const word = (t: Translate, value: string) => t(catalogueMessage(`sync_value_${value}`))

/** WeCom's member status codes (user/get "status"). */
const statuses = new Set([1, 2, 4, 5])

function refText(ref: Ref): string {
  return ref.path || (ref.id ? `#${ref.id}` : ref.key || '')
}

/** The set fields of one side as raw text, in a stable order (extattrs as extattr:NAME). */
export function valueFields(values: OpValues | undefined | null): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (!values) return out
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue
    if (field === 'parent') out.set(field, refText(value as Ref))
    else if (field === 'departments') out.set(field, (value as Ref[]).map(refText).join('; '))
    else if (field === 'extattrs') {
      for (const [name, text] of Object.entries(value as Record<string, string>)) out.set(`extattr:${name}`, text)
    } else out.set(field, value)
  }
  return out
}

/** The admin's name of a field (as backend/syncer fieldLabel says it). */
export function fieldLabel(field: string, t: Translate): string {
  if (field.startsWith('extattr:')) return t(catalogueMessage('sync_field_extattr'), { name: field.slice('extattr:'.length) })
  const code = `sync_field_${field}`
  return known(code) ? t(catalogueMessage(code)) : t(catalogueMessage('sync_field_other'), { field })
}

/** A value as the admin reads it. */
export function valueText(field: string, value: unknown, t: Translate): string {
  if (value === '' || value === undefined || value === null) return word(t, 'empty')
  if (field === 'enable') return word(t, Number(value) === 1 ? 'enabled' : 'disabled')
  if (field === 'resigned') return word(t, value ? 'resigned' : 'active')
  if (field === 'toInvite') return word(t, value ? 'yes' : 'no')
  if (field === 'status' && statuses.has(Number(value))) return word(t, `status${Number(value)}`)
  return String(value)
}

/**
 * Every field either side sets. A side the operation does not have reads as
 * the action (new / deleted); a field only one existing side names is context
 * and reads as unchanged; changed when both sides name the field with
 * different values, or the operation creates or sets it.
 */
export function valueRows(op: Pick<PlanOp, 'before' | 'after'>, t: Translate): ValueRow[] {
  const before = valueFields(op.before)
  const after = valueFields(op.after)
  const fields = [...new Set([...before.keys(), ...after.keys()])]
  return fields.map((field) => {
    const label = fieldLabel(field, t)
    const inBefore = before.has(field)
    const inAfter = after.has(field)
    const b = valueText(field, before.get(field), t)
    const a = valueText(field, after.get(field), t)
    if (!op.before) return { field, label, before: t(`${prefix}.new`), after: a, changed: true }
    if (!op.after) return { field, label, before: b, after: t(`${prefix}.deleted`), changed: false }
    if (!inAfter) return { field, label, before: b, after: t(`${prefix}.unchanged`), changed: false }
    if (!inBefore) return { field, label, before: word(t, 'empty'), after: a, changed: after.get(field) !== '' }
    return { field, label, before: b, after: a, changed: String(before.get(field)) !== String(after.get(field)) }
  })
}

/**
 * A one-line summary: the first changed fields as "label: before → after";
 * a create names what it sets, a delete says it deletes.
 */
export function changeSummary(op: Pick<PlanOp, 'before' | 'after'>, rows: ValueRow[], t: Translate, shown = 2): { text: string; more: number } {
  if (!op.after) {
    const name = rows.find((r) => r.field === 'name')?.before
    return { text: name ? t(`${prefix}.deletes`, { name }) : t(`${prefix}.deleted`), more: 0 }
  }
  const changed = rows.filter((r) => r.changed && r.field !== 'userid' && r.field !== 'account')
  const text = changed
    .slice(0, shown)
    .map((r) => (op.before ? `${r.label}: ${r.before} → ${r.after}` : `${r.label}: ${r.after}`))
    .join('  ')
  return { text, more: Math.max(changed.length - shown, 0) }
}
