// Backend calls of the history page (同步记录). Views import them through '@/api'.
// The run reports are exported with exportSyncReport (./sync).
import { ListSyncHistory } from '../../wailsjs/go/main/App'
import { syncer } from '../../wailsjs/go/models'
import { call } from './call'
import type { Plain } from './plain'

export type HistoryEntry = Plain<syncer.HistoryEntry>
export type HistoryQuery = Plain<syncer.HistoryQuery>
export interface HistoryPage {
  entries: HistoryEntry[]
  total: number
}

/** History kinds: a preview that was not applied, or a run. */
export type HistoryKind = 'preview' | 'run'

/** One page of the corp's previews and runs, newest first (limit 1..200). */
export async function listSyncHistory(corpId: number, query: HistoryQuery): Promise<HistoryPage> {
  const page = await call(() => ListSyncHistory(corpId, syncer.HistoryQuery.createFrom(query)))
  return {
    entries: page.entries,
    total: page.total,
  }
}
