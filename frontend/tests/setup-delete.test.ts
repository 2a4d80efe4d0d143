import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import SetupView from '@/views/SetupView.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { corp, fieldHelp, msg } from './setup-fixtures'

vi.mock('@/api')

function messageBox() {
  return document.querySelector('.el-message-box') as HTMLElement | null
}

/** Clicks the message box's confirm (last) or cancel (first) button. */
async function answer(confirm: boolean) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')
  buttons[confirm ? buttons.length - 1 : 0].click()
  await settle()
}

describe('deleting a corp', () => {
  beforeEach(() => {
    vi.mocked(api.getStartStatus).mockResolvedValue(startStatus())
    vi.mocked(api.getFieldHelp).mockResolvedValue(fieldHelp)
    vi.mocked(api.onCheckProgress).mockReturnValue(() => {})
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  /** Types into the message box's name input. */
  async function typeName(value: string) {
    const input = document.querySelector<HTMLInputElement>('.el-message-box__input input')!
    input.value = value
    input.dispatchEvent(new Event('input'))
    await settle()
  }

  it('lists what depends on the corp and deletes only after its name is typed', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    vi.mocked(api.deleteCorp).mockImplementation(async (_id, typed) => ({
      name: '华东制造集团',
      items: [
        { key: 'apps', count: 1, label: msg('自建应用 1 个', '1 apps') },
        { key: 'members', count: 412, label: msg('已拉取的成员 412 名', '412 pulled members') },
        { key: 'bindings', count: 120, label: msg('已确认或拒绝的绑定 120 条', '120 confirmed or rejected bindings') },
        { key: 'pushRules', count: 1, label: msg('推送规则 1 条', '1 push rules') },
      ],
      needsConfirm: typed !== '华东制造集团',
      deleted: typed === '华东制造集团',
      message: msg(''),
    }))
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-delete-1"]').trigger('click')
    await settle()

    expect(api.deleteCorp).toHaveBeenCalledTimes(1)
    expect(api.deleteCorp).toHaveBeenCalledWith(1, '')
    const items = [...document.querySelectorAll('[data-testid="delete-dependents"] li')].map((li) => li.textContent)
    expect(items).toEqual(['自建应用 1 个', '已拉取的成员 412 名', '已确认或拒绝的绑定 120 条', '推送规则 1 条'])
    expect(messageBox()?.textContent).toContain('企业“华东制造集团”仍被以下内容使用')
    expect(messageBox()?.textContent).toContain('输入名称“华东制造集团”以确认删除')

    await typeName('华东')
    await answer(true)
    expect(api.deleteCorp).toHaveBeenCalledTimes(1) // a wrong name does not get through
    expect(messageBox()?.textContent).toContain('名称不一致')

    vi.mocked(api.listCorps).mockResolvedValue([])
    await typeName('华东制造集团')
    await answer(true)
    expect(api.deleteCorp).toHaveBeenLastCalledWith(1, '华东制造集团')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="setup-empty"]').exists()).toBe(true))
    expect(api.getStartStatus).toHaveBeenCalledTimes(2) // on opening and after the delete (the header's corp)
  })

  it('deletes nothing when the admin cancels', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    vi.mocked(api.deleteCorp).mockResolvedValue({
      name: '华东制造集团',
      items: [{ key: 'apps', count: 1, label: msg('自建应用 1 个', '1 apps') }],
      needsConfirm: true,
      deleted: false,
      message: msg(''),
    })
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-delete-1"]').trigger('click')
    await settle()
    await answer(false)
    expect(api.deleteCorp).toHaveBeenCalledTimes(1)
    expect(api.deleteCorp).toHaveBeenCalledWith(1, '')
    expect(wrapper.find('[data-testid="corp-row-1"]').exists()).toBe(true)
  })

  it('asks for the name of a corp nothing depends on too', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp({ apps: [] })])
    vi.mocked(api.deleteCorp).mockResolvedValue({ name: '华东制造集团', items: [], needsConfirm: true, deleted: false, message: msg('') })
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-delete-1"]').trigger('click')
    await settle()
    expect(messageBox()?.textContent).toContain('确定删除企业“华东制造集团”吗？')
    expect(document.querySelector('[data-testid="delete-dependents"]')).toBeNull()
  })

  it('lists the push rules that send as an app', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    vi.mocked(api.deleteApp).mockResolvedValue({ name: '全员应用', items: [{ key: 'pushRules', count: 2, label: msg('推送规则 2 条', '2 push rules') }], needsConfirm: true, deleted: false, message: msg('') })
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="app-delete-11"]').trigger('click')
    await settle()
    expect(messageBox()?.textContent).toContain('应用“全员应用”仍被以下内容使用')
    expect(messageBox()?.textContent).toContain('推送规则 2 条')
    await answer(false)
    expect(api.deleteApp).toHaveBeenCalledTimes(1)
    expect(api.deleteApp).toHaveBeenCalledWith(11, '')
  })

  it('shows the error text when deleting fails', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    vi.mocked(api.deleteCorp).mockRejectedValue(new Error('database is locked'))
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-delete-1"]').trigger('click')
    await settle()
    expect(document.body.textContent).toContain('删除失败：内部错误')
  })
})
