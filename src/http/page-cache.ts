import { STATUS_CODES, validateHeaderName, validateHeaderValue, type IncomingMessage, type ServerResponse } from 'node:http'
import { brotliDecompressSync } from 'node:zlib'
import type { Hono, MiddlewareHandler } from 'hono'
import { changeMarkerReader, nextDueAfter } from '../content/site-changes.js'
import type { Clock } from '../core/clock.js'
import type { Db } from '../storage/connect.js'
import { CACHE } from './cache-control.js'
import { brotliBytes, chooseEncoding, gzipBytes, MIN_COMPRESS_BYTES } from './compress.js'
import { clientHasCurrent, ENCODING_ETAG_SUFFIX } from './conditional-get.js'
import { etagOf } from './etag.js'
import type { HeaderList } from './security-headers.js'
import { bytesOfTaggedPage } from './tagged-page.js'

/**
 * A rendered public page, valid while the site is unchanged. A page worth compressing is kept as
 * one brotli copy (what browsers take); its gzip copy and the page itself are made from that on
 * the first request that wants them, and then kept too, counted. So a page asked for once (most
 * pages of a large site) leaves about 4 kB behind, not the 23 kB of all three copies: less to
 * keep, and less memory that turns to garbage when it is dropped.
 */
interface Entry {
  marker: string
  /** The time the next scheduled article falls due: the page may change then without any write. */
  validUntil: number
  etag: string
  lastModified: string | null
  /** Lower-case names, and the security headers every answer carries. */
  headers: Record<string, string>
  /**
   * The page itself: always for a page too small to compress, else made from the brotli copy for
   * the first client after the one that rendered it that takes no encoding.
   */
  identity: Uint8Array | null
  /** The brotli copy; null for a page too small to gain from compression. */
  br: Uint8Array | null
  /** The gzip copy, made on the first request that wants it (null before, and for small pages). */
  gzip: Uint8Array | null
  size: number
  /**
   * Whether the brotli copy is the one kept for good (quality KEPT_QUALITY). A page is first kept
   * at RENDERED_QUALITY and compressed again on its first hit (see `refine`).
   */
  refined: boolean
  /** Status line and headers of the 200 answer in each encoding, as bytes, made on first use (socket fast path). */
  heads: Partial<Record<'identity' | 'br' | 'gzip', Buffer>>
  /** Whether the entry is still in the cache (an answer being written may hold one evicted meanwhile). */
  held: boolean
}

/**
 * A cache hit as bytes for the socket fast path: the status line and headers as Node's `http`
 * would write them, up to where Node adds Date and its connection headers, and the body (null
 * for a 304). `head` is the same Buffer for every 200 hit on one page in one encoding.
 */
export interface RawAnswer {
  status: number
  head: Buffer
  body: Uint8Array | null
}

/** The request headers a cached answer depends on. */
export interface HitConditions {
  acceptEncoding?: string
  ifNoneMatch?: string
  ifModifiedSince?: string
}

