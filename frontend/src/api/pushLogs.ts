// Backend calls of the pushLogs page (推送日志). Views import them through '@/api'.
import { GetPushLog, GetPushStats, ListPushLogs, RecallPush } from '../../wailsjs/go/main/App'
import { push } from '../../wailsjs/go/models'
import { call } from './call'
import type { Plain } from './plain'

export type PushLogRow = Plain<push.LogRow>
export type PushRecipient = Plain<push.Recipient>
export type PushLogDetail = Plain<push.LogDetail>
export type PushRecallResult = Plain<push.RecallResult>
export type PushStatsBucket = Plain<push.StatsBucket>
export interface PushLogPage {
  total: number
  totalCapped: boolean
  rows: PushLogRow[]
}
/** Filters of the log; from/to are RFC3339 strings on the wire. */
export interface PushLogQuery {
  from: string
  to: string
  source: string
  status: string
  recipient: string
  search: string
  /** delivered | pending | failed: the rows whose card-click webhook is in that state; '' for all */
  webhook: string
  offset: number
  limit: number
}
export type PushStatsGroup = 'day' | 'source'


/** One page of the push log, newest first (limit 1..200). */
export async function listPushLogs(query: PushLogQuery): Promise<PushLogPage> {
  const page = await call(() => ListPushLogs(push.Query.createFrom(query)))
  return { total: page.total, totalCapped: page.total_capped, rows: page.rows }
}

/** One delivery with its recipients and their states. */
export async function getPushLog(id: number): Promise<PushLogDetail> {
  return call(() => GetPushLog(id))
}

/** Recalls deliveries; each gets its own result (refused after 24 h). */
export async function recallPush(ids: number[]): Promise<PushRecallResult[]> {
  return call(() => RecallPush(ids))
}

/** Sent/failed counts per day or per source; dates are YYYY-MM-DD. */
export async function getPushStats(from: string, to: string, groupBy: PushStatsGroup): Promise<PushStatsBucket[]> {
  return call(() => GetPushStats(from, to, groupBy))
}
