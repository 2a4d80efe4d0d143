import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'

const here = fileURLToPath(new URL('.', import.meta.url))

export interface Served {
  proc: ChildProcess
  baseURL: string
  token: string
  dataDir: string
  /** Everything serve printed so far (stdout and stderr). */
  output: () => string
}

// startServe runs the real binary (built by `make serve-bin`) on a random
// loopback port and resolves once it prints its address. extraArgs go after
// `serve` (e.g. --token-file); dataDir picks the data directory.
export function startServe(extraEnv: Record<string, string> = {}, extraArgs: string[] = [], dataDir = ''): Promise<Served> {
  const bin = resolve(here, '../../../wecom-bridge')
  dataDir = dataDir || mkdtempSync(join(tmpdir(), 'wb-e2e-'))
  const token = randomBytes(16).toString('hex') // 32 characters, the minimum
  const proc = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--data', dataDir, ...extraArgs], {
    env: { ...process.env, WECOM_BRIDGE_TOKEN: token, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error('serve did not start in 20 s:\n' + out)), 20_000)
    const onData = (b: Buffer) => {
      out += b.toString()
      const m = out.match(/serving on (http:\/\/[0-9.:]+)/)
      if (m) { // keeps collecting afterwards, for output()
        clearTimeout(timer)
        ok({ proc, baseURL: m[1], token, dataDir, output: () => out })
      }
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', (b: Buffer) => { out += b.toString() })
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`serve exited with ${code}:\n${out}`)) })
  })
}