export interface PageCacheOptions {
  /**
   * Upper bound on the bytes kept: every copy of every page, the socket fast path's heads and the
   * answers it assembles from them (see `countHeld`); the default, 12 MB, holds about 2,850 article
   * pages as kept for browsers (one brotli copy each), or 630 that clients without encoding also took.
   */
  maxBytes?: number
  /** Paths never cached: files with their own caching, pages that depend on a query, the Content API. */
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
export function pageCache(site: Hono, { db, clock, securityHeaders }: { db: Db; clock: Clock; securityHeaders: HeaderList }, options: PageCacheOptions = {}): PageCache {
  const maxBytes = options.maxBytes ?? 12 * 1024 * 1024
  const bypass = options.bypass ?? /^\/(admin|media|search|assets|ghost\/api)\//
  const entries = new Map<string, Entry>()
  const readMarker = changeMarkerReader(db)
  let total = 0

  /** Heads made for the fast path, to the entry they belong to: what it assembles from one is counted there. */
  const headOwners = new WeakMap<Buffer, Entry>()

  const remove = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    total -= entry.size
    entry.held = false
    entries.delete(key)
  }
  /** Counts `bytes` more (or fewer) kept for `entry`, and makes room by dropping the oldest other pages. */
  const grow = (entry: Entry, bytes: number) => {
    entry.size += bytes
    if (!entry.held) return
    total += bytes
    for (const [oldest, other] of entries) {
      if (total <= maxBytes) break
      if (other !== entry) remove(oldest)
    }
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

  /**
   * Makes sure `entry` holds the copy a client sending `acceptEncoding` gets: a gzip copy or the
   * page itself is made from the brotli copy (or from the page just `rendered`) on the first
   * request that wants it, and kept, counted, so later ones do not pay for it again. The client
   * whose request rendered the page, if it takes no encoding, is answered with what was rendered,
   * which is not kept: most pages of a large site are asked for once.
   */
  const readyFor = (entry: Entry, acceptEncoding: string | undefined, rendered?: Uint8Array): Entry => {
    if (!entry.br) return entry
    const encoding = encodingFor(acceptEncoding ?? '')
    if (encoding === 'br') return entry
    if (encoding === 'gzip') {
      if (!entry.gzip) {
        entry.gzip = exactBytes(gzipBytes(rendered ?? brotliDecompressSync(entry.br), 9))
        grow(entry, entry.gzip.length)
      }
      return entry
    }
    if (entry.identity) return entry
    if (rendered) return { ...entry, identity: rendered }
    entry.identity = exactBytes(brotliDecompressSync(entry.br))
    grow(entry, entry.identity.length)
    return entry
  }

  /**
   * On a page's first hit, its brotli copy made quickly when it was rendered is made again at the
   * quality kept for good: most pages of a large site are asked for once and never pay for it; a
   * page asked for again pays once, and its readers get the smaller copy. Before any head is made
   * for it (heads are made on hits, after this), so no head holds the old length.
   */
  const refine = (entry: Entry): Entry => {
    if (entry.refined || !entry.br || entry.heads.br) return entry
    entry.refined = true
    const better = exactBytes(brotliBytes(entry.identity ?? brotliDecompressSync(entry.br), KEPT_QUALITY))
    const change = better.length - entry.br.length
    entry.br = better
    grow(entry, change)
    return entry
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    const { method } = c.req
    const url = new URL(c.req.url)
    if ((method !== 'GET' && method !== 'HEAD') || url.search !== '' || bypass.test(url.pathname)) return next()
    const key = url.pathname
    const marker = await readMarker()
    const now = clock.now().getTime()
    let entry = current(key, marker, now)
    let rendered: Uint8Array | undefined
    if (entry) refine(entry)
    else {
      const fresh = await site.fetch(new Request(url, { method: 'GET' }), c.env)
      if (!isCacheable(fresh)) return next()
      const due = await nextDueAfter(db, new Date(now))
      ;({ entry, rendered } = await toEntry(fresh, marker, due ? due.getTime() : Number.POSITIVE_INFINITY, securityHeaders))
      store(key, entry)
    }
    return answer(readyFor(entry, c.req.header('Accept-Encoding'), rendered), c.req.header('Accept-Encoding') ?? '', c.req.header('If-None-Match'), c.req.header('If-Modified-Since'), method)
  }
  /** The entry for `key` if it is still valid, moved to the most recently used end. */
  const current = (key: string, marker: string, now: number): Entry | undefined => {
    const entry = entries.get(key)
    if (!entry) return undefined
    entries.delete(key)
    if (entry.marker !== marker || now >= entry.validUntil) {
      total -= entry.size
      entry.held = false
      return undefined
    }
    entries.set(key, entry)
    return entry
  }

  /**
   * The valid entry for the request target `url` (as sent), ready for `acceptEncoding`, if there
   * is one: the synchronous lookup both `serveNode` and `rawAnswer` make.
   */
  const hit = (url: string, acceptEncoding: string | undefined): Entry | undefined => {
    if (!cacheableTarget(url) || bypass.test(url)) return undefined
    const marker = readMarker()
    if (typeof marker !== 'string') return undefined
    const key = decodePath(url)
    if (key === undefined) return undefined
    const found = current(key, marker, clock.now().getTime())
    return found && readyFor(refine(found), acceptEncoding)
  }

  /**
   * Answers a cached page straight onto a Node response, without building Fetch objects or
   * entering the router: the whole cost of a hit is a Map lookup and a synchronous marker read.
   * Returns false (having written nothing) when the request is not a hit.
   */
  const serveNode = (req: IncomingMessage, res: ServerResponse): boolean => {
    const { method, url } = req
    if ((method !== 'GET' && method !== 'HEAD') || !url) return false
    const entry = hit(url, header(req, 'accept-encoding'))
    if (!entry) return false
    const out = answerParts(entry, header(req, 'accept-encoding'), header(req, 'if-none-match'), header(req, 'if-modified-since'))
    res.writeHead(out.status, out.headers)
    res.end(method === 'HEAD' ? undefined : out.body)
    return true
  }

  /**
   * The same decision as `serveNode`, for a GET or HEAD to `url` (the request target as sent),
   * returned as bytes instead of written: undefined when it is not a hit.
   */
  const rawAnswer = (url: string, conditions: HitConditions): RawAnswer | undefined => {
    const entry = hit(url, conditions.acceptEncoding)
    if (!entry) return undefined
    if (conditions.ifNoneMatch === undefined && conditions.ifModifiedSince === undefined) {
      // The common case, a plain GET: the head for this encoding is usually made already.
      const encoding = entry.br ? encodingFor(conditions.acceptEncoding ?? '') : undefined
      const head = entry.heads[encoding ?? 'identity']
      if (head) return { status: 200, head, body: (encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : null) ?? entry.identity }
    }
    const out = answerParts(entry, conditions.acceptEncoding, conditions.ifNoneMatch, conditions.ifModifiedSince)
    if (out.status !== 200) return { status: out.status, head: serializeHead(out.status, out.headers), body: null }
    const headers: Record<string, string> = out.headers
    const encoding = (headers['Content-Encoding'] as 'br' | 'gzip' | undefined) ?? 'identity'
    let head = entry.heads[encoding]
    if (!head) {
      head = entry.heads[encoding] = serializeHead(200, headers)
      headOwners.set(head, entry)
      grow(entry, head.length)
    }
    return { status: 200, head, body: out.body }
  }

  const countHeld = (head: Buffer, bytes: number) => {
    const entry = headOwners.get(head)
    if (entry) grow(entry, bytes)
  }

  return Object.assign(middleware, {
    serveNode,
    rawAnswer,
    countHeld,
    clear: () => {
      for (const entry of entries.values()) entry.held = false
      entries.clear()
      total = 0
    },
    bytes: () => total,
  })
}

export type PageCache = MiddlewareHandler & {
  serveNode(req: IncomingMessage, res: ServerResponse): boolean
  rawAnswer(url: string, conditions: HitConditions): RawAnswer | undefined
  /**
   * Counts `bytes` more (negative: fewer) that the socket fast path keeps alongside the page a
   * 200 answer's `head` belongs to (the whole answer assembled from head and body), so the
   * cache's limit bounds them too; they go when the page is dropped.
   */
  countHeld(head: Buffer, bytes: number): void
  clear(): void
  bytes(): number
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/**
 * A request target the cache may answer: a path without a query. Not `//…`, which the URL parser
 * would read as a host (answering `//x/` with the page at `/`), while the router sees a path.
 */
function cacheableTarget(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.includes('?')
}

/** The path as the URL parser would give it (`/caf%C3%A9/` stays encoded), or undefined if odd. */
function decodePath(url: string): string | undefined {
  try {
    return new URL(url, 'http://cache.invalid').pathname
  } catch {
    return undefined
  }
}

function isCacheable(response: Response): boolean {
  return response.status === 200 && response.headers.get('Cache-Control') === CACHE.page && !response.headers.has('Set-Cookie')
}

/**
 * Brotli qualities of a kept page. 6 for a page asked for more than once, not 9: on a 14 kB article
 * page 9 took 7 ms and 6 takes 0.2 ms, for a copy 0.8 % larger. 2 when it is rendered: 0.09 ms, for
 * a copy about 18 % larger (4.2 kB against 3.6 kB), kept only until the page's first hit.
 */
const RENDERED_QUALITY = 2
const KEPT_QUALITY = 6

/** The entry for a rendered page, and the page itself (which the entry keeps only when too small to compress). */
async function toEntry(response: Response, marker: string, validUntil: number, securityHeaders: HeaderList): Promise<{ entry: Entry; rendered: Uint8Array }> {
  const identity = bytesOfTaggedPage(response) ?? new Uint8Array(await response.arrayBuffer())
  const small = identity.length < MIN_COMPRESS_BYTES
  const br = small ? null : exactBytes(brotliBytes(identity, RENDERED_QUALITY))
  const headers = Object.fromEntries([
    ...[...response.headers.entries()].filter(([name]) => !['content-length', 'etag', 'content-encoding', 'vary'].includes(name)),
    ...securityHeaders.map(([name, value]) => [name.toLowerCase(), value]),
  ])
  const entry: Entry = {
    marker, validUntil, etag: etagOf(identity), lastModified: response.headers.get('Last-Modified'), headers,
    identity: br ? null : identity, br, gzip: null, refined: !br,
    size: (br ? br.length : identity.length) + 512,
    heads: {},
    held: true,
  }
  return { entry, rendered: identity }
}

/**
 * `bytes` in memory of their own size, to be kept: a compressor's output is a slice of a larger
 * chunk (or of Node's shared pool of small buffers), which keeping the slice would keep whole.
 */
function exactBytes(bytes: Buffer): Uint8Array {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength - bytes.byteLength <= bytes.byteLength / 8 ? bytes : new Uint8Array(bytes)
}

function answer(entry: Entry, acceptEncoding: string, ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, method: string): Response {
  const { status, headers, body } = answerParts(entry, acceptEncoding, ifNoneMatch, ifModifiedSince)
  // Node's buffers, which these are, are never backed by a SharedArrayBuffer.
  return new Response(method === 'HEAD' ? null : body as Uint8Array<ArrayBuffer> | null, { status, headers })
}

/**
 * A status line and header block exactly as Node's `ServerResponse.writeHead` writes them, before
 * the Date and connection headers it adds. Names and values are checked the way Node checks them.
 */
function serializeHead(status: number, headers: Record<string, string>): Buffer {
  let text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`
  for (const [name, value] of Object.entries(headers)) {
    validateHeaderName(name)
    validateHeaderValue(name, value)
    text += `${name}: ${value}\r\n`
  }
  return Buffer.from(text, 'latin1')
}

/** Clients send few distinct Accept-Encoding values: the choice for the last ones is remembered. */
const encodingChoices = new Map<string, ReturnType<typeof chooseEncoding>>()
function encodingFor(acceptEncoding: string): ReturnType<typeof chooseEncoding> {
  if (encodingChoices.has(acceptEncoding)) return encodingChoices.get(acceptEncoding)
  const choice = chooseEncoding(acceptEncoding)
  if (encodingChoices.size >= 64) encodingChoices.clear()
  if (acceptEncoding.length <= 256) encodingChoices.set(acceptEncoding, choice)
  return choice
}

/** Status, headers and body for a cached page, chosen by the request's encoding and conditions. */
function answerParts(entry: Entry, acceptEncoding = '', ifNoneMatch: string | undefined, ifModifiedSince: string | undefined) {
  // `readyFor` has made the copy for this encoding.
  const encoding = entry.br ? encodingFor(acceptEncoding) : undefined
  const etag = encoding ? `${entry.etag.slice(0, -1)}${ENCODING_ETAG_SUFFIX[encoding]}"` : entry.etag
  const headers: Record<string, string> = { ...entry.headers, ETag: etag, Vary: 'Accept-Encoding' }
  const current = clientHasCurrent(ifNoneMatch, ifModifiedSince, etag, entry.lastModified)
  if (current) {
    const { 'content-type': _type, ...rest } = headers
    return { status: 304, headers: { ...rest, ETag: current }, body: null }
  }
  const body = (encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : null) ?? entry.identity!
  if (encoding) headers['Content-Encoding'] = encoding
  headers['Content-Length'] = String(body.length)
  return { status: 200, headers, body }
}
