import type { MiddlewareHandler } from 'hono'

/** Headers every response carries; stricter policies per area come with the admin. */
export const SECURITY_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'SAMEORIGIN'],
]

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value)
  }
}
