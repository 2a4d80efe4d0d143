// The words of an operation row: translated field names, no raw keys, no ∅,
// and a disable that does not read like a wipe.
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/locales'
import type { PlanOp } from '@/api'
import { changeSummary, valueRows } from '@/views/sync/op-values'

function translator(locale: 'en' | 'zh-CN') {
  const { t } = createAppI18n(locale).global
  return (key: string, args?: Record<string, unknown>) => t(key, args ?? {})
}

const disable: Pick<PlanOp, 'before' | 'after'> = {
  before: { userid: 'amy', account: 'amy.li', name: 'Amy Li', departments: [{ id: 2, path: '总部/研发中心' }], status: 1, enable: 1 },
  after: { userid: 'amy', enable: 0 },
}

describe('operation rows', () => {
  it('a disable says enabled → disabled and leaves the name unchanged, in English', () => {
    const t = translator('en')
    const rows = valueRows(disable, t)
    const name = rows.find((r) => r.field === 'name')!
    expect(name).toMatchObject({ label: 'Name', before: 'Amy Li', after: '(unchanged)', changed: false })
    expect(rows.find((r) => r.field === 'enable')).toMatchObject({ label: 'Enabled', before: 'enabled', after: 'disabled', changed: true })
    const summary = changeSummary(disable, rows, t)
    expect(summary.text).toBe('Enabled: enabled → disabled')
    expect(summary.text).not.toMatch(/∅|name:|Amy Li →/)
  })

  it('in Chinese, with the status in words and no raw key', () => {
    const t = translator('zh-CN')
    const rows = valueRows(disable, t)
    expect(rows.find((r) => r.field === 'status')).toMatchObject({ label: '激活状态', before: '已激活', after: '（不变）' })
    expect(changeSummary(disable, rows, t).text).toBe('启用状态: 启用 → 禁用')
    for (const r of rows) expect(r.label).not.toMatch(/^[a-z]+[A-Z]?[a-z]*$/)
  })

  it('an emptied field says (empty), a create names what it sets, a delete says it deletes', () => {
    const t = translator('en')
    const update = { before: { userid: 'amy', email: 'amy@example.com', extattrs: { 工号: '7' } }, after: { userid: 'amy', email: '', extattrs: { 工号: '8' } } }
    const rows = valueRows(update, t)
    expect(rows.find((r) => r.field === 'email')).toMatchObject({ label: 'Email', before: 'amy@example.com', after: '(empty)', changed: true })
    expect(rows.find((r) => r.field === 'extattr:工号')).toMatchObject({ label: 'Custom field 工号', before: '7', after: '8' })

    const create = { before: undefined, after: { userid: 'bob', name: 'Bob', mobile: '13800000000' } }
    const c = valueRows(create, t)
    expect(c.find((r) => r.field === 'name')).toMatchObject({ before: '(new)', after: 'Bob', changed: true })
    expect(changeSummary(create, c, t).text).toBe('Name: Bob  Mobile: 13800000000')

    const del = { before: { userid: 'amy', name: 'Amy Li' }, after: undefined }
    const d = valueRows(del, t)
    expect(d.find((r) => r.field === 'name')).toMatchObject({ before: 'Amy Li', after: '(deleted)' })
    expect(changeSummary(del, d, t).text).toBe('Deletes Amy Li')
  })

  it('names fields and values with the Go catalogue words, as the plan export does', () => {
    const t = translator('zh-CN')
    const resign = { before: { account: 'amy.li', resigned: false, newThing: 'a' }, after: { account: 'amy.li', resigned: true, newThing: 'b' } }
    const rows = valueRows(resign, t)
    expect(rows.find((r) => r.field === 'resigned')).toMatchObject({ label: '在职状态', before: '在职', after: '离职', changed: true })
    expect(rows.find((r) => r.field === 'newThing')).toMatchObject({ label: '字段 newThing' })
    expect(valueRows(resign, translator('en')).find((r) => r.field === 'resigned')).toMatchObject({ label: 'Employment status', before: 'active', after: 'resigned' })
  })
})
