// The push settings (intake listener, strict sources, retention) are one
// record; each settings section saves only its own fields over the stored ones.
import * as api from '@/api'
import type { PushSettings } from '@/api'

export const defaultIntakeAddr = '127.0.0.1:8751'

/** Saves `patch` over the stored settings and returns what was saved. */
export async function savePushSettingsPatch(patch: Partial<PushSettings>): Promise<PushSettings> {
  const next = { ...(await api.getPushSettings()), ...patch }
  await api.savePushSettings(next)
  return next
}
