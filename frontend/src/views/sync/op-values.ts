// The before → after rows of an operation: each side's set fields as text.
import type { OpValues, PlanOp } from '@/api'

export interface ValueRow {
  field: string
  before: string
  after: string
  changed: boolean
}

type Ref = NonNullable<OpValues['parent']>

function refText(ref: Ref): string {
  return ref.path || (ref.id ? `#${ref.id}` : ref.key || '')
}

/** The set fields of one side, in a stable order, as text. */
export function valueFields(values: OpValues | undefined | null): Map<string, string> {
  const out = new Map<string, string>()
  if (!values) return out
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue
    if (field === 'parent') out.set(field, refText(value as Ref))
    else if (field === 'departments') out.set(field, (value as Ref[]).map(refText).join('; '))
    else if (field === 'extattrs') {
      for (const [name, text] of Object.entries(value as Record<string, string>)) out.set(`extattr:${name}`, text)
    } else out.set(field, String(value))
  }
  return out
}

/** Every field either side sets; changed when the two sides differ. */
export function valueRows(op: Pick<PlanOp, 'before' | 'after'>): ValueRow[] {
  const before = valueFields(op.before)
  const after = valueFields(op.after)
  const fields = [...new Set([...before.keys(), ...after.keys()])]
  return fields.map((field) => {
    const b = before.get(field) ?? ''
    const a = after.get(field) ?? ''
    return { field, before: b, after: a, changed: b !== a }
  })
}

/** A one-line summary: the first changed fields as "field: before → after". */
export function changeSummary(rows: ValueRow[], shown = 2): { text: string; more: number } {
  const changed = rows.filter((r) => r.changed)
  const text = changed
    .slice(0, shown)
    .map((r) => `${r.field}: ${r.before || '∅'} → ${r.after || '∅'}`)
    .join('  ')
  return { text, more: Math.max(changed.length - shown, 0) }
}
