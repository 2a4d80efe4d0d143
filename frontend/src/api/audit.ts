// The configuration audit (配置变更记录): who changed an API base URL, a
// proxy, a secret or an intake setting, and when; never a value.
import { ListConfigAudit } from '../../wailsjs/go/main/App'
import type { configaudit } from '../../wailsjs/go/models'
import { call } from './call'

export interface ConfigAuditEntry {
  id: number
  at: string
  actor: string
  subject: string
  action: string
  field: string
  note: string
}

/** The newest 200 changes, newest first. */
export async function listConfigAudit(): Promise<ConfigAuditEntry[]> {
  const rows: configaudit.Entry[] = await call(() => ListConfigAudit())
  return rows.map((r) => ({ id: r.id, at: String(r.at), actor: r.actor, subject: r.subject, action: r.action, field: r.field, note: r.note }))
}
