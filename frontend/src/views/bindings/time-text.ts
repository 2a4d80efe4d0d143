// Backend times are UTC ISO strings; the admin reads them in local time.
export function localTime(iso: string | undefined, locale: string): string {
  if (!iso) return ''
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return at.toLocaleString(locale, { hour12: false })
}
