// Finding a field's help and errors; the texts are backend messages shown
// in the UI language.
import type { FieldError, FieldInfo } from '@/api'
import { catalogueMessage, setupFieldLabels } from '@/api/generated/catalogue'
import { messageText } from '@/format/error-text'

/** The forms of the setup page, as the backend names them (FieldInfo.form). */
export type FormKind = 'corp' | 'app' | 'settings'

/**
 * A field's label: the Go catalogue's field_<form>_* (the words the field
 * help and the messages that name the field use), or the field's own name
 * for a field the forms do not have.
 */
export function fieldLabel(t: (key: string) => string, form: FormKind, field: string): string {
  const code = setupFieldLabels[form]?.[field]
  return code ? t(catalogueMessage(code)) : field
}

export function findFieldInfo(help: FieldInfo[], form: FormKind, field: string): FieldInfo | undefined {
  return help.find((h) => h.form === form && h.field === field)
}

/** The save errors as one text per field, in the UI language. */
export function errorsByField(errors: FieldError[], lang: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors) {
    const text = messageText(e.message, lang)
    out[e.field] = out[e.field] ? `${out[e.field]} ${text}` : text
  }
  return out
}
