import { ClipboardSetText } from '../../wailsjs/runtime/runtime'

/**
 * Copies through the Wails runtime when the desktop window provides it.
 * Resolves false when the runtime is absent (serve mode) or refuses.
 */
export async function runtimeClipboardSetText(text: string): Promise<boolean> {
  const w = window as unknown as { runtime?: { ClipboardSetText?: unknown } }
  if (typeof w.runtime?.ClipboardSetText !== 'function') return false
  try {
    return Boolean(await ClipboardSetText(text))
  } catch {
    return false
  }
}
