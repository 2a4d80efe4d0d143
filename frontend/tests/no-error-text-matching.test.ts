import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Outcomes and refusals are told apart by their code ({code, args, zh, en}),
// never by what their text says: no component or composable matches error
// text. This reads the source of src/ and fails on the ways it used to.
const root = join(__dirname, '..', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

const textMatching = [
  // a regular expression tested against an error's text or message
  /\.test\(\s*(message|msg|text|refusal|reason|error|err|e)\b/,
  /\.test\(\s*errorText\(/,
  // includes/match/startsWith on a message or an error's text
  /\b(message|refusal|errorText\([^)]*\))\.(includes|match|startsWith|endsWith)\(/,
  /\.message\.(includes|match|startsWith|endsWith|indexOf)\(/,
  // a regular expression with Chinese in it (a Chinese error text to recognise)
  /\/[^/\n]*\p{Script=Han}[^/\n]*\/[gimsuy]*\.test\(/u,
]

export function findTextMatching(source: string): string[] {
  return source.split('\n').filter((line) => textMatching.some((re) => re.test(line)))
}

describe('no component matches error text', () => {
  it('the detector finds the old ways', () => {
    expect(findTextMatching("  return /stale|请重新预览|preview again/i.test(message)")).toHaveLength(1)
    expect(findTextMatching("    if (!/\\bforce\\b/.test(refusal)) {")).toHaveLength(1)
    expect(findTextMatching("  if (errorText(reason).includes('not pulled')) return")).toHaveLength(1)
    expect(findTextMatching("  stale.value = errorCode(reason) === stalePlanCode")).toEqual([])
  })

  it('src/ has none of them', () => {
    const found: string[] = []
    for (const file of sources(root)) {
      for (const line of findTextMatching(readFileSync(file, 'utf8'))) found.push(`${relative(root, file)}: ${line.trim()}`)
    }
    expect(found).toEqual([])
  })
})
