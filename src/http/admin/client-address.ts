import type { Context } from 'hono'

/**
 * The client's network address, for throttling and the session list. Behind a reverse proxy
 * (`trustProxy`), the last address the proxy appended to X-Forwarded-For; otherwise the
 * socket's peer. Tests calling `app.request()` have no socket: they get 'local'.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1)
    if (forwarded) return forwarded.slice(0, 64)
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return incoming?.socket?.remoteAddress ?? 'local'
}
