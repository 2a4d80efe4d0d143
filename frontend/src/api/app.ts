import { GetAppInfo, GetStartStatus, MarkUIReady, SetLanguage } from '../../wailsjs/go/main/App'
import { call } from './call'
import type { AppInfo, StartStatus } from './models'

export function getAppInfo(): Promise<AppInfo> {
  return call(() => GetAppInfo())
}

/** Persists the UI language ("zh-CN" or "en") in the backend settings. */
export function setLanguage(lang: string): Promise<void> {
  return call(() => SetLanguage(lang))
}

export async function getStartStatus(): Promise<StartStatus> {
  const status = await call(() => GetStartStatus())
  return { steps: status.steps, activeCorp: status.activeCorp ?? null }
}

/** Tells the backend the UI has mounted (the desktop smoke test and cold-start bench wait for it). */
export function markUIReady(): Promise<void> {
  return call(() => MarkUIReady())
}
