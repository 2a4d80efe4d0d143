// The one message type the backend sends for everything the admin reads:
// {code, args, zh, en} (backend/usererr). A failed bound call rejects with it
// in both the desktop window (Wails' ErrorFormatter) and serve mode (the
// shim); the UI shows the admin's language only (format/error-text.ts).
import en from '@/locales/en'
import zhCN from '@/locales/zh-CN'

export interface Message {
  code: string
  args: Record<string, unknown>
  zh: string
  en: string
}

/** The code of an error that is not a message; its details are in a log. */
export const internalCode = 'internal'

export function isMessage(value: unknown): value is Message {
  const m = value as Partial<Message> | null
  return typeof m === 'object' && m !== null && typeof m.code === 'string' && m.code !== '' && typeof m.zh === 'string' && typeof m.en === 'string'
}

/** The message a rejection carries: the value itself, or a JSON text of one. */
export function messageOf(reason: unknown): Message | undefined {
  if (isMessage(reason)) return { ...reason, args: reason.args ?? {} }
  if (typeof reason === 'string' && reason.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(reason)
      if (isMessage(parsed)) return { ...parsed, args: parsed.args ?? {} }
    } catch {
      /* not JSON */
    }
  }
  return undefined
}

type LocalCode = keyof typeof zhCN.errors

function fill(template: string, args: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole))
}

/** A message the UI makes itself, from the locales' errors section. */
export function localMessage(code: LocalCode, args: Record<string, unknown> = {}): Message {
  return { code, args, zh: fill(zhCN.errors[code], args), en: fill(en.errors[code], args) }
}

/**
 * An internal-error message for a value that is not a message: the details
 * go to the console under a fresh reference, the screen shows the reference.
 */
export function internalMessage(reason: unknown): Message {
  const ref = Math.random().toString(16).slice(2, 12).padEnd(10, '0')
  console.error(`internal error ${ref}:`, reason)
  return localMessage('internal', { ref })
}
