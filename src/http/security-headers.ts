import type { MiddlewareHandler } from 'hono'

/** Headers every response carries, unless a route set a stricter one of its own (the admin does). */
export const SECURITY_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'SAMEORIGIN'],
]

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    for (const [name, value] of SECURITY_HEADERS) if (!c.res.headers.has(name)) c.header(name, value)
  }
}
