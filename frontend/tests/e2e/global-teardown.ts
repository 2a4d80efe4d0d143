import { readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const here = fileURLToPath(new URL('.', import.meta.url))

export default async function globalTeardown() {
  const pidFile = join(here, '.serve-pid')
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM')
  } catch { /* already gone */ }
  rmSync(pidFile, { force: true })
  if (process.env.E2E_DATA_DIR) rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true })
}
