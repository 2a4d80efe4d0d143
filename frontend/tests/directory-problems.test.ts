// Rejected import rows carry a problem code with arguments; the preview says
// them in the admin's language, and falls back to the English message for a
// code it does not know.
import { describe, expect, it } from 'vitest'
import { catalogueEn, catalogueZh } from '@/api/generated/catalogue'
import { createAppI18n, type Language } from '@/locales'
import directoryEn from '@/locales/features/directory.en'
import directoryZh from '@/locales/features/directory.zh-CN'
import ImportPreviewRows from '@/views/directory/ImportPreviewRows.vue'
import { columnLabel, problemText } from '@/views/directory/problem-text'
import { importPreview } from './directory-fixtures'
import { mountApp } from './mount-app'

function problemIn(locale: Language) {
  const { t, te } = createAppI18n(locale).global
  return (code: string | undefined, args?: Record<string, string>, field = 'account', message = 'the English message') =>
    problemText({ t, te }, { field, message, code, args: args ?? {} })
}

describe('import problems', () => {
  const zh = problemIn('zh-CN')
  const en = problemIn('en')

  it('say each problem in Chinese', () => {
    expect(zh('account_empty')).toBe('缺少账号：请填写“账号”列')
    expect(zh('account_space', { value: 'li na' })).toBe('账号“li na”含空格：账号用于登录，不能有空格')
    expect(zh('account_too_long', { value: 'x', length: '65' })).toBe('账号“x”有 65 个字符，企业微信最多允许 64 个')
    expect(zh('name_empty')).toBe('缺少姓名：请填写“姓名”列')
    expect(zh('control_char', { field: 'position', value: '高级\\n', char: 'U+000A' })).toBe('职位“高级\\n”含换行、控制字符或不可见的文字方向符（U+000A），请重新输入')
    expect(zh('too_long', { field: 'name', value: '长长…', length: '100000', limit: '64' })).toBe('姓名“长长…”有 100000 个字符，企业微信最多允许 64 个：请缩短')
    expect(zh('dept_too_deep', { value: 'a/b', depth: '16', limit: '15' })).toBe('部门“a/b”有 16 层，企业微信最多允许 15 层：请缩短路径')
    expect(zh('row_short', { fields: '2', expected: '8', missing: 'mobile' })).toMatch(/^该行只有 2 个字段，表头有 8 个，手机及其后的列没有单元格/)
    expect(zh('mobile_invalid', { value: '12345' })).toMatch(/^手机号格式不对：“12345”。/)
    expect(zh('email_invalid', { value: 'liuyang@' })).toBe('邮箱格式不对：“liuyang@”，应为 name@example.com 的形式')
    expect(zh('status_unknown', { value: '在岗' })).toMatch(/^状态“在岗”无法识别/)
    expect(zh('dept_empty_level', { value: '总部//研发' })).toBe('部门“总部//研发”中两个 / 之间是空的，应写成 总部/研发中心/后端组')
    expect(zh('dept_name_forbidden', { value: '研发:后端', char: ':', forbidden: '/;；\\:*?"<>|' })).toBe(
      '部门名称“研发:后端”含“:”：部门名称不能含 /;；\\:*?"<>| 中的字符（/ 和 ; 在导入文件中用来分隔路径，其余企业微信不接受）',
    )
    expect(zh('account_duplicate', { account: 'ZhangWei', first: '2', count: '3', others: '4, 6' })).toBe(
      '账号 ZhangWei 出现在 3 行（其他行包括第 4、6 行）：只保留一行后重新导入',
    )
  })

  it('say each problem in English', () => {
    expect(en('account_empty')).toBe('Account is empty: fill in the account column')
    expect(en('email_invalid', { value: 'liuyang@' })).toBe('Email “liuyang@” is not a valid address (expected name@example.com)')
    expect(en('control_char', { field: 'employee_no', value: 'E\\u202e1', char: 'U+202E' })).toBe(
      'Employee no. “E\\u202e1” contains a line break, a control character or an invisible text-direction mark (U+202E); retype it',
    )
    expect(en('account_duplicate', { account: 'a1', first: '2', count: '5000', others: '2, 6, 7, 8, 9' })).toBe(
      'Account a1 is on 5000 lines; the other lines include 2, 6, 7, 8, 9: keep one of these rows and import again',
    )
    expect(en('too_many_depts', { limit: '100' })).toBe('More than 100 departments: WeCom allows at most 100 per member; keep the ones that matter')
  })

  it('fall back to the English message for an empty or unknown code', () => {
    expect(zh(undefined, undefined, 'mobile', '"12345" is not a mobile number')).toBe('"12345" is not a mobile number')
    expect(zh('', {}, 'mobile', 'old preview')).toBe('old preview')
    expect(en('from_a_newer_backend', { value: 'x' }, 'name', 'something new')).toBe('something new')
  })

  it('come from the Go catalogue only', () => {
    expect(catalogueZh.directory_problem_account_empty).toBe('缺少账号：请填写“账号”列')
    expect(catalogueEn.directory_problem_account_empty).toBe('Account is empty: fill in the account column')
    expect(Object.keys(directoryZh)).not.toContain('problems')
    expect(Object.keys(directoryEn)).not.toContain('problems')
  })

  it('name columns from the Go catalogue, the name itself when unknown', () => {
    const zhI18n = createAppI18n('zh-CN').global
    const enI18n = createAppI18n('en').global
    expect(columnLabel(zhI18n, 'wecom_userid')).toBe(catalogueZh.directory_column_wecom_userid)
    expect(columnLabel(enI18n, 'employee_no')).toBe('Employee no.')
    expect(columnLabel(enI18n, 'from_a_newer_backend')).toBe('from_a_newer_backend')
    expect(en('too_long', { field: 'mobile', value: '1', length: '99', limit: '64' })).toMatch(/^Mobile “1” is 99 characters long/)
    expect(Object.keys(directoryZh)).not.toContain('fields')
    expect(Object.keys(directoryEn)).not.toContain('fields')
  })
})

describe('the rejected rows of an import preview', () => {
  it('list each problem in Chinese, and the English message of a problem without a code', async () => {
    const preview = importPreview(
      { reject: 2 },
      {
        rejected: [
          { line: 12, account: '', problems: [{ field: 'account', message: 'account is empty: fill in the account column', code: 'account_empty', args: {} }] },
          {
            line: 8,
            account: 'ZhangWei',
            problems: [
              {
                field: 'account',
                message: 'account ZhangWei is on 2 lines; the other lines include 3: keep one of these rows and import again',
                code: 'account_duplicate',
                args: { account: 'ZhangWei', first: '3', count: '2', others: '3' },
              },
              { field: 'mobile', message: 'mobile "12345" is not a valid mobile number', args: {} },
            ],
          },
        ],
      },
    )
    const { wrapper } = await mountApp(ImportPreviewRows, { props: { preview } })
    expect(wrapper.find('[data-testid="import-rejected-row-12"]').find('.problem').text()).toBe('账号: 缺少账号：请填写“账号”列')
    const problems = wrapper.find('[data-testid="import-rejected-row-8"]').findAll('.problem')
    expect(problems.map((p) => p.text())).toEqual(['账号: 账号 ZhangWei 出现在 2 行（其他行包括第 3 行）：只保留一行后重新导入', '手机: mobile "12345" is not a valid mobile number'])
    expect(problems[0].attributes('data-code')).toBe('account_duplicate')
    wrapper.unmount()
  })
})
