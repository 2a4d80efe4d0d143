import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import type { Job, PullProgress, PullRun } from '@/api'
import BindingsView from '@/views/BindingsView.vue'
import { answerMessageBox, bindingSummary, demoCorp, mirrorSummary, mockReviewedCorp, unboundLocalRow } from './bindings-fixtures'
import { apiError, startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'

vi.mock('@/api')

function pullJob(over: Partial<Job> = {}): Job {
  return {
    id: 'job-1', kind: 'pull', corpId: 1, planId: 0, runId: 0, state: 'running', phase: '', done: 0, failed: 0, total: 0,
    startedBy: 'desktop:alice', startedAt: '', finishedAt: '', result: null, error: null, ...over,
  }
}

async function mountPage() {
  const mounted = await mountApp(BindingsView, { path: '/bindings' })
  await settle()
  return mounted
}

describe('the bindings page before there is anything to review', () => {
  beforeEach(() => mockReviewedCorp())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('without an active corp, points to Setup and reads nothing', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    const { wrapper } = await mountPage()
    const empty = wrapper.find('[data-testid="bindings-empty-noCorp"]')
    expect(empty.text()).toContain('还没有当前企业')
    expect(wrapper.find('[data-testid="bindings-go-setup"]').attributes('href')).toContain('/setup')
    expect(api.listBindings).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="pull-run"]').exists()).toBe(false)
  })

  it('before the first pull, asks for one', async () => {
    vi.mocked(api.getMirrorSummary).mockResolvedValue(mirrorSummary({ hasMirror: false, pulledAt: undefined, users: 0, departments: 0 }))
    vi.mocked(api.getBindingSummary).mockResolvedValue(bindingSummary({ matchedAt: '', membersPulled: 0 }))
    const { wrapper } = await mountPage()
    expect(wrapper.find('[data-testid="bindings-empty-neverPulled"]').text()).toContain('先拉取企业微信通讯录')
    expect(wrapper.find('[data-testid="pull-run"]').text()).toBe('拉取企业微信通讯录')
    expect(wrapper.find('[data-testid="pull-last"]').text()).toBe('尚未拉取')
    expect(wrapper.find('[data-testid="binding-table"]').exists()).toBe(false)
  })

  it('without local accounts, points to the directory', async () => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus({ activeCorp: demoCorp }))
    vi.mocked(api.getBindingSummary).mockResolvedValue(bindingSummary({ localAccounts: 0, toConfirm: 0, confirmed: 0, ambiguous: 0, unboundLocal: 0 }))
    const { wrapper } = await mountPage()
    expect(wrapper.find('[data-testid="bindings-empty-noLocals"]').text()).toContain('先导入本地通讯录')
    expect(wrapper.find('[data-testid="bindings-go-directory"]').attributes('href')).toContain('/directory')
    expect(wrapper.find('[data-testid="binding-table"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="create-locals"]').text()).toContain('为未绑定成员创建本地账号（454）')
  })

  it('when accounts were imported after the last match, asks to match again', async () => {
    vi.mocked(api.getBindingSummary).mockResolvedValue(bindingSummary({ localAccounts: 0, toConfirm: 0, confirmed: 0, ambiguous: 0 }))
    vi.mocked(api.rematchBindings).mockResolvedValue(bindingSummary())
    const { wrapper } = await mountPage()
    expect(wrapper.find('[data-testid="bindings-stale-locals"]').text()).toContain('本地通讯录现有 29 个账号')
    await wrapper.find('[data-testid="bindings-stale-locals"] button').trigger('click')
    await settle()
    expect(api.rematchBindings).toHaveBeenCalledWith(1, expect.any(Function))
  })

  it('pulled but never matched, offers to match', async () => {
    vi.mocked(api.getBindingSummary).mockResolvedValue(bindingSummary({ matchedAt: '' }))
    vi.mocked(api.rematchBindings).mockResolvedValue(bindingSummary())
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="bindings-match-now"]').trigger('click')
    await settle()
    expect(api.rematchBindings).toHaveBeenCalledWith(1, expect.any(Function))
  })

  it('says when WeCom withheld mobile and email, and not otherwise', async () => {
    const { wrapper } = await mountPage()
    expect(wrapper.find('[data-testid="privacy-notice"]').exists()).toBe(false)

    document.body.innerHTML = ''
    vi.mocked(api.getMirrorSummary).mockResolvedValue(mirrorSummary({ privacyRestricted: true }))
    const again = await mountPage()
    expect(again.wrapper.find('[data-testid="privacy-notice"]').text()).toContain(
      '该应用为 2022-06-20 后创建，企业微信不再返回手机号和邮箱：有手机号或邮箱的本地账号，会向企业微信查询号码归属的成员来匹配；其余只能按姓名匹配，请逐一确认',
    )
  })

  it('says the last pull failed, with its error', async () => {
    vi.mocked(api.getMirrorSummary).mockResolvedValue(
      mirrorSummary({
        lastRun: {
          id: 2, corpId: 1, startedAt: '', finishedAt: '', durationMs: 5, status: 'partial', departments: 40, users: 0, apiCalls: 41,
          privacyRestricted: false, error: { code: 'pull_partial', args: {}, zh: '1 个部门读取失败，保留了上一次的镜像：销售部 (id 7) errcode 60011', en: 'One department could not be read: 销售部 (id 7) errcode 60011' }, failedDepartments: [], trigger: 'manual', startedBy: 'admin',
        },
      }),
    )
    const { wrapper } = await mountPage()
    const alert = wrapper.find('[data-testid="pull-last-failed"]').text()
    expect(alert).toContain('部分部门失败')
    expect(alert).toContain('errcode 60011')
  })

  it('shows a stored pull error in the UI language only', async () => {
    document.documentElement.lang = 'zh-CN'
    vi.mocked(api.getMirrorSummary).mockResolvedValue(
      mirrorSummary({
        lastRun: {
          id: 3, corpId: 1, startedAt: '', finishedAt: '', durationMs: 5, status: 'failed', departments: 0, users: 0, apiCalls: 1,
          privacyRestricted: false, error: { code: 'pull_failed_kept', args: {}, zh: 'department/list（应用 1000002）失败：errcode 60020；保留了上一次的镜像', en: 'department/list with app 1000002 failed: errcode 60020; the previous mirror is kept.' },
          failedDepartments: [], trigger: 'manual', startedBy: 'desktop:alice',
        },
      }),
    )
    const { wrapper } = await mountPage()
    const alert = wrapper.find('[data-testid="pull-last-failed"]').text()
    expect(alert).toContain('department/list（应用 1000002）失败：errcode 60020')
    expect(alert).not.toContain('‖')
    expect(alert).not.toContain('failed: errcode')
  })
})

