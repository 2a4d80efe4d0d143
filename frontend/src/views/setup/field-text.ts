// Picking the UI language's half of the backend's bilingual texts, and
// finding a field's help and errors.
import type { FieldError, FieldInfo } from '@/api'

/** The forms of the setup page, as the backend names them (FieldInfo.form). */
export type FormKind = 'corp' | 'app' | 'settings'

/** The English text when the UI is in English and there is one, else the Chinese. */
export function inLanguage(lang: string, zh: string, en?: string): string {
  return lang === 'en' && en ? en : zh
}

/** Some backend texts carry both languages as "中文 / English" (dependents' labels, formats). */
export function bilingualPart(lang: string, text: string): string {
  const at = text.indexOf(' / ')
  if (at < 0) return text
  return lang === 'en' ? text.slice(at + 3) : text.slice(0, at)
}

export function findFieldInfo(help: FieldInfo[], form: FormKind, field: string): FieldInfo | undefined {
  return help.find((h) => h.form === form && h.field === field)
}

/** The save errors as one text per field, in the UI language. */
export function errorsByField(errors: FieldError[], lang: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors) {
    const text = inLanguage(lang, e.message, e.messageEn)
    out[e.field] = out[e.field] ? `${out[e.field]} ${text}` : text
  }
  return out
}
