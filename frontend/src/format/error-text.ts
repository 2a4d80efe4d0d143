// Backend errors written for the admin carry both languages as
// "中文 ‖ English" (backend/usererr); the screen shows its own half.
const bilingualSep = ' ‖ '

/** The half of a "中文 ‖ English" text in the UI language (the page's lang). */
export function inUILanguage(text: string, lang: string = document.documentElement.lang): string {
  const at = text.indexOf(bilingualSep)
  if (at < 0) return text
  return lang === 'en' ? text.slice(at + bilingualSep.length) : text.slice(0, at)
}

/** The text to show for a rejected call or a thrown value. */
export function errorText(reason: unknown): string {
  if (reason instanceof Error) return inUILanguage(reason.message)
  if (typeof reason === 'string') return inUILanguage(reason)
  try {
    return JSON.stringify(reason) ?? String(reason)
  } catch {
    return String(reason)
  }
}