describe('pulling and matching', () => {
  let progress: (p: PullProgress) => void = () => {}
  // The pull job the page follows: its updates, and how it ends.
  let update: (job: Job) => void = () => {}
  let finish: (job: Job) => void = () => {}
  beforeEach(() => {
    mockReviewedCorp()
    vi.mocked(api.onPullProgress).mockImplementation((handler) => {
      progress = handler
      return () => {}
    })
    vi.mocked(api.startPull).mockResolvedValue('job-1')
    vi.mocked(api.listJobs).mockResolvedValue([])
    vi.mocked(api.followJob).mockImplementation((_id, onUpdate) => {
      update = onUpdate ?? (() => {})
      return { done: new Promise<Job>((ok) => (finish = ok)), stop: () => {} }
    })
    vi.mocked(api.pullRunOf).mockImplementation((job) => job.result as PullRun)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('pulls through the chosen app, shows its own job’s progress only, then matches again', async () => {
    vi.mocked(api.rematchBindings).mockResolvedValue(bindingSummary())
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="pull-run"]').trigger('click')
    await settle()
    expect(api.startPull).toHaveBeenCalledWith(1, 1000002)
    expect(api.followJob).toHaveBeenCalledWith('job-1', expect.any(Function))
    update(pullJob({ phase: 'departments', done: 12, total: 40 }))
    // Another pull's event (a schedule's) neither moves the bar nor ends it.
    progress({ job: 'job-other', phase: 'departments', done: 39, failed: 0, total: 40, final: true })
    await settle()
    expect(wrapper.find('[data-testid="pull-progress"]').text()).toContain('读取部门成员：12/40')
    expect(api.rematchBindings).not.toHaveBeenCalled()

    finish(pullJob({ state: 'done', result: { status: 'ok', users: 500 } }))
    await settle()
    expect(api.rematchBindings).toHaveBeenCalledWith(1, expect.any(Function))
    expect(api.getMirrorSummary).toHaveBeenCalledTimes(2)
  })

  it('cancels its own pull job from its progress bar', async () => {
    vi.mocked(api.cancelJob).mockImplementation(async () =>
      finish(pullJob({ state: 'cancelled', result: { status: 'cancelled' }, error: { code: 'cancelled', args: {}, zh: '操作已取消。', en: 'The operation was cancelled.' } })),
    )
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="pull-run"]').trigger('click')
    await settle()
    update(pullJob({ phase: 'departments', done: 3, total: 40 }))
    await settle()
    const cancel = wrapper.find('[data-testid="pull-cancel"]')
    expect(cancel.text()).toBe('取消拉取')
    await cancel.trigger('click')
    await settle()
    expect(api.cancelJob).toHaveBeenCalledWith('job-1')
    expect(wrapper.find('[data-testid="pull-cancel"]').exists()).toBe(false)
    expect(api.rematchBindings).not.toHaveBeenCalled()
  })

  it('a page that opens while its corp is pulling follows that job', async () => {
    vi.mocked(api.listJobs).mockResolvedValue([pullJob({ id: 'job-running', phase: 'departments', done: 5, total: 40 })])
    const { wrapper } = await mountPage()
    expect(api.listJobs).toHaveBeenCalledWith({ corpId: 1, kind: 'pull', runningOnly: true })
    expect(api.followJob).toHaveBeenCalledWith('job-running', expect.any(Function))
    update(pullJob({ id: 'job-running', phase: 'departments', done: 6, total: 40 }))
    await settle()
    expect(wrapper.find('[data-testid="pull-progress"]').text()).toContain('读取部门成员：6/40')
    await wrapper.find('[data-testid="pull-cancel"]').trigger('click')
    expect(api.cancelJob).toHaveBeenCalledWith('job-running')
  })

  it('names an interrupted last pull', async () => {
    vi.mocked(api.getMirrorSummary).mockResolvedValue(
      mirrorSummary({
        lastRun: {
          id: 3, corpId: 1, startedAt: '', finishedAt: '', durationMs: 0, status: 'interrupted', departments: 0, users: 0, apiCalls: 0,
          privacyRestricted: false, error: { code: 'pull_interrupted', args: {}, zh: '拉取过程中应用停止了', en: 'the app stopped during this pull' }, failedDepartments: [], trigger: 'manual', startedBy: 'admin',
        },
      }),
    )
    const { wrapper } = await mountPage()
    expect(wrapper.find('[data-testid="pull-last-failed"]').text()).toContain('已中断')
  })

  it('shows why a pull failed, and does not match', async () => {
    vi.mocked(api.startPull).mockRejectedValue(apiError('no_app', '该企业还没有自建应用：请在 接入配置 中添加一个', 'This corp has no self-built app: add one in Setup.'))
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="pull-run"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="pull-error"]').text()).toContain('该企业还没有自建应用')
    expect(api.rematchBindings).not.toHaveBeenCalled()
  })
})

