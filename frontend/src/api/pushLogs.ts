// Backend calls of the pushLogs page (推送日志). Views import them through '@/api'.
import { GetPushLog, GetPushStats, ListPushLogs, RecallPush } from '../../wailsjs/go/main/App'
import { push } from '../../wailsjs/go/models'
import { call } from './call'

type Fields<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K]
}

export type PushLogRow = Fields<push.LogRow>
export type PushRecipient = Fields<push.Recipient>
export type PushLogDetail = Omit<Fields<push.LogDetail>, 'recipient_list'> & { recipient_list: PushRecipient[] }
export type PushRecallResult = Fields<push.RecallResult>
export type PushStatsBucket = Fields<push.StatsBucket>
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
  offset: number
  limit: number
}
export type PushStatsGroup = 'day' | 'source'

export const pushLogStatuses = ['sent', 'partial', 'failed', 'recalled', 'no_rule', 'queued'] as const
export const pushChangedEvent = 'push:changed'

function normalizeRow<T extends PushLogRow>(r: T): T {
  return {
    ...r,
    msgids: r.msgids ?? [],
    invalid_users: r.invalid_users ?? [],
    invalid_parties: r.invalid_parties ?? [],
    unlicensed_users: r.unlicensed_users ?? [],
    unbound: r.unbound ?? [],
  }
}

/** One page of the push log, newest first (limit 1..200). */
export async function listPushLogs(query: PushLogQuery): Promise<PushLogPage> {
  const page = await call(() => ListPushLogs(push.Query.createFrom(query)))
  return { total: page.total, totalCapped: page.total_capped, rows: (page.rows ?? []).map(normalizeRow) }
}

/** One delivery with its recipients and their states. */
export async function getPushLog(id: number): Promise<PushLogDetail> {
  const d = await call(() => GetPushLog(id))
  return { ...normalizeRow(d), recipient_list: d.recipient_list ?? [] }
}

/** Recalls deliveries; each gets its own result (refused after 24 h). */
export async function recallPush(ids: number[]): Promise<PushRecallResult[]> {
  return (await call(() => RecallPush(ids))) ?? []
}

/** Sent/failed counts per day or per source; dates are YYYY-MM-DD. */
export async function getPushStats(from: string, to: string, groupBy: PushStatsGroup): Promise<PushStatsBucket[]> {
  return (await call(() => GetPushStats(from, to, groupBy))) ?? []
}
