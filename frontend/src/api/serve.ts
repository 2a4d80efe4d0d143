// Serve mode's own session actions, provided by the serve shim
// (backend/server/shim.js) as window.__wecomBridgeServe. The token lives in
// sessionStorage and goes out as Authorization: Bearer; links that cannot
// send a header get a single-use ticket. In the desktop app none of this
// exists and the helpers are no-ops.
import { ApiError, toApiError } from './call'
import { localMessage } from './message'

interface ServeSession {
  authHeaders(): Record<string, string>
  withTicket(url: string): Promise<string>
  signOut(): void
  rotate(): Promise<void>
}

function session(): ServeSession | undefined {
  return (window as unknown as { __wecomBridgeServe?: ServeSession }).__wecomBridgeServe
}

/** True when the page runs on `wecom-bridge serve` with its session helpers. */
export function hasServeSession(): boolean {
  return session() !== undefined
}

/** The Authorization header for a raw fetch (none in the desktop app). */
export function serveAuthHeaders(): Record<string, string> {
  return session()?.authHeaders() ?? {}
}

/** url with a single-use ticket in serve mode; url itself in the desktop app. */
export async function serveUrlWithTicket(url: string): Promise<string> {
  const s = session()
  return s ? s.withTicket(url) : url
}

/** Forgets the token in this tab only and shows the sign-in page. */
export function signOutServe(): void {
  session()?.signOut()
}

/**
 * Replaces the serve token: every browser is signed out, serve prints the
 * new URL and writes the token file. Rejects (ApiError) when the token is set
 * by WECOM_BRIDGE_TOKEN, which only a restart can change.
 */
export async function rotateServeToken(): Promise<void> {
  const s = session()
  if (!s) throw new ApiError(localMessage('notServe'))
  try {
    await s.rotate()
  } catch (reason) {
    throw toApiError(reason)
  }
}
