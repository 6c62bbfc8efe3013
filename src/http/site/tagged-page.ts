import type { Context } from 'hono'
import { etagOf } from '../etag.js'

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
  return c.body(bytes, 200, { 'Content-Type': HTML_TYPE, ...headers, ETag: etagOf(bytes) })
}
