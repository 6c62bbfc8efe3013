import type { Context } from 'hono'
import { etagOf } from './etag.js'

/** As Hono's c.html() types a page. */
const HTML_TYPE = 'text/html; charset=UTF-8'
const utf8 = new TextEncoder()

/**
 * A rendered page (JSX) answered 200 as bytes with its ETag: conditionalGet then need not read
 * the answer back to hash it, nor build it again.
 * @example return taggedPage(c, <HomePage site={site} page={page} />, { 'Cache-Control': CACHE.page })
 */
export async function taggedPage(c: Context, page: unknown, headers: Record<string, string>): Promise<Response> {
  const bytes = utf8.encode(await (page as { toString(): string | Promise<string> }).toString())
  const response = c.body(bytes, 200, { 'Content-Type': HTML_TYPE, ...headers, ETag: etagOf(bytes) })
  pageBytes.set(response, bytes)
  return response
}

/**
 * The bytes of each answer `taggedPage` made, for the page cache: reading them back from the
 * Response would make @hono/node-server build the full Fetch Response it otherwise never needs
 * (about 45 µs of an article page's miss).
 */
const pageBytes = new WeakMap<Response, Uint8Array>()

/** The body of `response` as `taggedPage` made it, or undefined for any other answer. */
export function bytesOfTaggedPage(response: Response): Uint8Array | undefined {
  return pageBytes.get(response)
}
