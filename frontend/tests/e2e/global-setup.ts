import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { startServe } from './serve-process'

const here = fileURLToPath(new URL('.', import.meta.url))

export default async function globalSetup() {
  const s = await startServe()
  process.env.E2E_BASE_URL = s.baseURL
  process.env.E2E_TOKEN = s.token
  process.env.E2E_DATA_DIR = s.dataDir
  writeFileSync(join(here, '.serve-pid'), String(s.proc.pid))
  s.proc.unref()
}
