import type { services } from '../../wailsjs/go/models'

// Plain-data views of the generated Wails classes: the bindings resolve to
// plain JSON objects, not class instances, so methods are dropped.
type Fields<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K]
}

export type AppInfo = Fields<services.AppInfo>
export type CorpBadge = Fields<services.CorpBadge>
export type StartStep = Fields<services.Step>

/** GetStartStatus, normalised: Go's nil slice and nil pointer arrive as null. */
export interface StartStatus {
  steps: StartStep[]
  activeCorp: CorpBadge | null
}
