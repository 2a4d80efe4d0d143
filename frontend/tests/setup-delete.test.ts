import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api'
import SetupView from '@/views/SetupView.vue'
import { startStatus } from './fixtures'
import { mountApp, settle } from './mount-app'
import { corp, fieldHelp } from './setup-fixtures'

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

  it('lists what depends on the corp and deletes only after confirmation', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    vi.mocked(api.deleteCorp).mockImplementation(async (_id, confirm) => ({
      name: '华东制造集团',
      items: [
        { label: '自建应用 / apps', count: 1 },
        { label: '绑定 / bindings', count: 120 },
      ],
      needsConfirm: !confirm,
      deleted: confirm,
      message: '',
    }))
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-delete-1"]').trigger('click')
    await settle()

    expect(api.deleteCorp).toHaveBeenCalledTimes(1)
    expect(api.deleteCorp).toHaveBeenCalledWith(1, false)
    const items = [...document.querySelectorAll('[data-testid="delete-dependents"] li')].map((li) => li.textContent)
    expect(items).toEqual(['自建应用 × 1', '绑定 × 120'])
    expect(messageBox()?.textContent).toContain('企业“华东制造集团”仍被以下内容使用')

    vi.mocked(api.listCorps).mockResolvedValue([])
    await answer(true)
    expect(api.deleteCorp).toHaveBeenLastCalledWith(1, true)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="setup-empty"]').exists()).toBe(true))
    expect(api.getStartStatus).toHaveBeenCalledTimes(2) // on opening and after the delete (the header's corp)
  })

  it('deletes nothing when the admin cancels', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    vi.mocked(api.deleteCorp).mockResolvedValue({
      name: '华东制造集团',
      items: [{ label: '自建应用 / apps', count: 1 }],
      needsConfirm: true,
      deleted: false,
      message: '',
    })
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-delete-1"]').trigger('click')
    await settle()
    await answer(false)
    expect(api.deleteCorp).toHaveBeenCalledTimes(1)
    expect(api.deleteCorp).not.toHaveBeenCalledWith(1, true)
    expect(wrapper.find('[data-testid="corp-row-1"]').exists()).toBe(true)
  })

  it('asks before deleting a corp with no apps, which the backend would delete at once', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp({ apps: [] })])
    vi.mocked(api.deleteCorp).mockResolvedValue({ name: '华东制造集团', items: [], needsConfirm: false, deleted: true, message: '' })
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-delete-1"]').trigger('click')
    await settle()
    expect(api.deleteCorp).not.toHaveBeenCalled()
    expect(messageBox()?.textContent).toContain('确定删除企业“华东制造集团”吗？')
    await answer(true)
    expect(api.deleteCorp).toHaveBeenCalledWith(1, false)
  })

  it('asks before deleting an app', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    vi.mocked(api.deleteApp).mockResolvedValue({ name: '全员应用', items: [], needsConfirm: false, deleted: true, message: '' })
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="app-delete-11"]').trigger('click')
    await settle()
    expect(messageBox()?.textContent).toContain('确定删除应用“全员应用”吗？')
    await answer(false)
    expect(api.deleteApp).not.toHaveBeenCalled()
  })

  it('shows the error text when deleting fails', async () => {
    vi.mocked(api.listCorps).mockResolvedValue([corp()])
    vi.mocked(api.deleteCorp).mockRejectedValue(new Error('database is locked'))
    const { wrapper } = await mountApp(SetupView, { path: '/setup' })
    await wrapper.find('[data-testid="corp-delete-1"]').trigger('click')
    await settle()
    expect(document.body.textContent).toContain('删除失败：database is locked')
  })
})
