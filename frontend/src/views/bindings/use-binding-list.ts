// The review list: one server-side page of rows for the current filter,
// method, search and sort, plus the header counts. Nothing is filtered in
// the browser: a corp may have 100,000 rows.
import { computed, reactive, ref, watch, type Ref } from 'vue'
import * as api from '@/api'
import type { BindingFilter, BindingQuery, BindingRow, BindingSort, BindingSummary } from '@/api'
import { errorText } from '@/format/error-text'
import { useCandidatePickers } from './use-candidate-pickers'

export const pageSizes = [50, 100, 200]
const searchDelayMs = 300

export function useBindingList(corpId: Ref<number | null>) {
  const query = reactive({ filter: 'all' as BindingFilter, method: '', sort: '' as BindingSort, offset: 0, limit: pageSizes[0] })
  /** The search boxes: the toolbar's and one per side column. */
  const searches = reactive({ all: '', local: '', wecom: '' })
  const search = ref('')
  const rows = ref<BindingRow[]>([])
  const total = ref(0)
  const loading = ref(false)
  const loadError = ref('')
  const summary = ref<BindingSummary | null>(null)
  const summaryError = ref('')
  const selectedIds = ref<number[]>([])
  const expandedIds = ref<number[]>([])
  const candidates = useCandidatePickers(corpId)

  let rowsRequest = 0
  let searchTimer: ReturnType<typeof setTimeout> | undefined

  /** The list query as the backend takes it. */
  function listQuery(): BindingQuery {
    return { filter: query.filter, search: search.value, method: query.method, offset: query.offset, limit: query.limit, sort: query.sort }
  }

  /** Loads the current page; an answer to an older request is dropped. */
  async function loadRows(): Promise<void> {
    const id = corpId.value
    if (id == null) return
    const request = ++rowsRequest
    loading.value = true
    try {
      const page = await api.listBindings(id, listQuery())
      if (request !== rowsRequest) return
      rows.value = page.rows
      total.value = page.total
      loadError.value = ''
      selectedIds.value = []
      expandedIds.value = expandedIds.value.filter((rowId) => page.rows.some((r) => r.id === rowId && r.state === 'ambiguous'))
      candidates.keep(expandedIds.value)
      for (const rowId of expandedIds.value) void candidates.load(rowId) // as of now: a candidate may be bound since
    } catch (reason) {
      if (request === rowsRequest) loadError.value = errorText(reason)
    } finally {
      if (request === rowsRequest) loading.value = false
    }
  }

  async function loadSummary(): Promise<void> {
    const id = corpId.value
    if (id == null) return
    try {
      summary.value = await api.getBindingSummary(id)
      summaryError.value = ''
    } catch (reason) {
      summaryError.value = errorText(reason)
    }
  }

  /** After any change: the page (kept where it is) and the counts. */
  async function refresh(): Promise<void> {
    await Promise.all([loadRows(), loadSummary()])
  }

  function firstPage(): Promise<void> {
    query.offset = 0
    return loadRows()
  }

  function setFilter(filter: BindingFilter) {
    query.filter = filter
    return firstPage()
  }

  function setMethod(method: string) {
    query.method = method
    return firstPage()
  }

  function setSort(sort: BindingSort) {
    query.sort = sort
    return firstPage()
  }

  function setPageSize(limit: number) {
    query.limit = limit
    return firstPage()
  }

  function setPage(page: number) {
    query.offset = (page - 1) * query.limit
    return loadRows()
  }

  const currentPage = computed(() => Math.floor(query.offset / query.limit) + 1)
  /** A state filter, method or search is set: an empty page is "no match", not "nothing at all". */
  const filtered = computed(() => query.filter !== 'all' || Boolean(query.method) || Boolean(search.value))

  /** Back to every row: state "all", any method, the search boxes emptied. */
  function clearFilters(): Promise<void> {
    clearTimeout(searchTimer)
    Object.assign(searches, { all: '', local: '', wecom: '' })
    search.value = ''
    query.filter = 'all'
    query.method = ''
    return firstPage()
  }

  // Every search box feeds one server-side search: all words must appear.
  watch(
    () => [searches.all, searches.local, searches.wecom],
    () => {
      clearTimeout(searchTimer)
      searchTimer = setTimeout(() => {
        const combined = [searches.all, searches.local, searches.wecom].map((s) => s.trim()).filter(Boolean).join(' ')
        if (combined === search.value) return
        search.value = combined
        void firstPage()
      }, searchDelayMs)
    },
  )

  /** Opens or closes a row's namesake picker; opening reads its candidates. */
  function toggleExpanded(rowId: number) {
    const open = !expandedIds.value.includes(rowId)
    expandedIds.value = open ? [...expandedIds.value, rowId] : expandedIds.value.filter((id) => id !== rowId)
    candidates.keep(expandedIds.value)
    if (open) void candidates.load(rowId)
  }

  function stop() {
    clearTimeout(searchTimer)
  }

  return {
    query,
    searches,
    search,
    rows,
    total,
    loading,
    loadError,
    summary,
    summaryError,
    selectedIds,
    expandedIds,
    pickers: candidates.pickers,
    loadCandidates: candidates.load,
    currentPage,
    filtered,
    clearFilters,
    listQuery,
    loadRows,
    loadSummary,
    refresh,
    setFilter,
    setMethod,
    setSort,
    setPageSize,
    setPage,
    toggleExpanded,
    stop,
  }
}

export type BindingList = ReturnType<typeof useBindingList>
