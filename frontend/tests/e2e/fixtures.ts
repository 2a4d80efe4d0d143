import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'

// A spec that must not share the run's server (it needs a data directory
// of its own) starts one with startServe and points these fixtures at it
// with useServer for its tests, then back with useServer(null).
let own: { baseURL: string; token: string } | null = null
export function useServer(s: { baseURL: string; token: string } | null) {
  own = s
}

export const token = () => own?.token ?? (process.env.E2E_TOKEN as string)

// login opens the URL serve prints: the token in the fragment, which the
// page moves into sessionStorage (no cookie) and out of the address bar.
export async function login(page: Page) {
  await page.goto('/#token=' + token())
  await expect(page.getByTestId('nav-settings')).toBeVisible()
}

// baseURL comes from global-setup (the server picks a random port), so it is
// read when each test starts, not when the config is loaded.
export const test = base.extend({
  baseURL: async ({}, use) => { await use(own?.baseURL ?? process.env.E2E_BASE_URL) },
})
export { expect }

// rpc calls a bound method over serve's RPC endpoint and fails the test with
// the response body when the call fails.
export async function rpc<T>(request: APIRequestContext, method: string, ...args: unknown[]): Promise<T> {
  const res = await request.post('/api/rpc/' + method, { data: args, headers: { Authorization: `Bearer ${token()}` } })
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true)
  return (await res.json()).result as T
}

// waitJob polls a started job (jobs.Started.jobId) until it ends.
export async function waitJob(request: APIRequestContext, jobId: string) {
  for (let i = 0; i < 120; i++) {
    const job = await rpc<{ state: string }>(request, 'GetJob', jobId)
    if (job.state !== 'running' && job.state !== 'queued') return job
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('job did not finish')
}
