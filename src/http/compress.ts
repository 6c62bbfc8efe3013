import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import { replaceResponse } from './replace-response.js'
import { ENCODING_ETAG_SUFFIX } from './conditional-get.js'

const COMPRESSIBLE = /^(text\/|application\/(xml|json|javascript|rss\+xml|atom\+xml|feed\+json|ld\+json|manifest\+json)|image\/svg\+xml)/
/** Below this a compressed answer saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 1024

type Encoding = keyof typeof ENCODING_ETAG_SUFFIX

/**
 * Compresses text answers with brotli or gzip, whichever the client prefers (brotli on a tie),
 * marks them `Vary: Accept-Encoding`, and gives each encoding its own strong ETag.
 * Must wrap `conditionalGet()`, so ETags are taken from the uncompressed bytes.
 */
export function compress(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    // A 304 already carries the tag the client holds, encoding suffix included.
    if (c.res.status === 304 || c.res.status === 204 || !c.res.body) return
    const type = c.res.headers.get('Content-Type') ?? ''
    if (!COMPRESSIBLE.test(type) || c.res.headers.has('Content-Encoding')) return
    const encoding = chooseEncoding(c.req.header('Accept-Encoding') ?? '')
    // Nothing to compress: the answer stays as it is, its body unread, but for Vary.
    if (!encoding && varyInPlace(c.res)) return
    const headers = new Headers(c.res.headers)
    headers.append('Vary', 'Accept-Encoding')
    const etag = headers.get('ETag')
    const bytes = new Uint8Array(await c.res.arrayBuffer())
    if (!encoding || bytes.length < MIN_COMPRESS_BYTES) {
      replaceResponse(c, new Response(bytes, { status: c.res.status, headers }))
      return
    }
    const packed = encoding === 'br' ? brotliBytes(bytes, 5) : gzipBytes(bytes, 6)
    headers.set('Content-Encoding', encoding)
    headers.set('Content-Length', String(packed.length))
    if (etag) headers.set('ETag', withSuffix(etag, encoding))
    replaceResponse(c, new Response(new Uint8Array(packed), { status: c.res.status, headers }))
  }
}

/** Adds `Vary: Accept-Encoding` to `response` itself; false when its headers may not be changed (as a `Response.redirect`'s). */
function varyInPlace(response: Response): boolean {
  try {
    response.headers.append('Vary', 'Accept-Encoding')
    return true
  } catch {
    return false
  }
}

/**
 * `bytes` compressed with brotli at `quality`, with a window no larger than the input (it cannot
 * reach further back anyway) and one output chunk about the size the result will be: for a 15 kB
 * page the encoder then sets up about 0.5 MB instead of 2.5 MB, and Node allocates one 4 kB output
 * chunk instead of 16 kB. Same bytes out for inputs up to the window, slightly smaller on average.
 */
export function brotliBytes(bytes: Uint8Array, quality: number): Buffer {
  return brotliCompressSync(bytes, {
    chunkSize: outputChunkSize(bytes.length),
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_LGWIN]: windowBits(bytes.length, constants.BROTLI_MIN_WINDOW_BITS, constants.BROTLI_MAX_WINDOW_BITS),
    },
  })
}

/** `bytes` compressed with gzip at `level`, with a window no larger than the input (as `brotliBytes`). */
export function gzipBytes(bytes: Uint8Array, level: number): Buffer {
  return gzipSync(bytes, { level, chunkSize: outputChunkSize(bytes.length), windowBits: windowBits(bytes.length, 9, 15) })
}

/** The smallest window of at least `min` bits (at most `max`) that covers `length` bytes. */
function windowBits(length: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.ceil(Math.log2(length + 1))))
}

/** Compressed text is a third of its size or less: one chunk of that size usually holds it all. */
function outputChunkSize(length: number): number {
  return Math.max(1024, Math.ceil(length / 3))
}

function withSuffix(etag: string, encoding: Encoding): string {
  return etag.endsWith('"') ? `${etag.slice(0, -1)}${ENCODING_ETAG_SUFFIX[encoding]}"` : etag
}

/**
 * The encoding to use for an Accept-Encoding header, or undefined for none.
 * @example chooseEncoding('gzip, deflate, br') // 'br'
 */
export function chooseEncoding(acceptEncoding: string): Encoding | undefined {
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0
  const br = weight('br')
  const gzip = weight('gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return undefined
}
