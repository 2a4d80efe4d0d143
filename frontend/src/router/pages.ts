import {
  Bell,
  Clock,
  Connection,
  Key,
  Link,
  Notebook,
  Promotion,
  Refresh,
  Setting,
  Tickets,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'
import type { RouteComponent } from 'vue-router'

export interface NavPage {
  /** Route name; also the nav label key under `nav.` in the locales. */
  name: string
  path: string
  /** data-testid of the nav item. */
  testId: string
  icon: Component
  component: () => Promise<RouteComponent>
}

// The left navigation, in order. Views are lazy chunks.
export const navPages: NavPage[] = [
  { name: 'setup', path: '/setup', testId: 'nav-setup', icon: Connection, component: () => import('@/views/SetupView.vue') },
  { name: 'directory', path: '/directory', testId: 'nav-directory', icon: Notebook, component: () => import('@/views/DirectoryView.vue') },
  { name: 'bindings', path: '/bindings', testId: 'nav-bindings', icon: Link, component: () => import('@/views/BindingsView.vue') },
  { name: 'sync', path: '/sync', testId: 'nav-sync', icon: Refresh, component: () => import('@/views/SyncView.vue') },
  { name: 'history', path: '/history', testId: 'nav-history', icon: Clock, component: () => import('@/views/HistoryView.vue') },
  { name: 'push', path: '/push', testId: 'nav-push', icon: Promotion, component: () => import('@/views/PushView.vue') },
  { name: 'pushLogs', path: '/push-logs', testId: 'nav-push-logs', icon: Tickets, component: () => import('@/views/PushLogsView.vue') },
  { name: 'callbacks', path: '/callbacks', testId: 'nav-callbacks', icon: Bell, component: () => import('@/views/CallbacksView.vue') },
  { name: 'loginLinks', path: '/login-links', testId: 'nav-login-links', icon: Key, component: () => import('@/views/LoginLinksView.vue') },
  { name: 'settings', path: '/settings', testId: 'nav-settings', icon: Setting, component: () => import('@/views/SettingsView.vue') },
]
