// What the screen says for a failed call: the admin's message in the UI
// language (the page's lang, set from vue-i18n's locale in App.vue), or an
// internal error with a reference for anything that is not a message.
import { toApiError } from '@/api/call'
import type { Message } from '@/api/message'

function uiLanguage(): string {
  return typeof document === 'undefined' ? '' : document.documentElement.lang
}

/** The message's text in lang (the UI language by default). */
export function messageText(m: Pick<Message, 'zh' | 'en'> | undefined | null, lang: string = uiLanguage()): string {
  if (!m) return ''
  return lang === 'en' ? m.en || m.zh : m.zh || m.en
}

/** The text to show for a rejected call or a thrown value. */
export function errorText(reason: unknown, lang: string = uiLanguage()): string {
  return messageText(toApiError(reason), lang)
}

/** The code of a rejected call's message ('internal' for anything else). */
export function errorCode(reason: unknown): string {
  return toApiError(reason).code
}
