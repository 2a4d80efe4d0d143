// Review rows and refused 关联导入 lines carry a reason code with arguments;
// the screen says them in the admin's language, and falls back to the
// English text for a code it does not know.
import { describe, expect, it } from 'vitest'
import { createAppI18n, type Language } from '@/locales'
import bindingsEn from '@/locales/features/bindings.en'
import bindingsZh from '@/locales/features/bindings.zh-CN'
import { catalogueEn, catalogueZh } from '@/api/generated/catalogue'
import type { BindingRow } from '@/api'
import MatchCell from '@/views/bindings/MatchCell.vue'
import { bindingReasonText, methodLabel, methodText } from '@/views/bindings/reason-text'
import { mountApp } from './mount-app'

function reasonIn(locale: Language) {
  const { t, te, locale: current } = createAppI18n(locale).global
  return (code: string | undefined, args?: Record<string, string>, fallback = 'the English text') =>
    bindingReasonText({ t, te, locale: current }, code, args ?? {}, fallback)
}

describe('binding reasons', () => {
  const zh = reasonIn('zh-CN')
  const en = reasonIn('en')

  it('say name matches the way an admin reads them', () => {
    expect(zh('name_same_dept', { name: '张伟', dept: '后端组' })).toBe('两边各只有一个“张伟”；同部门 后端组')
    expect(en('name_same_dept', { name: '张伟', dept: '后端组' })).toBe('Only one “张伟” on each side; same department 后端组')
    expect(zh('name_depts_differ', { name: 'Tom Li' })).toBe('两边各只有一个“Tom Li”；部门不同，请核对')
    expect(zh('namesake_dept', { name: '张伟', locals: '3', wecom: '2', dept: '后端组', score: '0.75' })).toBe(
      '同名“张伟”（本地 3 个，企业微信 2 个）：按部门 后端组 区分，部门相似度 0.75',
    )
    expect(zh('namesake_ambiguous', { name: '张伟', locals: '1', wecom: '2' })).toBe('同名“张伟”（本地 1 个，企业微信 2 个），部门无法区分，请人工选择')
    expect(en('namesake_ambiguous', { name: '张伟', locals: '1', wecom: '2' })).toBe(
      'Namesakes “张伟” (1 local, 2 WeCom): departments do not tell them apart; choose by hand',
    )
  })

  it('say key matches and conflicts, naming methods and joining lists per language', () => {
    expect(zh('key_userid', { userid: 'zhangwei', account: 'ZhangWei' })).toBe('企业微信 UserID zhangwei = 本地账号 ZhangWei')
    expect(zh('key_employee_no', { userid: 'e001', employee_no: 'E001' })).toBe('企业微信 UserID e001 = 工号 E001')
    expect(zh('key_mobile', { mobile: '13812345678' })).toBe('手机号相同：13812345678')
    expect(en('key_email', { email: 'a@x.cn' })).toBe('Same email a@x.cn')
    expect(zh('key_conflict', { userids: 'A, B', methods: 'mobile, email' })).toBe('各关联字段指向不同的企业微信成员：A（手机号）、B（邮箱），请人工选择')
    expect(en('key_conflict', { userids: 'A, B', methods: 'mobile, email' })).toBe(
      'Keys point at different WeCom members: A (mobile), B (email); choose by hand',
    )
    expect(zh('key_shared', { method: 'mobile', accounts: 'x, y' })).toBe('多个本地账号的手机号与此成员相同：x、y，请人工选择')
    expect(zh('confirmed_earlier_by', { method: 'name+department' })).toBe('此前已确认（匹配方式：姓名+部门）')
    expect(zh('proposed_by', { method: 'import' })).toBe('关联导入的建议，待确认')
    expect(zh('confirmed_earlier')).toBe('此前已确认')
  })

  it('name methods from the catalogue: as written inside a sentence, with a capital standing alone', () => {
    const zhI18n = createAppI18n('zh-CN').global
    const enI18n = createAppI18n('en').global
    expect(methodLabel(zhI18n, 'mobile_lookup')).toBe(catalogueZh.binding_method_mobile_lookup)
    expect(methodLabel(zhI18n, 'name+department')).toBe('姓名+部门')
    expect(methodText(enI18n, 'existing')).toBe(catalogueEn.binding_method_existing)
    expect(methodLabel(enI18n, 'existing')).toBe('An earlier binding')
    expect(methodLabel(enI18n, 'name+department')).toBe('Name + department')
    expect(methodLabel(enI18n, 'from_a_newer_backend')).toBe('from_a_newer_backend')
    expect(methodText(enI18n, 'from_a_newer_backend')).toBe('from_a_newer_backend')
    expect(methodText(enI18n, '')).toBe('')
  })

  it('say what people did, keeping the reason of a resolved ambiguous row', () => {
    expect(zh('bound_by_hand', { actor: 'gui:admin' })).toBe('由 gui:admin 手动绑定')
    expect(zh('imported_by', { actor: 'gui:admin', line: '12' })).toBe('由 gui:admin 关联导入（第 12 行）')
    expect(zh('rejected_by', { actor: 'gui:admin' })).toBe('已由 gui:admin 拒绝，不会再被建议')
    expect(zh('rejected_by_at', { actor: 'gui:admin', at: 'not a time' })).toBe('已由 gui:admin 于 not a time 拒绝，不会再被建议')
    expect(zh('rejected_by_at', { actor: 'a', at: '2026-03-01T08:00:00Z' })).toMatch(/^已由 a 于 2026.*拒绝/)
    const chosen = { actor: 'gui:admin', count: '3', reason_code: 'namesake_ambiguous', 'reason.name': '张伟', 'reason.locals': '3', 'reason.wecom': '2' }
    expect(zh('chosen', chosen)).toBe('由 gui:admin 从 3 个候选中选定（同名“张伟”（本地 3 个，企业微信 2 个），部门无法区分，请人工选择）')
    expect(zh('chosen', { actor: 'gui:admin', count: '3' })).toBe('由 gui:admin 从 3 个候选中选定')
  })

  it('say refused import lines', () => {
    expect(zh('import_unknown_key', { field: 'employee_no', value: 'E9' })).toBe(
      '没有本地账号的工号是“E9”：请核对，或先把该账号加入本地通讯录并重新匹配',
    )
    expect(zh('import_shared_key', { field: 'mobile', value: '138', count: '2', accounts: 'a, b' })).toBe(
      '手机号“138”属于 2 个本地账号（a、b）：这一行请改用账号作为关联字段',
    )
    expect(zh('import_duplicate_line', { line: '8' })).toBe('与第 8 行重复：请删除其中一行')
    expect(zh('import_conflict', { field: 'userid', value: 'zw', line: '16' })).toBe('企业微信 UserID zw 在第 16 行也出现，但对应另一方不同：只保留一行')
    expect(en('import_account_bound', { account: 'u9', userid: 'sun7', row: '5' })).toBe(
      'Account u9 is already bound to sun7; unbind it first, or delete this line',
    )
  })

  it('fall back to the English text for an empty or unknown code', () => {
    expect(zh(undefined, undefined, 'same mobile 13505164821')).toBe('same mobile 13505164821')
    expect(zh('', {}, 'confirmed earlier')).toBe('confirmed earlier')
    expect(zh('from_a_newer_backend', { x: '1' }, 'something new')).toBe('something new')
    expect(en('from_a_newer_backend', undefined, 'something new')).toBe('something new')
  })

  it('has every message in both languages, from the Go catalogue only', () => {
    expect(Object.keys(catalogueEn).sort()).toEqual(Object.keys(catalogueZh).sort())
    expect(catalogueZh.binding_reason_key_mobile_lookup).toBe('企业微信确认手机号 {mobile} 属于 {userid}')
    // The page's own strings do not copy the catalogue.
    expect(JSON.stringify(bindingsZh)).not.toContain('企业微信确认手机号')
    expect(JSON.stringify(bindingsEn)).not.toContain('WeCom confirms mobile')
  })
})

