import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { followJob, JobError, runJob, type Job } from '@/api/jobs'
import { GetJob } from '../wailsjs/go/main/App'
import { fakeRuntime } from './fake-runtime'

vi.mock('../wailsjs/go/main/App', () => ({ GetJob: vi.fn(), ListJobs: vi.fn(), CancelJob: vi.fn() }))

function job(over: Partial<Job> = {}): Job {
  return {
    id: 'job-a', kind: 'apply', corpId: 1, planId: 7, runId: 0, state: 'running', phase: '', done: 0, failed: 0, total: 10,
    startedBy: 'desktop:alice', startedAt: '', finishedAt: '', result: null, error: null, ...over,
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('following one job', () => {
  let runtime: ReturnType<typeof fakeRuntime>
  beforeEach(() => {
    runtime = fakeRuntime()
    vi.stubGlobal('runtime', runtime)
    vi.stubGlobal('go', { main: { App: {} } })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.mocked(GetJob).mockReset()
  })

  it('sees its own job only, and ends with it', async () => {
    vi.mocked(GetJob).mockResolvedValue(job() as never)
    const seen: Job[] = []
    const f = followJob('job-a', (j) => seen.push(j))
    await flush()
    runtime.emit('job:update', job({ id: 'job-b', corpId: 2, planId: 8, runId: 99, done: 9 }))
    runtime.emit('job:update', job({ runId: 41, done: 3 }))
    runtime.emit('job:update', job({ id: 'job-b', corpId: 2, state: 'done' }))
    runtime.emit('job:update', job({ runId: 41, done: 10, state: 'done', result: { id: 41 } }))
    const ended = await f.done
    expect(ended.state).toBe('done')
    expect(seen.every((j) => j.id === 'job-a')).toBe(true)
    expect(seen.map((j) => j.done)).toEqual([0, 3, 10])
    expect(runtime.count('job:update')).toBe(0)
  })

  it('a job that ended before anyone listened is read once', async () => {
    vi.mocked(GetJob).mockResolvedValue(job({ state: 'failed', error: { code: 'stale_plan', args: {}, zh: '计划已过期', en: 'stale' } }) as never)
    const ended = await followJob('job-a').done
    expect(ended.error?.code).toBe('stale_plan')
  })

  it('runJob returns the result of a done job and throws a coded JobError otherwise', async () => {
    vi.mocked(GetJob).mockResolvedValue(job({ state: 'done', result: { membersPulled: 5 } }) as never)
    await expect(runJob(async () => ({ jobId: 'job-a' }))).resolves.toEqual({ membersPulled: 5 })
    vi.mocked(GetJob).mockResolvedValue(job({ state: 'cancelled', error: { code: 'cancelled', args: {}, zh: '操作已取消。', en: 'The operation was cancelled.' } }) as never)
    const err = await runJob(async () => ({ jobId: 'job-a' })).catch((e) => e)
    expect(err).toBeInstanceOf(JobError)
    expect((err as JobError).job.state).toBe('cancelled')
  })
})
