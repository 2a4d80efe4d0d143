// Secrets follow the host (backend corp/hostrule.go): saving a corp whose API
// base URL or proxy now names another host clears its stored secrets. The form
// warns before the save; the backend decides and says what it cleared.

/** scheme://host:port in lower case, default ports filled in; '' for none. */
export function receiver(raw: string): string {
  const v = raw.trim()
  if (!v) return ''
  try {
    const u = new URL(v)
    const port = u.port || { 'https:': '443', 'http:': '80', 'socks5:': '1080', 'socks5h:': '1080' }[u.protocol] || ''
    return `${u.protocol}//${u.hostname}:${port}`.toLowerCase()
  } catch {
    return v.toLowerCase()
  }
}

/** Whether saving moves the secrets to another host: a new API host, or a proxy on another host (removing one does not). */
export function movesHost(oldBase: string, oldProxy: string, newBase: string, newProxy: string): boolean {
  const base = (s: string) => receiver(s.replace(/\/+$/, '').replace(/\/cgi-bin$/, '') || 'https://qyapi.weixin.qq.com')
  if (base(oldBase) !== base(newBase)) return true
  return newProxy.trim() !== '' && receiver(oldProxy) !== receiver(newProxy)
}
