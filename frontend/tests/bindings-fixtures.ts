// Data for the bindings page tests, shaped like the backend's answers, and
// the mocks every test of the page needs.
import { vi } from 'vitest'
import * as api from '@/api'
import type { BindingCandidate, BindingRow, BindingSummary, MirrorSummary } from '@/api'
import { startStatus } from './fixtures'
import { app, corp } from './setup-fixtures'

export const demoCorp = { id: 1, name: '演示企业 (DEMO)', corpId: 'ww6edf3e89df9daa9e', demo: true }

export function mirrorSummary(overrides: Partial<MirrorSummary> = {}): MirrorSummary {
  return {
    corpId: 1,
    hasMirror: true,
    runId: 1,
    pulledAt: '2026-11-22T05:40:37.146Z',
    departments: 40,
    users: 500,
    privacyRestricted: false,
    running: false,
    ...overrides,
  }
}

export function bindingSummary(overrides: Partial<BindingSummary> = {}): BindingSummary {
  return {
    lookups: { via: '', wanted: 0, cached: 0, calls: 0, found: 0, failed: 0, skipped: 0 },
    membersPulled: 500,
    localAccounts: 29,
    toConfirm: 26,
    ambiguous: 1,
    confirmed: 2,
    rejected: 0,
    unboundLocal: 2,
    unboundWecom: 472,
    toCreate: 454,
    skippedLocals: 0,
    skippedMembers: 0,
    staleDecisions: 0,
    conflicts: 0,
    matchedAt: '2026-11-22T05:40:39.966Z',
    matchedBy: 'admin',
    ...overrides,
  }
}

export const mobileRow: BindingRow = {
  id: 1, state: 'proposed', method: 'mobile', confidence: 0.97, reason: 'same mobile 13505164821',
  account: 'E1000', localName: '何丽涛', localDept: '福州分公司/综合管理部/项目组', localMobile: '135****4821', localPosition: '组长',
  userid: 'helitao', wecomName: '何丽涛', wecomDept: '星河科技有限公司/福州分公司/综合管理部/项目组', wecomMobile: '135****4821',
  candidates: [],
  reason_args: {}, conflicts: [],
}

export const nameRow: BindingRow = {
  id: 10, state: 'proposed', method: 'name', confidence: 0.6, reason: 'only one “吴雨涵” on each side; same department 西安分公司',
  account: 'E1009', localName: '吴雨涵', localDept: '西安分公司', userid: 'wuyuhan', wecomName: '吴雨涵', wecomDept: '星河科技有限公司/西安分公司',
  candidates: [],
  reason_args: {}, conflicts: [],
}

export const nameDeptRow: BindingRow = {
  id: 22, state: 'confirmed', method: 'name+department', confidence: 0.8, reason: 'namesakes “张伟” (3 local, 4 WeCom); department 前端技术部 fits best (score 0.88)',
  account: 'E9002', localName: '张伟', localDept: '总部/研发中心/前端技术部', userid: 'zhangwei3', wecomName: '张伟', wecomDept: '星河科技有限公司/总部/研发中心/前端技术部',
  candidates: [],
  reason_args: {}, conflicts: [],
}

export const useridRow: BindingRow = {
  id: 24, state: 'confirmed', method: 'userid', confidence: 0.99, reason: 'WeCom userid liujiannan = account liujiannan',
  account: 'liujiannan', localName: '刘建楠', localDept: '杭州分公司/销售部/销售二组', userid: 'liujiannan', wecomName: '刘建楠', wecomDept: '星河科技有限公司/杭州分公司/销售部/销售二组',
  candidates: [],
  reason_args: {}, conflicts: [],
}

/** A local 张伟 whose department fits two WeCom 张伟 equally. A list page carries the candidates' ids only. */
export const ambiguousRow: BindingRow = {
  id: 21, state: 'ambiguous', method: 'name', confidence: 0.3, reason: 'namesakes “张伟” (3 local, 4 WeCom); departments do not tell them apart',
  account: 'E9001', localName: '张伟', localDept: '总部/研发中心/前端技术部/第一小组', anchor: 'local',
  candidates: [{ userid: 'zhangwei' }, { userid: 'zhangwei2' }],
  reason_args: {}, conflicts: [],
}

/** What bindingCandidates answers for a row's picker, by row id: the candidates whole. */
export const pickerCandidates: Record<number, BindingCandidate[]> = {
  21: [
    { userid: 'zhangwei', name: '张伟', method: 'name', dept: '星河科技有限公司/总部/研发中心/前端技术部/第一小组', mainDept: '星河科技有限公司/总部/研发中心/前端技术部/第一小组', score: 0.9 },
    { userid: 'zhangwei2', name: '张伟', method: 'name', dept: '星河科技有限公司/总部/研发中心/前端技术部/第一小组', mainDept: '星河科技有限公司/总部/研发中心/前端技术部/第一小组', score: 0.9 },
  ],
}

export const unboundLocalRow: BindingRow = {
  id: 28, state: 'unbound_local', confidence: 0, reason: 'no WeCom member resembles this account',
  account: 'E9100', localName: '欧阳不存在', localDept: '总部/行政部', candidates: [],
  reason_args: {}, conflicts: [],
}

export const allRows = [mobileRow, nameRow, ambiguousRow, nameDeptRow, useridRow, unboundLocalRow]

/** The answers of a corp with a pull, a match and local accounts; pickers are the candidates' details by row id. */
export function mockReviewedCorp(rows: BindingRow[] = allRows, pickers: Record<number, BindingCandidate[]> = pickerCandidates) {
  vi.mocked(api.getStartStatus).mockResolvedValue(
    startStatus({
      activeCorp: demoCorp,
      steps: [
        { key: 'connect', done: true, count: 1, detail: '', facts: {} },
        { key: 'import', done: true, count: 29, detail: '', facts: {} },
        { key: 'bind', done: false, count: 2, detail: '', facts: {} },
        { key: 'preview', done: false, count: 0, detail: '', facts: {} },
        { key: 'apply', done: false, count: 0, detail: '', facts: {} },
      ],
    }),
  )
  vi.mocked(api.listCorps).mockResolvedValue([
    corp({ id: 1, name: demoCorp.name, demo: true, active: true, apps: [app({ agentId: 1000002 }), app({ id: 12, name: '新版应用(隐私受限)', agentId: 1000003 })] }),
  ])
  vi.mocked(api.onPullProgress).mockReturnValue(() => {})
  vi.mocked(api.getMirrorSummary).mockResolvedValue(mirrorSummary())
  vi.mocked(api.getBindingSummary).mockResolvedValue(bindingSummary())
  vi.mocked(api.listBindings).mockResolvedValue({ total: rows.length, rows })
  vi.mocked(api.bindingCandidates).mockImplementation(async (_corp, rowId) => ({ rowId, candidates: pickers[rowId] ?? [], more: 0 }))
  vi.mocked(api.countHighConfidence).mockImplementation(async (_corp, minConfidence) => ({
    minConfidence,
    total: minConfidence >= 0.95 ? 1234 : 1300,
    byMethod: [
      { method: 'userid', count: 1200 },
      { method: 'mobile_lookup', count: 34 },
      ...(minConfidence >= 0.95 ? [] : [{ method: 'name+department', count: 66 }]),
    ],
  }))
}

/** Clicks the message box's confirm (last) or cancel (first) button. */
export function answerMessageBox(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
}
