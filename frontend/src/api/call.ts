// One error shape for every bound call. A failed Go method rejects its
// promise with the admin's message ({code, args, zh, en}; see message.ts) in
// the desktop window and in serve mode alike. call() turns any rejection (or
// a missing binding) into an ApiError carrying a message.

import { internalMessage, localMessage, messageOf, type Message } from './message'

export class ApiError extends Error {
  readonly code: string
  readonly args: Record<string, unknown>
  readonly zh: string
  readonly en: string

  constructor(m: Message) {
    super(m.en)
    this.name = 'ApiError'
    this.code = m.code
    this.args = m.args
    this.zh = m.zh
    this.en = m.en
  }

  /** The message this error carries. */
  get content(): Message {
    return { code: this.code, args: this.args, zh: this.zh, en: this.en }
  }
}

/** The ApiError for any rejection: its message, or an internal error. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason
  return new ApiError(messageOf(reason) ?? internalMessage(reason))
}

function bindingsPresent(): boolean {
  const w = window as unknown as { go?: { main?: { App?: unknown } } }
  return Boolean(w.go?.main?.App)
}

export async function call<T>(invoke: () => Promise<T>): Promise<T> {
  if (!bindingsPresent()) {
    throw new ApiError(localMessage('noBackend'))
  }
  try {
    return await invoke()
  } catch (reason) {
    throw toApiError(reason)
  }
}
