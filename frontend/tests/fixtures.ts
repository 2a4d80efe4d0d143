import type { AppInfo, StartStatus } from '@/api'

export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.3.1',
    dataDir: '/home/admin/.local/share/wecom-bridge',
    dbPath: '/home/admin/.local/share/wecom-bridge/wecom-bridge.db',
    dbSizeBytes: 1258291,
    mode: 'desktop',
    language: 'zh-CN',
    ...overrides,
  }
}

export function startStatus(overrides: Partial<StartStatus> = {}): StartStatus {
  return {
    steps: [
      { key: 'connect', done: false, count: 0, detail: '' },
      { key: 'import', done: false, count: 0, detail: '' },
      { key: 'bind', done: false, count: 0, detail: '' },
      { key: 'preview', done: false, count: 0, detail: '' },
      { key: 'apply', done: false, count: 0, detail: '' },
    ],
    activeCorp: null,
    ...overrides,
  }
}
