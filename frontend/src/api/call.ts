// One error shape for every bound call. A Wails method that returns a Go
// error rejects its promise with the error text; serve mode keeps that
// contract. call() turns any rejection (or a missing binding) into ApiError.

import { errorText } from '@/format/error-text'

export class ApiError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ApiError'
  }
}

function bindingsPresent(): boolean {
  const w = window as unknown as { go?: { main?: { App?: unknown } } }
  return Boolean(w.go?.main?.App)
}

export async function call<T>(invoke: () => Promise<T>): Promise<T> {
  if (!bindingsPresent()) {
    throw new ApiError('backend bindings are not available (window.go.main.App is missing)')
  }
  try {
    return await invoke()
  } catch (reason) {
    throw new ApiError(errorText(reason))
  }
}
