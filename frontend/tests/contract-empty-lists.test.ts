import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Go returns empty lists, never null (contract.Result fills them), so no
// component guards a bound method's answer with `?? []`. A guard on a value
// that is not loaded yet or not found (`store.startStatus?.steps ?? []`,
// `corps.find(…)?.apps ?? []`) is not this and stays.
const root = join(__dirname, '..', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

const apiAnswerGuard = /\(\s*await\s+api\.\w+\([^)]*\)\s*\)\s*\?\?\s*\[\]/

describe('answers from Go', () => {
  it('the detector finds a guarded answer', () => {
    expect(apiAnswerGuard.test('const found = (await api.listPendingPreviews(props.corpId)) ?? []')).toBe(true)
    expect(apiAnswerGuard.test('for (const step of store.startStatus?.steps ?? [])')).toBe(false)
  })

  it('are used as they come: no `(await api.x()) ?? []`', () => {
    const found: string[] = []
    for (const file of sources(root)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (apiAnswerGuard.test(line)) found.push(`${relative(root, file)}: ${line.trim()}`)
    }
    expect(found).toEqual([])
  })
})
