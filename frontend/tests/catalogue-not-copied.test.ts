// Texts the UI takes from the Go catalogue (api/generated/catalogue.ts, made
// by `make generate`) are not written a second time in the locales: not the
// groups that were moved there, and no sentence of the catalogue under
// another key. Short words ("邮箱", "Status") may legitimately recur as a
// page's own column or button names, so only sentences are compared.
import { describe, expect, it } from 'vitest'
import { catalogueEn, catalogueZh } from '@/api/generated/catalogue'
import en from '@/locales/en'
import { featuresEn, featuresZh } from '@/locales/features'
import zhCN from '@/locales/zh-CN'

/** Locale groups whose texts now come from the catalogue, and the codes they came from. */
const moved: Record<string, string> = {
  'syncPage.opTypes': 'sync_op_*',
  'syncPage.ops.fields': 'sync_field_*',
  'syncPage.ops.values': 'sync_value_*',
  'syncPage.ops.states': 'sync_state_*',
  'syncPage.ops.emptyValue': 'sync_value_empty',
  'setupPage.fields': 'field_<form>_* (setupFieldLabels)',
  'directoryPage.problems': 'directory_problem_*',
  'directoryPage.fields': 'directory_column_*',
  'bindingsPage.reasons': 'binding_reason_*',
  'bindingsPage.method': 'binding_method_*',
  'bindingsPage.state': 'binding_state_*',
  'bindingsPage.filter.review': 'binding_state_proposed',
  'bindingsPage.filter.ambiguous': 'binding_state_ambiguous',
  'bindingsPage.filter.confirmed': 'binding_state_confirmed',
  'bindingsPage.filter.rejected': 'binding_state_rejected',
  'bindingsPage.filter.unbound_local': 'binding_state_unbound_local',
  'bindingsPage.filter.unbound_wecom': 'binding_state_unbound_wecom',
  'directoryPage.status': 'directory_account_status_*',
}

function leaves(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]))
}

/** A catalogue text long or shaped enough that an equal locale text is a copy, not a shared word. */
const sentence = (text: string) => /[{：，；。:;,]/.test(text) || [...text].length >= 24

const locales = [
  { name: 'zh-CN', strings: leaves({ ...zhCN, ...featuresZh }), catalogue: catalogueZh as Record<string, string> },
  { name: 'en', strings: leaves({ ...en, ...featuresEn }), catalogue: catalogueEn as Record<string, string> },
]

describe('catalogue texts in the locales', () => {
  it.each(locales)('$name has none of the moved groups', ({ strings }) => {
    const found = strings.filter(([key]) => Object.keys(moved).some((group) => key === group || key.startsWith(`${group}.`)))
    expect(found.map(([key]) => key)).toEqual([])
  })

  it.each(locales)('$name copies no catalogue sentence', ({ strings, catalogue }) => {
    const codeOf = new Map(Object.entries(catalogue).filter(([, text]) => sentence(text)).map(([code, text]) => [text, code]))
    const found = strings.filter(([, text]) => codeOf.has(text)).map(([key, text]) => `${key} = catalogue ${codeOf.get(text)}: ${text}`)
    expect(found).toEqual([])
  })

  it('the detector sees a copied sentence and lets a shared word pass', () => {
    expect(sentence(catalogueZh.directory_problem_account_empty)).toBe(true)
    expect(sentence(catalogueEn.sync_field_extattr)).toBe(true)
    expect(sentence(catalogueEn.directory_problem_dept_name_empty)).toBe(true)
    expect(sentence(catalogueZh.sync_field_email)).toBe(false)
    expect(sentence(catalogueEn.sync_field_parent)).toBe(false)
    expect(sentence(catalogueEn.sync_field_status)).toBe(false)
  })
})