describe('binding by hand, files', () => {
  beforeEach(() => mockReviewedCorp([unboundLocalRow]))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('prefills the row’s side, and binds with force only after the admin agrees', async () => {
    vi.mocked(api.searchBindingMembers).mockResolvedValue([
      { userid: 'ouyang', name: '欧阳不存在', dept: '星河科技有限公司/总部', state: 'confirmed', boundTo: 'E0001' },
    ])
    vi.mocked(api.bindManual)
      .mockRejectedValueOnce(apiError('binding_taken_wecom', '企业微信成员 ouyang 已绑定账号 E0001（已确认，方式 mobile，第 3 行）：请先解除那一行的绑定，或强制重新绑定以替换它', 'WeCom userid ouyang is already bound to account E0001'))
      .mockResolvedValueOnce()
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="row-bind-28"]').trigger('click')
    await settle()
    expect(api.searchBindingMembers).toHaveBeenCalledWith(1, '欧阳不存在', 30)
    expect(api.searchBindingLocals).not.toHaveBeenCalled()
    expect(document.querySelector('[data-testid="manual-bind-local"] .el-select__placeholder')?.textContent).toBe('欧阳不存在 (E9100)')

    // Choose the member the search found.
    ;(document.querySelector('[data-testid="manual-bind-member"] .el-select__wrapper') as HTMLElement).click()
    await settle()
    ;(document.querySelector('[data-testid="picker-option-wecom-ouyang"]') as HTMLElement).click()
    await settle()
    ;(document.querySelector('[data-testid="manual-bind-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.bindManual).toHaveBeenCalledWith(1, 'E9100', 'ouyang', false)
    expect(document.querySelector('[data-testid="force-confirm"]')?.textContent).toContain('已绑定账号 E0001')
    answerMessageBox(true)
    await settle()
    expect(api.bindManual).toHaveBeenLastCalledWith(1, 'E9100', 'ouyang', true)
  })

  it('exports the current filter; on the desktop it shows where the file is', async () => {
    const file = { name: 'bindings-1-20261122.xlsx', path: '/home/admin/.local/share/wecom-bridge/exports/bindings-1-20261122.xlsx', downloadUrl: '/api/download/bindings-1-20261122.xlsx', bytes: 1200 }
    vi.mocked(api.exportBindings).mockResolvedValue(file)
    vi.mocked(api.offerDownload).mockResolvedValue({ kind: 'saved', name: file.name, path: file.path })
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="filter-unbound_local"]').trigger('click')
    await settle()
    await wrapper.find('[data-testid="export-xlsx"]').trigger('click')
    await settle()
    expect(api.exportBindings).toHaveBeenCalledWith(1, 'xlsx', { filter: 'unbound_local', search: '', method: '', offset: 0, limit: 50, sort: '' })
    expect(api.offerDownload).toHaveBeenCalledWith(file)
    expect(wrapper.find('[data-testid="export-saved-path"]').text()).toBe(file.path)
  })

  it('imports a bindings file: preview with rejected lines, then apply', async () => {
    vi.mocked(api.uploadFile).mockResolvedValue({ id: 'a'.repeat(32), bytes: 120 })
    vi.mocked(api.previewBindingImport).mockResolvedValue({
      id: 7, corpId: 1, keyField: 'mobile', format: 'csv', unchanged: 1, skipped: 3,
      toBind: [{ line: 2, key: '13505164821', account: 'E1000', userid: 'helitao', localName: '何丽涛', wecomName: '何丽涛' }],
      rejected: [{ line: 5, key: '13800000000', userid: 'nobody', reason: 'no WeCom member has userid nobody', reason_args: {} }],
    })
    vi.mocked(api.applyBindingImport).mockResolvedValue(1)
    const { wrapper } = await mountPage()
    await wrapper.find('[data-testid="import-open"]').trigger('click')
    await settle()
    const input = document.querySelector('[data-testid="import-file"]') as HTMLInputElement
    const csv = new File(['本地账号,企业微信UserID\n'], 'bindings.csv', { type: 'text/csv' })
    Object.defineProperty(input, 'files', { value: [csv] })
    input.dispatchEvent(new Event('change'))
    ;(document.querySelector('[data-testid="import-key-mobile"] input') as HTMLInputElement).click()
    await settle()
    ;(document.querySelector('[data-testid="import-preview-run"]') as HTMLButtonElement).click()
    await settle()
    expect(api.uploadFile).toHaveBeenCalledWith(csv)
    expect(api.previewBindingImport).toHaveBeenCalledWith(1, 'a'.repeat(32), 'bindings.csv', 'mobile')
    expect(document.querySelector('[data-testid="import-to-bind"]')?.textContent).toContain('helitao')
    expect(document.querySelector('[data-testid="import-reject-line-5"]')?.textContent).toContain('no WeCom member has userid nobody')
    ;(document.querySelector('[data-testid="import-apply"]') as HTMLButtonElement).click()
    await settle()
    expect(api.applyBindingImport).toHaveBeenCalledWith(1, 7)
  })
})
