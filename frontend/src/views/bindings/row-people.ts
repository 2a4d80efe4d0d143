// The people of a review row, as the manual-bind pickers show them.
import type { BindingPerson, BindingRow } from '@/api'

export interface ManualBindPrefill {
  local: BindingPerson | null
  wecom: BindingPerson | null
  /** Searched on the side that is not filled in: the known side's name. */
  query: string
}

export function localPerson(row: BindingRow): BindingPerson | null {
  if (!row.account) return null
  return { account: row.account, name: row.localName ?? '', dept: row.localDept, mobile: row.localMobile, state: row.state, rowId: row.id }
}

export function wecomPerson(row: BindingRow): BindingPerson | null {
  if (!row.userid) return null
  return { userid: row.userid, name: row.wecomName ?? '', dept: row.wecomDept, mobile: row.wecomMobile, state: row.state, rowId: row.id }
}

/**
 * From a row: its sides filled in (a rejected pair keeps both, to overturn
 * the rejection); an ambiguous or unbound row searches the other side by
 * its name. Without a row, both pickers start empty.
 */
export function prefillFromRow(row: BindingRow | null): ManualBindPrefill {
  if (!row) return { local: null, wecom: null, query: '' }
  return { local: localPerson(row), wecom: wecomPerson(row), query: row.localName || row.wecomName || '' }
}
