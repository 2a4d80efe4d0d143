// Previewing a sync: PlanSync as a job (followed by its id, found again by
// asking when the page reopens), a stored plan opened again (by id, or the
// newest one still waiting to be applied), and what to show when there is no plan.
import { ref } from 'vue'
import * as api from '@/api'
import type { Job, PlanWarning, SyncDirection, SyncPlan } from '@/api'
import { errorCode, errorText, messageText } from '@/format/error-text'

/** Why there is no plan to show. */
export type PreviewFailure =
  | { kind: 'notPulled'; message: string }
  | { kind: 'stopped'; message: string; stop: Pick<PlanWarning, 'code' | 'zh' | 'en'> | null }
  | { kind: 'notFound'; message: string; planId: number }
  | { kind: 'other'; message: string }

/** Stops the top department setting fixes (backend/syncer/plan_to_wecom.go). */
export const topDepartmentStops = ['root_name_mismatch', 'several_local_roots', 'top_department_missing']

/** How many of the newest unapplied previews are searched for one still pending. */
export const pendingSearchLimit = 20

/** The code of the backend's refusal to plan for a corp never pulled. */
export const notPulledCode = 'not_pulled'

export function isSyncDirection(value: string): value is SyncDirection {
  return api.isSyncDirection(value)
}

/** A plan id from the route query (?plan=42), or 0. */
export function planIdOf(value: unknown): number {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

export function useSyncPreview() {
  /** The plan on screen for review (null when there is none, or it stopped). */
  const plan = ref<SyncPlan | null>(null)
  /** The stored plan opened in this visit (not computed in it), whatever its status. */
  const stored = ref<SyncPlan | null>(null)
  const previewing = ref(false)
  const loading = ref(false)
  const failure = ref<PreviewFailure | null>(null)
  // Each preview, open or clear takes a ticket; an answer for an older ticket is dropped.
  let ticket = 0

  /** The running preview job's phase (refreshing, departments, saving, planning; '' when none). */
  const phase = ref('')

  /** Computes a preview as a job and shows its plan. */
  function preview(corpId: number, direction: SyncDirection) {
    return computeWith((onUpdate) => api.planSync(corpId, direction, onUpdate))
  }

  /** Shows a preview job found running (a page that reopens): follows it to its plan, resolved with it. */
  function attach(job: Pick<Job, 'id' | 'phase'>) {
    phase.value = job.phase
    return computeWith((onUpdate) => api.previewOf(job, onUpdate))
  }

  async function computeWith(compute: (onUpdate: (job: Job) => void) => Promise<SyncPlan>): Promise<SyncPlan | null> {
    const mine = ++ticket
    previewing.value = true
    loading.value = false
    failure.value = null
    stored.value = null
    try {
      // A plan that stopped is a result (status "stopped", its stop says why), not an error.
      const computed = await compute((job) => {
        if (mine === ticket && job.state === 'running') phase.value = job.phase
      })
      if (mine !== ticket) return null
      showComputed(computed)
      return computed
    } catch (reason) {
      if (mine !== ticket) return null
      plan.value = null
      const message = errorText(reason)
      failure.value = errorCode(reason) === notPulledCode ? { kind: 'notPulled', message } : { kind: 'other', message }
      return null
    } finally {
      if (mine === ticket) {
        previewing.value = false
        phase.value = ''
      }
    }
  }

  // Shows a plan: a stopped plan as its stop.
  function showComputed(p: SyncPlan) {
    if (p.status === 'stopped') {
      plan.value = null
      failure.value = { kind: 'stopped', message: messageText(p.stop), stop: p.stop ? { code: p.stop.code, zh: p.stop.zh, en: p.stop.en } : null }
    } else {
      plan.value = p
      failure.value = null
    }
  }

  // Shows a stored plan as a computed one.
  function show(p: SyncPlan) {
    stored.value = p
    showComputed(p)
  }

  function startLoading(): number {
    plan.value = null
    stored.value = null
    failure.value = null
    previewing.value = false
    loading.value = true
    return ++ticket
  }

  function doneLoading(mine: number) {
    if (mine === ticket) loading.value = false
  }

  /** Opens the stored plan planId; resolves with it, or null when it cannot be read. */
  async function open(planId: number): Promise<SyncPlan | null> {
    const mine = startLoading()
    try {
      const p = await api.getSyncPlan(planId)
      if (mine !== ticket) return null
      show(p)
      return p
    } catch (reason) {
      if (mine === ticket) failure.value = { kind: 'notFound', message: errorText(reason), planId }
      return null
    } finally {
      doneLoading(mine)
    }
  }

  /**
   * Shows the newest plan of corpId and direction still waiting to be applied
   * (status preview), or nothing. Resolves with whether there was one.
   */
  async function openPending(corpId: number, direction: SyncDirection): Promise<boolean> {
    const mine = startLoading()
    try {
      const page = await api.listSyncHistory(corpId, { direction, kind: 'preview', offset: 0, limit: pendingSearchLimit })
      const pending = page.entries.find((e) => e.status === 'preview')
      if (!pending || mine !== ticket) return false
      const p = await api.getSyncPlan(pending.planId)
      if (mine !== ticket || p.status !== 'preview') return false
      show(p)
      return true
    } catch {
      return false // nothing to show: the admin previews as usual
    } finally {
      doneLoading(mine)
    }
  }

  function clear() {
    ticket++
    plan.value = null
    stored.value = null
    failure.value = null
    previewing.value = false
    phase.value = ''
    loading.value = false
  }

  /** The corp's running preview job, for a page that opens while it runs (null when none). */
  async function findRunning(corpId: number): Promise<Job | null> {
    try {
      return await api.runningPreview(corpId)
    } catch {
      return null
    }
  }

  return { plan, stored, previewing, phase, loading, failure, preview, attach, findRunning, open, openPending, clear }
}
