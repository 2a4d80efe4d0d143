import type { AppInfo, StartStatus } from '@/api'
import { ApiError } from '@/api/call'

export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.3.1',
    commit: '0123456789abcdef0123456789abcdef01234567',
    buildDate: '2026-12-07T10:00:00Z',
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
      { key: 'connect', done: false, count: 0, detail: '', facts: {} },
      { key: 'import', done: false, count: 0, detail: '', facts: {} },
      { key: 'bind', done: false, count: 0, detail: '', facts: {} },
      { key: 'preview', done: false, count: 0, detail: '', facts: {} },
      { key: 'apply', done: false, count: 0, detail: '', facts: {} },
    ],
    activeCorp: null,
    ...overrides,
  }
}

/** A failed call's error as the backend sends it: a message {code, args, zh, en}. */
export function apiError(code: string, zh: string, en: string, args: Record<string, unknown> = {}): ApiError {
  return new ApiError({ code, args, zh, en })
}
