// The namesake pickers' candidates, loaded when a row's picker opens and
// again when the list reloads: a list page carries only the candidates' ids,
// their details (position, main department, masked mobile, bound elsewhere)
// come from bindingCandidates (backend/review/candidates.go).
import { ref, type Ref } from 'vue'
import * as api from '@/api'
import type { BindingCandidateList } from '@/api'
import { errorText } from '@/format/error-text'

export interface CandidatePicker {
  loading: boolean
  /** Why the candidates could not be read; empty when they were. */
  error: string
  /** The last answer; kept while it is read again. */
  list: BindingCandidateList | null
}

export function useCandidatePickers(corpId: Ref<number | null>) {
  const pickers = ref<Record<number, CandidatePicker>>({})
  /** The latest request per row: an older answer is dropped. */
  const latest = new Map<number, number>()
  let requests = 0

  function put(rowId: number, picker: CandidatePicker) {
    pickers.value = { ...pickers.value, [rowId]: picker }
  }

  /** Reads (again) the candidates of row rowId. */
  async function load(rowId: number): Promise<void> {
    const corp = corpId.value
    if (corp == null) return
    const request = ++requests
    latest.set(rowId, request)
    put(rowId, { loading: true, error: '', list: pickers.value[rowId]?.list ?? null })
    let answer: CandidatePicker
    try {
      answer = { loading: false, error: '', list: await api.bindingCandidates(corp, rowId) }
    } catch (reason) {
      answer = { loading: false, error: errorText(reason), list: null }
    }
    if (latest.get(rowId) !== request) return
    latest.delete(rowId)
    put(rowId, answer)
  }

  /** Keeps the pickers of these rows only (the others are closed or gone). */
  function keep(rowIds: number[]) {
    const kept: Record<number, CandidatePicker> = {}
    for (const id of rowIds) {
      if (pickers.value[id]) kept[id] = pickers.value[id]
    }
    for (const id of [...latest.keys()]) {
      if (!rowIds.includes(id)) latest.delete(id)
    }
    pickers.value = kept
  }

  return { pickers, load, keep }
}