describe('the match cell', () => {
  const row = (extra: Partial<BindingRow>): BindingRow => ({ id: 7, state: 'proposed', method: 'name', confidence: 0.6, reason_args: {}, conflicts: [], candidates: [], ...extra }) as BindingRow

  it('explains the row in Chinese and keeps the English reason as data', async () => {
    const { wrapper } = await mountApp(MatchCell, {
      props: { row: row({ reason: 'only one “张伟” on each side; same department 后端组', reason_code: 'name_same_dept', reason_args: { name: '张伟', dept: '后端组' } }) },
    })
    const cell = wrapper.find('[data-testid="row-match-7"]')
    expect(cell.attributes('data-reason-text')).toBe('两边各只有一个“张伟”；同部门 后端组')
    expect(cell.attributes('data-reason-code')).toBe('name_same_dept')
    expect(cell.attributes('data-reason')).toBe('only one “张伟” on each side; same department 后端组')
    wrapper.unmount()
  })

  it('shows the English reason of a row stored before reason codes', async () => {
    const { wrapper } = await mountApp(MatchCell, { props: { row: row({ reason: 'same mobile 13505164821' }) } })
    expect(wrapper.find('[data-testid="row-match-7"]').attributes('data-reason-text')).toBe('same mobile 13505164821')
    wrapper.unmount()
  })
})

describe('counts in English', () => {
  const { t } = createAppI18n('en').global
  it('use plural forms, not "(s)"', () => {
    expect(t('bindingsPage.done.confirmed', { count: 1 }, 1)).toBe('Confirmed 1 binding')
    expect(t('bindingsPage.done.confirmed', { count: 3 }, 3)).toBe('Confirmed 3 bindings')
    expect(t('bindingsPage.import.skipped', { count: 1 }, 1)).toBe('1 line with one side only, skipped')
    expect(JSON.stringify(bindingsEn)).not.toMatch(/\w\(s\)/)
    expect(createAppI18n('zh-CN').global.t('bindingsPage.done.confirmed', { count: 3 }, 3)).toBe(bindingsZh.done.confirmed.replace('{count}', '3'))
  })
})
