// Mounts a component with the app's real plugins (Element Plus, Pinia,
// router on memory history, vue-i18n). Tests mock '@/api' themselves.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { createAppI18n } from '@/locales'
import { createAppRouter } from '@/router'

export async function mountApp(component: Component, options: { path?: string; props?: Record<string, unknown> } = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push(options.path ?? '/')
  await router.isReady()
  const i18n = createAppI18n()
  const wrapper = mount(component, {
    props: options.props,
    attachTo: document.body,
    global: { plugins: [ElementPlus, pinia, router, i18n] },
  })
  await settle()
  return { wrapper, router, pinia, i18n }
}

/** Waits for pending promises, lazy route chunks and re-renders. */
export async function settle() {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}
