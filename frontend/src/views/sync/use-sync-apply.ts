// One apply (or resume) of a sync plan: the blocking call, its progress and
// finished-operation events, cancel, and the run it ended with.
import { onBeforeUnmount, reactive, ref } from 'vue'
import * as api from '@/api'
import type { FinishedOp, SyncProgress, SyncRun, Unsubscribe } from '@/api'
import { errorCode, errorText } from '@/format/error-text'

/** The live table keeps the latest finished operations only. */
export const maxLiveOps = 200

export type ApplyStage = 'idle' | 'running' | 'finished'

/** The code of the backend's refusal of a plan whose inputs changed since the preview (syncer.ErrStalePlan). */
export const stalePlanCode = 'stale_plan'

export function useSyncApply() {
  const stage = ref<ApplyStage>('idle')
  const counts = reactive({ done: 0, failed: 0, total: 0 })
  const runId = ref(0)
  const run = ref<SyncRun | null>(null)
  const liveOps = ref<FinishedOp[]>([])
  const error = ref('')
  const stale = ref(false)
  const cancelling = ref(false)
  let listeners: Unsubscribe[] = []

  // ApplySync returns the run only when it ends: until then the run id is
  // learnt from the first event of a run.
  function ownsRun(id: number): boolean {
    if (!id) return false
    if (!runId.value && stage.value === 'running') runId.value = id
    return id === runId.value
  }

  function onProgress(progress: SyncProgress) {
    if (!ownsRun(api.runIdOfJob(progress.job))) return
    counts.done = progress.done
    counts.failed = progress.failed
    counts.total = progress.total
  }

  function onOps(ops: FinishedOp[]) {
    const mine = ops.filter((op) => ownsRun(op.runId))
    if (!mine.length) return
    liveOps.value = [...mine.reverse(), ...liveOps.value].slice(0, maxLiveOps)
  }

  function listen() {
    stopListening()
    listeners = [api.onSyncProgress(onProgress), api.onSyncOps(onOps)]
  }

  function stopListening() {
    listeners.forEach((off) => off())
    listeners = []
  }

  function showRun(r: SyncRun) {
    run.value = r
    runId.value = r.id
    Object.assign(counts, { done: r.done, failed: r.failed, total: r.total })
  }

  async function track(start: () => Promise<SyncRun>) {
    stage.value = 'running'
    error.value = ''
    stale.value = false
    run.value = null
    liveOps.value = []
    listen()
    try {
      showRun(await start())
    } catch (reason) {
      // A run that ended with failures (or was cancelled) rejects too: show the run.
      const message = errorText(reason)
      const ended = runId.value ? await api.getSyncRun(runId.value).catch(() => null) : null
      if (ended) showRun(ended)
      else {
        error.value = message
        stale.value = errorCode(reason) === stalePlanCode
      }
    } finally {
      stopListening()
      cancelling.value = false
      stage.value = 'finished'
    }
  }

  function apply(planId: number, total: number, confirmRemovals: number) {
    runId.value = 0
    Object.assign(counts, { done: 0, failed: 0, total })
    return track(() => api.applySync(planId, confirmRemovals))
  }

  function resume() {
    const id = runId.value
    return track(() => api.resumeSyncRun(id))
  }

  async function cancel() {
    if (!runId.value) return
    cancelling.value = true
    try {
      await api.cancelSyncRun(runId.value)
    } catch (reason) {
      cancelling.value = false
      throw reason
    }
  }

  function reset() {
    stage.value = 'idle'
    runId.value = 0
    run.value = null
    liveOps.value = []
    error.value = ''
    stale.value = false
  }

  onBeforeUnmount(stopListening)

  return { stage, counts, runId, run, liveOps, error, stale, cancelling, apply, resume, cancel, reset }
}
