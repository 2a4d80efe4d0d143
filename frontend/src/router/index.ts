import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router'
import { navPages } from './pages'

// Hash history: the app is served by Wails and by the Go server at /, and
// neither rewrites unknown paths to index.html.
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { titleKey: 'nav.home' } },
      ...navPages.map((page) => ({
        path: page.path,
        name: page.name,
        component: page.component,
        meta: { titleKey: `nav.${page.name}` },
      })),
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  })
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Locale key of the page title. */
    titleKey?: string
  }
}
