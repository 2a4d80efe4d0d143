// Previewing a sync: PlanSync, and what to show when there is no plan.
import { ref } from 'vue'
import * as api from '@/api'
import type { PlanWarning, SyncDirection, SyncPlan } from '@/api'
import { errorText } from '@/format/error-text'

/** Why there is no plan to show. */
export type PreviewFailure =
  | { kind: 'notPulled'; message: string }
  | { kind: 'stopped'; message: string; stop: Pick<PlanWarning, 'code' | 'zh' | 'en'> | null }
  | { kind: 'other'; message: string }

/** Stops the top department setting fixes (backend/syncer/plan_to_wecom.go). */
export const topDepartmentStops = ['root_name_mismatch', 'several_local_roots', 'top_department_missing']

export function isNotPulledError(message: string): boolean {
  return /not been pulled|未拉取|尚未拉取/i.test(message)
}

export function useSyncPreview() {
  const plan = ref<SyncPlan | null>(null)
  const previewing = ref(false)
  const failure = ref<PreviewFailure | null>(null)

  // A stopped plan rejects with one text in both languages; the plan itself
  // is stored, so read its stop (code, zh, en) back from the history.
  async function stoppedPlan(corpId: number, direction: SyncDirection, since: number) {
    try {
      const page = await api.listSyncHistory(corpId, { direction, kind: 'preview', offset: 0, limit: 1 })
      const latest = page.entries[0]
      if (!latest || latest.status !== 'stopped' || new Date(latest.startedAt).getTime() < since - 5000) return null
      return (await api.getSyncPlan(latest.planId)).stop ?? null
    } catch {
      return null
    }
  }

  async function preview(corpId: number, direction: SyncDirection) {
    const since = Date.now()
    previewing.value = true
    failure.value = null
    try {
      plan.value = await api.planSync(corpId, direction)
    } catch (reason) {
      plan.value = null
      const message = errorText(reason)
      if (isNotPulledError(message)) {
        failure.value = { kind: 'notPulled', message }
      } else {
        const stop = await stoppedPlan(corpId, direction, since)
        failure.value = stop ? { kind: 'stopped', message, stop } : { kind: 'other', message }
      }
    } finally {
      previewing.value = false
    }
  }

  function clear() {
    plan.value = null
    failure.value = null
  }

  return { plan, previewing, failure, preview, clear }
}
