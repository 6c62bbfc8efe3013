import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Hono, MiddlewareHandler } from 'hono'
import { nextDueAfter, readChangeMarker } from '../content/site-changes.js'
import type { Clock } from '../core/clock.js'
import type { Db } from '../storage/connect.js'
import { CACHE } from './cache-control.js'
import { chooseEncoding, MIN_COMPRESS_BYTES } from './compress.js'
import { clientHasCurrent, ENCODING_ETAG_SUFFIX } from './conditional-get.js'
import { etagOf } from './etag.js'

/** A rendered public page, kept with its compressed copies, valid while the site is unchanged. */
interface Entry {
  marker: string
  /** The time the next scheduled article falls due: the page may change then without any write. */
  validUntil: number
  etag: string
  headers: [string, string][]
  identity: Uint8Array<ArrayBuffer>
  /** Compressed copies; absent for answers too small to gain from compression. */
  br: Uint8Array<ArrayBuffer> | null
  gzip: Uint8Array<ArrayBuffer> | null
  size: number
}

export interface PageCacheOptions {
  /** Upper bound on the bytes kept (all three encodings of every page counted). */
  maxBytes?: number
  /** Paths never cached: files with their own caching, and pages that depend on a query. */
  bypass?: RegExp
}

/**
 * Serves public pages from memory: a hit costs one primary-key lookup (has anything changed
 * since this page was rendered?) and no rendering, hashing or compressing. Invalidation is
 * exact: every write records a change marker (see `markContentChanged`), so a publish, update,
 * unpublish or delete, and any change to a section, tag, author or setting, makes every cached
 * page stale at once, in this process and in any other sharing the database; a scheduled
 * article falling due does too. A miss renders through `site` and keeps the answer if it is a
 * public 200 page.
 */
export function pageCache(site: Hono, { db, clock }: { db: Db; clock: Clock }, options: PageCacheOptions = {}): MiddlewareHandler & { clear(): void; bytes(): number } {
  const maxBytes = options.maxBytes ?? 48 * 1024 * 1024
  const bypass = options.bypass ?? /^\/(media|search|assets)\//
  const entries = new Map<string, Entry>()
  let total = 0

  const remove = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    total -= entry.size
    entries.delete(key)
  }
  const store = (key: string, entry: Entry) => {
    remove(key)
    entries.set(key, entry)
    total += entry.size
    // Oldest first: a Map iterates in insertion order, and a hit re-inserts (see below).
    for (const oldest of entries.keys()) {
      if (total <= maxBytes) break
      remove(oldest)
    }
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    const { method } = c.req
    const url = new URL(c.req.url)
    if ((method !== 'GET' && method !== 'HEAD') || url.search !== '' || bypass.test(url.pathname)) return next()
    const key = url.pathname
    const marker = await readChangeMarker(db)
    const now = clock.now().getTime()
    let entry = entries.get(key)
    if (entry && (entry.marker !== marker || now >= entry.validUntil)) {
      remove(key)
      entry = undefined
    }
    if (entry) {
      entries.delete(key)
      entries.set(key, entry) // most recently used goes last
    } else {
      const fresh = await site.fetch(new Request(url, { method: 'GET' }), c.env)
      if (!isCacheable(fresh)) return next()
      const due = await nextDueAfter(db, new Date(now))
      entry = await toEntry(fresh, marker, due ? due.getTime() : Number.POSITIVE_INFINITY)
      store(key, entry)
    }
    return answer(entry, c.req.header('Accept-Encoding') ?? '', c.req.header('If-None-Match'), c.req.header('If-Modified-Since'), method)
  }
  return Object.assign(middleware, {
    clear: () => { entries.clear(); total = 0 },
    bytes: () => total,
  })
}

function isCacheable(response: Response): boolean {
  return response.status === 200 && response.headers.get('Cache-Control') === CACHE.page && !response.headers.has('Set-Cookie')
}

async function toEntry(response: Response, marker: string, validUntil: number): Promise<Entry> {
  const identity = new Uint8Array(await response.arrayBuffer())
  const small = identity.length < MIN_COMPRESS_BYTES
  // Compressed once per page, so the slower, tighter settings are worth it.
  const br = small ? null : new Uint8Array(brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }))
  const gzip = small ? null : new Uint8Array(gzipSync(identity, { level: 9 }))
  const headers = [...response.headers.entries()].filter(([name]) => !['content-length', 'etag', 'content-encoding', 'vary'].includes(name))
  return { marker, validUntil, etag: etagOf(identity), headers, identity, br, gzip, size: identity.length + (br?.length ?? 0) + (gzip?.length ?? 0) + 512 }
}

function answer(entry: Entry, acceptEncoding: string, ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, method: string): Response {
  const encoding = entry.br && entry.gzip ? chooseEncoding(acceptEncoding) : undefined
  const etag = encoding ? `${entry.etag.slice(0, -1)}${ENCODING_ETAG_SUFFIX[encoding]}"` : entry.etag
  const headers = new Headers(entry.headers)
  headers.set('ETag', etag)
  headers.set('Vary', 'Accept-Encoding')
  const current = clientHasCurrent(ifNoneMatch, ifModifiedSince, etag, headers.get('Last-Modified'))
  if (current) {
    headers.set('ETag', current)
    headers.delete('Content-Type')
    return new Response(null, { status: 304, headers })
  }
  const body = (encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : null) ?? entry.identity
  if (encoding) headers.set('Content-Encoding', encoding)
  headers.set('Content-Length', String(body.length))
  return new Response(method === 'HEAD' ? null : body, { status: 200, headers })
}
