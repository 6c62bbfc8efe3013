import type { MiddlewareHandler } from 'hono'
import { etagOf } from './etag.js'
import { replaceResponse } from './replace-response.js'

/** Suffixes the compression middleware adds to an ETag for each encoding of the same bytes. */
export const ENCODING_ETAG_SUFFIX = { br: '-br', gzip: '-gz' } as const

/**
 * Gives every cacheable GET answer a strong ETag (a hash of its bytes) and answers conditional
 * requests with 304 Not Modified: If-None-Match first, If-Modified-Since only without it
 * (RFC 9110 §13.2.2). Routes that know when their content last changed set Last-Modified.
 */
export function conditionalGet(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const { method } = c.req
    if ((method !== 'GET' && method !== 'HEAD') || c.res.status !== 200) return
    const ifNoneMatch = c.req.header('If-None-Match')
    const ifModifiedSince = c.req.header('If-Modified-Since')
    // A route that tagged its answer itself (the public pages do) leaves nothing to do here
    // unless the request is conditional: the body need not be read back.
    if (ifNoneMatch === undefined && ifModifiedSince === undefined && c.res.headers.has('ETag')) return
    if (!c.res.body) return
    if ((c.res.headers.get('Cache-Control') ?? '').includes('no-store')) return

    const bytes = new Uint8Array(await c.res.arrayBuffer())
    const etag = c.res.headers.get('ETag') ?? etagOf(bytes)
    const headers = new Headers(c.res.headers)
    headers.set('ETag', etag)
    const current = clientHasCurrent(ifNoneMatch, ifModifiedSince, etag, headers.get('Last-Modified'))
    if (current) {
      // Echo the tag the client holds: it names its encoding of these bytes (see compress()).
      headers.set('ETag', current)
      const kept = new Headers()
      for (const name of ['ETag', 'Cache-Control', 'Last-Modified', 'Vary', 'Content-Location', 'Expires']) {
        const value = headers.get(name)
        if (value !== null) kept.set(name, value)
      }
      replaceResponse(c, new Response(null, { status: 304, headers: kept }))
      return
    }
    replaceResponse(c, new Response(bytes, { status: 200, headers }))
  }
}

/**
 * The ETag to answer 304 with when the client's copy is current, or undefined when it is not.
 * @example clientHasCurrent('"abc-br"', undefined, '"abc"', null) // '"abc-br"'
 */
export function clientHasCurrent(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, lastModified: string | null): string | undefined {
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return etag
    const bare = stripSuffix(etag)
    return ifNoneMatch.split(',').map((candidate) => candidate.trim().replace(/^W\//, '')).find((tag) => stripSuffix(tag) === bare)
  }
  if (ifModifiedSince !== undefined && lastModified) {
    const since = Date.parse(ifModifiedSince)
    const modified = Date.parse(lastModified)
    if (!Number.isNaN(since) && !Number.isNaN(modified) && modified <= since) return etag
  }
  return undefined
}

function stripSuffix(tag: string): string {
  for (const suffix of Object.values(ENCODING_ETAG_SUFFIX)) {
    if (tag.endsWith(`${suffix}"`)) return `${tag.slice(0, -suffix.length - 1)}"`
  }
  return tag
}
