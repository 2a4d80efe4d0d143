// The push rules list's search and enabled filter, done in the browser: an
// organisation has tens of rules, not thousands.
import type { Corp, PushRule, PushTarget } from '@/api'

export type RuleStatusFilter = 'all' | 'enabled' | 'disabled'
export const ruleStatusFilters: RuleStatusFilter[] = ['all', 'enabled', 'disabled']

/** The corp and app of a target by name, or null when the corp or app is gone. */
export function targetNames(corps: Corp[], target: PushTarget, corpName: (c: Corp) => string = (c) => c.name): { corp: string; app: string } | null {
  const corp = corps.find((c) => c.id === target.corp_id)
  const app = corp?.apps.find((a) => a.agentId === target.agent_id)
  return corp && app ? { corp: corpName(corp), app: app.name } : null
}

/** What a search can match in a rule: its name, source and each target's corp, app and AgentId. */
export function ruleSearchText(rule: PushRule, corps: Corp[], sourceLabel: string, corpName?: (c: Corp) => string): string {
  const targets = rule.targets.flatMap((target) => {
    const names = targetNames(corps, target, corpName)
    return [names?.corp ?? '', names?.app ?? '', String(target.agent_id)]
  })
  return [rule.name, rule.source, sourceLabel, ...targets].join('\n').toLowerCase()
}

export function filterRules(
  rules: PushRule[],
  corps: Corp[],
  query: string,
  status: RuleStatusFilter,
  sourceLabel: (source: string) => string,
  corpName?: (c: Corp) => string,
): PushRule[] {
  const q = query.trim().toLowerCase()
  return rules.filter(
    (rule) =>
      (status === 'all' || rule.enabled === (status === 'enabled')) &&
      (!q || ruleSearchText(rule, corps, sourceLabel(rule.source), corpName).includes(q)),
  )
}
