// One apply (or resume) of a sync plan as a job: the call returns the job id
// at once; the page follows that job only (its progress, its run's finished
// operations), cancels it by id, and, when it opens again, finds a running
// job of its corp by asking.
import { onBeforeUnmount, reactive, ref } from 'vue'
import * as api from '@/api'
import type { FinishedOp, FollowedJob, Job, SyncRun, Unsubscribe } from '@/api'
import { errorCode, errorText, messageText } from '@/format/error-text'

/** The live table keeps the latest finished operations only. */
export const maxLiveOps = 200

export type ApplyStage = 'idle' | 'running' | 'finished'

/** The code of the backend's refusal of a plan whose inputs changed since the preview (syncer.ErrStalePlan). */
export const stalePlanCode = 'stale_plan'

export function useSyncApply() {
  const stage = ref<ApplyStage>('idle')
  const counts = reactive({ done: 0, failed: 0, total: 0 })
  /** The job this page follows ('' before one started). */
  const jobId = ref('')
  /** The run of that job, once it has one. */
  const runId = ref(0)
  const run = ref<SyncRun | null>(null)
  const liveOps = ref<FinishedOp[]>([])
  const error = ref('')
  const stale = ref(false)
  /** What the last ask to apply came to, when it did not start (stale, needs_confirmation…). */
  const outcome = ref<api.ApplyOutcome | ''>('')
  const cancelling = ref(false)
  let offOps: Unsubscribe | null = null
  let following: FollowedJob | null = null

  function onJob(job: Job) {
    if (job.runId) runId.value = job.runId
    counts.done = job.done
    counts.failed = job.failed
    if (job.total) counts.total = job.total
  }

  // Finished operations carry their run id: only this job's run is shown.
  function onOps(ops: FinishedOp[]) {
    const mine = ops.filter((op) => runId.value > 0 && op.runId === runId.value)
    if (!mine.length) return
    liveOps.value = [...mine.reverse(), ...liveOps.value].slice(0, maxLiveOps)
  }

  function stopListening() {
    offOps?.()
    offOps = null
    following?.stop()
    following = null
  }

  function showRun(r: SyncRun) {
    run.value = r
    runId.value = r.id
    Object.assign(counts, { done: r.done, failed: r.failed, total: r.total })
  }

  function showFailure(code: string, message: string) {
    error.value = message
    stale.value = code === stalePlanCode
  }

  /** Follows one apply or resume job to its end. */
  async function follow(job: Pick<Job, 'id'> & Partial<Job>) {
    stopListening()
    stage.value = 'running'
    jobId.value = job.id
    if (job.runId) runId.value = job.runId
    offOps = api.onSyncOps(onOps)
    following = api.followJob(job.id, onJob)
    try {
      const ended = await following.done
      // A run that ended with failures (or was cancelled) is a run to show.
      const r = api.syncRunOf(ended)
      if (r) showRun(r)
      else showFailure(ended.error?.code ?? ended.state, ended.error ? messageText(ended.error) : ended.state)
    } catch (reason) {
      showFailure(errorCode(reason), errorText(reason))
    } finally {
      stopListening()
      cancelling.value = false
      stage.value = 'finished'
    }
  }

  async function start(begin: () => Promise<api.ApplyStart>) {
    stage.value = 'running'
    error.value = ''
    stale.value = false
    outcome.value = ''
    run.value = null
    liveOps.value = []
    let started: api.ApplyStart
    try {
      started = await begin()
    } catch (reason) {
      showFailure(errorCode(reason), errorText(reason))
      stage.value = 'finished'
      return
    }
    if (started.outcome !== 'started' || !started.jobId) {
      // A plan that is stale, blocked, stopped or already applied is a result: show its state.
      outcome.value = started.outcome
      error.value = messageText(started.message)
      stale.value = started.outcome === 'stale'
      stage.value = 'finished'
      return
    }
    await follow({ id: started.jobId })
  }

  function apply(planId: number, total: number, confirmRemovals: number, confirmCreates = -1) {
    runId.value = 0
    Object.assign(counts, { done: 0, failed: 0, total })
    return start(() => api.applySync(planId, confirmRemovals, confirmCreates))
  }

  function resume() {
    const id = runId.value
    return start(async () => ({ outcome: 'started', jobId: await api.resumeSyncRun(id) }))
  }

  /** The corp's running apply or resume, for a page that opens while it runs (null when none). */
  async function findRunning(corpId: number): Promise<Job | null> {
    try {
      const running = await api.listJobs({ corpId, runningOnly: true })
      return running.find((j) => j.kind === 'apply' || j.kind === 'resume') ?? null
    } catch {
      return null
    }
  }

  /** Shows a running job found by asking, and follows it to its end. */
  function attach(job: Job) {
    run.value = null
    liveOps.value = []
    error.value = ''
    stale.value = false
    runId.value = job.runId
    Object.assign(counts, { done: job.done, failed: job.failed, total: job.total })
    return follow(job)
  }

  async function cancel() {
    if (!jobId.value) return
    cancelling.value = true
    try {
      await api.cancelJob(jobId.value)
    } catch (reason) {
      cancelling.value = false
      throw reason
    }
  }

  function reset() {
    stopListening()
    stage.value = 'idle'
    jobId.value = ''
    runId.value = 0
    run.value = null
    liveOps.value = []
    error.value = ''
    stale.value = false
    outcome.value = ''
  }

  onBeforeUnmount(stopListening)

  return { stage, counts, jobId, runId, run, liveOps, error, stale, outcome, cancelling, apply, resume, findRunning, attach, cancel, reset }
}
