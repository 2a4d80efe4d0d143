// Files between the UI and the backend, outside the RPC body limit: an
// import file is POSTed raw to /api/upload and referred to by its id; an
// export is a file the backend wrote, downloaded (serve mode) or shown by
// its path on this machine (desktop).
import { ApiError, toApiError } from './call'
import { serveAuthHeaders, serveUrlWithTicket } from './serve'
import { localMessage, messageOf as rejectionMessage } from './message'

/**
 * An export the backend wrote (backend/transfer FileExport, an export job's
 * result): name, absolute path on the backend's machine, serve-mode downloadUrl, bytes.
 */
export interface FileExport {
  name: string
  path: string
  downloadUrl: string
  bytes: number
}

export interface UploadedFile {
  /** Pass to the backend call that reads the upload (usable once). */
  id: string
  bytes: number
}

export const uploadPath = '/api/upload'

function messageOf(body: unknown): string {
  const error = (body as { error?: { message?: unknown } } | null)?.error
  return typeof error?.message === 'string' ? error.message : ''
}

function uploadError(body: unknown, status: number): ApiError {
  const m = rejectionMessage((body as { error?: unknown } | null)?.error)
  return new ApiError(m ?? localMessage('uploadFailed', { detail: messageOf(body) || `HTTP ${status}` }))
}

/**
 * Uploads a file as the raw request body. Serve mode sends the serve token
 * (Authorization: Bearer); the desktop window's asset server routes the same path.
 */
export async function uploadFile(file: Blob): Promise<UploadedFile> {
  let response: Response
  try {
    response = await fetch(uploadPath, { method: 'POST', body: file, credentials: 'omit', headers: serveAuthHeaders() })
  } catch (reason) {
    throw new ApiError(localMessage('uploadFailed', { detail: reason instanceof Error ? reason.message : String(reason) }))
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    throw uploadError(body, response.status)
  }
  const uploaded = body as Partial<UploadedFile> | null
  if (!uploaded || typeof uploaded.id !== 'string' || !uploaded.id) {
    throw new ApiError(localMessage('uploadNoId'))
  }
  return { id: uploaded.id, bytes: Number(uploaded.bytes ?? 0) }
}

/** True in a browser on `wecom-bridge serve` (the serve shim sets the flag). */
export function isServeMode(): boolean {
  return (window as unknown as { __wecomBridgeServeMode?: unknown }).__wecomBridgeServeMode === true
}

/** What the UI shows once an export is offered. */
export type DownloadOffer =
  | { kind: 'downloaded'; name: string }
  | { kind: 'saved'; name: string; path: string }

/**
 * Serve mode: starts the browser download through a hidden link carrying a
 * single-use ticket (a link cannot send the token header). Desktop: nothing
 * to download, the file is already on this machine; the UI shows its path.
 */
export async function offerDownload(file: FileExport): Promise<DownloadOffer> {
  if (!isServeMode()) return { kind: 'saved', name: file.name, path: file.path }
  let href: string
  try {
    href = await serveUrlWithTicket(file.downloadUrl)
  } catch (reason) {
    throw toApiError(reason)
  }
  const link = document.createElement('a')
  link.href = href
  link.download = file.name
  link.style.display = 'none'
  document.body.appendChild(link)
  try {
    link.click()
  } finally {
    link.remove()
  }
  return { kind: 'downloaded', name: file.name }
}
