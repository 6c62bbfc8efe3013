import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { EMBED_FRAME_ORIGINS } from '../content/body/embed-providers.js'
import { searchCss } from '../views/search-css.js'
import { siteCss } from '../views/site-css.js'

export type HeaderList = readonly (readonly [string, string])[]

/**
 * The CSP source for an inline `<style>` element holding exactly `css`.
 * @example styleHash('a{}') // "'sha256-…'"
 */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`
}

/**
 * The public site's Content-Security-Policy. No inline script runs: scripts come only from this
 * origin (`/assets/search.HASH.js`), and JSON-LD blocks are data, which CSP does not block.
 * The only inline styles are the site's and the search page's stylesheets, allowed by their
 * hashes, computed here from the very strings the layouts inline. Pictures may come from any
 * https address, because imported archives keep their pictures at their original address.
 * Frames may come only from the embed providers' origins (`frame-src`, made from the same
 * allow-list the sanitiser keeps frames by); `default-src` stays 'self', so workers and
 * everything else not named here stay on this origin.
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${styleHash(siteCss)} ${styleHash(searchCss)}`,
  "img-src 'self' data: https:",
  `frame-src ${EMBED_FRAME_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ')

/** Features no page of the site uses; `browsing-topics` is the successor of FLoC's `interest-cohort`. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), browsing-topics=()'

/** One year, subdomains included: only ever sent when the site's own address is https. */
export const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Headers every response carries, unless a route set its own (the admin sets a stricter CSP,
 * X-Frame-Options and Referrer-Policy). HSTS only when the public origin is https: sent over
 * plain http it would be ignored, and on a local http site it could only do harm.
 * @example securityHeaderList('https://news.example').some(([name]) => name === 'Strict-Transport-Security') // true
 */
export function securityHeaderList(siteUrl: string): HeaderList {
  return [
    ['Content-Security-Policy', SITE_CSP],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'SAMEORIGIN'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    ...(siteUrl.startsWith('https:') ? [['Strict-Transport-Security', HSTS] as const] : []),
  ]
}

/**
 * Adds `headers` to every response that does not already carry them: to the response itself
 * where its headers may be changed (Hono's c.header() would build a new Response for each header,
 * five copies per page), else through Hono (a `Response.redirect`'s headers are immutable).
 */
export function securityHeaders(headers: HeaderList): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const missing = headers.filter(([name]) => !c.res.headers.has(name))
    try {
      for (const [name, value] of missing) c.res.headers.set(name, value)
    } catch {
      for (const [name, value] of missing) if (!c.res.headers.has(name)) c.header(name, value)
    }
  }
}
