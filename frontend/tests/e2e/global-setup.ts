import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startServe } from './serve-process'

// Starts one `wecom-bridge serve` for the whole run and returns the teardown
// that stops it, so concurrent runs never share a pid file.
export default async function globalSetup() {
  const s = await startServe()
  process.env.E2E_BASE_URL = s.baseURL
  process.env.E2E_TOKEN = s.token
  process.env.E2E_DATA_DIR = s.dataDir
  s.proc.unref()
  return async () => {
    s.proc.kill('SIGTERM')
    // Kept beside the results: an "internal error (reference …)" in a failed spec is explained here.
    const dir = fileURLToPath(new URL('../../../.e2e/', import.meta.url))
    mkdirSync(dir, { recursive: true })
    writeFileSync(dir + 'serve.log', s.output())
    rmSync(s.dataDir, { recursive: true, force: true })
  }
}
