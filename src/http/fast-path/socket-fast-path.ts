import type http from 'node:http'
import type { Socket } from 'node:net'
import type { PageCache, RawAnswer } from '../page-cache.js'
import { parseSimpleRequest } from './simple-request.js'

/**
 * Answers page-cache hits straight from the socket, before Node's HTTP parser, for as long as a
 * connection sends nothing but strictly simple GET and HEAD requests (see `parseSimpleRequest`)
 * for cached pages. The first request that is anything else — malformed, with a body, split over
 * several reads, pipelined, a miss — is put back on the socket unread (`socket.unshift`) and the
 * connection handed to `server`'s own connection handling, where it stays until it closes. The
 * answers are the bytes `server` would send for the same hit (the same `PageCache` decision,
 * headers and order), so a client cannot tell which path answered.
 *
 * Keeps `server`'s keep-alive timeout and `close()`/`closeAllConnections()` working for the
 * connections it holds. Leaves the server alone when it limits requests per socket.
 * @example answerHitsOnSocket(http.createServer(listener), cache).listen(3000)
 */
export function answerHitsOnSocket(server: http.Server, cache: PageCache): http.Server {
  const listeners = server.listeners('connection')
  if (listeners.length !== 1) throw new Error(`answerHitsOnSocket: expected Node's one connection listener on the server, found ${listeners.length}`)
  const nodeConnection = listeners[0] as (this: http.Server, socket: Socket) => void
  server.removeListener('connection', nodeConnection)
  const held = new Set<Socket>()
  const date = httpDateCache()

  server.on('connection', (socket: Socket) => {
    if (server.maxRequestsPerSocket) return nodeConnection.call(server, socket)
    held.add(socket)
    let answered = false
    const handOff = (chunk: Buffer) => {
      socket.removeListener('data', onData)
      socket.removeListener('timeout', onTimeout)
      socket.removeListener('end', onEnd)
      socket.removeListener('error', onError)
      socket.removeListener('close', onClose)
      socket.setTimeout(0)
      held.delete(socket)
      // Paused, the bytes wait at the front of the stream while Node attaches its parser; resumed,
      // they reach it on the next tick, before any later read from the connection can.
      socket.pause()
      socket.unshift(chunk)
      nodeConnection.call(server, socket)
      socket.resume()
    }
    const onData = (chunk: Buffer) => {
      const request = parseSimpleRequest(chunk)
      const answer = request ? hit(cache, request.target, request) : undefined
      if (!request || !answer) return handOff(chunk)
      socket.write(responseBytes(cache, answer, request.method === 'HEAD', date(), server.keepAliveTimeout))
      if (!answered) {
        answered = true
        // From now on the socket waits between requests: Node's keep-alive timeout applies.
        socket.setTimeout(server.keepAliveTimeout)
      }
      // A client that does not read its answers is not sent more until it does.
      if (socket.writableNeedDrain) {
        socket.pause()
        socket.once('drain', () => socket.resume())
      }
    }
    const onTimeout = () => socket.destroy()
    // The client is done sending: finish writing, then close (as Node does for a half-closed connection).
    const onEnd = () => socket.end()
    const onError = () => socket.destroy()
    const onClose = () => held.delete(socket)
    socket.on('data', onData)
    socket.on('timeout', onTimeout)
    socket.on('end', onEnd)
    socket.on('error', onError)
    socket.on('close', onClose)
    socket.setTimeout(server.headersTimeout)
  })

  // Node's close() closes idle connections through closeIdleConnections(); ours are idle between
  // answers (each is written whole as soon as its request arrives).
  const closeIdle = server.closeIdleConnections.bind(server)
  const closeAll = server.closeAllConnections.bind(server)
  server.closeIdleConnections = () => {
    for (const socket of held) {
      if (socket.writableLength > 0) socket.end()
      else socket.destroy()
    }
    closeIdle()
  }
  server.closeAllConnections = () => {
    for (const socket of held) socket.destroy()
    closeAll()
  }
  return server
}

function hit(cache: PageCache, target: string, conditions: Parameters<PageCache['rawAnswer']>[1]): RawAnswer | undefined {
  try {
    return cache.rawAnswer(target, conditions)
  } catch {
    // A header Node would refuse to write: let the normal path meet the same error.
    return undefined
  }
}

/**
 * The whole answer in one buffer: a 200's head and body are kept per second per page variant, so
 * a hit costs one write of ready bytes; the page cache counts them in its limit. Date, Connection
 * and Keep-Alive come last, as Node writes them.
 */
function responseBytes(cache: PageCache, answer: RawAnswer, headOnly: boolean, date: string, keepAliveTimeout: number): Buffer {
  const tail = `Date: ${date}\r\nConnection: keep-alive\r\n${keepAliveTimeout ? `Keep-Alive: timeout=${Math.floor(keepAliveTimeout / 1000)}\r\n` : ''}\r\n`
  if (answer.status !== 200) return Buffer.concat([answer.head, Buffer.from(tail, 'latin1')])
  const key = headOnly ? headOnlyKey : bodyKey
  let made = assembled.get(answer.head)?.[key]
  if (!made || made.tail !== tail) {
    const bytes = Buffer.concat(headOnly || !answer.body ? [answer.head, Buffer.from(tail, 'latin1')] : [answer.head, Buffer.from(tail, 'latin1'), answer.body])
    cache.countHeld(answer.head, bytes.length - (made?.bytes.length ?? 0))
    made = { tail, bytes }
    const forHead = assembled.get(answer.head) ?? {}
    forHead[key] = made
    assembled.set(answer.head, forHead)
  }
  return made.bytes
}

const bodyKey = 'withBody'
const headOnlyKey = 'headOnly'
/** Keyed by the page cache's head buffer: dropped with the cache entry that holds it. */
const assembled = new WeakMap<Buffer, Partial<Record<typeof bodyKey | typeof headOnlyKey, { tail: string; bytes: Buffer }>>>()

/** The current time as an HTTP date, formatted once per second (as Node does). */
function httpDateCache(): () => string {
  let second = -1
  let text = ''
  return () => {
    const now = Date.now()
    const current = Math.floor(now / 1000)
    if (current !== second) {
      second = current
      text = new Date(now).toUTCString()
    }
    return text
  }
}
