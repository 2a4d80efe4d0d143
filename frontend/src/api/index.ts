// The only module that talks to the Go backend. Views and stores import
// from '@/api'; nothing else imports from wailsjs/.
export { getAppInfo, getStartStatus, markUIReady, setLanguage } from './app'
export { ApiError } from './call'
export { runtimeClipboardSetText } from './clipboard'
export { offEvents, onEvent, type Unsubscribe } from './events'
export type { AppInfo, CorpBadge, StartStatus, StartStep } from './models'
export * from './setup'
export * from './directory'
export * from './bindings'
export * from './sync'
export * from './history'
export * from './push'
export * from './pushLogs'
