import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Job } from '@/api'
import RematchPhases from '@/views/bindings/RematchPhases.vue'
import { createAppI18n, type Language } from '@/locales'

// Issue 11 item 5: a rematch shows where it stands, 读取 → (查找) → 匹配 → 保存,
// from its job's phases (backend/review Phase*).
function job(phase: string, done = 0, total = 0): Job {
  return { phase, done, total } as Job
}

function mountPhases(j: Job | null, locale: Language = 'zh-CN') {
  return mount(RematchPhases, { props: { job: j }, global: { plugins: [createAppI18n(locale)] } })
}

describe('the rematch phases', () => {
  it('marks the phase the job is in and the ones done', () => {
    const w = mountPhases(job('match'))
    expect(w.text()).toBe('正在重新匹配：读取→匹配→保存')
    expect(w.find('[data-testid="rematch-phase-read"]').classes()).toContain('is-done')
    expect(w.find('[data-testid="rematch-phase-match"]').classes()).toContain('is-active')
    expect(w.find('[data-testid="rematch-phase-save"]').classes()).toContain('is-todo')
    expect(w.find('[data-testid="rematch-phase-lookup"]').exists()).toBe(false)
  })

  it('shows the lookups with their progress while WeCom is asked', () => {
    const w = mountPhases(job('lookup', 3, 30))
    expect(w.find('[data-testid="rematch-phase-lookup"]').text()).toBe('向企业微信查找 3/30')
    expect(w.find('[data-testid="rematch-phase-lookup"]').classes()).toContain('is-active')
    expect(mountPhases(job('lookup', 3, 30), 'en').text()).toContain('ask WeCom 3/30')
  })

  it('starts at reading before the first progress arrives', () => {
    expect(mountPhases(null).find('[data-testid="rematch-phase-read"]').classes()).toContain('is-active')
  })
})
