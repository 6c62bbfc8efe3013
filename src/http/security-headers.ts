import type { MiddlewareHandler } from 'hono'

/** Headers every response carries; stricter policies per area come with the admin. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    c.header('X-Frame-Options', 'SAMEORIGIN')
  }
}
