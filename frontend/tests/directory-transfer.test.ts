// The upload and download helpers of src/api/transfer.ts, against a stubbed fetch.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isServeMode, offerDownload, uploadFile, type FileExport } from '@/api/transfer'

const exported: FileExport = {
  name: 'directory-20260102-030405.csv',
  path: '/home/admin/.local/share/wecom-bridge/exports/directory-20260102-030405.csv',
  downloadUrl: '/api/download/directory-20260102-030405.csv',
  bytes: 2048,
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

// What the serve shim provides as window.__wecomBridgeServe.
function serveSession() {
  return {
    authHeaders: () => ({ Authorization: 'Bearer t0k' }),
    withTicket: (url: string) => Promise.resolve(url + '?ticket=tkt'),
    signOut: () => {},
    rotate: () => Promise.resolve(),
  }
}

describe('file transfer', () => {
  afterEach(() => {
    delete (window as unknown as { __wecomBridgeServeMode?: boolean }).__wecomBridgeServeMode
    delete (window as unknown as { __wecomBridgeServe?: unknown }).__wecomBridgeServe
    document.body.innerHTML = ''
  })

  it('uploads the file as the raw body, with the serve token as a header and no cookie', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(200, { id: 'a'.repeat(32), bytes: 9 }))
    vi.stubGlobal('fetch', fetchMock)
    ;(window as unknown as { __wecomBridgeServe: unknown }).__wecomBridgeServe = serveSession()
    const file = new File(['账号,姓名\n'], 'staff.csv')
    await expect(uploadFile(file)).resolves.toEqual({ id: 'a'.repeat(32), bytes: 9 })
    expect(fetchMock).toHaveBeenCalledWith('/api/upload', { method: 'POST', body: file, credentials: 'omit', headers: { Authorization: 'Bearer t0k' } })
  })

  it('rejects with the server’s own message, or the HTTP status', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(413, { error: { code: 'transfer', message: 'the file is over 64 MiB; split it into smaller files' } })))
    await expect(uploadFile(new Blob(['x']))).rejects.toMatchObject({ code: 'uploadFailed', zh: '文件上传失败：the file is over 64 MiB; split it into smaller files' })

    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(413, { error: { code: 'upload_too_large', zh: '文件太大', en: 'too big', args: {} } })))
    await expect(uploadFile(new Blob(['x']))).rejects.toMatchObject({ code: 'upload_too_large', zh: '文件太大', en: 'too big' })

    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>', { status: 401 })))
    await expect(uploadFile(new Blob(['x']))).rejects.toMatchObject({ en: 'The file could not be uploaded: HTTP 401' })

    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await expect(uploadFile(new Blob(['x']))).rejects.toMatchObject({ en: 'The file could not be uploaded: Failed to fetch' })
  })

  it('in serve mode, downloads through a hidden link with a single-use ticket', async () => {
    ;(window as unknown as { __wecomBridgeServeMode: boolean }).__wecomBridgeServeMode = true
    ;(window as unknown as { __wecomBridgeServe: unknown }).__wecomBridgeServe = serveSession()
    const clicked: HTMLAnchorElement[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    expect(isServeMode()).toBe(true)
    await expect(offerDownload(exported)).resolves.toEqual({ kind: 'downloaded', name: exported.name })
    expect(clicked).toHaveLength(1)
    expect(clicked[0].getAttribute('href')).toBe(exported.downloadUrl + '?ticket=tkt')
    expect(clicked[0].download).toBe(exported.name)
    expect(document.querySelector('a[download]')).toBeNull() // removed again
    click.mockRestore()
  })

  it('in serve mode, a refused ticket is an error, not a silent non-download', async () => {
    ;(window as unknown as { __wecomBridgeServeMode: boolean }).__wecomBridgeServeMode = true
    ;(window as unknown as { __wecomBridgeServe: unknown }).__wecomBridgeServe = { ...serveSession(), withTicket: () => Promise.reject('too many outstanding tickets') }
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click')
    await expect(offerDownload(exported)).rejects.toMatchObject({ code: 'internal' })
    expect(click).not.toHaveBeenCalled()
    click.mockRestore()
  })

  it('in the desktop app, offers the path on this machine', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click')
    expect(isServeMode()).toBe(false)
    await expect(offerDownload(exported)).resolves.toEqual({ kind: 'saved', name: exported.name, path: exported.path })
    expect(click).not.toHaveBeenCalled()
    click.mockRestore()
  })
})
