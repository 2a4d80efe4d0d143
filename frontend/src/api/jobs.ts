// Long jobs (apply, resume, pull, rematch, imports, exports): the bound call
// returns {jobId} at once; the job's states arrive as "job:update" events
// carrying its id, corp and plan. A page follows exactly the job it started
// (followJob), cancels it by id, and, when it opens again, finds a running
// job by asking (listJobs) rather than by listening for the first event.
import { CancelJob, GetJob, ListJobs } from '../../wailsjs/go/main/App'
import { jobs } from '../../wailsjs/go/models'
import { ApiError, call } from './call'
import type { Message } from './message'
import { onEvent, type Unsubscribe } from './events'
import { jobUpdateEvent, type JobKind, type JobState } from './generated/contract'


/** Why a job did not end done: the admin's message (a stable code, its arguments, both texts). */
export type JobFailure = Message

/** One job (backend/jobs Job); times are ISO strings, finishedAt is the zero time while it runs. */
export interface Job {
  id: string
  kind: JobKind
  corpId: number
  planId: number
  runId: number
  state: JobState
  phase: string
  done: number
  failed: number
  total: number
  startedBy: string
  startedAt: string
  finishedAt: string
  /** What the work returned (also when it ended with an error). */
  result: unknown
  error: JobFailure | null
}

export interface JobFilter {
  corpId?: number
  kind?: JobKind
  runningOnly?: boolean
}

/** What a bound method that starts a job returns. */
export interface StartedJob {
  jobId: string
}


/** A job that ended failed or cancelled, as an error; the job (and its result) stay reachable. */
export class JobError extends ApiError {
  readonly job: Job
  constructor(job: Job) {
    super(job.error ?? { code: job.state, args: {}, zh: job.state, en: job.state })
    this.name = 'JobError'
    this.job = job
  }
}

export async function getJob(id: string): Promise<Job> {
  return (await call(() => GetJob(id))) as unknown as Job
}

/** Jobs the filter selects, running ones first. */
export async function listJobs(filter: JobFilter = {}): Promise<Job[]> {
  const f = jobs.Filter.createFrom({ corpId: 0, kind: '', runningOnly: false, ...filter })
  return (await call(() => ListJobs(f))) as unknown as Job[]
}

/** Stops one job; other jobs (another tab's, a schedule's) run on. */
export async function cancelJob(id: string): Promise<void> {
  await call(() => CancelJob(id))
}

export function onJobUpdate(handler: (job: Job) => void): Unsubscribe {
  return onEvent<Job>(jobUpdateEvent, handler)
}

export interface FollowedJob {
  /** Resolves with the job once it has ended (in any state). */
  done: Promise<Job>
  /** Stops following (the job itself runs on). */
  stop: Unsubscribe
}

/**
 * Follows one job: onUpdate sees that job's states only, never another
 * job's. The job is also read once, so a job that ended before the events
 * were subscribed (or a page that reopens) still gets its end.
 */
export function followJob(id: string, onUpdate: (job: Job) => void = () => {}): FollowedJob {
  let ended = false
  let heard = false
  let resolve: (job: Job) => void = () => {}
  let reject: (reason: unknown) => void = () => {}
  const done = new Promise<Job>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  const deliver = (job: Job) => {
    if (ended) return
    onUpdate(job)
    if (job.state !== 'running') {
      ended = true
      off()
      resolve(job)
    }
  }
  const off = onJobUpdate((job) => {
    if (job.id !== id) return
    heard = true
    deliver(job)
  })
  getJob(id).then(
    (job) => {
      if (!heard || job.state !== 'running') deliver(job)
    },
    (reason) => {
      if (ended) return
      ended = true
      off()
      reject(reason)
    },
  )
  return {
    done,
    stop: () => {
      ended = true
      off()
    },
  }
}

/** The job's result when it ended done; a JobError otherwise. */
export function jobResult<T>(job: Job): T {
  if (job.state !== 'done') throw new JobError(job)
  return job.result as T
}

/** Starts a job and waits for its result (for short jobs whose page shows no progress). */
export async function runJob<T>(start: () => Promise<StartedJob>, onUpdate?: (job: Job) => void): Promise<T> {
  const { jobId } = await call(start)
  return jobResult<T>(await followJob(jobId, onUpdate).done)
}
