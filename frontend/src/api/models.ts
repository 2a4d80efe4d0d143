import type { services } from '../../wailsjs/go/models'
import type { Plain } from './plain'

export type AppInfo = Plain<services.AppInfo>
export type CorpBadge = Plain<services.CorpBadge>
export type StartStep = Plain<services.Step>

/** GetStartStatus, normalised: Go's nil slice and nil pointer arrive as null. */
export interface StartStatus {
  steps: StartStep[]
  activeCorp: CorpBadge | null
}
