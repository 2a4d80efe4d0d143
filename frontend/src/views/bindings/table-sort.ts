// Sorting by a column header: the backend sorts; these say which order a
// click asks for and how the header marks the current one.
import type { BindingSort } from '@/api'

export type SortColumn = 'local' | 'match' | 'wecom'

/** local: by account ↔ default; wecom: by userid ↔ default; match: lowest confidence first → highest → default. */
export function nextSort(current: BindingSort, column: SortColumn): BindingSort {
  if (column === 'local') return current === 'account' ? '' : 'account'
  if (column === 'wecom') return current === 'userid' ? '' : 'userid'
  if (current === 'confidence') return '-confidence'
  return current === '-confidence' ? '' : 'confidence'
}

/** '↑' or '↓' on the column the list is sorted by, '' elsewhere. */
export function sortMark(current: BindingSort, column: SortColumn): string {
  const ascending: Record<SortColumn, BindingSort> = { local: 'account', match: 'confidence', wecom: 'userid' }
  if (current === ascending[column]) return '↑'
  return column === 'match' && current === '-confidence' ? '↓' : ''
}
