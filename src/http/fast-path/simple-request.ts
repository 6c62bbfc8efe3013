/**
 * A strict reader for the one kind of request the socket fast path answers: a complete HTTP/1.1
 * GET or HEAD without a body, received whole in one chunk. Anything else — another method or
 * version, a body or a hint of one, connection options, a malformed line, a header it does not
 * expect twice, obs-fold, non-ASCII bytes, a second request behind the first — gives null, and
 * the connection goes to Node's own HTTP parser, which answers or refuses it as usual. It never
 * repairs or guesses: a request it is unsure of is someone else's to judge (RFC 9112 §2–5).
 */

export interface SimpleRequest {
  method: 'GET' | 'HEAD'
  /** The request target exactly as sent (origin-form, no query). */
  target: string
  acceptEncoding?: string
  ifNoneMatch?: string
  ifModifiedSince?: string
}

/** Larger heads are left to Node (its own limit is 16 KB); real browser requests fit easily. */
export const MAX_SIMPLE_REQUEST_BYTES = 8 * 1024
/** More header lines than this are left to Node. */
const MAX_HEADER_LINES = 64

/** method SP origin-form SP HTTP/1.1: single spaces, path characters only (RFC 3986 pchar and "/"), no query. */
const REQUEST_LINE = /^(GET|HEAD) (\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*) HTTP\/1\.1$/
/** field-name ":" OWS field-value OWS, the name a token, the value visible ASCII, space and tab only. */
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):([\t\x20-\x7e]*)$/
const OWS = /^[\t ]+|[\t ]+$/g

/** Headers that mean a body, a change of protocol or connection handling: Node decides those. */
const LEAVE_TO_NODE = new Set([
  'content-length', 'transfer-encoding', 'connection', 'upgrade', 'expect', 'keep-alive', 'proxy-connection',
  'te', 'trailer', 'http2-settings',
])
/** Headers read here (and Host, which HTTP/1.1 requires once): seen twice, the request goes to Node. */
const ONCE_ONLY = new Set(['host', 'accept-encoding', 'if-none-match', 'if-modified-since'])

/**
 * The request in `chunk` if it is exactly one complete simple GET or HEAD, or null.
 * @example parseSimpleRequest(Buffer.from('GET /a/ HTTP/1.1\r\nHost: x\r\n\r\n'))?.target // '/a/'
 */
export function parseSimpleRequest(chunk: Uint8Array): SimpleRequest | null {
  if (chunk.length > MAX_SIMPLE_REQUEST_BYTES || chunk.length < 4) return null
  const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1')
  // One request, and all of it: the head ends at the very end of the chunk (nothing pipelined behind it).
  const end = text.indexOf('\r\n\r\n')
  if (end === -1 || end !== text.length - 4) return null
  const lines = text.slice(0, end).split('\r\n')
  if (lines.length - 1 > MAX_HEADER_LINES) return null
  const requestLine = REQUEST_LINE.exec(lines[0]!)
  if (!requestLine) return null
  const seen = new Set<string>()
  const request: SimpleRequest = { method: requestLine[1] as 'GET' | 'HEAD', target: requestLine[2]! }
  for (let i = 1; i < lines.length; i++) {
    // Also refuses obs-fold (a line starting with a space or tab), bare CR or LF, and non-ASCII bytes.
    const field = HEADER_LINE.exec(lines[i]!)
    if (!field) return null
    const name = field[1]!.toLowerCase()
    if (LEAVE_TO_NODE.has(name)) return null
    if (ONCE_ONLY.has(name)) {
      if (seen.has(name)) return null
      seen.add(name)
    }
    const value = field[2]!.replace(OWS, '')
    if (name === 'accept-encoding') request.acceptEncoding = value
    else if (name === 'if-none-match') request.ifNoneMatch = value
    else if (name === 'if-modified-since') request.ifModifiedSince = value
  }
  if (!seen.has('host')) return null
  return request
}
