// The words under a getting-started step: the backend sends the numbers
// (facts) and an English sentence; the screen says the numbers in the
// current language and falls back to the sentence for a step it cannot word.
import type { StartStep } from '@/api'

type Translate = { t: (key: string, args: Record<string, unknown>, plural: number) => string; te: (key: string) => boolean }

/** The number a step's words agree with (English plurals: "1 corp", "2 corps"). */
const pluralFact: Record<string, string> = { connect: 'corps', connectDemo: 'corps', import: 'active', preview: 'syncs', apply: 'syncs' }

export function stepDetailText({ t, te }: Translate, step: StartStep): string {
  const facts = step.facts
  if (Object.keys(facts).length === 0) return step.detail ?? ''
  const key = step.key === 'connect' && facts.demo ? 'connectDemo' : step.key
  const path = `home.facts.${key}`
  return te(path) ? t(path, facts, facts[pluralFact[key]] ?? 1) : (step.detail ?? '')
}
