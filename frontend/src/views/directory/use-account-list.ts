// The accounts pane's state: filters, sort and page, each page read from
// the backend (server-side paging keeps 100,000 accounts fluid). Every
// change calls load() once; a slower, older answer never overwrites a newer one.
import { onBeforeUnmount, reactive, ref } from 'vue'
import * as api from '@/api'
import type { DirectoryAccountRow, DirectoryStatus } from '@/api'
import { errorText } from '@/format/error-text'

export const pageSizes = [50, 100, 200] as const
export const searchDebounceMs = 300

export type StatusFilter = DirectoryStatus | ''

export interface AccountFilters {
  search: string
  deptId: number
  includeSubDepts: boolean
  status: StatusFilter
  /** Backend sort column, "-" in front for descending. */
  sort: string
}

export function useAccountList() {
  const filters = reactive<AccountFilters>({ search: '', deptId: 0, includeSubDepts: true, status: '', sort: 'account' })
  /** What the search box shows; filters.search follows it after a pause in typing. */
  const searchText = ref('')
  const page = ref(1)
  const pageSize = ref<number>(pageSizes[0])
  const rows = ref<DirectoryAccountRow[]>([])
  const total = ref(0)
  const loading = ref(false)
  const loadError = ref('')
  /** The first read has answered (or failed). */
  const loaded = ref(false)
  /** The last unfiltered read found no account at all. */
  const noAccounts = ref(false)

  let latest = 0
  let searchTimer: ReturnType<typeof setTimeout> | undefined

  async function load(): Promise<void> {
    const request = ++latest
    loading.value = true
    const unfiltered = !filters.search && filters.deptId === 0 && filters.status === ''
    try {
      const result = await api.listDirectoryAccounts({
        search: filters.search,
        deptId: filters.deptId,
        includeSubDepts: filters.includeSubDepts,
        status: filters.status,
        offset: (page.value - 1) * pageSize.value,
        limit: pageSize.value,
        sort: filters.sort,
      })
      if (request !== latest) return
      // Past the end (the last row of the last page resigned away): go to the new last page.
      if (!result.rows.length && result.total > 0 && page.value > 1) {
        page.value = Math.ceil(result.total / pageSize.value)
        return load()
      }
      rows.value = result.rows
      total.value = result.total
      loadError.value = ''
      if (unfiltered) noAccounts.value = result.total === 0
    } catch (reason) {
      if (request === latest) loadError.value = errorText(reason)
    } finally {
      if (request === latest) {
        loading.value = false
        loaded.value = true
      }
    }
  }

  /** Changes filters and goes back to the first page. */
  function setFilters(change: Partial<Omit<AccountFilters, 'search'>>): Promise<void> {
    Object.assign(filters, change)
    page.value = 1
    return load()
  }

  /** The search box changed: read again once typing pauses. */
  function setSearch(text: string) {
    searchText.value = text
    clearTimeout(searchTimer)
    searchTimer = setTimeout(() => {
      const term = text.trim()
      if (term === filters.search) return
      filters.search = term
      page.value = 1
      void load()
    }, searchDebounceMs)
  }

  /** The search and the status filter are set (the department is the scope, not a filter). */
  function filtered(): boolean {
    return Boolean(filters.search || filters.status)
  }

  /** Clears the search box and the status filter at once, keeping the department. */
  function clearFilters(): Promise<void> {
    clearTimeout(searchTimer)
    searchText.value = ''
    filters.search = ''
    filters.status = ''
    page.value = 1
    return load()
  }

  function setPage(value: number): Promise<void> {
    page.value = value
    return load()
  }

  function setPageSize(value: number): Promise<void> {
    pageSize.value = value
    page.value = 1
    return load()
  }

  onBeforeUnmount(() => clearTimeout(searchTimer))

  return {
    filters,
    searchText,
    page,
    pageSize,
    rows,
    total,
    loading,
    loadError,
    loaded,
    noAccounts,
    load,
    setFilters,
    setSearch,
    filtered,
    clearFilters,
    setPage,
    setPageSize,
  }
}
